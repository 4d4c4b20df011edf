// A flood of a few thousand signatures from a handful of networks, among a few hundred real
// ones from networks of their own: the burst is noticed, the abuse view puts the flood's
// networks on top, and invalidating them leaves every real signature counted.
import { afterAll, beforeAll, expect, it } from "vitest";
import { detectBurst } from "../../../src/modules/abuse/burst.ts";
import { getAbuseView, invalidateRecent } from "../../../src/modules/admin/petition-watch.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { get, makeStaff, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { addCampaign, countOf, signaturesOf, uniqueSlug } from "../petitions/petition-helpers.ts";
import { signStraight } from "./abuse-helpers.ts";

const REAL = 300;
const FLOOD_NETWORKS = [
  "flood-net-aaaaaaaaaaaa",
  "flood-net-bbbbbbbbbbbb",
  "flood-net-cccccccccccc",
  "flood-net-dddddddddddd",
];
const FLOOD_EACH = 600;

describeEachDatabase("a simulated flood", (db) => {
  let t: TestApp;
  let slug: string;
  let campaignId: number;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    slug = uniqueSlug("flood");
    campaignId = await addCampaign(t.deps.db, slug, { policy: "instant" });
  });
  afterAll(async () => t.app.close());

  /** One signature as the form would send it, from a network (its keyed hash). */
  const sign = (email: string, networkHash: string, country = "NO") =>
    signStraight(t.deps, slug, email, networkHash, country);

  /** Many signatures at once, as they arrive in a flood (in slices, so the test stays gentle). */
  async function all(jobs: (() => Promise<unknown>)[]) {
    for (let i = 0; i < jobs.length; i += 100) await Promise.all(jobs.slice(i, i + 100).map((job) => job()));
  }

  it("is noticed as a burst from few networks, while the real signatures alone are not", async () => {
    const real = Array.from(
      { length: REAL },
      (_, i) => () => sign(`real.${i}.${slug}@example.org`, `home-${i}-${slug}`, i % 3 ? "NO" : "SE"),
    );
    await all(real);
    expect((await detectBurst(t.deps.db, campaignId)).burst).toBe(false);

    const flood = FLOOD_NETWORKS.flatMap((net, n) =>
      Array.from({ length: FLOOD_EACH }, (_, i) => () => sign(`bot.${n}.${i}.${slug}@mailbox.example`, net)),
    );
    // The flood comes in among a few more real ones.
    const more = Array.from({ length: 20 }, (_, i) => () => sign(`late.${i}.${slug}@example.org`, `late-${i}-${slug}`));
    await all([...flood.slice(0, 1200), ...more, ...flood.slice(1200)]);
    expect(await countOf(t.app, slug)).toBe(REAL + 20 + FLOOD_NETWORKS.length * FLOOD_EACH);

    const reading = await detectBurst(t.deps.db, campaignId);
    expect(reading.burst).toBe(true);
    expect(reading.topShare).toBeGreaterThan(0.5);
    expect(FLOOD_NETWORKS).toEqual(expect.arrayContaining(reading.networks));
    const staff = await makeStaff(t, "campaigner");
    const page = await get(t.app, `/admin/campaigns/${campaignId}/abuse`, { [STAFF_COOKIE]: await signIn(t, staff) });
    expect(page.body).toContain("A burst from few networks");
  });

  it("shows the flood's networks at the top of the abuse view, and invalidating them leaves every real signature counted", async () => {
    const view = await getAbuseView(t.deps, campaignId);
    expect(
      view.networks.rows
        .slice(0, FLOOD_NETWORKS.length)
        .map((r) => r.key)
        .sort(),
    ).toEqual([...FLOOD_NETWORKS].sort());
    expect(view.networks.rows[FLOOD_NETWORKS.length]?.count).toBe(1);

    const staff = await makeStaff(t, "campaigner");
    for (const row of view.networks.rows.slice(0, FLOOD_NETWORKS.length)) {
      expect(await invalidateRecent(t.deps, staff.id, campaignId, { kind: "network", value: row.key })).toBe(
        FLOOD_EACH,
      );
    }

    expect(await countOf(t.app, slug)).toBe(REAL + 20);
    const rows = await signaturesOf(t.deps.db, slug);
    const real = rows.filter((r) => !FLOOD_NETWORKS.includes(r.network_hash ?? ""));
    expect(real).toHaveLength(REAL + 20);
    expect(real.every((r) => r.status === "confirmed")).toBe(true);
    expect(
      rows.filter((r) => FLOOD_NETWORKS.includes(r.network_hash ?? "")).every((r) => r.status === "invalidated"),
    ).toBe(true);
    expect((await detectBurst(t.deps.db, campaignId)).burst).toBe(false);
    const counts = await t.deps.db
      .selectFrom("campaign_country_counts")
      .select(["country", "total"])
      .where("campaign_id", "=", campaignId)
      .orderBy("country")
      .execute();
    expect(counts.map((c) => [c.country, Number(c.total)])).toEqual([
      ["NO", 200 + 20],
      ["SE", 100],
    ]);
  });
});
