import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** Signatures per reply message at most (~2 ms of signing). */
const REPLY_EVERY = 8;

/**
 * One dedicated worker thread that signs RS256 session tokens with synchronous node:crypto
 * (docs/decisions/0013). The event loop builds each `header.payload`, queues it here and goes on with
 * other requests' HTTP work while the worker signs, so the two overlap; there is still exactly one
 * signing thread per server, and libuv's threadpool (file I/O, DNS) is not involved
 * (PERFORMANCE.md, "the threadpool trap").
 *
 * Message overhead stays low: every job queued during one loop turn goes out as one batch at
 * `setImmediate`, and the worker answers with one message per batch, or per few signatures of a
 * large one (jobs are answered in order, so replies need no ids). A private key crosses to the
 * worker once per `kid` (a KeyObject is cloned into the worker), not with every job.
 *
 * If the worker fails or exits, every job it still owed is signed on the calling thread instead
 * (the same key gives the same RS256 signature), so a request never fails because of the worker;
 * the next job starts a new worker. An idle worker does not keep the process alive, and `close()`
 * terminates it.
 *
 * The worker is plain CommonJS evaluated from a string, so it runs the same under `tsc` output and
 * under Vitest (which compiles TypeScript for the main thread only).
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { sign } = require('node:crypto');
const keys = new Map();
parentPort.on('message', (batch) => {
  if (batch.keys) for (const [kid, key] of batch.keys) keys.set(kid, key);
  const { kids, inputs } = batch;
  let signatures = [];
  for (let i = 0; i < inputs.length; i++) {
    try {
      signatures.push(sign('sha256', Buffer.from(inputs[i]), keys.get(kids[i])).toString('base64url'));
    } catch {
      // The caller signs this one itself (and sees the error, if it is not the worker's).
      signatures.push(null);
    }
    // Answer a large batch in parts, so the event loop can send the first responses while the rest are signed.
    if (signatures.length === ${REPLY_EVERY} && i < inputs.length - 1) {
      parentPort.postMessage(signatures);
      signatures = [];
    }
  }
  parentPort.postMessage(signatures);
});
`;

/** Live signing workers of this process, for `signingThreadTime()`. */
const liveWorkers = new Set<Worker>();

/**
 * Milliseconds the process's signing threads have spent busy and idle since they started (their
 * event-loop utilization): the benchmark shows how busy the one signing thread was during a row.
 */
export function signingThreadTime(): { activeMs: number; idleMs: number } {
  let activeMs = 0;
  let idleMs = 0;
  for (const worker of liveWorkers) {
    const { active, idle } = worker.performance.eventLoopUtilization();
    activeMs += active;
    idleMs += idle;
  }
  return { activeMs, idleMs };
}

interface Job {
  kid: string;
  key: KeyObject;
  input: string;
  resolve(signature: string): void;
  reject(error: unknown): void;
}

interface Running {
  worker: Worker;
  /** Kids whose key this worker already holds. */
  kids: Set<string>;
  /** Jobs sent and not answered yet, oldest first, from `head` on. */
  inFlight: Job[];
  head: number;
}

export interface SigningThread {
  /** The base64url RS256 signature of `input` with `key`; `kid` names the key across threads. */
  sign(kid: string, key: KeyObject, input: string): Promise<string>;
  /** Terminates the worker; jobs owed or queued after that are signed on the calling thread. */
  close(): Promise<void>;
}

export function createSigningThread(options: {
  /** Signs on the calling thread: the fallback when the worker cannot. */
  signHere(key: KeyObject, input: string): string;
  /** Called once per signature the worker made. */
  onSigned(count: number): void;
}): SigningThread {
  let running: Running | null = null;
  let queued: Job[] = [];
  let flushScheduled = false;
  let closed = false;

  const signHere = (job: Job) => {
    try {
      job.resolve(options.signHere(job.key, job.input));
    } catch (error) {
      job.reject(error);
    }
  };

  const start = (): Running => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    const current: Running = { worker, kids: new Set(), inFlight: [], head: 0 };
    worker.on('message', (signatures: (string | null)[]) => {
      let signed = 0;
      for (const signature of signatures) {
        const job = current.inFlight[current.head];
        if (!job) break;
        current.inFlight[current.head++] = undefined as unknown as Job;
        if (typeof signature === 'string') {
          signed++;
          job.resolve(signature);
        } else signHere(job);
      }
      if (current.head === current.inFlight.length) {
        current.inFlight = [];
        current.head = 0;
        worker.unref();
      } else if (current.head > 1024) {
        // Never idle under sustained load: drop the answered prefix now and then.
        current.inFlight = current.inFlight.slice(current.head);
        current.head = 0;
      }
      options.onSigned(signed);
    });
    const fail = () => {
      liveWorkers.delete(worker);
      if (running === current) running = null;
      const owed = current.inFlight.slice(current.head);
      current.inFlight = [];
      current.head = 0;
      for (const job of owed) signHere(job);
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    worker.unref();
    liveWorkers.add(worker);
    return current;
  };

  const flush = () => {
    flushScheduled = false;
    const batch = queued;
    queued = [];
    if (batch.length === 0) return;
    if (closed) {
      for (const job of batch) signHere(job);
      return;
    }
    try {
      running ??= start();
    } catch {
      // No thread to be had (e.g. out of resources): this batch is signed here, the next one tries again.
      for (const job of batch) signHere(job);
      return;
    }
    const current = running;
    const keys: [string, KeyObject][] = [];
    const kids = new Array<string>(batch.length);
    const inputs = new Array<string>(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const job = batch[i] as Job;
      kids[i] = job.kid;
      inputs[i] = job.input;
      if (!current.kids.has(job.kid)) {
        current.kids.add(job.kid);
        keys.push([job.kid, job.key]);
      }
    }
    try {
      current.worker.postMessage(keys.length > 0 ? { keys, kids, inputs } : { kids, inputs });
    } catch {
      // A worker already gone: its exit handler owns the jobs sent before; these are signed here.
      for (const job of batch) signHere(job);
      return;
    }
    for (const job of batch) current.inFlight.push(job);
    current.worker.ref();
  };

  return {
    sign(kid, key, input) {
      return new Promise<string>((resolve, reject) => {
        queued.push({ kid, key, input, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },
    async close() {
      closed = true;
      const current = running;
      running = null;
      if (current) await current.worker.terminate();
    },
  };
}
