import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { DbHandle } from "../../src/db/index.ts";
import { assembleDeps, type Deps } from "../../src/deps.ts";
import { enqueueJob } from "../../src/jobs/jobs.repo.ts";
import { type JobHandler, startWorker } from "../../src/jobs/worker.ts";
import { describeEachDatabase } from "../support/databases.ts";

function depsFor(handle: DbHandle): { deps: Deps; close(): Promise<void> } {
  return assembleDeps(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), handle);
}

/** Runs what is due with these handlers, then stops the worker. */
async function drain(deps: Deps, handlers: Record<string, JobHandler>): Promise<number> {
  const worker = startWorker(deps, handlers);
  try {
    return await worker.drain();
  } finally {
    await worker.stop();
  }
}

describeEachDatabase(
  "the job queue and its worker",
  (db) => {
    let assembled: { deps: Deps; close(): Promise<void> };
    let deps: Deps;
    beforeAll(() => {
      assembled = depsFor(db().handle);
      deps = assembled.deps;
    });
    afterAll(async () => assembled.close());

    const jobsNamed = (name: string) =>
      deps.db.selectFrom("jobs").selectAll().where("name", "=", name).orderBy("id").execute();

    it("makes one job of two enqueued with the same idempotency key", async () => {
      await enqueueJob(deps.db, "once", { n: 1 }, { idempotencyKey: "once:1" });
      await enqueueJob(deps.db, "once", { n: 2 }, { idempotencyKey: "once:1" });
      await enqueueJob(deps.db, "once", { n: 3 }, { idempotencyKey: "once:2" });
      const jobs = await jobsNamed("once");
      expect(jobs.map((j) => JSON.parse(j.payload))).toEqual([{ n: 1 }, { n: 3 }]);
      const payloads: unknown[] = [];
      await drain(deps, { once: async (_deps, payload) => void payloads.push(payload) });
      expect(payloads).toEqual([{ n: 1 }, { n: 3 }]);
      expect((await jobsNamed("once")).map((j) => j.status)).toEqual(["done", "done"]);
    });

    it("puts a failed job back in the queue for later, then gives up after its last attempt", async () => {
      await enqueueJob(deps.db, "flaky", {}, { maxAttempts: 2 });
      let calls = 0;
      const handlers = {
        flaky: async () => {
          calls += 1;
          throw new Error(`boom ${calls}`);
        },
      };
      const before = Date.now();
      await drain(deps, handlers);
      const [retrying] = await jobsNamed("flaky");
      expect(retrying).toMatchObject({ status: "queued", attempts: 1, last_error: "boom 1", locked_until: null });
      expect(Date.parse(retrying?.run_at ?? "")).toBeGreaterThan(before + 3000);

      expect(await drain(deps, handlers)).toBe(0); // not due yet
      expect(calls).toBe(1);

      await deps.db
        .updateTable("jobs")
        .set({ run_at: new Date(Date.now() - 1000).toISOString() })
        .where("name", "=", "flaky")
        .execute();
      await drain(deps, handlers);
      const [failed] = await jobsNamed("flaky");
      expect(failed).toMatchObject({ status: "failed", attempts: 2, last_error: "boom 2" });
      expect(calls).toBe(2);
      expect(await drain(deps, handlers)).toBe(0);
    });

    it("logs a failure through the server's own logger (pino) and still records it", async () => {
      await enqueueJob(deps.db, "logged", {}, { maxAttempts: 1 });
      const lines: string[] = [];
      const log = pino(
        { level: "warn" },
        new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      );
      const worker = startWorker(
        deps,
        {
          logged: async () => {
            throw new Error("boom");
          },
        },
        { log },
      );
      await worker.drain();
      await worker.stop();
      expect(await jobsNamed("logged")).toMatchObject([{ status: "failed", last_error: "boom" }]);
      expect(lines.map((l) => JSON.parse(l) as { msg: string; job: string })).toEqual([
        expect.objectContaining({ msg: "job failed", job: "logged", err: "boom" }),
      ]);
    });

    it("fails a job nobody knows how to run, keeping the reason", async () => {
      await enqueueJob(deps.db, "nobody-knows", {}, { maxAttempts: 1 });
      await drain(deps, {});
      expect(await jobsNamed("nobody-knows")).toMatchObject([
        { status: "failed", attempts: 1, last_error: 'no handler for job "nobody-knows"' },
      ]);
    });

    it("keeps no address in a failure, nor a personal payload once it has failed for good", async () => {
      await enqueueJob(deps.db, "personal", { email: "amina@example.org" }, { maxAttempts: 1 });
      await enqueueJob(deps.db, "ordinary", { signatureId: 7 }, { maxAttempts: 1 });
      const refused: JobHandler = async () => {
        throw new Error("550 5.1.1 <amina@example.org>: Recipient address rejected");
      };
      const worker = startWorker(deps, { personal: refused, ordinary: refused }, { personal: new Set(["personal"]) });
      await worker.drain();
      await worker.stop();
      const [personal] = await jobsNamed("personal");
      const [ordinary] = await jobsNamed("ordinary");
      expect(personal).toMatchObject({ status: "failed", payload: "{}" });
      expect(personal?.last_error).toBe("550 5.1.1 <[address]>: Recipient address rejected");
      expect(ordinary).toMatchObject({ status: "failed", payload: JSON.stringify({ signatureId: 7 }) });
    });

    it("takes up again a job whose worker stopped before finishing (its lock ran out)", async () => {
      await enqueueJob(deps.db, "orphan", {}, {});
      await enqueueJob(deps.db, "held", {}, {});
      const past = new Date(Date.now() - 1000).toISOString();
      const future = new Date(Date.now() + 60_000).toISOString();
      await deps.db
        .updateTable("jobs")
        .set({ status: "running", attempts: 1, locked_until: past })
        .where("name", "=", "orphan")
        .execute();
      await deps.db
        .updateTable("jobs")
        .set({ status: "running", attempts: 1, locked_until: future })
        .where("name", "=", "held")
        .execute();
      const ran: string[] = [];
      await drain(deps, { orphan: async () => void ran.push("orphan"), held: async () => void ran.push("held") });
      expect(ran).toEqual(["orphan"]);
      expect(await jobsNamed("orphan")).toMatchObject([{ status: "done", attempts: 2 }]);
      expect(await jobsNamed("held")).toMatchObject([{ status: "running", attempts: 1 }]);
    });

    it("never runs a job twice when two workers drain the queue at once", async () => {
      const total = 60;
      for (let i = 0; i < total; i++) await enqueueJob(deps.db, "shared", { i });
      // On PostgreSQL the second worker has a pool of its own, as another process would. A
      // second SQLite connection in this process would block the one thread on the file lock
      // (the driver is synchronous), so there both workers share the one connection.
      const other = db().dialect === "postgres" ? db().open() : undefined;
      const second = other ? depsFor(other) : { deps, close: async () => {} };
      try {
        const runs = new Map<number, number>();
        const handler: JobHandler = async (_deps, payload) => {
          const { i } = payload as { i: number };
          runs.set(i, (runs.get(i) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 2));
        };
        const options = { batchSize: 5 };
        const a = startWorker(deps, { shared: handler }, options);
        const b = startWorker(second.deps, { shared: handler }, options);
        const [doneA, doneB] = await Promise.all([a.drain(), b.drain()]);
        await Promise.all([a.stop(), b.stop()]);
        expect(doneA + doneB).toBe(total);
        expect(runs.size).toBe(total);
        expect([...runs.values()].every((n) => n === 1)).toBe(true);
        expect((await jobsNamed("shared")).every((j) => j.status === "done" && j.attempts === 1)).toBe(true);
      } finally {
        await second.close();
        await other?.close();
      }
    });
  },
  { seedDemo: false },
);
