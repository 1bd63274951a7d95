/**
 * Keys whose values are user data, not API fields: their contents pass through untouched in both
 * directions (a `publicMetadata.someKey` must stay `someKey` on the wire, and a JWT template's
 * `claims` keep the names the token will carry).
 */
const OPAQUE_KEYS = new Set([
  'public_metadata',
  'private_metadata',
  'unsafe_metadata',
  'publicMetadata',
  'privateMetadata',
  'unsafeMetadata',
  'claims',
  'actor',
  'request_headers',
  'requestHeaders',
]);

export function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

function convertKeys(value: unknown, convert: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => convertKeys(item, convert));
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    result[convert(key)] = OPAQUE_KEYS.has(key) ? item : convertKeys(item, convert);
  }
  return result;
}

/** Request params → wire JSON: camelCase keys become snake_case, deeply (metadata contents excepted). */
export function toSnakeKeys<T>(value: T): unknown {
  return convertKeys(value, snakeCase);
}

/** Wire JSON → SDK objects: snake_case keys become camelCase, deeply (metadata contents excepted). */
export function toCamelKeys(value: unknown): unknown {
  return convertKeys(value, camelCase);
}
