/**
 * Encodes request parameters the way clerk-js does (PROTOCOL.md §2.1): camelCase keys become
 * snake_case, `undefined` is dropped, `null` becomes an empty string (`organization_id=` = "none"),
 * arrays repeat their key and objects travel as JSON (`unsafe_metadata={"a":1}`).
 *
 * @example
 * encodeFormBody({ emailAddress: 'a@b.co', unsafeMetadata: { a: 1 } }) // 'email_address=a%40b.co&unsafe_metadata=%7B%22a%22%3A1%7D'
 */
export function encodeFormBody(params: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const name = snakeCase(key);
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, encodeValue(item));
  }
  return form.toString();
}

function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `emailAddressId` → `email_address_id`; already snake_case keys pass through. */
export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
