import { afterAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../../src/db/index.ts";
import { migrate } from "../../../src/db/migrate.ts";
import { MIGRATIONS } from "../../../src/db/migrations/index.ts";
import { withExclusiveLock } from "../../../src/db/portable.ts";
import { createTestDatabase, engines } from "../../support/databases.ts";

const OUTBOX = MIGRATIONS.findIndex((m) => m.name === "0009_mail_outbox");

describe.each(engines())("moving the email jobs into the mail outbox [%s]", (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("keeps every email still to send, and the failed ones, and leaves the other jobs", async () => {
    const database = await createTestDatabase(dialect);
    const handle: DbHandle = database.open();
    cleanups.push(database.drop, () => handle.close());
    await withExclusiveLock(handle.db, dialect, (trx) => migrate(trx as never, dialect, MIGRATIONS.slice(0, OUTBOX)));
    const at = new Date().toISOString();
    const job = (name: string, status: "queued" | "running" | "done" | "failed", key: string | null) => ({
      name,
      payload: JSON.stringify({ signatureId: 7 }),
      idempotency_key: key,
      status,
      attempts: status === "failed" ? 8 : 0,
      max_attempts: 8,
      run_at: at,
      locked_until: null,
      last_error: status === "failed" ? "550 refused" : null,
      created_at: at,
      updated_at: at,
    });
    await handle.db
      .insertInto("jobs")
      .values([
        job("send-signature-confirmation", "queued", "confirm:7"),
        job("send-welcome", "running", "welcome:3"),
        job("send-already-signed", "failed", "already-signed:7:2026-01-01T10"),
        job("send-manage-link", "done", "manage:3:preferences:1"),
        job("reconcile-signature-counts", "queued", "reconcile:1"),
      ])
      .execute();

    await withExclusiveLock(handle.db, dialect, (trx) =>
      migrate(trx as never, dialect, MIGRATIONS.slice(0, OUTBOX + 1)),
    );

    const outbox = await handle.db
      .selectFrom("mail_outbox")
      .select(["kind", "idempotency_key", "params", "state", "attempts", "last_error"])
      .orderBy("id")
      .execute();
    expect(outbox).toEqual([
      {
        kind: "signature-confirmation",
        idempotency_key: "confirm:7",
        params: '{"signatureId":7}',
        state: "queued",
        attempts: 0,
        last_error: null,
      },
      {
        kind: "welcome",
        idempotency_key: "welcome:3",
        params: '{"signatureId":7}',
        state: "queued",
        attempts: 0,
        last_error: null,
      },
      {
        kind: "already-signed",
        idempotency_key: "already-signed:7:2026-01-01T10",
        params: '{"signatureId":7}',
        state: "failed",
        attempts: 8,
        last_error: "550 refused",
      },
    ]);
    const jobs = await handle.db.selectFrom("jobs").select("name").execute();
    expect(jobs.map((j) => j.name)).toEqual(["reconcile-signature-counts"]);
  });
});
