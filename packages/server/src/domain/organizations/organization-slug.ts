import { formError } from '../../errors.js';

/** Lower-case letters, digits and single dashes or underscores between them: Clerk's slug rule. */
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 64;

/**
 * Checks a slug someone chose; a bad one is a 422 naming `slug`.
 *
 * @example
 * assertValidSlug('acme-inc')
 */
export function assertValidSlug(slug: string): void {
  if (slug.length > SLUG_MAX_LENGTH || !SLUG.test(slug)) {
    throw formError(
      'form_param_format_invalid',
      'slug',
      'is invalid',
      'The slug may contain only lower-case letters, digits, "-" and "_", and must start and end with a letter or digit.',
    );
  }
}

/**
 * A slug from a name, for organizations created without one: `Acme, Inc.` → `acme-inc`.
 *
 * @example
 * slugFromName('Acme, Inc.') // 'acme-inc'
 */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH - 7)
    .replace(/-+$/, '');
  return slug || 'organization';
}
