import { z } from 'zod';

/** Limits Clerk documents for user fields; enforced server-side. */
export const USER_LIMITS = {
  nameMaxLength: 256,
  externalIdMaxLength: 256,
  emailMaxLength: 320,
  usernameMinLength: 4,
  usernameMaxLength: 64,
  metadataMaxBytes: 8 * 1024,
  passwordDigestMaxLength: 1024,
} as const;

/** The password-digest algorithms Latch can import and verify. */
export const PASSWORD_HASHERS = [
  'argon2id',
  'argon2i',
  'bcrypt',
  'scrypt_werkzeug',
  'pbkdf2_sha256',
  'pbkdf2_sha256_django',
] as const;
export type PasswordHasher = (typeof PASSWORD_HASHERS)[number];

/**
 * A metadata object: any JSON object, checked but not rebuilt. `z.record` copies by assignment, which
 * turns a `"__proto__"` key into the copy's prototype and silently drops it; this passes the parsed
 * object through as it came, every own key kept.
 */
export const Metadata = z
  .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    message: 'must be a JSON object',
  })
  .meta({ type: 'object', additionalProperties: {} });

const optionalName = z.string().max(USER_LIMITS.nameMaxLength).nullable().optional();

/** An RFC 3339 timestamp string such as `2012-10-20T07:15:20.902Z`. */
export const RFC3339 = z.iso.datetime({ offset: true });

/** Path parameter of every `/users/{user_id}/…` endpoint. */
export const UserIdParams = z.object({ user_id: z.string().min(1).max(128) });

/** Fields shared by create and update. */
const userFields = {
  external_id: z.string().max(USER_LIMITS.externalIdMaxLength).nullable().optional(),
  first_name: optionalName,
  last_name: optionalName,
  locale: z.string().max(35).nullable().optional(),
  username: z.string().nullable().optional(),
  password: z.string().nullable().optional(),
  password_digest: z.string().max(USER_LIMITS.passwordDigestMaxLength).nullable().optional(),
  password_hasher: z.enum(PASSWORD_HASHERS).nullable().optional(),
  skip_password_checks: z.boolean().nullable().optional(),
  public_metadata: Metadata.optional(),
  private_metadata: Metadata.optional(),
  unsafe_metadata: Metadata.optional(),
  delete_self_enabled: z.boolean().nullable().optional(),
  create_organization_enabled: z.boolean().nullable().optional(),
  create_organizations_limit: z.number().int().min(0).max(2_147_483_647).nullable().optional(),
  legal_accepted_at: RFC3339.nullable().optional(),
  skip_legal_checks: z.boolean().nullable().optional(),
  created_at: RFC3339.nullable().optional(),
};

/** Body of `POST /users`. */
export const CreateUserBody = z
  .strictObject({
    ...userFields,
    email_address: z.array(z.string()).max(20).optional(),
    email_address_identification_status: z.array(z.enum(['verified', 'reserved'])).optional(),
    phone_number: z.array(z.string()).max(20).optional(),
    phone_number_identification_status: z.array(z.enum(['verified', 'reserved'])).optional(),
    skip_password_requirement: z.boolean().nullable().optional(),
  })
  .meta({ id: 'CreateUserBody' });
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** Body of `PATCH /users/{user_id}`. */
export const UpdateUserBody = z
  .strictObject({
    ...userFields,
    primary_email_address_id: z.string().max(128).optional(),
    primary_phone_number_id: z.string().max(128).optional(),
    sign_out_of_other_sessions: z.boolean().nullable().optional(),
    notify_primary_email_address_changed: z.boolean().nullable().optional(),
  })
  .meta({ id: 'UpdateUserBody' });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** Body of `PATCH` (deep merge) and `PUT` (replace) `/users/{user_id}/metadata`. */
export const UserMetadataBody = z
  .strictObject({
    public_metadata: Metadata.nullable().optional(),
    private_metadata: Metadata.nullable().optional(),
    unsafe_metadata: Metadata.nullable().optional(),
  })
  .meta({ id: 'UserMetadataBody' });
export type UserMetadataBody = z.infer<typeof UserMetadataBody>;

/** Body of `POST /users/{user_id}/verify_password`. */
export const VerifyPasswordBody = z.strictObject({ password: z.string().min(1) }).meta({ id: 'VerifyPasswordBody' });

/** Columns `order_by` accepts, with an optional `+`/`-` prefix (default descending by creation). */
export const USER_ORDER_FIELDS = [
  'created_at',
  'updated_at',
  'email_address',
  'phone_number',
  'username',
  'first_name',
  'last_name',
  'last_sign_in_at',
  'last_active_at',
] as const;
export type UserOrderField = (typeof USER_ORDER_FIELDS)[number];

const stringList = z.array(z.string().max(512)).max(100).optional();
const timestamp = z.coerce.number().int().min(0).optional();
const booleanString = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

/** Filters shared by `GET /users` and `GET /users/count`. */
export const userFilterFields = {
  email_address: stringList,
  phone_number: stringList,
  external_id: stringList,
  username: stringList,
  user_id: stringList,
  query: z.string().max(256).optional(),
  email_address_query: z.string().max(256).optional(),
  phone_number_query: z.string().max(256).optional(),
  username_query: z.string().max(256).optional(),
  name_query: z.string().max(256).optional(),
  banned: booleanString,
  locked: booleanString,
  created_at_before: timestamp,
  created_at_after: timestamp,
  last_active_at_before: timestamp,
  last_active_at_after: timestamp,
  last_sign_in_at_before: timestamp,
  last_sign_in_at_after: timestamp,
};

/** Query of `GET /users/count`. */
export const CountUsersQuery = z.strictObject(userFilterFields).meta({ id: 'CountUsersQuery' });
export type CountUsersQuery = z.infer<typeof CountUsersQuery>;

/** Query of `GET /users`: filters plus pagination and ordering. */
export const ListUsersQuery = z
  .strictObject({
    ...userFilterFields,
    limit: z.coerce.number().int().min(1).max(500).default(10),
    offset: z.coerce.number().int().min(0).default(0),
    order_by: z
      .string()
      .regex(new RegExp(`^[+-]?(${USER_ORDER_FIELDS.join('|')})$`))
      .default('-created_at'),
  })
  .meta({ id: 'ListUsersQuery' });
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

/** Names of query parameters that may repeat (`?user_id=a&user_id=b`). */
export const USER_LIST_ARRAY_PARAMS = ['email_address', 'phone_number', 'external_id', 'username', 'user_id'] as const;
