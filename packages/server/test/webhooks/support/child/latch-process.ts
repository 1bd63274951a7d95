import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../../../src/main.ts', import.meta.url));
const REGISTER = fileURLToPath(new URL('./register-typescript.mjs', import.meta.url));

export interface LatchProcess {
  url: string;
  /** The first secret key, when this start created the instance. */
  secretKey: string | null;
  child: ChildProcess;
  /** Every log line the process printed so far. */
  logs: string[];
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown, no cleanup, leases left behind. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs Latch's bare server entry (`src/main.ts`, what process managers start) as a real child
 * process, configured by environment variables like in production.
 */
export async function spawnLatch(env: Record<string, string>): Promise<LatchProcess> {
  const child = spawn(process.execPath, ['--import', REGISTER, MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      LATCH_INSTANCE_TYPE: 'development',
      LATCH_LOG_FORMAT: 'json',
      LATCH_LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let url: string | null = null;
  let secretKey: string | null = null;
  let buffered = '';
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Latch did not start:\n${logs.join('\n')}`)), 90_000);
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        const entry = parseLine(line);
        if (entry?.msg === 'listening') url = String(entry.url);
        if (typeof entry?.secret_key === 'string') secretKey = entry.secret_key;
        // The key, when there is one, is printed right after `listening`; a restart prints none.
        if (url && (secretKey || entry?.msg === 'listening')) {
          clearTimeout(timer);
          setTimeout(resolve, secretKey ? 0 : 200);
        }
      }
    });
    exited.then((code) => reject(new Error(`Latch exited (${code}) before listening:\n${logs.join('\n')}`)));
  });
  await started;
  return {
    url: url as unknown as string,
    get secretKey() {
      return secretKey;
    },
    child,
    logs,
    exited,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Webhook settings for a child as environment variables (fast schedule, short lease). */
export function fastWebhookEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    LATCH_WEBHOOK_RETRY_SCHEDULE_MS: '0,100,200,300,400,500,600,700',
    LATCH_WEBHOOK_RETRY_JITTER: '0.1',
    LATCH_WEBHOOK_ATTEMPT_TIMEOUT_MS: '1000',
    LATCH_WEBHOOK_LEASE_MS: '2000',
    LATCH_WEBHOOK_POLL_INTERVAL_MS: '25',
    ...overrides,
  };
}

/** A Backend API call to a child process. */
export function callAPI(
  latch: { url: string },
  secretKey: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  return fetch(`${latch.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${secretKey}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
