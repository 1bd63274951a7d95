import { Webhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../bapi/support.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { runCLI } from './support/child/run-cli.js';
import { FAST_WEBHOOKS } from './support/fast-webhooks.js';
import { stopServer } from './support/stop-server.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

// The command works on the database; storage behaviour on both engines is covered by the API suites.
describe('latch webhooks (the CLI) next to a running server', () => {
  let latch: TestServer;
  let receiver: WebhookReceiver;
  let env: Record<string, string>;

  beforeAll(async () => {
    latch = await startTestServer('sqlite', FAST_WEBHOOKS);
    receiver = await startWebhookReceiver(() => 200);
    env = { DATABASE_URL: latch.database.url };
  });
  afterAll(async () => {
    await stopServer(latch);
    await receiver?.close();
  });

  it('adds an endpoint whose secret verifies what the server then delivers, lists it and shows its log', {
    timeout: 120_000,
  }, async () => {
    const added = await runCLI(
      ['webhooks', 'add', receiver.url, '--events', 'user.created', '--description', 'app'],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    const endpointId = /\b(ep_\w+)/.exec(added.stdout)?.[1] as string;
    const secret = /\b(whsec_\S+)/.exec(added.stdout)?.[1] as string;
    expect(endpointId).toBeDefined();
    expect(secret).toBeDefined();

    const user = await expectOk(
      await latch.api('/users', { method: 'POST', body: { email_address: ['cli@example.com'] } }),
    );
    const [delivered] = await receiver.waitFor((all) => all.length === 1);
    expect(new Webhook(secret).verify(delivered?.body ?? '', delivered?.headers ?? {})).toMatchObject({
      type: 'user.created',
      data: { id: user.id },
    });

    const listed = await runCLI(['webhooks'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(endpointId);
    expect(listed.stdout).toContain(receiver.url);

    const log = await runCLI(['webhooks', 'log', endpointId], env);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toContain(delivered?.headers['svix-id']);
    expect(log.stdout).toContain('succeeded');
  });

  it('refuses bad input with a message and a non-zero exit', { timeout: 120_000 }, async () => {
    const notHttp = await runCLI(['webhooks', 'add', 'ftp://example.com/hook'], env);
    expect(notHttp.code).not.toBe(0);
    expect(notHttp.stderr).toMatch(/http or https/);
    const unknownType = await runCLI(['webhooks', 'add', 'https://example.com/hook', '--events', 'user.exploded'], env);
    expect(unknownType.code).toBe(2);
    expect(unknownType.stderr).toMatch(/event_types/);
    const missing = await runCLI(['webhooks', 'disable', 'ep_nope'], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/does not exist|not found/i);
  });
});
