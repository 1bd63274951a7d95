import type { TestServer } from '../../support/test-server.js';

/**
 * Stops a test server, then drops its database a moment later. pg's `Pool.end()` resolves once its
 * clients are told to end, not once their sockets have closed; the delivery worker keeps extra
 * connections open, and `drop database … with (force)` racing those closing sockets surfaces as an
 * unhandled `57P01` error in the test run.
 */
export async function stopServer(latch: TestServer | undefined): Promise<void> {
  if (!latch) return;
  await latch.server.close();
  await new Promise((resolve) => setTimeout(resolve, 100));
  await latch.database.drop();
}
