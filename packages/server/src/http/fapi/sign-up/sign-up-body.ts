import { Metadata, USER_LIMITS } from '@latch/protocol';
import { z } from 'zod';
import type { SignUpFieldsInput } from '../../../domain/sign-up/sign-up-fields.js';
import { parseJSONField } from '../form-body.js';

/**
 * Optional text. clerk-js turns `null` into an empty form value, so `''`, whitespace and `null` all
 * mean "not given": a sign-up field, once set, is changed by sending a new value, never cleared.
 */
function optionalText(maxLength: number, { trim = true } = {}) {
  // `.nullable()` rather than a union with null, so a too-long value reports `too_big`, not "invalid".
  return z
    .string()
    .max(maxLength)
    .nullable()
    .optional()
    .transform((value) => {
      if (value === null || value === undefined) return undefined;
      return (trim ? value.trim() : value) === '' ? undefined : value;
    });
}

/** `'true'`/`'false'` from a form, a real boolean from JSON. */
const formBoolean = z
  .union([z.boolean(), z.enum(['true', 'false']), z.literal(''), z.null()])
  .optional()
  .transform((value) =>
    value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined,
  );

/** A JSON object, sent as a JSON string in a form (`unsafe_metadata={"a":1}`) or as an object in JSON. */
const metadataField = z.preprocess(parseJSONField, Metadata.nullable().optional());

/** Accepted so clerk-js's requests pass, and ignored: Latch shows no captcha and keeps no time zone. */
const ignored = z.unknown().optional();

/**
 * The fields of `POST /v1/client/sign_ups` and `PATCH /v1/client/sign_ups/{id}`. Strict: a parameter
 * Latch does not support (`phone_number`, `web3_wallet`, `ticket`, …) is refused by name with
 * `form_param_unknown` instead of being silently dropped.
 */
export const SignUpFieldsBody = z.strictObject({
  email_address: optionalText(USER_LIMITS.emailMaxLength),
  // Never trimmed: leading or trailing spaces are part of a password.
  password: optionalText(1024, { trim: false }),
  username: optionalText(USER_LIMITS.usernameMaxLength * 4),
  first_name: optionalText(USER_LIMITS.nameMaxLength),
  last_name: optionalText(USER_LIMITS.nameMaxLength),
  unsafe_metadata: metadataField,
  legal_accepted: formBoolean,
  locale: optionalText(35),
  // The only strategy Latch signs up with; clerk-js omits it for email + password.
  strategy: z.enum(['email_code']).optional(),
  timezone: ignored,
  captcha_token: ignored,
  captcha_error: ignored,
  captcha_widget_type: ignored,
});

/**
 * The domain's view of a parsed body.
 *
 * @example
 * toSignUpFieldsInput(parseFields(SignUpFieldsBody, context.body))
 */
export function toSignUpFieldsInput(body: z.output<typeof SignUpFieldsBody>): SignUpFieldsInput {
  return {
    emailAddress: body.email_address,
    password: body.password,
    username: body.username,
    firstName: body.first_name,
    lastName: body.last_name,
    unsafeMetadata: body.unsafe_metadata ?? undefined,
    legalAccepted: body.legal_accepted,
    locale: body.locale,
  };
}
