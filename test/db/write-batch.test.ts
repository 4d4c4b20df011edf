import type { Transaction } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/index.ts";
import type { Tables } from "../../src/db/tables.ts";
import { batchedTransactions } from "../../src/db/write-batch.ts";
import { describeEachDatabase } from "../support/databases.ts";

describeEachDatabase(
  "transactions that share a commit",
  (db) => {
    let other: DbHandle;
    beforeAll(() => {
      other = db().open();
    });
    afterAll(async () => other.close());

    const addTopic = (slug: string) => (trx: Transaction<Tables>) =>
      trx.insertInto("topics").values({ slug, position: 0 }).returning("id").executeTakeFirstOrThrow();
    const stored = async (slugs: string[]) =>
      (await other.db.selectFrom("topics").select("slug").where("slug", "in", slugs).execute()).map((r) => r.slug);

    it("commits every unit of work sent at once, and each caller gets its own result", async () => {
      const slugs = Array.from({ length: 30 }, (_, i) => `batch-${db().dialect}-${i}`);
      const results = await Promise.all(slugs.map((slug) => db().handle.batchedTransaction(addTopic(slug))));
      expect(new Set(results.map((r) => r.id)).size).toBe(30);
      expect((await stored(slugs)).sort()).toEqual([...slugs].sort());
    });

    it("rolls back only the unit that fails, and tells only its caller", async () => {
      const prefix = `partial-${db().dialect}`;
      // One key: one lane, so the three share a transaction on either engine.
      const outcomes = await Promise.allSettled([
        db().handle.batchedTransaction(addTopic(`${prefix}-a`), "one lane"),
        db().handle.batchedTransaction(async (trx) => {
          await addTopic(`${prefix}-b`)(trx);
          // A unique violation: on PostgreSQL it leaves the transaction unusable but for a rollback.
          await addTopic(`${prefix}-a`)(trx);
        }, "one lane"),
        db().handle.batchedTransaction(addTopic(`${prefix}-c`), "one lane"),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect((await stored([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`])).sort()).toEqual([
        `${prefix}-a`,
        `${prefix}-c`,
      ]);
    });

    it("runs what units leave for the end once for the batch, with the values of the units kept", async () => {
      const prefix = `later-${db().dialect}`;
      const applied: string[][] = [];
      const leave = (name: string, fail = false) =>
        db().handle.batchedTransaction(async (_trx, unit) => {
          unit.later("topics", name, async (t, names: string[]) => {
            applied.push(names);
            for (const n of names) await addTopic(`${prefix}-${n}`)(t);
          });
          if (fail) throw new Error("rolled back");
        }, "one lane");
      const outcomes = await Promise.allSettled([leave("a"), leave("b", true), leave("c")]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(applied).toEqual([["a", "c"]]);
      expect((await stored([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`])).sort()).toEqual([
        `${prefix}-a`,
        `${prefix}-c`,
      ]);
    });

    it("tries a unit again in the next batch after an error that says so, once", async () => {
      const run = batchedTransactions((work) => db().handle.db.transaction().execute(work), {
        retryable: (error) => (error as Error).message === "deadlock",
      });
      const prefix = `again-${db().dialect}`;
      let tries = 0;
      const flaky = run(async (trx) => {
        tries++;
        await addTopic(`${prefix}-${tries}`)(trx);
        if (tries === 1) throw new Error("deadlock");
        return tries;
      });
      let stubborn = 0;
      const hopeless = run(async () => {
        stubborn++;
        throw new Error("deadlock");
      });
      expect(await flaky).toBe(2);
      await expect(hopeless).rejects.toThrow("deadlock");
      expect(stubborn).toBe(2);
      expect(await stored([`${prefix}-1`, `${prefix}-2`])).toEqual([`${prefix}-2`]);
    });

    it("has stored the work by the time it answers, as another connection sees it", async () => {
      const slug = `seen-${db().dialect}`;
      await db().handle.batchedTransaction(addTopic(slug));
      expect(await stored([slug])).toEqual([slug]);
    });
  },
  { seedDemo: false },
);
