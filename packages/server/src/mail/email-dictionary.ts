import type { EmailTemplate } from './email-templates.js';

/**
 * The words of one email. Plain text with `{variable}` placeholders, never HTML: the HTML layout
 * escapes every string it is given, so a translation cannot break the markup and a variable cannot
 * inject any.
 */
export interface TemplateMessages {
  subject: string;
  heading: string;
  /** Shown before the code or the button. */
  intro: string;
  /** Shown after it: what to do if the reader did not ask for this email. */
  outro: string;
  /** Button label, for `link` templates. */
  action?: string;
}

/** Every message of one language. English is complete; other locales may leave keys out. */
export interface EmailDictionary {
  /** Plural forms for the optional `expiresInMinutes` variable, chosen with `Intl.PluralRules`. */
  expiry: { one: string; other: string };
  /** Precedes the raw link under a button, for clients that strip links from buttons. */
  linkFallback: string;
  footer: string;
  templates: Record<EmailTemplate, TemplateMessages>;
}

/**
 * A translation that may lag behind English: any key it lacks falls back to English, so shipping a new
 * template never breaks a locale.
 */
export interface PartialEmailDictionary {
  expiry?: Partial<EmailDictionary['expiry']>;
  linkFallback?: string;
  footer?: string;
  templates?: { [T in EmailTemplate]?: Partial<TemplateMessages> };
}
