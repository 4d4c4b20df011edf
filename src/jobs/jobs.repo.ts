import type { Db, Dialect } from "../db/index.ts";
import { now, skipLocked } from "../db/portable.ts";

export interface EnqueueOptions {
  /** A job with the same key is made only once (the cause it answers). */
  idempotencyKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Queues a job. Pass the transaction that makes the change the job follows from, so that
 * the job exists if and only if the change does.
 */
export async function enqueueJob(db: Db, name: string, payload: object, options: EnqueueOptions = {}): Promise<void> {
  const at = now();
  await db
    .insertInto("jobs")
    .values({
      name,
      payload: JSON.stringify(payload),
      idempotency_key: options.idempotencyKey ?? null,
      status: "queued",
      max_attempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: (options.runAt ?? new Date()).toISOString(),
      locked_until: null,
      last_error: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .execute();
}

export interface ClaimedJob {
  id: number;
  name: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

/**
 * Takes up to `limit` due jobs for this worker: queued ones whose time has come, and
 * running ones whose worker stopped before finishing (their lock ran out). Two workers
 * never take the same job.
 */
export async function claimJobs(db: Db, dialect: Dialect, limit: number, lockMs: number): Promise<ClaimedJob[]> {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const due = await skipLocked(
      trx
        .selectFrom("jobs")
        .select("id")
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "queued"), eb("run_at", "<=", at)]),
            eb.and([eb("status", "=", "running"), eb("locked_until", "<", at)]),
          ]),
        )
        .orderBy("run_at")
        .limit(limit),
      dialect,
    ).execute();
    if (due.length === 0) return [];
    const lockedUntil = new Date(Date.now() + lockMs).toISOString();
    return trx
      .updateTable("jobs")
      .set((eb) => ({ status: "running", locked_until: lockedUntil, attempts: eb("attempts", "+", 1), updated_at: at }))
      .where(
        "id",
        "in",
        due.map((d) => d.id),
      )
      .returning(["id", "name", "payload", "attempts", "max_attempts"])
      .execute();
  });
}

/** A job done keeps no payload: whatever it carried (an address to write to) is not kept. */
export async function markJobDone(db: Db, id: number): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ status: "done", payload: "{}", locked_until: null, last_error: null, updated_at: now() })
    .where("id", "=", id)
    .execute();
}

/** Mail servers quote the recipient in their errors; the job table keeps no address. */
export function withoutAddresses(error: string): string {
  return error.replace(/[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+/g, "[address]");
}

/**
 * A failed attempt: try again later, or give up for good after the last attempt. A job
 * whose payload is personal (`personal`, e.g. the address of an erased supporter) keeps no
 * payload once it has failed for good.
 */
export async function markJobFailed(
  db: Db,
  job: ClaimedJob,
  error: string,
  retryAt: Date | null,
  personal = false,
): Promise<void> {
  await db
    .updateTable("jobs")
    .set({
      status: retryAt ? "queued" : "failed",
      run_at: retryAt ? retryAt.toISOString() : now(),
      locked_until: null,
      last_error: withoutAddresses(error).slice(0, 2000),
      ...(retryAt === null && personal ? { payload: "{}" } : {}),
      updated_at: now(),
    })
    .where("id", "=", job.id)
    .execute();
}
