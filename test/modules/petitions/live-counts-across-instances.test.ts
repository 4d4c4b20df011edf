import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bus, postgresBus, redisBus } from "../../../src/bus.ts";
import type { DbHandle } from "../../../src/db/index.ts";
import { incrementCounts } from "../../../src/modules/petitions/counts.repo.ts";
import { LiveCounts } from "../../../src/modules/petitions/live-counts.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, uniqueSlug } from "./petition-helpers.ts";

const redisUrl = process.env.TEST_REDIS_URL;

/** Two instances of the site, each with its own database connection, counts and bus. */
interface Instance {
  counts: LiveCounts;
  bus: Bus;
  close(): Promise<void>;
}

/** Listens on an instance's bus; `heard` resolves with the next message about counts. */
async function nextMessage(instance: Instance): Promise<{ heard: Promise<string> }> {
  let resolve: (message: string) => void = () => {};
  const heard = new Promise<string>((r) => {
    resolve = r;
  });
  let first = true;
  await instance.bus.subscribe("counts", (message) => {
    if (first) resolve(message);
    first = false;
  });
  return { heard };
}

describeEachDatabase("live counts across instances", (db) => {
  const buses: { name: string; make: (handle: DbHandle) => { bus: Bus; close(): Promise<void> } }[] = [];
  const prefix = `iwelcome-test:${process.pid}:${Math.random().toString(36).slice(2)}:`;
  if (redisUrl) {
    buses.push({
      name: "Redis pub/sub",
      make: () => {
        const redis = new Redis(redisUrl);
        // A prefix of this run's own: other test runs may share the Redis.
        const bus = redisBus(redis, prefix);
        return {
          bus,
          close: async () => {
            await bus.close();
            redis.disconnect();
          },
        };
      },
    });
  }
  buses.push({
    name: "PostgreSQL LISTEN/NOTIFY",
    make: (handle) => {
      if (!handle.notifications) throw new Error("no notifications on this engine");
      return { bus: postgresBus(handle.notifications), close: async () => {} };
    },
  });

  for (const { name, make } of buses) {
    describe(`through ${name}`, () => {
      // LISTEN/NOTIFY is PostgreSQL's own; Redis works beside either engine.
      const runs = () => !name.startsWith("PostgreSQL") || db().dialect === "postgres";
      let a: Instance;
      let b: Instance;
      beforeAll(async () => {
        if (!runs()) return;
        const open = (): Instance => {
          const handle = db().open();
          const { bus, close } = make(handle);
          const counts = new LiveCounts(handle.db, bus);
          return {
            counts,
            bus,
            close: async () => {
              counts.close();
              await close();
              await handle.close();
            },
          };
        };
        a = open();
        b = open();
        // Both listening before anything is said.
        await a.bus.subscribe("counts", () => {});
        await b.bus.subscribe("counts", () => {});
      });
      afterAll(async () => {
        await a?.close();
        await b?.close();
      });

      it("a count moved on one instance is not served stale from the other's cache", async (context) => {
        if (!runs()) context.skip();
        const id = await addCampaign(db().handle.db, uniqueSlug("bus"), { policy: "instant" });
        expect((await b.counts.current(id)).total).toBe(0);
        await db()
          .handle.db.transaction()
          .execute((trx) => incrementCounts(trx, id, "NO"));
        const { heard } = await nextMessage(b);
        a.counts.changed(id);
        expect(await heard).toBe(String(id));
        expect((await b.counts.current(id)).total).toBe(1);
      });

      it("the other instance pushes the new count to its own live viewers", async (context) => {
        if (!runs()) context.skip();
        const id = await addCampaign(db().handle.db, uniqueSlug("bus"), { policy: "instant" });
        await b.counts.current(id);
        const seen = new Promise<number>((resolve) => {
          const stop = b.counts.subscribe(id, (row) => {
            if (row.total === 0) return;
            stop();
            resolve(row.total);
          });
        });
        await db()
          .handle.db.transaction()
          .execute((trx) => incrementCounts(trx, id, "NO"));
        a.counts.changed(id);
        expect(await seen).toBe(1);
      });

      it("an instance does not hear its own messages", async (context) => {
        if (!runs()) context.skip();
        const own: string[] = [];
        const { heard } = await nextMessage(b);
        await a.bus.subscribe("counts", (m) => own.push(m));
        a.bus.publish("counts", "123456");
        expect(await heard).toBe("123456");
        // b heard it, so it has gone round: a would have heard it by now too.
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(own).toEqual([]);
      });
    });
  }
});
