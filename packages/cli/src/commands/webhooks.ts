import { parseArgs } from 'node:util';
import { WEBHOOK_EVENT_TYPES, webhookEndpoints } from '@latch/protocol';
import {
  configFromEnv,
  createEndpoint,
  createStore,
  deleteEndpoint,
  parseDatabaseUrl,
  previousSecretExpiresAt,
  privateNetworksAllowed,
  replayMessages,
  requireEndpoint,
  resendMessage,
  rotateEndpointSecret,
  type Store,
  setEndpointDisabled,
  updateEndpoint,
  type WebhookEndpointRecord,
} from '@latch/server';
import { bold, dim, green, print, printError, printRows, yellow } from '../output.js';

const USAGE = `Usage:
  latch webhooks                              List webhook endpoints
  latch webhooks add <url> [--events user.created,user.updated] [--description D] [--rate-limit N]
                                              Add an endpoint; prints its whsec_ signing secret
  latch webhooks update <ep_id> [--url U] [--events …|all] [--description D] [--rate-limit N|none]
  latch webhooks remove <ep_id>               Delete an endpoint and its delivery log
  latch webhooks disable <ep_id> | enable <ep_id>
  latch webhooks secret <ep_id>               Print the current signing secret
  latch webhooks rotate <ep_id> [--overlap SECONDS]
                                              New secret; the old one also signs for the overlap (default 86400)
  latch webhooks log <ep_id> [--limit N]      Recent messages and attempts
  latch webhooks resend <ep_id> <msg_id>      Send one message again (same svix-id)
  latch webhooks replay <ep_id> --since TIME [--until TIME]
                                              Send every matching event since TIME again (ISO 8601 or Unix ms)
  latch webhooks events                       List the event types an endpoint can subscribe to`;

/** `latch webhooks …`: works on the database directly; a running server's worker does the delivering. */
export async function runWebhooks(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      events: { type: 'string' },
      description: { type: 'string' },
      'rate-limit': { type: 'string' },
      overlap: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) {
    print(USAGE);
    return 0;
  }
  if (command === 'events') {
    for (const type of WEBHOOK_EVENT_TYPES) print(type);
    return 0;
  }
  const config = configFromEnv(env, { instanceType: 'development' });
  const location = parseDatabaseUrl(config.databaseUrl);
  if (!location) throw new Error(`Unsupported DATABASE_URL: ${config.databaseUrl}`);
  const store = await createStore(location);
  try {
    const instance = await store.instance.get();
    if (!instance) {
      printError(`No instance in ${config.databaseUrl} yet. Start Latch once (\`latch dev\` or \`latch start\`).`);
      return 1;
    }
    const policy = { allowPrivateNetworks: privateNetworksAllowed(config, instance.environmentType) };
    const now = Date.now();
    const id = rest[0];
    const needId = () => {
      if (!id) throw new UsageError(`Say which endpoint: latch webhooks ${command} <ep_id> (see \`latch webhooks\`).`);
      return id;
    };
    switch (command) {
      case undefined:
      case 'list':
        await listEndpoints(store, now);
        return 0;
      case 'add': {
        if (!id) throw new UsageError('Say where to: latch webhooks add <url>.');
        const body = parseBody(webhookEndpoints.CreateWebhookEndpointBody, {
          url: id,
          ...endpointOptions(values),
        });
        const endpoint = await createEndpoint(store, body, policy, now);
        print(`${green('✔')} Added ${endpoint.id} → ${endpoint.url}`);
        print(`  Signing secret (set it as CLERK_WEBHOOK_SECRET / LATCH_WEBHOOK_SIGNING_SECRET in your app):`);
        print();
        print(`  ${endpoint.secrets[0]?.secret}`);
        return 0;
      }
      case 'update': {
        const body = parseBody(webhookEndpoints.UpdateWebhookEndpointBody, {
          ...(values.url !== undefined ? { url: values.url } : {}),
          ...endpointOptions(values),
        });
        const endpoint = await updateEndpoint(store, needId(), body, policy, now);
        print(`${green('✔')} Updated ${endpoint.id}.`);
        return 0;
      }
      case 'remove':
        await deleteEndpoint(store, needId());
        print(`${green('✔')} Removed ${id}.`);
        return 0;
      case 'disable':
      case 'enable': {
        await setEndpointDisabled(store, needId(), command === 'disable', now);
        print(`${green('✔')} ${command === 'disable' ? 'Disabled' : 'Enabled'} ${id}.`);
        return 0;
      }
      case 'secret':
        print((await requireEndpoint(store, needId())).secrets[0]?.secret ?? '');
        return 0;
      case 'rotate': {
        const { overlap_seconds } = parseBody(webhookEndpoints.RotateWebhookSecretBody, {
          ...(values.overlap !== undefined ? { overlap_seconds: Number(values.overlap) } : {}),
        });
        const endpoint = await rotateEndpointSecret(store, needId(), { overlapSeconds: overlap_seconds }, now);
        const until = previousSecretExpiresAt(endpoint, now);
        print(`${green('✔')} New signing secret for ${endpoint.id}:`);
        print();
        print(`  ${endpoint.secrets[0]?.secret}`);
        print();
        print(until ? `  The previous secret also signs until ${new Date(until).toISOString()}.` : '  It alone signs.');
        return 0;
      }
      case 'log':
        await showLog(store, needId(), Number(values.limit ?? 20));
        return 0;
      case 'resend': {
        const messageId = rest[1];
        if (!messageId) throw new UsageError('Say which message: latch webhooks resend <ep_id> <msg_id>.');
        await resendMessage(store, needId(), messageId, now);
        print(`${green('✔')} ${messageId} is queued for ${id} again.`);
        return 0;
      }
      case 'replay': {
        const body = parseBody(webhookEndpoints.ReplayWebhookBody, {
          since: values.since,
          ...(values.until !== undefined ? { until: values.until } : {}),
        });
        const count = await replayMessages(store, needId(), { since: body.since, until: body.until ?? now + 1 }, now);
        print(`${green('✔')} ${count} message${count === 1 ? '' : 's'} queued for ${id}.`);
        return 0;
      }
      default:
        printError(`Unknown webhooks command: ${command}`);
        print(USAGE);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      printError(error.message);
      return 2;
    }
    throw error;
  } finally {
    await store.close();
  }
}

