import type { DocumentTable } from '../schema.js';

/** Tables of migration 0004 as the database holds them (see `webhook-store.ts` for the records). */
export interface WebhookTables {
  event: EventTable;
  webhook_endpoint: DocumentTable & { url: string; disabled: number; updated_at: number };
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
}

export interface EventTable {
  id: string;
  type: string;
  data: string;
  actor_type: string | null;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  client_ip: string | null;
  user_agent: string | null;
  created_at: number;
}

export interface WebhookDeliveryTable {
  id: string;
  event_id: string;
  endpoint_id: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface WebhookAttemptTable {
  id: string;
  delivery_id: string;
  endpoint_id: string;
  event_id: string;
  status: string;
  response_status_code: number | null;
  response_body: string;
  error: string | null;
  duration_ms: number;
  created_at: number;
}
