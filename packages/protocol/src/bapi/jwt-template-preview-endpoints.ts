import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';
import { JWT_TEMPLATE_LIMITS } from './jwt-templates-endpoints.js';

/** Body of `POST /jwt_templates/preview` (Latch): claims as in a template, and whose token to imagine. */
export const PreviewJWTTemplateBody = z
  .strictObject({
    claims: z.record(z.string(), z.unknown()),
    user_id: z.string().min(1).max(128),
    lifetime: z
      .number()
      .int()
      .min(JWT_TEMPLATE_LIMITS.minLifetimeSeconds)
      .max(JWT_TEMPLATE_LIMITS.maxLifetimeSeconds)
      .optional(),
    allowed_clock_skew: z.number().int().min(0).max(JWT_TEMPLATE_LIMITS.maxClockSkewSeconds).optional(),
  })
  .meta({ id: 'PreviewJWTTemplateBody' });
export type PreviewJWTTemplateBody = z.infer<typeof PreviewJWTTemplateBody>;

export const JWTTemplatePreviewJSON = z
  .object({
    object: z.literal('jwt_template_preview'),
    user_id: z.string(),
    /** The payload a token minted now would carry (nothing is signed). */
    claims: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'JWTTemplatePreview' });

export const previewJWTTemplate = defineEndpoint({
  method: 'post',
  path: '/jwt_templates/preview',
  operationId: 'PreviewJWTTemplate',
  summary: 'Render template claims for a user, as a token minted now would carry them (Latch; signs nothing).',
  tag: 'JWT Templates',
  body: PreviewJWTTemplateBody,
  response: JWTTemplatePreviewJSON,
  errors: [404],
});
