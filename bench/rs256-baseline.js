// The signing baseline: raw node:crypto `sign('sha256', …)` with a 2048-bit RSA key (RS256), in its own
// process, on ONE thread — as many as Latch signs on: it signs session tokens synchronously on one
// dedicated signing thread (domain/tokens/signing-thread.ts), in one process. Driven by the same closed loop
// as the HTTP load; the signature is synchronous, so one worker keeps the thread busy.
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { runClosedLoop } from './lib/closed-loop.js';
import { emit, serveCalls } from './lib/ipc.js';

/** Latch's signing keys are 2048-bit (domain/keys/signing-keys.ts). */
const MODULUS_BITS = 2048;
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: MODULUS_BITS, publicExponent: 65537 });
/** What gets signed: `header.payload` of a real Latch session token (run.js passes it), so the hashed bytes match. */
let signingInput = Buffer.from('{"alg":"RS256"}.{}');

serveCalls({
  /** @param {{ signingInput: string }} args */
  async check({ signingInput: input }) {
    signingInput = Buffer.from(input);
    const signature = sign('sha256', signingInput, privateKey);
    if (!verify('sha256', signingInput, createPublicKey(privateKey), signature))
      throw new Error('signature does not verify');
    return { modulusBits: MODULUS_BITS, signatureBytes: signature.length, signingInputBytes: signingInput.length };
  },
  /** @param {{ concurrency: number, warmupMs: number, durationMs: number, maxOps: number }} phase */
  async run(phase) {
    const result = await runClosedLoop({
      ...phase,
      keepLatencies: true,
      op: async () => {
        sign('sha256', signingInput, privateKey);
        return null;
      },
      onMeasureStart: () => emit('measure-start'),
    });
    emit('measure-end');
    return result;
  },
});