class UsageError extends Error {}

/** The part of a zod schema the CLI uses (the protocol package's request schemas). */
interface Schema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

function endpointOptions(values: { events?: string; description?: string; 'rate-limit'?: string }) {
  const rateLimit = values['rate-limit'];
  return {
    ...(values.events !== undefined
      ? { event_types: values.events === 'all' ? [] : values.events.split(',').map((type) => type.trim()) }
      : {}),
    ...(values.description !== undefined ? { description: values.description } : {}),
    ...(rateLimit !== undefined ? { rate_limit: rateLimit === 'none' ? null : Number(rateLimit) } : {}),
  };
}

/** Validates options with the Backend API's own schema, so the CLI and the API accept the same input. */
function parseBody<T>(schema: Schema<T>, input: Record<string, unknown>): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${String(issue.path[0] ?? 'input')}: ${issue.message}`);
  throw new UsageError(problems.join('; '));
}

async function listEndpoints(store: Store, now: number): Promise<void> {
  const endpoints = await store.webhooks.endpoints.list({ limit: 500, offset: 0 });
  if (endpoints.length === 0) {
    print('No webhook endpoints. Add one: latch webhooks add <url>');
    return;
  }
  printRows(endpoints.map((endpoint) => [endpoint.id, describeEndpoint(endpoint, now)]));
}

function describeEndpoint(endpoint: WebhookEndpointRecord, now: number): string {
  const types = endpoint.eventTypes.length === 0 ? 'all events' : endpoint.eventTypes.join(',');
  const state = endpoint.disabled ? yellow(`disabled (${endpoint.disabledReason})`) : green('enabled');
  const rotating = previousSecretExpiresAt(endpoint, now) ? dim('  rotating secret') : '';
  return `${endpoint.url}  ${state}  ${dim(types)}${endpoint.description ? `  ${endpoint.description}` : ''}${rotating}`;
}

async function showLog(store: Store, endpointId: string, limit: number): Promise<void> {
  await requireEndpoint(store, endpointId);
  const page = { limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 500) : 20, offset: 0 };
  print(bold('Messages'));
  const deliveries = await store.webhooks.deliveries.list({ endpointId }, page);
  printRows(
    deliveries.map((delivery) => [
      delivery.eventId,
      `${delivery.status}  ${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}${
        delivery.nextAttemptAt ? dim(`  next ${new Date(delivery.nextAttemptAt).toISOString()}`) : ''
      }`,
    ]),
  );
  print();
  print(bold('Attempts'));
  const attempts = await store.webhooks.attempts.list({ endpointId }, page);
  printRows(
    attempts.map((attempt) => [
      new Date(attempt.createdAt).toISOString(),
      `${attempt.eventId}  ${attempt.status}  ${attempt.responseStatusCode ?? '-'}  ${attempt.durationMs} ms${
        attempt.error ? `  ${attempt.error}` : ''
      }`,
    ]),
  );
}
