import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import { assembleDeps, type Deps } from "../../../src/deps.ts";
import { DomainError } from "../../../src/errors.ts";
import {
  getPetitionWatch,
  invalidateRecent,
  readInvalidation,
  restoreInvalidated,
} from "../../../src/modules/admin/petition-watch.service.ts";
import { reconcileCounts } from "../../../src/modules/petitions/counts.repo.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addWatchedCampaign, countsOf, emailAt, minutesBefore, seedSignature } from "./watch-helpers.ts";

describeEachDatabase(
  "invalidating a flood and restoring it",
  (database) => {
    let deps: Deps;
    let close: () => Promise<void>;
    let staffId: number;
    beforeAll(async () => {
      ({ deps, close } = assembleDeps(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), database().handle));
      const at = new Date().toISOString();
      const staff = await deps.db
        .insertInto("staff_users")
        .values({
          email: emailAt("staff.example"),
          name: "Watcher",
          role: "campaigner",
          locale: "en",
          password_hash: null,
          totp_secret: null,
          locked_until: null,
          disabled_at: null,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      staffId = staff.id;
    });
    afterAll(async () => close());

    const statuses = async (ids: number[]) =>
      (
        await deps.db.selectFrom("signatures").select(["id", "status"]).where("id", "in", ids).orderBy("id").execute()
      ).map((r) => r.status);
    const reconciledWithoutDrift = async (campaignId: number) => {
      const result = await deps.db.transaction().execute((trx) => reconcileCounts(trx, deps.dialect, campaignId));
      expect(result.before).toBe(result.after);
    };
    const auditFor = (action: string, campaignId: number) =>
      deps.db
        .selectFrom("audit_log")
        .selectAll()
        .where("action", "=", action)
        .where("entity_id", "=", String(campaignId))
        .execute();

    it("invalidates one network's signatures of the last hour, takes them off the counts, and restores them exactly", async () => {
      const now = new Date();
      const { id } = await addWatchedCampaign(deps.db);
      const other = await addWatchedCampaign(deps.db);
      const flood: number[] = [];
      for (const [i, country] of ["NO", "NO", "NO", "SE", "SE"].entries()) {
        flood.push(
          await seedSignature(deps.db, id, { at: minutesBefore(now, 5 + i), country, networkHash: "flood-net-1" }),
        );
      }
      for (const i of [1, 2]) {
        flood.push(
          await seedSignature(deps.db, id, {
            at: minutesBefore(now, 20 + i),
            status: "pending",
            networkHash: "flood-net-1",
          }),
        );
      }
      const kept = [
        await seedSignature(deps.db, id, { at: minutesBefore(now, 3), country: "NO", networkHash: "home-net-2" }),
        await seedSignature(deps.db, id, { at: minutesBefore(now, 4), country: "DK", networkHash: null }),
        // The same network, but more than an hour ago: not part of this flood.
        await seedSignature(deps.db, id, { at: minutesBefore(now, 90), country: "SE", networkHash: "flood-net-1" }),
      ];
      const elsewhere = await seedSignature(deps.db, other.id, {
        at: minutesBefore(now, 5),
        networkHash: "flood-net-1",
      });
      expect(await countsOf(deps.db, id)).toEqual({ total: 8, byCountry: { DK: 1, NO: 4, SE: 3 } });

      const count = await invalidateRecent(deps, staffId, id, { kind: "network", value: "flood-net-1" }, now);
      expect(count).toBe(7);
      expect(new Set(await statuses(flood))).toEqual(new Set(["invalidated"]));
      expect(await statuses(kept)).toEqual(["confirmed", "confirmed", "confirmed"]);
      expect(await statuses([elsewhere])).toEqual(["confirmed"]);
      expect(await countsOf(deps.db, id)).toEqual({ total: 3, byCountry: { DK: 1, NO: 1, SE: 1 } });
      expect(await countsOf(deps.db, other.id)).toEqual({ total: 1, byCountry: { NO: 1 } });
      await reconciledWithoutDrift(id);
      const [audit] = await auditFor("signatures.invalidate", id);
      expect(audit?.staff_user_id).toBe(staffId);
      expect(JSON.parse(audit?.before ?? "{}")).toEqual({ confirmed: 5, pending: 2 });
      expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ invalidated: 7, kind: "network", value: "flood-ne…" });

      const batch = await deps.db
        .selectFrom("invalidation_batches")
        .select(["id", "signatures", "value"])
        .where("campaign_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(batch.signatures).toBe(7);
      expect(batch.value).toBe("flood-ne");
      expect(await restoreInvalidated(deps, staffId, id, String(batch.id))).toBe(7);
      expect(await statuses(flood)).toEqual([...Array(5).fill("confirmed"), "pending", "pending"]);
      expect(await countsOf(deps.db, id)).toEqual({ total: 8, byCountry: { DK: 1, NO: 4, SE: 3 } });
      await reconciledWithoutDrift(id);
      const [restored] = await auditFor("signatures.restore", id);
      expect(JSON.parse(restored?.after ?? "{}")).toMatchObject({ restored: 7, confirmed: 5, pending: 2 });

      // A batch comes back once; a second restore changes nothing.
      await expect(restoreInvalidated(deps, staffId, id, String(batch.id))).rejects.toBeInstanceOf(DomainError);
      expect(await countsOf(deps.db, id)).toEqual({ total: 8, byCountry: { DK: 1, NO: 4, SE: 3 } });
    });

    it("invalidates one email domain's signatures of the last hour and leaves the other domains alone", async () => {
      const now = new Date();
      const { id } = await addWatchedCampaign(deps.db);
      const bots = [];
      for (const i of [1, 2, 3]) {
        bots.push(await seedSignature(deps.db, id, { at: minutesBefore(now, i), email: emailAt("Flood.Test") }));
      }
      const real = await seedSignature(deps.db, id, { at: minutesBefore(now, 2), email: emailAt("example.org") });
      const lookalike = await seedSignature(deps.db, id, {
        at: minutesBefore(now, 2),
        email: emailAt("notflood.test"),
      });

      expect(await invalidateRecent(deps, staffId, id, { kind: "email-domain", value: "flood.test" }, now)).toBe(3);
      expect(await statuses(bots)).toEqual(["invalidated", "invalidated", "invalidated"]);
      expect(await statuses([real, lookalike])).toEqual(["confirmed", "confirmed"]);
      expect((await countsOf(deps.db, id)).total).toBe(2);
      await reconciledWithoutDrift(id);

      // Nothing more from there: a second click finds nothing and records no batch.
      expect(await invalidateRecent(deps, staffId, id, { kind: "email-domain", value: "flood.test" }, now)).toBe(0);
      const batches = await deps.db
        .selectFrom("invalidation_batches")
        .select("id")
        .where("campaign_id", "=", id)
        .execute();
      expect(batches).toHaveLength(1);
      expect(await auditFor("signatures.invalidate", id)).toHaveLength(1);
    });

    it("keeps a big petition's whole-petition figures a minute, and counts them again after an invalidation", async () => {
      const at = new Date("2026-05-01T12:00:00.000Z");
      const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);
      const { id } = await addWatchedCampaign(deps.db);
      await seedSignature(deps.db, id, { at: "2026-04-30T10:00:00.000Z", utmSource: "radio" });
      const view = (when: Date) => getPetitionWatch(deps, id, when, { cachedFrom: 1 });
      const first = await view(at);
      expect(first.wholeAt).toBe(at.toISOString());
      expect(first.sources).toEqual([{ key: "radio", received: 1, confirmed: 1 }]);

      await seedSignature(deps.db, id, {
        at: "2026-05-01T11:58:00.000Z",
        utmSource: "flood",
        networkHash: "flood-net-9",
      });
      const soon = await view(later(30));
      expect(soon.totals.confirmed).toBe(2);
      expect(soon.hourly.find((h) => h.bucket === "2026-05-01T11")?.received).toBe(1);
      expect(soon.sources).toEqual(first.sources);
      expect(soon.wholeAt).toBe(at.toISOString());

      await invalidateRecent(deps, staffId, id, { kind: "network", value: "flood-net-9" }, later(31));
      const after = await view(later(32));
      expect(after.wholeAt).toBe(later(32).toISOString());
      expect(after.sources).toEqual([{ key: "radio", received: 1, confirmed: 1 }]);
      expect(after.totals.invalidated).toBe(1);

      const minuteOn = await view(later(93));
      expect(minuteOn.wholeAt).toBe(later(93).toISOString());
      // A small petition is always counted afresh, and says nothing of when.
      expect((await getPetitionWatch(deps, id, later(94))).wholeAt).toBeNull();
    });

    it("refuses a choice that names no network or domain, and an unknown batch", async () => {
      for (const body of [
        {},
        { kind: "network", value: "" },
        { kind: "network", value: "has spaces in it" },
        { kind: "email-domain", value: "a@b" },
        { kind: "everything", value: "flood.test" },
        { kind: ["network"], value: ["x"] },
      ]) {
        expect(() => readInvalidation(body)).toThrow(DomainError);
      }
      expect(readInvalidation({ kind: "email-domain", value: " Flood.Test " })).toEqual({
        kind: "email-domain",
        value: "flood.test",
      });
      const { id } = await addWatchedCampaign(deps.db);
      await expect(restoreInvalidated(deps, staffId, id, "999999")).rejects.toBeInstanceOf(DomainError);
      await expect(restoreInvalidated(deps, staffId, id, "1; drop table signatures")).rejects.toBeInstanceOf(
        DomainError,
      );
    });
  },
  { seedDemo: false },
);
