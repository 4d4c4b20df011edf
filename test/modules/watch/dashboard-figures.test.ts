import { beforeAll, expect, it } from "vitest";
import type { Db, Dialect } from "../../../src/db/index.ts";
import {
  busiestDomains,
  busiestNetworks,
  newSupporters,
  signaturesPerDay,
  signaturesPerHour,
  statusTotals,
  topReferrals,
  topSources,
} from "../../../src/modules/petitions/watch.repo.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addWatchedCampaign, emailAt, seedSignature } from "./watch-helpers.ts";

// A petition watched at 12:30 UTC on 10 March 2026, with signatures at known times and sources.
const NOW = new Date("2026-03-10T12:30:00.000Z");

describeEachDatabase(
  "the figures of a petition's dashboard",
  (database) => {
    let db: Db;
    let dialect: Dialect;
    let id: number;
    let other: number;
    beforeAll(async () => {
      db = database().handle.db;
      dialect = database().dialect;
      id = (await addWatchedCampaign(db, "watch")).id;
      other = (await addWatchedCampaign(db, "watch-other")).id;
      const seeds = [
        // This hour: two confirmed, one waiting, one invalidated (never shown).
        { at: "2026-03-10T12:05:00.000Z", utmSource: "newsletter", referredBy: "abc123", networkHash: "net-A-hash" },
        { at: "2026-03-10T12:29:59.999Z", utmSource: "newsletter", networkHash: "net-A-hash", country: "SE" },
        {
          at: "2026-03-10T12:10:00.000Z",
          status: "pending" as const,
          referrerHost: "news.example",
          networkHash: "net-B-hash",
        },
        {
          at: "2026-03-10T12:11:00.000Z",
          status: "invalidated" as const,
          utmSource: "bots",
          networkHash: "net-C-hash",
        },
        // The hour before, on the hour exactly.
        { at: "2026-03-10T11:00:00.000Z", referrerHost: "news.example", referredBy: "abc123" },
        // 47 hours back is the first hour shown; 48 hours back is not.
        { at: "2026-03-08T13:59:00.000Z", utmSource: "newsletter" },
        { at: "2026-03-08T12:59:00.000Z" },
        // Days before, with a day without any between.
        { at: "2026-03-05T23:59:59.000Z", status: "pending" as const, referredBy: "zzz999" },
        { at: "2026-03-03T00:00:00.000Z" },
      ];
      for (const seed of seeds) await seedSignature(db, id, seed);
      // Another petition's signatures are never counted here.
      await seedSignature(db, other, {
        at: "2026-03-10T12:06:00.000Z",
        utmSource: "newsletter",
        networkHash: "net-A-hash",
      });
    });

    it("counts signatures per UTC hour for the last 48 hours, with empty hours as zeros", async () => {
      const hours = await signaturesPerHour(db, dialect, id, NOW);
      expect(hours).toHaveLength(48);
      expect(hours[0]).toEqual({ bucket: "2026-03-08T13", received: 1, confirmed: 1 });
      expect(hours.at(-1)).toEqual({ bucket: "2026-03-10T12", received: 3, confirmed: 2 });
      expect(hours.at(-2)).toEqual({ bucket: "2026-03-10T11", received: 1, confirmed: 1 });
      expect(hours.reduce((n, h) => n + h.received, 0)).toBe(5);
    });

    it("counts signatures per UTC day from the first to today, with empty days as zeros", async () => {
      const days = await signaturesPerDay(db, dialect, id, NOW);
      expect(days.map((d) => d.bucket)).toEqual([
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2026-03-07",
        "2026-03-08",
        "2026-03-09",
        "2026-03-10",
      ]);
      expect(days[0]).toEqual({ bucket: "2026-03-03", received: 1, confirmed: 1 });
      expect(days[1]).toEqual({ bucket: "2026-03-04", received: 0, confirmed: 0 });
      expect(days[2]).toEqual({ bucket: "2026-03-05", received: 1, confirmed: 0 });
      expect(days[5]).toEqual({ bucket: "2026-03-08", received: 2, confirmed: 2 });
      expect(days[7]).toEqual({ bucket: "2026-03-10", received: 4, confirmed: 3 });
    });

    it("has no days at all before the first signature", async () => {
      const empty = (await addWatchedCampaign(db, "watch-empty")).id;
      expect(await signaturesPerDay(db, dialect, empty, NOW)).toEqual([]);
      expect((await signaturesPerHour(db, dialect, empty, NOW)).every((h) => h.received === 0)).toBe(true);
    });

    it("gives the totals by status, for the confirmation rate and the waiting count", async () => {
      expect(await statusTotals(db, id)).toEqual({ confirmed: 6, pending: 2, invalidated: 1 });
    });

    it("ranks sources by utm_source, else the referring host, else direct", async () => {
      expect(await topSources(db, id)).toEqual([
        { key: "newsletter", received: 3, confirmed: 3 },
        { key: null, received: 3, confirmed: 2 },
        { key: "news.example", received: 2, confirmed: 1 },
      ]);
    });

    it("ranks the referral codes that brought signers", async () => {
      expect(await topReferrals(db, id)).toEqual([
        { key: "abc123", received: 2, confirmed: 2 },
        { key: "zzz999", received: 1, confirmed: 0 },
      ]);
    });

    it("finds the busiest networks and email domains of the last hour, with the total they are a share of", async () => {
      const since = new Date(NOW.getTime() - 3_600_000).toISOString();
      expect(await busiestNetworks(db, id, since)).toEqual({
        total: 3,
        rows: [
          { key: "net-A-hash", count: 2 },
          { key: "net-B-hash", count: 1 },
        ],
      });
      const domains = await busiestDomains(db, dialect, id, since);
      expect(domains).toEqual({ total: 3, rows: [{ key: "example.org", count: 3 }] });
    });

    it("counts as new supporters only those whose first action here was this petition", async () => {
      const fresh = (await addWatchedCampaign(db, "watch-new")).id;
      const earlier = (await addWatchedCampaign(db, "watch-earlier")).id;
      const returning = emailAt("example.net");
      await seedSignature(db, earlier, { email: returning, at: "2026-03-01T10:00:00.000Z" });
      await seedSignature(db, fresh, { email: returning, at: "2026-03-10T10:00:00.000Z" });
      const member = emailAt("example.net");
      await seedSignature(db, fresh, { email: member, at: "2026-03-10T10:05:00.000Z" });
      await db
        .updateTable("supporters")
        .set({ member_since: "2026-02-01T00:00:00.000Z" })
        .where("email_canonical", "=", member)
        .execute();
      await seedSignature(db, fresh, { at: "2026-03-10T10:10:00.000Z" });
      await seedSignature(db, fresh, { at: "2026-03-10T10:15:00.000Z", status: "pending" });
      expect(await newSupporters(db, fresh)).toBe(2);
      // For the earlier petition, the returning signer was new.
      expect(await newSupporters(db, earlier)).toBe(1);
    });
  },
  { seedDemo: false },
);
