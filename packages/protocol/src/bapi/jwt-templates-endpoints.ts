import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';
import { DeletedObjectJSON } from '../resources/common.js';
import { JWT_TEMPLATE_ALGORITHMS, JWTTemplateJSON, listOf } from '../resources/session.js';
import { paginationQueryFields } from './sessions-endpoints.js';

const tag = 'JWT Templates';

/** Limits on a template, as Clerk documents them. */
export const JWT_TEMPLATE_LIMITS = {
  nameMaxLength: 128,
  minLifetimeSeconds: 30,
  maxLifetimeSeconds: 315_360_000,
  defaultLifetimeSeconds: 60,
  maxClockSkewSeconds: 300,
  defaultClockSkewSeconds: 5,
  claimsMaxBytes: 8 * 1024,
  signingKeyMaxLength: 16 * 1024,
} as const;

/**
 * Template names appear in URL paths (`/tokens/{template_name}`), so they stay URL-safe: a `/` or a
 * space would make the template unreachable from some clients.
 */
const TemplateName = z
  .string()
  .min(1)
  .max(JWT_TEMPLATE_LIMITS.nameMaxLength)
  .regex(/^[A-Za-z0-9_.-]+$/, 'use only letters, digits, ".", "_" and "-"');

/**
 * A template's claims: any JSON object, passed through as it came (a `__proto__` claim stays a
 * claim). Checked with `invalid_type` issues so a missing, null or non-object value gets the usual
 * `form_param_missing` / `form_param_nil` / `form_param_format_invalid` error.
 */
const Claims = z
  .unknown()
  .superRefine((value, context) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      context.addIssue({ code: 'invalid_type', expected: 'object', input: value });
    }
  })
  .meta({ type: 'object', additionalProperties: {} }) as unknown as z.ZodType<Record<string, unknown>>;

/** Path parameter of `/jwt_templates/{template_id}`. */
export const JWTTemplateIdParams = z.object({ template_id: z.string().min(1).max(128) });

/** Query of `GET /jwt_templates`. */
export const ListJWTTemplatesQuery = z.strictObject(paginationQueryFields).meta({ id: 'ListJWTTemplatesQuery' });
export type ListJWTTemplatesQuery = z.infer<typeof ListJWTTemplatesQuery>;

const templateFields = {
  lifetime: z
    .number()
    .int()
    .min(JWT_TEMPLATE_LIMITS.minLifetimeSeconds)
    .max(JWT_TEMPLATE_LIMITS.maxLifetimeSeconds)
    .nullable()
    .optional(),
  allowed_clock_skew: z.number().int().min(0).max(JWT_TEMPLATE_LIMITS.maxClockSkewSeconds).nullable().optional(),
  custom_signing_key: z.boolean().optional(),
  signing_algorithm: z.enum(JWT_TEMPLATE_ALGORITHMS).nullable().optional(),
  signing_key: z.string().max(JWT_TEMPLATE_LIMITS.signingKeyMaxLength).nullable().optional(),
};

/** Body of `POST /jwt_templates`. */
export const CreateJWTTemplateBody = z
  .strictObject({ name: TemplateName, claims: Claims, ...templateFields })
  .meta({ id: 'CreateJWTTemplateBody' });
export type CreateJWTTemplateBody = z.infer<typeof CreateJWTTemplateBody>;

/** Body of `PATCH /jwt_templates/{template_id}`: omitted fields keep their value. */
export const UpdateJWTTemplateBody = z
  .strictObject({ name: TemplateName.optional(), claims: Claims.optional(), ...templateFields })
  .meta({ id: 'UpdateJWTTemplateBody' });
export type UpdateJWTTemplateBody = z.infer<typeof UpdateJWTTemplateBody>;

export const listJWTTemplates = defineEndpoint({
  method: 'get',
  path: '/jwt_templates',
  operationId: 'ListJWTTemplates',
  summary: 'List JWT templates, oldest first.',
  tag,
  query: ListJWTTemplatesQuery,
  response: listOf(JWTTemplateJSON),
});

export const createJWTTemplate = defineEndpoint({
  method: 'post',
  path: '/jwt_templates',
  operationId: 'CreateJWTTemplate',
  summary: 'Create a JWT template: claims with shortcodes, lifetime, and optionally its own signing key.',
  tag,
  body: CreateJWTTemplateBody,
  response: JWTTemplateJSON,
});

export const getJWTTemplate = defineEndpoint({
  method: 'get',
  path: '/jwt_templates/{template_id}',
  operationId: 'GetJWTTemplate',
  summary: 'Retrieve a JWT template (never its signing key).',
  tag,
  params: JWTTemplateIdParams,
  response: JWTTemplateJSON,
  errors: [404],
});

export const updateJWTTemplate = defineEndpoint({
  method: 'patch',
  path: '/jwt_templates/{template_id}',
  operationId: 'UpdateJWTTemplate',
  summary: 'Update a JWT template; omitted fields keep their value.',
  tag,
  params: JWTTemplateIdParams,
  body: UpdateJWTTemplateBody,
  response: JWTTemplateJSON,
  errors: [404],
});

export const deleteJWTTemplate = defineEndpoint({
  method: 'delete',
  path: '/jwt_templates/{template_id}',
  operationId: 'DeleteJWTTemplate',
  summary: 'Delete a JWT template; tokens already minted from it stay valid until they expire.',
  tag,
  params: JWTTemplateIdParams,
  response: DeletedObjectJSON,
  errors: [404],
});
