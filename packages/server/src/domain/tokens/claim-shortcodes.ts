/**
 * Clerk's shortcode language for JWT templates and session-token customisation:
 * `"{{user.id}}"`, `"{{user.public_metadata.role || 'member'}}"`, `"{{user.first_name}} {{user.last_name}}"`.
 *
 * - A string that is exactly one shortcode takes the value's own type (object, boolean, number, null).
 * - Shortcodes inside a longer string are interpolated as text (`null` renders as an empty string).
 * - `a || b || 'literal'` falls through values that are null, undefined, '' or false.
 * - Objects and arrays are walked recursively; other JSON values pass through unchanged.
 *
 * @example
 * renderClaims({ sub: '{{user.id}}', role: 'authenticated' }, { user: { id: 'user_1' } })
 * // { sub: 'user_1', role: 'authenticated' }
 */
export function renderClaims(template: Record<string, unknown>, data: ShortcodeData): Record<string, unknown> {
  return renderValue(template, data) as Record<string, unknown>;
}

/** The values shortcodes can reach: `user.*`, `org.*`, `session.*`. */
export type ShortcodeData = Record<string, unknown>;

const SHORTCODE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const WHOLE_SHORTCODE = /^\{\{\s*([^{}]+?)\s*\}\}$/;

function renderValue(value: unknown, data: ShortcodeData): unknown {
  if (typeof value === 'string') return renderString(value, data);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, data));
  if (value !== null && typeof value === 'object') {
    const rendered: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(rendered, key, {
        value: renderValue(item, data),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return rendered;
  }
  return value;
}

function renderString(text: string, data: ShortcodeData): unknown {
  const whole = WHOLE_SHORTCODE.exec(text);
  if (whole?.[1]) return evaluate(whole[1], data) ?? null;
  return text.replace(SHORTCODE, (_match, expression: string) => {
    const value = evaluate(expression, data);
    if (value === null || value === undefined) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}

/** `path || path || 'literal'`: the first alternative with a usable value. */
function evaluate(expression: string, data: ShortcodeData): unknown {
  const alternatives = expression.split('||').map((part) => part.trim());
  for (const alternative of alternatives) {
    const value = literalOrPath(alternative, data);
    if (value !== null && value !== undefined && value !== '' && value !== false) return value;
  }
  // Every alternative was empty: keep the last one's value (so `false` stays `false`, not null).
  return literalOrPath(alternatives.at(-1) ?? '', data);
}

function literalOrPath(token: string, data: ShortcodeData): unknown {
  const quoted = /^(['"])(.*)\1$/.exec(token);
  if (quoted) return quoted[2];
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  if (token === 'true' || token === 'false') return token === 'true';
  if (token === 'null') return null;
  let value: unknown = data;
  for (const key of token.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
