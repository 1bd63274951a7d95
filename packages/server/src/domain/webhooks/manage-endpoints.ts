import type { webhookEndpoints } from '@latch/protocol';
import { formError, resourceNotFound } from '../../errors.js';
import type { Store } from '../../store/store.js';
import type { WebhookEndpointRecord } from '../../store/webhook-store.js';
import { createId } from '../ids.js';
import { validateEndpointURL } from './endpoint-url.js';
import { createWebhookSecret, isWebhookSecret } from './webhook-signature.js';

export interface EndpointPolicy {
  allowPrivateNetworks: boolean;
}

/** Adds an endpoint with a fresh (or the given) `whsec_` secret. */
export async function createEndpoint(
  store: Store,
  input: webhookEndpoints.CreateWebhookEndpointBody,
  policy: EndpointPolicy,
  now: number,
): Promise<WebhookEndpointRecord> {
  const endpoint: WebhookEndpointRecord = {
    id: createId('ep', now),
    url: validateEndpointURL(input.url, policy.allowPrivateNetworks),
    description: input.description ?? '',
    eventTypes: uniqueTypes(input.event_types),
    rateLimit: input.rate_limit ?? null,
    disabled: input.disabled ?? false,
    disabledReason: input.disabled ? 'manual' : null,
    secrets: [{ secret: givenOrNewSecret(input.secret), createdAt: now, expiresAt: null }],
    failingSince: null,
    createdAt: now,
    updatedAt: now,
  };
  await store.webhooks.endpoints.insert(endpoint);
  return endpoint;
}

/** Loads an endpoint or throws the Backend API's 404. */
export async function requireEndpoint(store: Store, id: string): Promise<WebhookEndpointRecord> {
  const endpoint = await store.webhooks.endpoints.findById(id);
  if (!endpoint) throw resourceNotFound('webhook endpoint');
  return endpoint;
}

/** Applies a PATCH: only the fields present change. */
export async function updateEndpoint(
  store: Store,
  id: string,
  input: webhookEndpoints.UpdateWebhookEndpointBody,
  policy: EndpointPolicy,
  now: number,
): Promise<WebhookEndpointRecord> {
  const url = input.url === undefined ? undefined : validateEndpointURL(input.url, policy.allowPrivateNetworks);
  return changeEndpoint(store, id, (endpoint) => ({
    ...endpoint,
    ...(url !== undefined ? { url } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.event_types !== undefined ? { eventTypes: uniqueTypes(input.event_types) } : {}),
    ...(input.rate_limit !== undefined ? { rateLimit: input.rate_limit } : {}),
    updatedAt: now,
  }));
}

/** Disables (manually) or re-enables an endpoint; enabling forgets the failure streak. */
export function setEndpointDisabled(
  store: Store,
  id: string,
  disabled: boolean,
  now: number,
): Promise<WebhookEndpointRecord> {
  return changeEndpoint(store, id, (endpoint) => ({
    ...endpoint,
    disabled,
    disabledReason: disabled ? 'manual' : null,
    failingSince: disabled ? endpoint.failingSince : null,
    updatedAt: now,
  }));
}

/**
 * Makes a new secret current. Older ones keep signing until `now + overlapSeconds` at the latest
 * (receivers verify against either while they switch over; 0 retires them all at once); secrets
 * past their overlap are dropped.
 */
export function rotateEndpointSecret(
  store: Store,
  id: string,
  input: { secret?: string; overlapSeconds?: number },
  now: number,
): Promise<WebhookEndpointRecord> {
  const secret = givenOrNewSecret(input.secret);
  const overlapMs = (input.overlapSeconds ?? 24 * 3600) * 1000;
  return changeEndpoint(store, id, (endpoint) => ({
    ...endpoint,
    secrets: [
      { secret, createdAt: now, expiresAt: null },
      ...endpoint.secrets
        .map((old) => ({ ...old, expiresAt: Math.min(old.expiresAt ?? Number.POSITIVE_INFINITY, now + overlapMs) }))
        .filter((old) => old.expiresAt > now),
    ],
    updatedAt: now,
  }));
}

export async function deleteEndpoint(store: Store, id: string): Promise<void> {
  if (!(await store.webhooks.endpoints.delete(id))) throw resourceNotFound('webhook endpoint');
}

/** The secrets that sign a message sent at `now`: the current one and any still overlapping. */
export function signingSecrets(endpoint: WebhookEndpointRecord, now: number): string[] {
  return endpoint.secrets.filter((secret) => secret.expiresAt === null || secret.expiresAt > now).map((s) => s.secret);
}

/** Until when a rotated-out secret still signs, if one does. */
export function previousSecretExpiresAt(endpoint: WebhookEndpointRecord, now: number): number | null {
  const overlapping = endpoint.secrets.filter((secret) => secret.expiresAt !== null && secret.expiresAt > now);
  return overlapping.length === 0 ? null : Math.max(...overlapping.map((secret) => secret.expiresAt as number));
}

/** Read-modify-write in one transaction, so two concurrent changes do not undo each other. */
async function changeEndpoint(
  store: Store,
  id: string,
  change: (endpoint: WebhookEndpointRecord) => WebhookEndpointRecord,
): Promise<WebhookEndpointRecord> {
  return store.transaction(async (tx) => {
    const updated = change(await requireEndpoint(tx, id));
    await tx.webhooks.endpoints.update(updated);
    return updated;
  });
}

function givenOrNewSecret(secret: string | undefined): string {
  if (secret === undefined) return createWebhookSecret();
  if (!isWebhookSecret(secret)) {
    throw formError(
      'form_param_format_invalid',
      'secret',
      'is invalid',
      'secret must be whsec_ followed by at least 16 bytes in base64.',
    );
  }
  return secret;
}

function uniqueTypes(types: readonly string[] | undefined): string[] {
  return [...new Set(types ?? [])];
}
