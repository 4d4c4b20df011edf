import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * Keys for the public API (only a SHA-256 of each is kept), the endpoints that receive
 * webhooks, the events that happened (one row written in the transaction of the change),
 * and each event's delivery to each endpoint with its attempts' outcome.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("api_keys")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    // The first characters of the key, to recognise it in the list; never enough to use it.
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    // Space-separated scopes: "read", "write".
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("created_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("expires_at", t.timestamp)
    .addColumn("last_used_at", t.timestamp)
    .addColumn("revoked_at", t.timestamp)
    .execute();

  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    // Space-separated event types it receives.
    .addColumn("events", "text", (c) => c.notNull())
    // The signing secret, encrypted with a key derived from SECRET_KEY (it must be read to sign).
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("created_by", t.ref, (c) => c.references("staff_users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("disabled_at", t.timestamp)
    .execute();

  await db.schema
    .createTable("webhook_events")
    .addColumn("id", t.id, (c) => c.primaryKey())
    // The Standard Webhooks message id (webhook-id), the same for every delivery and retry.
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    // Set once a sender has made its deliveries to the endpoints subscribed at that time.
    .addColumn("dispatched_at", t.timestamp)
    .execute();
  await db.schema.createIndex("webhook_events_pending").on("webhook_events").columns(["dispatched_at", "id"]).execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("event_id", t.ref, (c) => c.notNull().references("webhook_events.id").onDelete("cascade"))
    .addColumn("endpoint_id", t.ref, (c) => c.notNull().references("webhook_endpoints.id").onDelete("cascade"))
    .addColumn("state", "text", (c) => c.notNull().check(oneOf("state", ["queued", "sending", "delivered", "failed"])))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", t.timestamp, (c) => c.notNull())
    .addColumn("locked_until", t.timestamp)
    // The last attempt: the receiver's status (null when it did not answer), its body cut short, or the error.
    .addColumn("response_status", "integer")
    .addColumn("response_body", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("delivered_at", t.timestamp)
    .addUniqueConstraint("webhook_deliveries_once", ["event_id", "endpoint_id"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_due")
    .on("webhook_deliveries")
    .columns(["state", "next_attempt_at"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_endpoint")
    .on("webhook_deliveries")
    .columns(["endpoint_id", "id"])
    .execute();
}
