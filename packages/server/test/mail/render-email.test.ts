import { describe, expect, it } from 'vitest';
import { EMAIL_DICTIONARIES } from '../../src/mail/email-locales.js';
import { EMAIL_TEMPLATES, type EmailTemplate } from '../../src/mail/email-templates.js';
import { en } from '../../src/mail/locales/en.js';
import { renderEmail } from '../../src/mail/render-email.js';
import { extractCode } from '../support/smtp-sink.js';

const VARIABLES: Record<EmailTemplate, Record<string, string>> = {
  verification_code: { code: '123456' },
  sign_in_code: { code: '123456' },
  reset_password_code: { code: '123456' },
  password_changed: {},
  primary_email_changed: { newEmailAddress: 'new@example.com' },
  organization_invitation: { url: 'https://acme.test/accept?t=1', organizationName: 'Rocket', inviterName: 'Ada' },
  test_email: {},
};

const render = (template: EmailTemplate, locale?: string) =>
  renderEmail(template, { locale, applicationName: 'Acme', ...VARIABLES[template] });

describe('renderEmail', () => {
  it.each(Object.keys(EMAIL_TEMPLATES) as EmailTemplate[])(
    'renders %s with subject, text and HTML in every locale',
    (template) => {
      for (const locale of ['en', 'fr', 'de']) {
        const email = render(template, locale);
        expect(email.subject).toContain('Acme');
        expect(email.subject).not.toMatch(/[{}\n]/);
        expect(email.text).not.toMatch(/[{}]/);
        expect(email.text).toContain('Acme');
        expect(email.html).toMatch(/^<!DOCTYPE html>/);
        expect(email.html).toContain(`<html lang="${locale}"`);
        if (EMAIL_TEMPLATES[template].kind === 'code') {
          expect(email.subject).toContain('123456');
          expect(extractCode(email.text)).toBe('123456');
          expect(email.html).toContain('>123456</p>');
        }
      }
    },
  );

  it('speaks English, French and German', () => {
    expect(render('sign_in_code', 'en').subject).toBe('123456 is your Acme sign-in code');
    expect(render('sign_in_code', 'fr').subject).toBe('123456 est votre code de connexion Acme');
    expect(render('sign_in_code', 'de').subject).toBe('123456 ist Ihr Anmeldecode für Acme');
    expect(render('password_changed', 'de').text).toContain(
      'Das Passwort Ihres Kontos bei Acme wurde soeben geändert.',
    );
    expect(render('organization_invitation', 'fr').text).toContain(
      'Accepter l’invitation: https://acme.test/accept?t=1',
    );
  });

  it('falls back from a region to its language, and from an unknown language to English', () => {
    expect(render('verification_code', 'fr-FR').subject).toBe(render('verification_code', 'fr').subject);
    expect(render('verification_code', 'de_AT').html).toContain('<html lang="de"');
    expect(render('verification_code', 'ja-JP').subject).toBe('123456 is your Acme verification code');
    expect(render('verification_code', 'ja-JP').html).toContain('<html lang="en"');
    expect(render('verification_code').subject).toBe('123456 is your Acme verification code');
    expect(render('verification_code', '').subject).toBe('123456 is your Acme verification code');
  });

  it('falls back to English key by key when a translation is incomplete', () => {
    const dictionaries = {
      ...EMAIL_DICTIONARIES,
      es: { templates: { sign_in_code: { subject: '{code} es tu código' } } },
    };
    const email = renderEmail(
      'sign_in_code',
      { locale: 'es-MX', applicationName: 'Acme', code: '654321' },
      dictionaries,
    );
    expect(email.subject).toBe('654321 es tu código');
    expect(email.text).toContain('Enter this code to sign in to Acme:');
    expect(email.html).toContain('<html lang="es"');
  });

  it('ships complete translations that use only the placeholders English uses', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const flatten = (value: unknown, path = ''): [string, string][] =>
      typeof value === 'string'
        ? [[path, value]]
        : Object.entries(value as object).flatMap(([key, child]) => flatten(child, `${path}.${key}`));
    const english = new Map(flatten(en));
    for (const [locale, dictionary] of Object.entries(EMAIL_DICTIONARIES)) {
      const translated = new Map(flatten(dictionary));
      expect([...translated.keys()].sort(), locale).toEqual([...english.keys()].sort());
      for (const [key, text] of translated) {
        expect(placeholders(text), `${locale}${key}`).toEqual(placeholders(english.get(key) ?? ''));
      }
    }
  });

  it('adds the expiry with the right plural form', () => {
    const withExpiry = (locale: string, expiresInMinutes: string) =>
      renderEmail('verification_code', { locale, applicationName: 'Acme', code: '123456', expiresInMinutes }).text;
    expect(withExpiry('en', '10')).toContain('This code expires in 10 minutes.');
    expect(withExpiry('en', '1')).toContain('This code expires in 1 minute.');
    expect(withExpiry('fr', '1')).toContain('Ce code expire dans 1\u00a0minute.');
    expect(withExpiry('de', '10')).toContain('Dieser Code läuft in 10 Minuten ab.');
    expect(render('verification_code', 'en').text).not.toContain('expires');
  });

  it('refuses to render a broken email', () => {
    const base = { applicationName: 'Acme' };
    expect(() => renderEmail('welcome', { ...base })).toThrow(/Unknown email template "welcome"/);
    expect(() => renderEmail('sign_in_code', { ...base })).toThrow(/needs the variable "code"/);
    expect(() => renderEmail('sign_in_code', { ...base, code: '12345' })).toThrow(/6 digits/);
    expect(() => renderEmail('sign_in_code', { ...base, code: '12345a' })).toThrow(/6 digits/);
    expect(() => renderEmail('sign_in_code', { ...base, code: '123456', expiresInMinutes: '0' })).toThrow(/positive/);
    const broken = { en: { templates: { sign_in_code: { subject: 'Hello {name}' } } } };
    expect(() => renderEmail('sign_in_code', { ...base, code: '123456' }, broken)).toThrow(
      /uses \{name\}, which has no value/,
    );
  });
});
