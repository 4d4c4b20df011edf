import type { Generated } from "kysely";

/* The public API and webhooks. */

/** A key for the public API: only the SHA-256 of the key is kept, and its first characters to recognise it. */
export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  key_hash: string;
  /** Space-separated: "read", "write". */
  scopes: string;
  created_by: number | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A receiver of webhooks, with the event types it wants and its (encrypted) signing secret. */
export interface WebhookEndpointTable {
  id: Generated<number>;
  url: string;
  description: string;
  /** Space-separated event types. */
  events: string;
  secret: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

/** Something that happened, written in the transaction of the change; sent to endpoints by the worker. */
export interface WebhookEventTable {
  id: Generated<number>;
  message_id: string;
  type: string;
  /** The JSON body sent (see docs/api.md for each type's fields). */
  payload: string;
  created_at: string;
  dispatched_at: string | null;
}

export type WebhookDeliveryState = "queued" | "sending" | "delivered" | "failed";

/** One event to one endpoint: its attempts and the last answer. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  event_id: number;
  endpoint_id: number;
  state: WebhookDeliveryState;
  attempts: Generated<number>;
  max_attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  response_status: number | null;
  response_body: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}
