import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { addWatchedCampaign, countsOf, emailAt, minutesBefore, seedSignature } from "./watch-helpers.ts";

describeEachDatabase("who may watch a petition, and what its pages show", (db) => {
  let t: TestApp;
  let staff: Record<"admin" | "campaigner" | "moderator", Cookies>;
  let campaign: { id: number; slug: string };
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    staff = {
      admin: { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "admin")) },
      campaigner: { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "campaigner")) },
      moderator: { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "moderator")) },
    };
    campaign = await addWatchedCampaign(t.deps.db, "routes");
    const now = new Date();
    for (const i of [1, 2, 3, 4]) {
      await seedSignature(t.deps.db, campaign.id, {
        at: minutesBefore(now, i),
        email: emailAt("flood.example"),
        networkHash: "Zq9flood-network-hash",
        utmSource: "bot-list",
      });
    }
    await seedSignature(t.deps.db, campaign.id, {
      at: minutesBefore(now, 30),
      email: emailAt("example.org"),
      networkHash: "home-network-hash-0",
      referredBy: "ShareCode1",
      country: "SE",
    });
  });
  afterAll(async () => t.app.close());

  const pages = () => [`/admin/campaigns/${campaign.id}/dashboard`, `/admin/campaigns/${campaign.id}/abuse`];
  const writes = (): { action: string; fields: Record<string, string> }[] => [
    { action: `/admin/campaigns/${campaign.id}/pause`, fields: { paused: "1" } },
    {
      action: `/admin/campaigns/${campaign.id}/abuse/invalidate`,
      fields: { kind: "network", value: "Zq9flood-network-hash" },
    },
    { action: `/admin/campaigns/${campaign.id}/abuse/restore`, fields: { batch: "1" } },
    { action: "/admin/signing", fields: { paused: "1" } },
  ];
  const unchanged = async () => {
    expect(await t.deps.db.selectFrom("signing_pauses").selectAll().execute()).toEqual([]);
    expect(await t.deps.db.selectFrom("invalidation_batches").selectAll().execute()).toEqual([]);
    expect((await countsOf(t.deps.db, campaign.id)).total).toBe(5);
  };

  it("sends anyone not signed in to the sign-in page, for every page and every button", async () => {
    for (const url of [...pages(), "/admin/signing"]) {
      const res = await get(t.app, url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe("/admin/login");
    }
    for (const { action, fields } of writes()) {
      const res = await post(t.app, "/admin/login", action, fields);
      expect(res.statusCode, action).toBe(303);
      expect(res.headers.location).toBe("/admin/login");
    }
    await unchanged();
  });

  it("refuses a moderator every page and every button with 403", async () => {
    for (const url of [...pages(), "/admin/signing"]) {
      expect((await get(t.app, url, staff.moderator)).statusCode, url).toBe(403);
    }
    for (const { action, fields } of writes()) {
      expect((await post(t.app, "/admin", action, fields, staff.moderator)).statusCode, action).toBe(403);
    }
    const dashboard = await get(t.app, "/admin", staff.moderator);
    expect(dashboard.body).not.toContain(`/admin/campaigns/${campaign.id}/dashboard`);
    await unchanged();
  });

  it("refuses every button posted without its CSRF token", async () => {
    for (const { action, fields } of writes()) {
      const res = await post(t.app, pages()[0] ?? "", action, fields, staff.admin, { csrf: false });
      expect(res.statusCode, action).toBe(403);
    }
    await unchanged();
  });

  it("answers a campaign that does not exist, or is no number, with 404", async () => {
    for (const id of ["999999", "abc", "0", "1e3", "-1"]) {
      expect((await get(t.app, `/admin/campaigns/${id}/dashboard`, staff.campaigner)).statusCode, id).toBe(404);
      expect((await get(t.app, `/admin/campaigns/${id}/abuse`, staff.campaigner)).statusCode, id).toBe(404);
    }
  });

  it("shows a campaigner the dashboard: totals, both charts with their tables, countries, sources and referrals", async () => {
    const res = await get(t.app, `/admin/campaigns/${campaign.id}/dashboard`, staff.campaigner);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toContain(`Signatures: ${"Watched campaign"}`);
    expect(res.body).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="chart-hourly-title" aria-describedby="chart-hourly-desc"/,
    );
    expect(res.body).toContain('<title id="chart-hourly-title">Signatures per hour, last 48 hours</title>');
    expect(res.body).toContain("5 signatures received from");
    expect(res.body).toContain("<summary>Show the numbers as a table: Signatures per day, since the first</summary>");
    expect(res.body).toContain("bot-list");
    expect(res.body).toContain("<code>ShareCode1</code>");
    expect(res.body).toContain("Sweden");
    expect(res.body).toContain("Pause signing this petition");
    expect(res.body).toContain(`href="/admin/campaigns/${campaign.id}/dashboard">Refresh the figures`);
    // The dashboard of campaigns lists links here for those who may watch.
    expect((await get(t.app, "/admin", staff.campaigner)).body).toContain(
      `href="/admin/campaigns/${campaign.id}/dashboard"`,
    );
  });

  it("shows the abuse view with hashes cut short and no address, and one click invalidates the flood", async () => {
    const view = await get(t.app, `/admin/campaigns/${campaign.id}/abuse`, staff.campaigner);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain("Zq9flood…");
    expect(view.body).toContain("flood.example");
    expect(view.body).toContain("80%");
    expect(view.body).not.toMatch(/\b127\.0\.0\.1\b/);

    const res = await post(
      t.app,
      `/admin/campaigns/${campaign.id}/abuse`,
      `/admin/campaigns/${campaign.id}/abuse/invalidate`,
      { kind: "email-domain", value: "flood.example" },
      staff.campaigner,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/campaigns/${campaign.id}/abuse?invalidated=4`);
    expect(await countsOf(t.deps.db, campaign.id)).toEqual({ total: 1, byCountry: { SE: 1 } });
    const after = await get(t.app, res.headers.location as string, staff.campaigner);
    expect(after.body).toContain("4 signatures were invalidated and taken off the count.");
    // The dashboard's sources are counted again at once: the flood's source is gone.
    const cleaned = await get(t.app, `/admin/campaigns/${campaign.id}/dashboard`, staff.campaigner);
    expect(cleaned.body).not.toContain("bot-list");
    expect(cleaned.body).toContain("<code>ShareCode1</code>");
    expect(after.body).toContain("Restore these 4 signatures");
    const batch = /name="batch" value="(\d+)"/.exec(after.body)?.[1] ?? "";

    const restored = await post(
      t.app,
      `/admin/campaigns/${campaign.id}/abuse`,
      `/admin/campaigns/${campaign.id}/abuse/restore`,
      { batch },
      staff.campaigner,
    );
    expect(restored.headers.location).toBe(`/admin/campaigns/${campaign.id}/abuse?restored=4`);
    expect(await countsOf(t.deps.db, campaign.id)).toEqual({ total: 5, byCountry: { NO: 4, SE: 1 } });
    expect((await get(t.app, restored.headers.location as string, staff.campaigner)).body).toContain("Restored on");
    const again = await post(
      t.app,
      `/admin/campaigns/${campaign.id}/abuse`,
      `/admin/campaigns/${campaign.id}/abuse/restore`,
      { batch },
      staff.campaigner,
    );
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("This batch has already been restored");
    expect(await countsOf(t.deps.db, campaign.id)).toEqual({ total: 5, byCountry: { NO: 4, SE: 1 } });
  });

  it("answers tampered buttons with a clear refusal and changes nothing", async () => {
    const before = await countsOf(t.deps.db, campaign.id);
    const bad: { action: string; fields: Record<string, string> }[] = [
      { action: "abuse/invalidate", fields: { kind: "network", value: "<script>" } },
      { action: "abuse/invalidate", fields: { kind: "ip", value: "127.0.0.1" } },
      { action: "abuse/restore", fields: { batch: "not-a-number" } },
    ];
    for (const { action, fields } of bad) {
      const res = await post(
        t.app,
        `/admin/campaigns/${campaign.id}/abuse`,
        `/admin/campaigns/${campaign.id}/${action}`,
        fields,
        staff.admin,
      );
      expect(res.statusCode, action).toBe(400);
      expect(res.body).toContain("Nothing was changed: go back and use the page's own buttons.");
    }
    expect(await countsOf(t.deps.db, campaign.id)).toEqual(before);
  });
});
