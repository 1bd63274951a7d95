import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countRS256Signatures, createRS256Signer, signRS256Here } from '../../src/domain/tokens/rs256-signer.js';
import { mintSessionToken, mintSessionTokenOffThread } from '../../src/domain/tokens/session-token.js';
import { createSigningThread } from '../../src/domain/tokens/signing-thread.js';
import type { SessionRecord, UserRecord } from '../../src/store/records.js';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/**
 * The session token's claims, byte for byte: custom claims first, then Clerk's in a fixed order
 * (verifiers do not care, but clients comparing tokens and our golden outputs do), the same whether
 * signed on the event loop or on the signing thread.
 */
describe('session token claims', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const now = 1_795_000_000_123;
  const session = {
    id: 'sess_claims',
    status: 'pending',
    firstFactorVerifiedAt: now - 150_000,
    secondFactorVerifiedAt: null,
  } as unknown as SessionRecord;
  const user = {
    id: 'user_claims',
    externalId: null,
    firstName: 'Ada',
    lastName: null,
    username: null,
    emailAddresses: [],
    phoneNumbers: [],
    primaryEmailAddressId: null,
    primaryPhoneNumberId: null,
    imageUrl: null,
    publicMetadata: { plan: 'pro' },
    unsafeMetadata: {},
    createdAt: now,
    updatedAt: now,
    lastSignInAt: null,
    password: null,
  } as unknown as UserRecord;

  it('puts custom claims first and Clerk’s after them in order, identically on both threads', async () => {
    const thread = createSigningThread({ signHere: signRS256Here, onSigned: countRS256Signatures });
    try {
      const signer = createRS256Signer('kid-claims', pem, thread);
      const input = {
        session,
        user,
        signer,
        issuer: 'https://clerk.example.com',
        authorizedParty: 'https://app.example.com',
        now,
        lifetimeSeconds: 60,
        customClaims: { plan: '{{user.public_metadata.plan}}', sub: 'not the user' },
        organization: { o: { id: 'org_1', rol: 'admin', slg: 'acme', per: 'reports', fpm: '1' }, fea: 'o:reports' },
      } as Parameters<typeof mintSessionToken>[0];
      const here = mintSessionToken(input);
      expect(await mintSessionTokenOffThread(input)).toBe(here);
      const claims = decode(here.split('.')[1] as string);
      expect(Object.keys(claims)).toEqual([
        'plan',
        'azp',
        'exp',
        'fva',
        'iat',
        'iss',
        'nbf',
        'o',
        'fea',
        'sid',
        'sts',
        'sub',
        'v',
      ]);
      expect(claims).toMatchObject({
        plan: 'pro',
        azp: 'https://app.example.com',
        exp: 1_795_000_060,
        fva: [2, -1],
        iat: 1_795_000_000,
        nbf: 1_794_999_990,
        sid: 'sess_claims',
        sts: 'pending',
        sub: 'user_claims',
        v: 2,
      });
      const bare = mintSessionToken({ ...input, authorizedParty: null, customClaims: {}, organization: null });
      expect(Object.keys(decode(bare.split('.')[1] as string))).toEqual([
        'exp',
        'fva',
        'iat',
        'iss',
        'nbf',
        'sid',
        'sts',
        'sub',
        'v',
      ]);
    } finally {
      await thread.close();
    }
  });
});
