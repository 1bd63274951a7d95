import type { JWTTemplateAlgorithm, JWTTemplateJSON } from '@latch/protocol';
import type { JWTTemplateRecord } from '../../../store/records.js';

/** Renders a template as Clerk's `JWTTemplate`. The custom signing key is write-only: never echoed. */
export function toJWTTemplateJSON(template: JWTTemplateRecord): JWTTemplateJSON {
  return {
    object: 'jwt_template',
    id: template.id,
    name: template.name,
    claims: template.claims,
    lifetime: template.lifetimeSeconds,
    allowed_clock_skew: template.allowedClockSkewSeconds,
    custom_signing_key: template.customSigningKey,
    signing_algorithm: template.signingAlgorithm as JWTTemplateAlgorithm,
    created_at: template.createdAt,
    updated_at: template.updatedAt,
  };
}
