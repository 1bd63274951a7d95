import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Argon2 on dedicated worker threads, each running `hashSync`/`verifySync` back to back from its own
 * queue. Compared with @node-rs/argon2's async API on libuv's threadpool:
 * - the main thread does no hashing work at all (the async API spends ~1 ms of main-thread time per
 *   call before handing the hash to the pool, measured on our 2-core boxes);
 * - a worker starts its next queued hash the moment the last one ends, without waiting for the
 *   event loop to come round (which, under load, left hashing threads idle between hashes);
 * - libuv's threadpool stays free for file I/O and DNS (PERFORMANCE.md, "the threadpool trap").
 * The number of workers is the number of hashes that run at once.
 *
 * The worker is plain CommonJS evaluated from a string, so it runs the same under `tsc` output and
 * under Vitest (which compiles TypeScript for the main thread only).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const argon2 = require(workerData.argon2Path);
parentPort.on('message', (job) => {
  let reply;
  try {
    const value = job.op === 'hash' ? argon2.hashSync(job.password, job.options) : argon2.verifySync(job.digest, job.password);
    reply = { id: job.id, value };
  } catch (error) {
    // A digest that does not parse matches no password; any other failure is an error.
    reply = job.op === 'verify' ? { id: job.id, value: false } : { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage(reply);
});
`;

type Job =
  | { op: 'hash'; password: string; options: Record<string, unknown> }
  | { op: 'verify'; digest: string; password: string };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker and not answered yet (queued in its port, or running). */
  pending: Map<number, Pending>;
}

export function createArgon2Workers(size: number) {
  const argon2Path = createRequire(import.meta.url).resolve('@node-rs/argon2');
  const slots: (Slot | null)[] = Array.from({ length: size }, () => null);
  let nextId = 1;

  const start = (index: number): Slot => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { argon2Path } });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: { id: number; value?: unknown; error?: string }) => {
      const job = slot.pending.get(reply.id);
      if (!job) return;
      slot.pending.delete(reply.id);
      // An idle worker must not keep the process alive.
      if (slot.pending.size === 0) worker.unref();
      if (reply.error !== undefined) job.reject(new Error(reply.error));
      else job.resolve(reply.value);
    });
    const fail = (error: Error) => {
      if (slots[index] === slot) slots[index] = null;
      for (const job of slot.pending.values()) job.reject(error);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`argon2 worker exited with code ${code}`)));
    worker.unref();
    slots[index] = slot;
    return slot;
  };

  /** The worker with the fewest unanswered jobs (started on first use). */
  const leastBusy = (): Slot => {
    let best: Slot | null = null;
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index] ?? start(index);
      if (slot.pending.size === 0) return slot;
      if (!best || slot.pending.size < best.pending.size) best = slot;
    }
    return best as Slot;
  };

  return function run<T>(job: Job): Promise<T> {
    const slot = leastBusy();
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      slot.worker.ref();
      slot.worker.postMessage({ id, ...job });
    });
  };
}
