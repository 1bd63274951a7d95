import {
  deDE,
  enUS,
  esES,
  frFR,
  interpolate,
  type LatchLocalization,
  mergeLocalization,
  plPL,
} from '@latch/localizations';
import { describe, expect, it } from 'vitest';

const LOCALES: Record<string, LatchLocalization> = { deDE, esES, frFR, plPL };

/** Every string path of a localization, with its `{{placeholders}}`. */
function leaves(value: unknown, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string')
      out.set(path, [...child.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] as string).sort());
    else for (const [inner, names] of leaves(child, path)) out.set(inner, names);
  }
  return out;
}

describe('@latch/localizations', () => {
  const english = leaves(enUS);

  for (const [name, locale] of Object.entries(LOCALES)) {
    it(`${name} is complete (every English key, server error codes included) with the same placeholders`, () => {
      const translated = leaves(locale);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [path, placeholders] of english) expect(translated.get(path), `${name} ${path}`).toEqual(placeholders);
    });

    it(`${name} is really translated (not English copied)`, () => {
      const same = [...leaves(locale)].filter(([path]) => path !== 'locale' && leaves(enUS).get(path) !== undefined);
      const identical = same.filter(([path]) => {
        const read = (source: unknown) =>
          path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], source);
        return read(locale) === read(enUS);
      });
      // A few words are the same in both languages ("Optional" in German, "Confirmation" in French).
      expect(identical.length).toBeLessThan(english.size / 20);
    });
  }

  it('merges partial localizations over English, deeply, later layers winning', () => {
    const merged = mergeLocalization(plPL, { signIn: { start: { title: 'Witaj w {{applicationName}}' } } });
    expect(merged.signIn.start.title).toBe('Witaj w {{applicationName}}');
    expect(merged.signIn.start.subtitle).toBe(plPL.signIn.start.subtitle);
    const partial = mergeLocalization({ formButtonPrimary: 'Go', errors: { form_code_incorrect: 'Nope' } });
    expect(partial.formButtonPrimary).toBe('Go');
    expect(partial.errors.form_code_incorrect).toBe('Nope');
    expect(partial.errors.form_password_incorrect).toBe(enUS.errors.form_password_incorrect);
    expect(partial.signIn.start.title).toBe(enUS.signIn.start.title);
    expect(mergeLocalization()).toEqual(enUS);
  });

  it('interpolates {{placeholders}} and leaves unknown ones visible', () => {
    expect(interpolate(enUS.signIn.start.title, { applicationName: 'Acme' })).toBe('Sign in to Acme');
    expect(interpolate('Hi {{ name }}, {{missing}}', { name: 'Ada' })).toBe('Hi Ada, {{missing}}');
  });
});
