import { randomBytes } from "node:crypto";
import type { Db } from "../../db/index.ts";

/**
 * Every event a webhook can receive, with what its `data` holds. Only ids and states, never
 * a name or an address: a receiver that needs the person reads them through the API with a key.
 */
export const WEBHOOK_EVENTS = {
  "signature.created": "signature_id, petition (slug), status (pending or confirmed)",
  "signature.confirmed": "signature_id, petition (slug)",
  "supporter.subscribed": "person_id",
  "supporter.unsubscribed": "person_id",
  "rsvp.created": "attendance_id, event_id, status",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

/** The Standard Webhooks message id: "msg_" and 24 random bytes. */
export function newMessageId(): string {
  return `msg_${randomBytes(18).toString("base64url")}`;
}

/**
 * Records that something happened, for every endpoint subscribed to it. One insert: call it
 * with the transaction of the change, so the event exists if and only if the change does;
 * the webhook sender makes and sends the deliveries later.
 */
export async function emitWebhookEvent(
  db: Db,
  type: WebhookEventType,
  data: Record<string, string | number | boolean | null>,
  now = new Date(),
): Promise<void> {
  const timestamp = now.toISOString();
  await db
    .insertInto("webhook_events")
    .values({
      message_id: newMessageId(),
      type,
      payload: JSON.stringify({ type, timestamp, data }),
      created_at: timestamp,
      dispatched_at: null,
    })
    .execute();
}
