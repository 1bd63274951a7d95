/**
 * One email's content after translation and placeholder filling, before layout: plain, unescaped
 * strings that `renderEmailHTML` escapes and `renderEmailText` prints.
 */
export interface EmailContent {
  /** BCP 47 tag of the dictionary used, for `<html lang>` so screen readers pick the right voice. */
  lang: string;
  applicationName: string;
  subject: string;
  heading: string;
  intro: string;
  code?: string;
  action?: { label: string; url: string; fallbackText: string };
  /** Short paragraphs after the code or button (expiry, what to do if unexpected). */
  notes: string[];
  footer: string;
}
