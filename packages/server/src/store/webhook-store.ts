/**
 * Persistence for the event outbox (which doubles as the audit log), webhook endpoints, deliveries
 * and the attempt log. Kept apart from `store.ts` so the webhook feature reads as one piece; `Store`
 * exposes it as `store.webhooks`.
 */

/** Who caused an event. */
export type EventActorType = 'user' | 'api_key' | 'operator' | 'system';

/** One domain change: an audit-log entry and the message its webhooks carry, until retention drops it. */
export interface EventRecord {
  /** `msg_…`: also the `svix-id` of every delivery of this event, retries included. */
  id: string;
  type: string;
  /** The Backend API JSON of the object (or `{ object, id, deleted: true }`). */
  data: Record<string, unknown>;
  actorType: EventActorType | null;
  actorId: string | null;
  targetType: string | null;
  targetId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  createdAt: number;
}

export interface EventFilter {
  /** Only events recorded with this kind of actor (`user` for the Frontend API's own). */
  actorType?: EventActorType;
  /** Inclusive lower bound on `createdAt`. */
  since?: number;
  /** Exclusive upper bound on `createdAt`. */
  until?: number;
  types?: string[];
  actorId?: string;
  targetId?: string;
}

export interface WebhookSecret {
  /** `whsec_<base64>`. */
  secret: string;
  createdAt: number;
  /** When a rotated-out secret stops signing; null for the current one. */
  expiresAt: number | null;
}

export interface WebhookEndpointRecord {
  id: string;
  url: string;
  description: string;
  /** Event types delivered; empty means every Clerk event type. */
  eventTypes: string[];
  /** Deliveries per second at most; null for no limit. */
  rateLimit: number | null;
  disabled: boolean;
  /** Why it is disabled: `manual` or `failing` (the worker gave up after days of failures). */
  disabledReason: 'manual' | 'failing' | null;
  /** Newest first; the first never expires, older ones sign until their `expiresAt`. */
  secrets: WebhookSecret[];
  /** Start of the current run of failed attempts; null after a success. */
  failingSince: number | null;
  createdAt: number;
  updatedAt: number;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event on its way to one endpoint. */
export interface WebhookDeliveryRecord {
  id: string;
  eventId: string;
  endpointId: string;
  status: WebhookDeliveryStatus;
  /** Attempts made in the current retry schedule (a resend starts a new schedule). */
  attempts: number;
  /** When the next attempt is due; null once succeeded or failed for good. */
  nextAttemptAt: number | null;
  /** The worker holding it, and until when: a lapsed lease makes it claimable again. */
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface DeliveryFilter {
  endpointId?: string;
  eventId?: string;
  status?: WebhookDeliveryStatus;
}

export interface WebhookAttemptRecord {
  id: string;
  deliveryId: string;
  endpointId: string;
  eventId: string;
  status: 'succeeded' | 'failed';
  /** Null when no HTTP response came back (timeout, refused connection). */
  responseStatusCode: number | null;
  /** The first KB of the response body. */
  responseBody: string;
  /** Why it failed when not because of the status code (timeout, network error, redirect). */
  error: string | null;
  durationMs: number;
  createdAt: number;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface WebhookStore {
  events: EventStore;
  endpoints: WebhookEndpointStore;
  deliveries: WebhookDeliveryStore;
  attempts: WebhookAttemptStore;
}

export interface EventStore {
  insert(event: EventRecord): Promise<void>;
  findById(id: string): Promise<EventRecord | null>;
  /** The events that exist among `ids`, in no particular order. */
  findByIds(ids: string[]): Promise<EventRecord[]>;
  /** Newest first. */
  list(filter: EventFilter, page: Page): Promise<EventRecord[]>;
  count(filter: EventFilter): Promise<number>;
  /**
   * Counts per UTC day (`day` = start of the day, Unix ms) and type, in one query; days without
   * events are absent.
   */
  countByDay(filter: EventFilter): Promise<{ day: number; type: string; count: number }[]>;
  /** Drops events (with their deliveries and attempts) older than `before`; returns how many. */
  deleteCreatedBefore(before: number): Promise<number>;
}

export interface WebhookEndpointStore {
  insert(endpoint: WebhookEndpointRecord): Promise<void>;
  findById(id: string): Promise<WebhookEndpointRecord | null>;
  /** Oldest first. */
  list(page: Page): Promise<WebhookEndpointRecord[]>;
  count(): Promise<number>;
  listEnabled(): Promise<WebhookEndpointRecord[]>;
  update(endpoint: WebhookEndpointRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface ClaimRequest {
  now: number;
  owner: string;
  leaseExpiresAt: number;
  limit: number;
}

export interface WebhookDeliveryStore {
  /** Inserts deliveries, skipping any event/endpoint pair that already has one. */
  insertMany(deliveries: WebhookDeliveryRecord[]): Promise<void>;
  findById(id: string): Promise<WebhookDeliveryRecord | null>;
  findByEventAndEndpoint(eventId: string, endpointId: string): Promise<WebhookDeliveryRecord | null>;
  /** Newest first. */
  list(filter: DeliveryFilter, page: Page): Promise<WebhookDeliveryRecord[]>;
  count(filter: DeliveryFilter): Promise<number>;
  /**
   * Leases up to `limit` pending deliveries due at `now` whose lease is free or lapsed (PostgreSQL:
   * `FOR UPDATE SKIP LOCKED`, so concurrent claimers never take the same row). Returns them leased.
   */
  claimDue(request: ClaimRequest): Promise<WebhookDeliveryRecord[]>;
  /**
   * Writes a delivery's new state and frees its lease, only if `owner` still holds it; false when
   * the lease lapsed and another worker may have taken it over.
   */
  settle(delivery: WebhookDeliveryRecord, owner: string): Promise<boolean>;
  /** Replaces the stored state whoever holds it (resend, replay). */
  update(delivery: WebhookDeliveryRecord): Promise<void>;
}

export interface AttemptFilter {
  endpointId?: string;
  deliveryId?: string;
  eventId?: string;
}

export interface WebhookAttemptStore {
  insert(attempt: WebhookAttemptRecord): Promise<void>;
  /** Newest first. */
  list(filter: AttemptFilter, page: Page): Promise<WebhookAttemptRecord[]>;
  count(filter: AttemptFilter): Promise<number>;
}
