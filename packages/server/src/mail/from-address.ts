import addressparser from 'nodemailer/lib/addressparser';

export interface FromAddress {
  /** Display name; empty when the setting gave only an address. */
  name: string;
  address: string;
}

/**
 * Parses the sender setting, `no-reply@acme.com` or `Acme <no-reply@acme.com>`; null when it is not
 * exactly one address.
 *
 * @example
 * parseFromAddress('Acme <no-reply@acme.com>') // { name: 'Acme', address: 'no-reply@acme.com' }
 */
export function parseFromAddress(from: string): FromAddress | null {
  const parsed = addressparser(from, { flatten: true });
  const [first] = parsed;
  if (parsed.length !== 1 || !first?.address || !/^[^@\s]+@[^@\s]+$/.test(first.address)) return null;
  return { name: first.name, address: first.address };
}

/**
 * The display form of a sender, quoting the name when RFC 5322 requires it.
 *
 * @example
 * formatFromAddress({ name: 'Acme, Inc.', address: 'no-reply@acme.com' }) // '"Acme, Inc." <no-reply@acme.com>'
 */
export function formatFromAddress({ name, address }: FromAddress): string {
  if (!name) return address;
  const display = /^[\w !#$%&'*+/=?^`{|}~.-]*$/.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`;
  return `${display} <${address}>`;
}
