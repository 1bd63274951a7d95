/**
 * Every email Latch sends, and what each needs to render. The names are stored (outbox rows, the dev
 * inbox, `email.created` webhooks), so they are a stable contract: add names, never rename one.
 *
 * `kind` picks the layout: `code` shows a one-time code in a large monospace block, `link` shows a
 * button, `notice` is text only.
 *
 * @example
 * EMAIL_TEMPLATES.sign_in_code.variables // ['code']
 */
export const EMAIL_TEMPLATES = {
  /** Sign-up or add-email verification code. */
  verification_code: { kind: 'code', variables: ['code'] },
  /** Email code first factor. */
  sign_in_code: { kind: 'code', variables: ['code'] },
  reset_password_code: { kind: 'code', variables: ['code'] },
  password_changed: { kind: 'notice', variables: [] },
  /** Sent to the previous address, so its owner learns of a takeover. */
  primary_email_changed: { kind: 'notice', variables: ['newEmailAddress'] },
  organization_invitation: { kind: 'link', variables: ['url', 'organizationName', 'inviterName'] },
  /** Sent from the dashboard's Email page to check the SMTP settings. */
  test_email: { kind: 'notice', variables: [] },
} as const satisfies Record<string, { kind: 'code' | 'link' | 'notice'; variables: readonly string[] }>;

export type EmailTemplate = keyof typeof EMAIL_TEMPLATES;

/**
 * Narrows a stored template name.
 *
 * @example
 * isEmailTemplate('sign_in_code') // true
 */
export function isEmailTemplate(name: string): name is EmailTemplate {
  return Object.hasOwn(EMAIL_TEMPLATES, name);
}
