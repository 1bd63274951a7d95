import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../bapi/support.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { callAPI, fastWebhookEnv, type LatchProcess, spawnLatch } from './support/child/latch-process.js';
import { eventually } from './support/eventually.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const USERS_PER_PROCESS = 60;

// PostgreSQL only: it is the engine several processes share (SQLite is one process's database).
describe('two Latch processes on one PostgreSQL database', () => {
  let database: TestDatabase | undefined;
  let receiver: WebhookReceiver | undefined;
  const processes: LatchProcess[] = [];

  afterEach(async () => {
    for (const latch of processes.splice(0)) await latch.stop();
    await receiver?.close();
    await database?.drop();
  });

  // Child processes start slowly on a busy machine: a generous limit, no timing asserted.
  it('deliver each message once: no delivery is claimed twice', { timeout: 180_000 }, async () => {
    database = await createTestDatabase('postgres');
    receiver = await startWebhookReceiver(() => 200);
    // Small batches and quick polls make both workers compete for the same rows.
    const env = fastWebhookEnv({ DATABASE_URL: database.url, LATCH_WEBHOOK_CONCURRENCY: '4' });
    const first = await spawnLatch(env);
    processes.push(first);
    const secretKey = first.secretKey as string;
    const second = await spawnLatch(env);
    processes.push(second);
    const endpoint = await expectOk(
      await callAPI(first, secretKey, '/webhooks/endpoints', {
        method: 'POST',
        body: { url: receiver.url, event_types: ['user.created'] },
      }),
    );

    // Both processes take writes at once, so both fan out and both claim.
    await Promise.all(
      [first, second].map(async (latch, p) => {
        for (let i = 0; i < USERS_PER_PROCESS; i++) {
          await expectOk(
            await callAPI(latch, secretKey, '/users', {
              method: 'POST',
              body: { email_address: [`p${p}u${i}@example.com`] },
            }),
          );
        }
      }),
    );
    const total = 2 * USERS_PER_PROCESS;
    // Wait until every message is recorded as delivered (the record follows the receiver's answer).
    await eventually(
      async () => {
        const path = `/webhooks/endpoints/${endpoint.id}/messages?paginated=true&status=succeeded&limit=1`;
        return (await expectOk(await callAPI(first, secretKey, path))).total_count === total;
      },
      120_000,
      'every message delivered',
    );

    // Each svix-id arrived exactly once, and the log holds one successful attempt per message.
    const ids = receiver.received.map((request) => request.headers['svix-id']);
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    const attempts = await expectOk(
      await callAPI(first, secretKey, `/webhooks/endpoints/${endpoint.id}/attempts?paginated=true&limit=500`),
    );
    expect(attempts.total_count).toBe(total);
    expect(attempts.data.every((attempt: { status: string }) => attempt.status === 'succeeded')).toBe(true);
    expect(new Set(attempts.data.map((attempt: { message_id: string }) => attempt.message_id)).size).toBe(total);
  });
});
