import type { EmailDictionary } from '../email-dictionary.js';

/**
 * English: the complete dictionary every other locale falls back to, key by key.
 *
 * @example
 * en.templates.sign_in_code.subject // '{code} is your {applicationName} sign-in code'
 */
export const en: EmailDictionary = {
  expiry: {
    one: 'This code expires in {expiresInMinutes} minute.',
    other: 'This code expires in {expiresInMinutes} minutes.',
  },
  linkFallback: "If the button doesn't work, copy and paste this link into your browser:",
  footer: 'This is an automated message from {applicationName}.',
  templates: {
    verification_code: {
      // The code leads the subject so it shows in notification previews, as Clerk's emails do.
      subject: '{code} is your {applicationName} verification code',
      heading: 'Verify your email address',
      intro: 'Enter this code in {applicationName} to verify your email address:',
      outro: "If you didn't request this code, you can safely ignore this email.",
    },
    sign_in_code: {
      subject: '{code} is your {applicationName} sign-in code',
      heading: 'Your sign-in code',
      intro: 'Enter this code to sign in to {applicationName}:',
      outro: "If you didn't try to sign in, you can safely ignore this email.",
    },
    reset_password_code: {
      subject: '{code} is your {applicationName} password reset code',
      heading: 'Reset your password',
      intro: 'Enter this code in {applicationName} to choose a new password:',
      outro: "If you didn't ask to reset your password, you can ignore this email; your password stays the same.",
    },
    password_changed: {
      subject: 'Your {applicationName} password was changed',
      heading: 'Your password was changed',
      intro: 'The password for your {applicationName} account was just changed.',
      outro: "If you didn't make this change, reset your password right away and contact {applicationName} support.",
    },
    primary_email_changed: {
      subject: 'Your {applicationName} email address was changed',
      heading: 'Your primary email address was changed',
      intro: 'The primary email address of your {applicationName} account is now {newEmailAddress}.',
      outro: "If you didn't make this change, contact {applicationName} support right away.",
    },
    organization_invitation: {
      subject: '{inviterName} invited you to join {organizationName} on {applicationName}',
      heading: 'Join {organizationName}',
      intro: '{inviterName} invited you to join the {organizationName} organization on {applicationName}.',
      action: 'Accept invitation',
      outro: "If you weren't expecting this invitation, you can ignore this email.",
    },
    test_email: {
      subject: 'Test email from {applicationName}',
      heading: 'Your email settings work',
      intro: '{applicationName} sent this message to check its email settings. It arrived, so they work.',
      outro: 'Nothing else to do. If you did not expect this email, someone tested the settings with your address.',
    },
  },
};
