import { z } from 'zod';

/** What a DELETE returns: the id of the object that no longer exists. */
export const DeletedObjectJSON = z
  .object({ object: z.string(), id: z.string(), deleted: z.literal(true) })
  .meta({ id: 'DeletedObject' });
export type DeletedObjectJSON = z.infer<typeof DeletedObjectJSON>;

/** The body of every `…/count` endpoint. */
export const TotalCountJSON = z
  .object({ object: z.literal('total_count'), total_count: z.number().int() })
  .meta({ id: 'TotalCount' });
export type TotalCountJSON = z.infer<typeof TotalCountJSON>;

/** An RSA public key as published in the JWKS. */
export const RSAPublicJWKJSON = z
  .object({
    use: z.literal('sig'),
    kty: z.literal('RSA'),
    kid: z.string(),
    alg: z.literal('RS256'),
    n: z.string(),
    e: z.string(),
  })
  .meta({ id: 'JWK' });

/** The JSON Web Key Set session tokens are verified against. */
export const JWKSJSON = z.object({ keys: z.array(RSAPublicJWKJSON) }).meta({ id: 'JWKS' });
export type JWKSJSON = z.infer<typeof JWKSJSON>;

/** Clerk's error envelope, for the OpenAPI document. */
export const ErrorsJSON = z
  .object({
    errors: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        long_message: z.string(),
        meta: z.object({ param_name: z.string().optional() }).catchall(z.unknown()).optional(),
      }),
    ),
    clerk_trace_id: z.string().optional(),
  })
  .meta({ id: 'ClerkErrors' });

/** `{ verified: true }` from `verify_password`. */
export const PasswordVerifiedJSON = z.object({ verified: z.literal(true) }).meta({ id: 'PasswordVerified' });
