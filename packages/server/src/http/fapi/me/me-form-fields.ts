import { Metadata } from '@latch/protocol';
import { z } from 'zod';
import { parseJSONField } from '../form-body.js';

/**
 * Field schemas for `/v1/me` bodies. clerk-js sends forms, where every value is a string and `null`
 * arrives as an empty string; JSON bodies send real types. Both mean the same here.
 */

/**
 * Text that may be cleared: `''` (a form's `null`) and `null` both become `null`.
 *
 * @example
 * z.strictObject({ first_name: clearableText(256).optional() })
 */
export function clearableText(maxLength: number) {
  return z
    .union([z.string().max(maxLength), z.null()])
    .transform((value) => (value === '' || value === null ? null : value));
}

/**
 * A boolean as a form sends it (`'true'`/`'false'`) or as JSON does.
 *
 * @example
 * z.strictObject({ sign_out_of_other_sessions: formBoolean.optional() })
 */
export const formBoolean = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean(),
);

/**
 * A JSON object sent as a JSON string in a form field (`unsafe_metadata={"a":1}`) or as an object in
 * a JSON body. Anything else is a 422 naming the field.
 *
 * @example
 * z.strictObject({ unsafe_metadata: jsonObjectField })
 */
export const jsonObjectField = z.preprocess((value, context) => {
  // Without this a missing field would fail the object check and read as malformed, not missing.
  if (value === undefined) context.addIssue({ code: 'invalid_type', expected: 'object', input: value });
  return parseJSONField(value);
}, Metadata);

/**
 * Like `jsonObjectField`, but `''`/`null` are allowed and mean "no object".
 *
 * @example
 * z.strictObject({ unsafe_metadata: clearableJSONObjectField.optional() })
 */
export const clearableJSONObjectField = z.preprocess(parseJSONField, Metadata.nullable());

/**
 * A required string form field of bounded length (passwords, codes, addresses).
 *
 * @example
 * z.strictObject({ code: requiredText(32) })
 */
export function requiredText(maxLength: number) {
  return z.string().min(1).max(maxLength);
}

/** Body-less endpoints still refuse parameters they do not know. */
export const NoFields = z.strictObject({});
