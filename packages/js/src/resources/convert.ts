/** Unix milliseconds (the Frontend API's timestamps) → Date; null stays null. */
export function toDate(ms: number | null | undefined): Date | null {
  return typeof ms === 'number' ? new Date(ms) : null;
}

/** `supported_first_factors` → `supportedFirstFactors`, deeply: for small, plain JSON (config, factors). */
export function camelizeKeys<T = Record<string, unknown>>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => camelizeKeys(item)) as T;
  if (value === null || typeof value !== 'object') return value as T;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())] = camelizeKeys(item);
  }
  return result as T;
}
