import { defineEndpoint } from '@latch/protocol';
import { z } from 'zod';

const tag = 'Instance Keys';

/** A secret key as listed: never the key itself (only its digest is stored), its last four characters instead. */
export const SecretKeyJSON = z
  .object({
    object: z.literal('secret_key'),
    id: z.string(),
    name: z.string(),
    /** The key's last four characters, to tell keys apart. */
    hint: z.string(),
    /** Unix milliseconds. */
    created_at: z.number().int(),
    revoked_at: z.number().int().nullable(),
  })
  .meta({ id: 'SecretKey' });

/** The answer of a create: the only time the plaintext key is ever shown. */
export const CreatedSecretKeyJSON = SecretKeyJSON.extend({ secret: z.string() }).meta({ id: 'CreatedSecretKey' });

export const CreateSecretKeyBody = z
  .strictObject({ name: z.string().trim().min(1).max(100) })
  .meta({ id: 'CreateSecretKeyBody' });

export const SecretKeyIdParams = z.object({ secret_key_id: z.string().min(1).max(128) });

/** A signing key's public facts; the private key never leaves the database. */
export const SigningKeyJSON = z
  .object({
    object: z.literal('signing_key'),
    kid: z.string(),
    /** `signing`: signs new tokens; `scheduled`: published, signs from `activates_at`; `retiring`: verifies only. */
    status: z.enum(['signing', 'scheduled', 'retiring']),
    created_at: z.number().int(),
    activates_at: z.number().int(),
    /** When it leaves the JWKS; null while it is the current key. */
    retires_at: z.number().int().nullable(),
  })
  .meta({ id: 'SigningKey' });

export const RotateSigningKeyBody = z
  .strictObject({
    /**
     * For a compromised key: the new key signs at once and the previous one leaves the JWKS at once
     * (its tokens stop verifying), instead of after the publish delay and the longest token lifetime.
     */
    immediately: z.boolean().optional(),
  })
  .meta({ id: 'RotateSigningKeyBody' });

export const listSecretKeys = defineEndpoint({
  method: 'get',
  path: '/instance/secret_keys',
  operationId: 'ListSecretKeys',
  summary: 'Secret keys of the instance, revoked ones included, oldest first (Latch only; never the keys themselves).',
  tag,
  response: z.array(SecretKeyJSON),
});

export const createSecretKey = defineEndpoint({
  method: 'post',
  path: '/instance/secret_keys',
  operationId: 'CreateSecretKey',
  summary: 'Create a secret key (Latch only). The answer holds the key in plaintext; it is never shown again.',
  tag,
  body: CreateSecretKeyBody,
  response: CreatedSecretKeyJSON,
});

export const revokeSecretKey = defineEndpoint({
  method: 'post',
  path: '/instance/secret_keys/{secret_key_id}/revoke',
  operationId: 'RevokeSecretKey',
  summary:
    'Revoke a secret key (Latch only): it stops authenticating at once. The key of the request itself and the last active key cannot be revoked.',
  tag,
  params: SecretKeyIdParams,
  response: SecretKeyJSON,
  errors: [404],
});

export const listSigningKeys = defineEndpoint({
  method: 'get',
  path: '/instance/signing_keys',
  operationId: 'ListSigningKeys',
  summary: 'Signing keys published in the JWKS, newest first, with when each signs and retires (Latch only).',
  tag,
  response: z.array(SigningKeyJSON),
});

export const rotateSigningKey = defineEndpoint({
  method: 'post',
  path: '/instance/signing_keys/rotate',
  operationId: 'RotateSigningKey',
  summary:
    'Rotate the signing key (Latch only): the new key is published in the JWKS at once and signs after the publish delay; the previous one retires once its tokens have expired.',
  tag,
  body: RotateSigningKeyBody,
  response: SigningKeyJSON,
});
