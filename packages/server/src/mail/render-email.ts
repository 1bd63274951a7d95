import type { EmailContent } from './email-content.js';
import type { PartialEmailDictionary } from './email-dictionary.js';
import { renderEmailHTML } from './email-html.js';
import { EMAIL_DICTIONARIES, emailLocaleChain } from './email-locales.js';
import { EMAIL_TEMPLATES, isEmailTemplate } from './email-templates.js';
import { renderEmailText } from './email-text.js';
import { fillPlaceholders } from './fill-placeholders.js';
import { en } from './locales/en.js';

export interface RenderEmailInput {
  /** The recipient's locale (`fr-FR`, `de`); unknown or absent means English. */
  locale?: string | undefined;
  applicationName: string;
  /** Template variables (`code`, `url`, …) and the optional `expiresInMinutes`. */
  [variable: string]: string | undefined;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Renders one email in the recipient's language: subject, plain text and HTML.
 *
 * Throws on a caller's bug (unknown template, a missing variable, a code that is not 6 digits, a
 * link that is not http(s)) rather than mailing something broken.
 *
 * @example
 * const { subject, text, html } = renderEmail('sign_in_code', { locale: 'fr-FR', applicationName: 'Acme', code: '123456' });
 * subject // '123456 est votre code de connexion Acme'
 */
export function renderEmail(
  template: string,
  input: RenderEmailInput,
  dictionaries: Readonly<Record<string, PartialEmailDictionary>> = EMAIL_DICTIONARIES,
): RenderedEmail {
  if (!isEmailTemplate(template)) {
    throw new Error(`Unknown email template "${template}"; expected one of ${Object.keys(EMAIL_TEMPLATES).join(', ')}`);
  }
  const { kind, variables: required } = EMAIL_TEMPLATES[template];
  const { locale, ...given } = input;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) if (value !== undefined) values[name] = value;
  for (const name of required) {
    if (!values[name]) throw new Error(`Email template "${template}" needs the variable "${name}"`);
  }
  checkVariables(values);

  const tags = emailLocaleChain(locale, dictionaries);
  const lang = tags[0] ?? 'en';
  // The bundled English is always the last resort, even when a caller's dictionaries leave it out.
  const chain = [...tags.map((tag) => dictionaries[tag] ?? {}), en];
  const translate = (pick: (dictionary: PartialEmailDictionary) => string | undefined) => {
    const message = chain.map(pick).find((candidate) => candidate !== undefined);
    if (message === undefined) throw new Error(`Email template "${template}" lacks an English message`);
    return fillPlaceholders(message, values);
  };
  const messages = (dictionary: PartialEmailDictionary) => dictionary.templates?.[template];

  const notes: string[] = [];
  const expiresInMinutes = values.expiresInMinutes;
  if (kind === 'code' && expiresInMinutes !== undefined) {
    const plural = new Intl.PluralRules(lang).select(Number(expiresInMinutes)) === 'one' ? 'one' : 'other';
    notes.push(translate((dictionary) => dictionary.expiry?.[plural]));
  }
  notes.push(translate((dictionary) => messages(dictionary)?.outro));

  const content: EmailContent = {
    lang,
    applicationName: values.applicationName ?? '',
    // Header injection: a subject never spans lines, whatever a variable holds.
    subject: translate((dictionary) => messages(dictionary)?.subject)
      .replace(/\s+/g, ' ')
      .trim(),
    heading: translate((dictionary) => messages(dictionary)?.heading),
    intro: translate((dictionary) => messages(dictionary)?.intro),
    notes,
    footer: translate((dictionary) => dictionary.footer),
  };
  if (kind === 'code') content.code = values.code;
  if (kind === 'link') {
    content.action = {
      label: translate((dictionary) => messages(dictionary)?.action),
      url: values.url ?? '',
      fallbackText: translate((dictionary) => dictionary.linkFallback),
    };
  }
  return { subject: content.subject, text: renderEmailText(content), html: renderEmailHTML(content) };
}

function checkVariables(values: Record<string, string>): void {
  if (values.code !== undefined && !/^\d{6}$/.test(values.code)) {
    throw new Error('Email variable "code" must be 6 digits');
  }
  if (values.expiresInMinutes !== undefined && !/^[1-9]\d*$/.test(values.expiresInMinutes)) {
    throw new Error('Email variable "expiresInMinutes" must be a positive whole number');
  }
  // Escaping keeps a URL inside its attribute but does not stop `javascript:` from running when clicked.
  if (values.url !== undefined && !isWebURL(values.url)) {
    throw new Error('Email variable "url" must be an absolute http(s) URL');
  }
}

function isWebURL(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
