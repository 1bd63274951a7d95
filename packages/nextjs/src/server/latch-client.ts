import type { LatchClient as BackendClient, LatchOptions } from '@latch/backend';
import { backendClient } from './backend.js';
import { readEnvironment } from './env.js';

/** `@latch/backend` options from the environment (`LATCH_SECRET_KEY`, `LATCH_API_URL`, …). */
export function backendOptionsFromEnvironment(): LatchOptions {
  const env = readEnvironment();
  const options: LatchOptions = {};
  if (env.secretKey) options.secretKey = env.secretKey;
  if (env.publishableKey) options.publishableKey = env.publishableKey;
  if (env.apiUrl) options.apiUrl = env.apiUrl;
  if (env.apiVersion) options.apiVersion = env.apiVersion;
  if (env.jwtKey) options.jwtKey = env.jwtKey;
  return options;
}

function clientFromEnvironment(): BackendClient {
  return backendClient(backendOptionsFromEnvironment());
}

export type LatchClient = BackendClient & (() => Promise<BackendClient>);

/**
 * The Backend API client configured from the environment. Both spellings in circulation work: Clerk's
 * current `(await clerkClient()).users…` and the older object form `clerkClient.users…`.
 *
 * @example
 * await latchClient.users.updateUser(userId, { publicMetadata: { plan: 'pro' } });
 * const client = await latchClient();
 */
export const latchClient: LatchClient = new Proxy((async () => clientFromEnvironment()) as LatchClient, {
  get(_target, property) {
    const client = clientFromEnvironment();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
  has(_target, property) {
    return Reflect.has(clientFromEnvironment(), property);
  },
});
