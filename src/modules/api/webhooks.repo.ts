import type { Db, Dialect } from "../../db/index.ts";
import { claimDue } from "../../db/lease.ts";
import { skipLocked } from "../../db/portable.ts";
import type { WebhookDeliveryState } from "../../db/tables.ts";

/** Attempts before a delivery is given up (about a day with the backoff: 30 s doubling, at most six hours apart). */
export const WEBHOOK_MAX_ATTEMPTS = 13;
/** How much of a receiver's answer is kept in the log. */
export const RESPONSE_BODY_LIMIT = 1000;

export const DELIVERY_STATES: readonly WebhookDeliveryState[] = ["queued", "sending", "delivered", "failed"];

export interface EndpointRow {
  id: number;
  url: string;
  description: string;
  events: string;
  created_at: string;
  disabled_at: string | null;
}

const ENDPOINT_COLUMNS = ["id", "url", "description", "events", "created_at", "disabled_at"] as const;

export async function insertEndpoint(
  db: Db,
  e: { url: string; description: string; events: string; secret: string; createdBy: number; now: string },
): Promise<number> {
  const row = await db
    .insertInto("webhook_endpoints")
    .values({
      url: e.url,
      description: e.description,
      events: e.events,
      secret: e.secret,
      created_by: e.createdBy,
      created_at: e.now,
      updated_at: e.now,
      disabled_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export function listEndpoints(db: Db): Promise<EndpointRow[]> {
  return db.selectFrom("webhook_endpoints").select(ENDPOINT_COLUMNS).orderBy("id", "desc").execute();
}

export function findEndpoint(db: Db, id: number): Promise<EndpointRow | undefined> {
  return db.selectFrom("webhook_endpoints").select(ENDPOINT_COLUMNS).where("id", "=", id).executeTakeFirst();
}

export async function disableEndpoint(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("webhook_endpoints")
    .set({ disabled_at: now, updated_at: now })
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Turns events not yet dispatched into one delivery per endpoint subscribed at this moment,
 * and marks them dispatched; in one transaction, so two senders never dispatch one twice.
 * An event no endpoint wants is deleted there and then (an endpoint registered later gets
 * only later events), so the table stays small however fast signatures arrive.
 */
export async function dispatchEvents(db: Db, dialect: Dialect, now: Date, limit = 200): Promise<number> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const events = await skipLocked(
      trx
        .selectFrom("webhook_events")
        .select(["id", "type"])
        .where("dispatched_at", "is", null)
        .orderBy("id")
        .limit(limit),
      dialect,
    ).execute();
    if (events.length === 0) return 0;
    const endpoints = await trx
      .selectFrom("webhook_endpoints")
      .select(["id", "events"])
      .where("disabled_at", "is", null)
      .execute();
    const rows = events.flatMap((event) =>
      endpoints
        .filter((e) => e.events.split(" ").includes(event.type))
        .map((e) => ({
          event_id: event.id,
          endpoint_id: e.id,
          state: "queued" as const,
          max_attempts: WEBHOOK_MAX_ATTEMPTS,
          next_attempt_at: at,
          locked_until: null,
          response_status: null,
          response_body: null,
          last_error: null,
          created_at: at,
          updated_at: at,
          delivered_at: null,
        })),
    );
    if (rows.length > 0) {
      await trx
        .insertInto("webhook_deliveries")
        .values(rows)
        .onConflict((oc) => oc.columns(["event_id", "endpoint_id"]).doNothing())
        .execute();
    }
    const wanted = new Set(rows.map((r) => r.event_id));
    const [kept, unwanted] = [events.filter((e) => wanted.has(e.id)), events.filter((e) => !wanted.has(e.id))];
    if (kept.length > 0) {
      await trx
        .updateTable("webhook_events")
        .set({ dispatched_at: at })
        .where(
          "id",
          "in",
          kept.map((e) => e.id),
        )
        .execute();
    }
    if (unwanted.length > 0) {
      await trx
        .deleteFrom("webhook_events")
        .where(
          "id",
          "in",
          unwanted.map((e) => e.id),
        )
        .execute();
    }
    return events.length;
  });
}

export interface ClaimedDelivery {
  id: number;
  attempts: number;
  max_attempts: number;
  url: string;
  secret: string;
  message_id: string;
  payload: string;
  created_at: string;
}

/** Takes due deliveries (and ones whose sender died), each held for `leaseMs`. */
export async function claimDeliveries(
  db: Db,
  dialect: Dialect,
  { limit, leaseMs, now }: { limit: number; leaseMs: number; now: Date },
): Promise<ClaimedDelivery[]> {
  const ids = await db
    .transaction()
    .execute((trx) => claimDue(trx, dialect, "webhook_deliveries", { limit, leaseMs, now }));
  if (ids.length === 0) return [];
  return db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhook_endpoints as e", "e.id", "d.endpoint_id")
    .innerJoin("webhook_events as v", "v.id", "d.event_id")
    .select(["d.id", "d.attempts", "d.max_attempts", "e.url", "e.secret", "v.message_id", "v.payload", "v.created_at"])
    .where("d.id", "in", ids)
    .execute();
}

/** The outcome of an attempt, written only by the sender holding the claim. */
export async function recordAttempt(
  db: Db,
  claimed: ClaimedDelivery,
  outcome: {
    delivered: boolean;
    status: number | null;
    body: string | null;
    error: string | null;
    retryAt: Date | null;
    now: Date;
  },
): Promise<void> {
  const at = outcome.now.toISOString();
  await db
    .updateTable("webhook_deliveries")
    .set({
      state: outcome.delivered ? "delivered" : outcome.retryAt ? "queued" : "failed",
      next_attempt_at: (outcome.retryAt ?? outcome.now).toISOString(),
      locked_until: null,
      response_status: outcome.status,
      response_body: outcome.body === null ? null : outcome.body.slice(0, RESPONSE_BODY_LIMIT),
      last_error: outcome.error === null ? null : outcome.error.slice(0, 500),
      updated_at: at,
      ...(outcome.delivered ? { delivered_at: at } : {}),
    })
    .where("id", "=", claimed.id)
    .where("state", "=", "sending")
    .where("attempts", "=", claimed.attempts)
    .execute();
}

export interface DeliveryLogRow {
  id: number;
  endpoint_id: number;
  url: string;
  type: string;
  message_id: string;
  state: WebhookDeliveryState;
  attempts: number;
  response_status: number | null;
  response_body: string | null;
  last_error: string | null;
  updated_at: string;
}

/** The newest deliveries, for the admin's log. */
export function listDeliveries(db: Db, limit = 50): Promise<DeliveryLogRow[]> {
  return db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhook_endpoints as e", "e.id", "d.endpoint_id")
    .innerJoin("webhook_events as v", "v.id", "d.event_id")
    .select([
      "d.id",
      "d.endpoint_id",
      "e.url",
      "v.type",
      "v.message_id",
      "d.state",
      "d.attempts",
      "d.response_status",
      "d.response_body",
      "d.last_error",
      "d.updated_at",
    ])
    .orderBy("d.id", "desc")
    .limit(limit)
    .execute();
}

/** Sends a delivery again (delivered or failed): queued now, with a fresh allowance of attempts. */
export async function requeueDelivery(db: Db, id: number, now: Date) {
  const at = now.toISOString();
  return db
    .updateTable("webhook_deliveries")
    .set((eb) => ({
      state: "queued",
      next_attempt_at: at,
      locked_until: null,
      max_attempts: eb("attempts", "+", WEBHOOK_MAX_ATTEMPTS),
      updated_at: at,
    }))
    .where("id", "=", id)
    .where("state", "in", ["delivered", "failed"])
    .returning(["id", "state", "attempts", "response_status"])
    .executeTakeFirst();
}

/** Events dispatched more than `days` ago whose deliveries are all done go, with their deliveries. */
export async function pruneWebhookEvents(db: Db, now: Date, days = 30): Promise<void> {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  await db
    .deleteFrom("webhook_events")
    .where("dispatched_at", "<", cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("webhook_deliveries")
            .select("webhook_deliveries.id")
            .whereRef("webhook_deliveries.event_id", "=", "webhook_events.id")
            .where("webhook_deliveries.state", "in", ["queued", "sending"]),
        ),
      ),
    )
    .execute();
}
