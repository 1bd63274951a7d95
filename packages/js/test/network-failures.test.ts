import { Latch, LatchRuntimeError } from '@latch/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from './support/latch-server.js';
import { NodeBrowser } from './support/node-browser.js';

describe('@latch/js when the network fails (sqlite)', () => {
  let latch: LatchUnderTest;
  beforeAll(async () => {
    latch = await startLatchUnderTest('sqlite');
  });
  afterAll(async () => {
    await latch?.stop();
  });

  it('retries GETs after network errors and says which attempt it is', async () => {
    const browser = new NodeBrowser();
    browser.networkFailures = 2;
    const sdk = new Latch(latch.t.server.publishableKey, {
      proxyUrl: latch.t.server.url,
      runtime: browser.tab().runtime,
    });
    await sdk.load();
    expect(sdk.client?.id).toMatch(/^client_/);
    expect(sdk.environment).not.toBeNull();
    const retried = browser.requests.filter((request) => request.url.searchParams.has('_clerk_retry_attempt'));
    expect(retried.length).toBeGreaterThan(0);
    sdk.destroy();
  });

  it('never retries a POST (it may have changed something) and reports a typed network error', async () => {
    await latch.createUser('offline@example.com');
    const { latch: sdk, browser } = await latch.openBrowser();
    browser.networkFailures = 1;
    const error = await sdk
      .client!.signIn.create({ identifier: 'offline@example.com', strategy: 'password', password: PASSWORD })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LatchRuntimeError);
    expect((error as LatchRuntimeError).code).toBe('network_error');
    expect(browser.requestsTo(/\/sign_ins$/)).toHaveLength(0);
  });

  it('a load that failed completely can be retried', async () => {
    const browser = new NodeBrowser();
    browser.networkFailures = 100;
    const sdk = new Latch(latch.t.server.publishableKey, {
      proxyUrl: latch.t.server.url,
      runtime: browser.tab().runtime,
    });
    await expect(sdk.load()).rejects.toMatchObject({ code: 'network_error' });
    expect(sdk.loaded).toBe(false);
    browser.networkFailures = 0;
    await sdk.load();
    expect(sdk.loaded).toBe(true);
    sdk.destroy();
  });
});
