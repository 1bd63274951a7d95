import type { LatchLocalization } from '@latch/localizations';

/** An error split for display: messages placed on the named fields, the rest for the form's alert. */
export interface DisplayErrors {
  fields: Record<string, string>;
  global: string | null;
}

interface WireError {
  code?: string;
  message?: string;
  longMessage?: string;
  long_message?: string;
  meta?: { paramName?: string; param_name?: string };
}

/**
 * Turns what a `@latch/js` call threw into messages: each API error goes on the field its
 * `meta.param_name` names when that field is on screen, else into the form-level alert. Messages come
 * from the localization by code (`code__param` first), falling back to the server's own text.
 *
 * @example
 * const { fields, global } = toDisplayErrors(error, l, ['identifier', 'password']);
 */
export function toDisplayErrors(error: unknown, l: LatchLocalization, fieldNames: readonly string[]): DisplayErrors {
  const fields: Record<string, string> = {};
  const globals: string[] = [];
  const list = apiErrors(error);
  if (!list) {
    const isNetwork = error instanceof TypeError;
    return { fields, global: (isNetwork ? l.errors.network : l.errors.unknown) ?? 'Error' };
  }
  for (const item of list) {
    const param = item.meta?.paramName ?? item.meta?.param_name;
    const message = localizedMessage(item, param, l);
    if (param && fieldNames.includes(param) && !fields[param]) fields[param] = message;
    else if (!globals.includes(message)) globals.push(message);
  }
  return { fields, global: globals.length > 0 ? globals.join(' ') : null };
}

function localizedMessage(item: WireError, param: string | undefined, l: LatchLocalization): string {
  const code = item.code ?? '';
  return (
    (param ? l.errors[`${code}__${param}`] : undefined) ??
    l.errors[code] ??
    item.longMessage ??
    item.long_message ??
    item.message ??
    l.errors.unknown ??
    code
  );
}

function apiErrors(error: unknown): WireError[] | null {
  if (!error || typeof error !== 'object') return null;
  const list = (error as { errors?: unknown }).errors;
  return Array.isArray(list) && list.length > 0 ? (list as WireError[]) : null;
}

/** The first error code of an API error, for flows that branch on it. */
export function errorCode(error: unknown): string | null {
  return apiErrors(error)?.[0]?.code ?? null;
}
