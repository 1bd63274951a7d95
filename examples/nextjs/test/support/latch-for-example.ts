import { type LatchForE2E, startLatch } from '../../../../e2e/clerk-compat/support/latch.js';
import type { SMTPSink } from '../../../../packages/server/test/support/smtp-sink.js';

export interface LatchForExample extends Omit<LatchForE2E, 'sink'> {
  /** The mailbox Latch's mailer delivers to (sign-up and reset codes). */
  smtp: SMTPSink;
}

/**
 * A production Latch on loopback for the example app: the e2e suite's (same fixed Frontend API host
 * and publishable key, so `next build` output is reusable), landing on `/dashboard` after sign-in,
 * with session tokens that live `tokenLifetimeSeconds`, short enough that a test sees one expire and
 * get refreshed in an open tab.
 */
export async function startLatchForExample(
  appOrigin: string,
  options: { kind: 'sqlite' | 'postgres'; tokenLifetimeSeconds: number },
): Promise<LatchForExample> {
  const { sink, ...latch } = await startLatch(appOrigin, {
    database: options.kind,
    applicationName: 'Latch Next.js example',
    afterAuthPath: '/dashboard',
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
  });
  return { ...latch, smtp: sink };
}
