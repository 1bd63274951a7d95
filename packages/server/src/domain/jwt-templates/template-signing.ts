import type { JWTTemplateAlgorithm, jwtTemplatesEndpoints } from '@latch/protocol';
import { formError } from '../../errors.js';
import type { JWTTemplateRecord } from '../../store/records.js';
import { assertSigningKeyFits } from './template-signing-key.js';

export type TemplateSigning = Pick<JWTTemplateRecord, 'customSigningKey' | 'signingAlgorithm' | 'signingKey'>;

type SigningFields = Pick<
  jwtTemplatesEndpoints.UpdateJWTTemplateBody,
  'custom_signing_key' | 'signing_algorithm' | 'signing_key'
>;

/**
 * How a template signs after a create (`current` null) or an update: without a custom key it is
 * always the instance key with RS256; with one, the algorithm and key must both be known and fit.
 * On update an omitted key is kept, and checked again against the (possibly new) algorithm.
 * A key or a non-RS256 algorithm sent without `custom_signing_key` is refused, not silently dropped.
 *
 * @example
 * resolveTemplateSigning(null, {}) // { customSigningKey: false, signingAlgorithm: 'RS256', signingKey: null }
 * resolveTemplateSigning(null, { custom_signing_key: true, signing_algorithm: 'HS256', signing_key: secret })
 */
export function resolveTemplateSigning(current: TemplateSigning | null, fields: SigningFields): TemplateSigning {
  const custom = fields.custom_signing_key ?? current?.customSigningKey ?? false;
  if (!custom) {
    if (fields.signing_key) {
      throw formError(
        'form_param_value_invalid',
        'signing_key',
        'is not allowed',
        'signing_key is only accepted together with custom_signing_key: true.',
      );
    }
    if (fields.signing_algorithm && fields.signing_algorithm !== 'RS256') {
      throw formError(
        'form_param_value_invalid',
        'signing_algorithm',
        'is invalid',
        'Without a custom signing key, templates are signed with the instance key, which uses RS256.',
      );
    }
    return { customSigningKey: false, signingAlgorithm: 'RS256', signingKey: null };
  }
  const previous = current?.customSigningKey ? current : null;
  const algorithm = (fields.signing_algorithm ?? previous?.signingAlgorithm ?? null) as JWTTemplateAlgorithm | null;
  if (!algorithm) {
    throw formError(
      'form_conditional_param_missing',
      'signing_algorithm',
      'is missing',
      'signing_algorithm is required when custom_signing_key is true.',
    );
  }
  const signingKey = fields.signing_key ?? previous?.signingKey ?? null;
  if (!signingKey) {
    throw formError(
      'form_conditional_param_missing',
      'signing_key',
      'is missing',
      'signing_key is required when custom_signing_key is true.',
    );
  }
  assertSigningKeyFits(algorithm, signingKey);
  return { customSigningKey: true, signingAlgorithm: algorithm, signingKey };
}
