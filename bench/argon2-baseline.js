// The hashing baseline: raw @node-rs/argon2 `hash` at Latch's parameters, in its own process, driven by
// the same closed loop (concurrency, warm-up, window) as the HTTP load.
import { hash } from '@node-rs/argon2';
import { ARGON2ID_PARAMETERS } from '../packages/server/dist/domain/passwords/argon2id.js';
import { runClosedLoop } from './lib/closed-loop.js';
import { emit, serveCalls } from './lib/ipc.js';

/** `Algorithm.Argon2id` (a const enum in the package's types). */
const ARGON2ID = 2;
const options = { ...ARGON2ID_PARAMETERS, algorithm: ARGON2ID };
let sequence = 0;

serveCalls({
  async check() {
    const digest = await hash('bench-password-check', options);
    const { memoryCost, timeCost, parallelism } = ARGON2ID_PARAMETERS;
    const prefix = `$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`;
    if (!digest.startsWith(prefix)) throw new Error(`unexpected digest ${digest}`);
    return { prefix, parameters: ARGON2ID_PARAMETERS };
  },
  /** @param {{ concurrency: number, warmupMs: number, durationMs: number, maxOps: number }} phase */
  async run(phase) {
    const result = await runClosedLoop({
      ...phase,
      keepLatencies: true,
      op: async () => {
        await hash(`bench-password-${sequence++}`, options);
        return null;
      },
      onMeasureStart: () => emit('measure-start'),
    });
    emit('measure-end');
    return result;
  },
});
