import { afterEach, describe, expect, it } from 'vitest';
import { expectOk } from '../bapi/support.js';
import { createTestDatabase, DATABASES, type TestDatabase } from '../support/databases.js';
import { callAPI, fastWebhookEnv, type LatchProcess, spawnLatch } from './support/child/latch-process.js';
import { eventually } from './support/eventually.js';
import { type ReceivedWebhook, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const EVENTS = 20;

describe.each(DATABASES)('a Latch process killed mid-delivery on %s', (name) => {
  let database: TestDatabase | undefined;
  let receiver: WebhookReceiver | undefined;
  const processes: LatchProcess[] = [];

  afterEach(async () => {
    for (const latch of processes.splice(0)) await latch.kill();
    await receiver?.close();
    await database?.drop();
  });

  // Child processes start slowly on a busy machine: a generous limit, no timing asserted.
  it('delivers every event at least once after a restart', { timeout: 180_000 }, async () => {
    database = await createTestDatabase(name);
    // Until the first process is dead, the receiver holds every request open and never answers.
    let crashed = false;
    const held: (() => void)[] = [];
    receiver = await startWebhookReceiver(async () => {
      if (crashed) return 200;
      await new Promise<void>((release) => held.push(release));
      return null;
    });
    const env = fastWebhookEnv({ DATABASE_URL: database.url });

    const first = await spawnLatch(env);
    processes.push(first);
    const secretKey = first.secretKey as string;
    expect(secretKey).toMatch(/^sk_test_/);
    await expectOk(
      await callAPI(first, secretKey, '/webhooks/endpoints', {
        method: 'POST',
        body: { url: receiver.url, event_types: ['user.created'] },
      }),
    );
    const userIds: string[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const user = await expectOk(
        await callAPI(first, secretKey, '/users', {
          method: 'POST',
          body: { email_address: [`crash${i}@example.com`] },
        }),
      );
      userIds.push(user.id);
    }
    // Deliveries are in flight (the receiver is holding them) when the process dies.
    await eventually(() => held.length > 0, 60_000, 'a delivery in flight');
    await first.kill();
    crashed = true;
    for (const release of held) release();

    const second = await spawnLatch(env);
    processes.push(second);
    const received = await receiver.waitFor((all) => deliveredUserIds(all).size === EVENTS, 120_000);
    expect([...deliveredUserIds(received)].sort()).toEqual([...userIds].sort());
    // Each event keeps its svix-id across processes: one id per user.
    const idsPerUser = new Map<string, Set<string>>();
    for (const request of received) {
      const userId = (JSON.parse(request.body) as { data: { id: string } }).data.id;
      idsPerUser.set(userId, (idsPerUser.get(userId) ?? new Set()).add(request.headers['svix-id'] as string));
    }
    expect([...idsPerUser.values()].every((ids) => ids.size === 1)).toBe(true);
  });
});

function deliveredUserIds(received: ReceivedWebhook[]): Set<string> {
  return new Set(
    received
      .filter((request) => request.status === 200)
      .map((request) => (JSON.parse(request.body) as { data: { id: string } }).data.id),
  );
}
