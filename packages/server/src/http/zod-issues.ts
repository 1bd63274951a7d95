import type { ErrorCode } from '@latch/protocol';
import type { z } from 'zod';
import { LatchAPIError } from '../errors.js';

/**
 * Turns a zod failure into Clerk-shaped 422s, one per parameter, each naming it in `meta.param_name`
 * (`email_address`, not `email_address.0`: the form field, as Clerk's UI maps it).
 */
export function zodErrorToAPIError(error: z.ZodError, input: unknown): LatchAPIError {
  const seen = new Set<string>();
  const errors = error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    return keys.flatMap((param) => {
      if (seen.has(param)) return [];
      seen.add(param);
      const [code, message, longMessage] = describe(issue, param, valueAt(input, issue.path));
      return [{ code, message, long_message: longMessage, ...(param ? { meta: { param_name: param } } : {}) }];
    });
  });
  return new LatchAPIError(422, errors);
}

function describe(issue: z.core.$ZodIssue, param: string, value: unknown): [ErrorCode, string, string] {
  // Whatever the schema expected, an absent field is a missing one.
  if (value === undefined && issue.code !== 'unrecognized_keys' && issue.path.length > 0) {
    return ['form_param_missing', 'is missing', `${param} must be included.`];
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return ['form_param_unknown', 'is unknown', `${param} is not a valid parameter for this request.`];
    case 'invalid_type':
      if (value === undefined) return ['form_param_missing', 'is missing', `${param} must be included.`];
      if (value === null) return ['form_param_nil', 'must not be null', `${param} must not be null.`];
      return ['form_param_format_invalid', 'is invalid', `${param} must be ${article(issue.expected)}.`];
    case 'too_big':
      return [
        'form_param_max_length_exceeded',
        'is too long',
        `${param} must be at most ${issue.maximum}${unit(issue.origin)}.`,
      ];
    case 'too_small':
      return [
        'form_param_min_length_not_reached',
        'is too short',
        `${param} must be at least ${issue.minimum}${unit(issue.origin)}.`,
      ];
    case 'invalid_value':
      return [
        'form_param_value_invalid',
        'is invalid',
        `${param} must be one of: ${issue.values.map((value) => String(value)).join(', ')}.`,
      ];
    default:
      // Refinements such as the metadata object check see null too; say so as invalid_type would.
      if (value === null) return ['form_param_nil', 'must not be null', `${param} must not be null.`];
      return [
        'form_param_format_invalid',
        'is invalid',
        `${param} is invalid${issue.message ? `: ${issue.message}` : ''}.`,
      ];
  }
}

/** The offending value, looked up by the issue's path (zod leaves `input` out of issues by default). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function unit(origin: string): string {
  return origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
}
