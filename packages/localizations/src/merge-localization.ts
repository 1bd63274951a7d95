import { enUS, type LatchLocalization } from './en-us.js';

/** Any subset of a localization, at any depth: what apps pass as `localization`. */
export type LocalizationResource = DeepPartial<LatchLocalization>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

/**
 * Merges partial localizations over English, left to right, so every key has a value.
 *
 * @example
 * const strings = mergeLocalization(plPL, { signIn: { start: { title: 'Witaj w Acme' } } });
 */
export function mergeLocalization(...layers: Array<LocalizationResource | null | undefined>): LatchLocalization {
  let result: Record<string, unknown> = enUS as unknown as Record<string, unknown>;
  for (const layer of layers) {
    if (layer) result = mergeDeep(result, layer as Record<string, unknown>);
  }
  return result as unknown as LatchLocalization;
}

function mergeDeep(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined || value === null) continue;
    const current = out[key];
    out[key] =
      typeof value === 'object' && typeof current === 'object' && current !== null
        ? mergeDeep(current as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

/**
 * Fills `{{name}}` placeholders; unknown names stay visible so a typo shows up instead of vanishing.
 *
 * @example
 * interpolate('Sign in to {{applicationName}}', { applicationName: 'Acme' }); // 'Sign in to Acme'
 */
export function interpolate(template: string, values: Record<string, string | number | undefined> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
