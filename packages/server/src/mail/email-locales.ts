import type { PartialEmailDictionary } from './email-dictionary.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** Bundled dictionaries, keyed by lower-case BCP 47 tag (`fr`, or a region such as `pt-br`). */
export const EMAIL_DICTIONARIES: Readonly<Record<string, PartialEmailDictionary>> = Object.freeze({ en, fr, de });

/**
 * The dictionaries to consult for a locale, most specific first, ending with English: `fr-FR` tries
 * `fr-fr`, then `fr`, then `en`. Tags are matched case-insensitively and `_` counts as `-`, since
 * browsers send `fr-FR` and some systems store `fr_FR`.
 *
 * @example
 * emailLocaleChain('fr-FR', EMAIL_DICTIONARIES) // ['fr', 'en']
 */
export function emailLocaleChain(
  locale: string | undefined,
  dictionaries: Readonly<Record<string, unknown>>,
): string[] {
  const tag = (locale ?? '').trim().replace(/_/g, '-').toLowerCase();
  const subtags = tag.split('-');
  const candidates = subtags.map((_, index) => subtags.slice(0, subtags.length - index).join('-'));
  const chain = [...candidates, 'en'].filter((candidate) => candidate !== '' && Object.hasOwn(dictionaries, candidate));
  return [...new Set(chain)];
}
