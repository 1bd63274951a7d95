import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  countRS256Signatures,
  createRS256Signer,
  rs256SignatureCount,
  signRS256Here,
} from '../../src/domain/tokens/rs256-signer.js';
import { createSigningThread } from '../../src/domain/tokens/signing-thread.js';
import { createTokenReuseCache } from '../../src/domain/tokens/token-reuse-cache.js';

/**
 * The session-token signing thread (docs/decisions/0013): tokens signed there are byte-for-byte the
 * tokens the event loop would sign, every job is answered even when the worker goes away, and the
 * process-wide signature counter (the benchmark's) sees every signature.
 */
function newKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
    publicKey: createPublicKey(privateKey),
  };
}

const newThread = () => createSigningThread({ signHere: signRS256Here, onSigned: countRS256Signatures });

function verifies(jwt: string, publicKey: ReturnType<typeof createPublicKey>): boolean {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  return verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
}

describe('session-token signing thread', () => {
  const first = newKey();
  const second = newKey();

  it('signs the same bytes the event loop would, for every job queued in one turn, and counts them', async () => {
    const thread = newThread();
    try {
      const signer = createRS256Signer('kid-thread-1', first.pem, thread);
      const header = { cat: 'cl_B7d4PD111AAA' };
      const payloads = Array.from({ length: 40 }, (_, i) => ({ sub: `user_${i}`, iat: 1_700_000_000 + i }));
      const before = rs256SignatureCount();
      const offThread = await Promise.all(payloads.map((payload) => signer.signOffThread(payload, header)));
      // Only the worker signed so far: 40 signatures, counted when their batch came back.
      expect(rs256SignatureCount() - before).toBe(40);
      const here = payloads.map((payload) => signer.sign(payload, header));
      expect(offThread).toEqual(here);
      for (const jwt of offThread) expect(verifies(jwt, first.publicKey)).toBe(true);
      expect(JSON.parse(Buffer.from(offThread[0]?.split('.')[0] as string, 'base64url').toString())).toEqual({
        alg: 'RS256',
        typ: 'JWT',
        kid: 'kid-thread-1',
        cat: 'cl_B7d4PD111AAA',
      });
    } finally {
      await thread.close();
    }
  });

  it('keeps each kid’s key apart when two keys sign in the same batch', async () => {
    const thread = newThread();
    try {
      const a = createRS256Signer('kid-thread-a', first.pem, thread);
      const b = createRS256Signer('kid-thread-b', second.pem, thread);
      const tokens = await Promise.all([
        a.signOffThread({ n: 1 }),
        b.signOffThread({ n: 2 }),
        a.signOffThread({ n: 3 }),
      ]);
      expect(verifies(tokens[0] as string, first.publicKey)).toBe(true);
      expect(verifies(tokens[1] as string, second.publicKey)).toBe(true);
      expect(verifies(tokens[2] as string, first.publicKey)).toBe(true);
      // A later batch reuses the key the worker already holds.
      expect(verifies(await b.signOffThread({ n: 4 }), second.publicKey)).toBe(true);
    } finally {
      await thread.close();
    }
  });

  it('answers every job when the worker is terminated mid-batch, and signs on the caller after close', async () => {
    const thread = newThread();
    const signer = createRS256Signer('kid-thread-close', first.pem, thread);
    // Start the worker and hand it the key, then queue a large batch and close while it signs.
    await signer.signOffThread({ warm: true });
    const pending = Array.from({ length: 60 }, (_, i) => signer.signOffThread({ i }));
    await new Promise((resolve) => setImmediate(resolve));
    await thread.close();
    const tokens = await Promise.all(pending);
    tokens.forEach((jwt, i) => {
      expect(jwt).toBe(signer.sign({ i }));
      expect(verifies(jwt, first.publicKey)).toBe(true);
    });
    const before = rs256SignatureCount();
    expect(verifies(await signer.signOffThread({ after: 'close' }), first.publicKey)).toBe(true);
    expect(rs256SignatureCount() - before).toBe(1);
  });

  it('rejects a job whose key cannot sign with that key’s own error, and goes on signing others', async () => {
    const thread = newThread();
    try {
      const { privateKey } = generateKeyPairSync('ed25519');
      const bad = createRS256Signer(
        'kid-thread-ed25519',
        privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
        thread,
      );
      const good = createRS256Signer('kid-thread-good', first.pem, thread);
      const [badResult, goodResult] = await Promise.allSettled([
        bad.signOffThread({ x: 1 }),
        good.signOffThread({ x: 2 }),
      ]);
      expect(badResult.status).toBe('rejected');
      expect(goodResult.status).toBe('fulfilled');
      expect(verifies((goodResult as PromiseFulfilledResult<string>).value, first.publicKey)).toBe(true);
    } finally {
      await thread.close();
    }
  });
});

describe('token reuse while signing', () => {
  it('lets requests for one session share a token being signed, and keeps it for reuse', async () => {
    const cache = createTokenReuseCache({ reuseWindowMs: 5_000 });
    let mints = 0;
    let finish: (jwt: string) => void = () => {};
    const mint = () => {
      mints++;
      return new Promise<string>((resolve) => {
        finish = resolve;
      });
    };
    const one = cache.reuseOrMint('sess_1||', 1_000, mint);
    const two = cache.reuseOrMint('sess_1||', 1_001, mint);
    finish('token-1');
    expect(await one).toBe('token-1');
    expect(await two).toBe('token-1');
    expect(mints).toBe(1);
    expect(await cache.reuseOrMint('sess_1||', 2_000, mint)).toBe('token-1');
    expect(mints).toBe(1);
    // After the reuse window a new token is minted.
    const later = cache.reuseOrMint('sess_1||', 7_000, mint);
    finish('token-2');
    expect(await later).toBe('token-2');
    expect(mints).toBe(2);
  });

  it('does not keep a token whose session was forgotten while it was being signed', async () => {
    const cache = createTokenReuseCache({ reuseWindowMs: 5_000 });
    const resolvers: ((jwt: string) => void)[] = [];
    const mint = () => new Promise<string>((resolve) => resolvers.push(resolve));
    const inFlight = cache.reuseOrMint('sess_2|https://app.example|', 1_000, mint);
    cache.forgetSession('sess_2');
    // A request after the session was forgotten does not join the old signature.
    const fresh = cache.reuseOrMint('sess_2|https://app.example|', 1_001, mint);
    expect(resolvers).toHaveLength(2);
    resolvers[0]?.('old');
    resolvers[1]?.('new');
    expect(await inFlight).toBe('old');
    expect(await fresh).toBe('new');
    expect(cache.get('sess_2|https://app.example|', 1_002)).toBe('new');
  });

  it('forgets a failed mint, so the next request mints again', async () => {
    const cache = createTokenReuseCache({ reuseWindowMs: 5_000 });
    await expect(cache.reuseOrMint('sess_3||', 1_000, () => Promise.reject(new Error('no key')))).rejects.toThrow(
      'no key',
    );
    expect(await cache.reuseOrMint('sess_3||', 1_001, async () => 'minted')).toBe('minted');
  });
});
