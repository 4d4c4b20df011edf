import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, addSigners, postAdminForm, staffCookie } from "./export-helpers.ts";

/** Each download: the page with its form, where it posts, and a valid form. */
const downloads = (id: number): { page: string; action: string; fields: Record<string, string> }[] => [
  { page: "/admin/exports", action: "/admin/supporters.csv", fields: {} },
  { page: `/admin/campaigns/${id}/export`, action: `/admin/campaigns/${id}/signatures.csv`, fields: { status: "all" } },
  {
    page: `/admin/campaigns/${id}/delivery`,
    action: `/admin/campaigns/${id}/delivery.pdf`,
    fields: { language: "en" },
  },
];

describeEachDatabase("who may export", (db) => {
  let t: TestApp;
  let campaignId: number;
  const cookies: Record<string, string> = {};
  const exportsRecorded = () =>
    t.deps.db.selectFrom("audit_log").select("id").where("action", "like", "export.%").execute();

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    for (const role of ["admin", "campaigner", "moderator"] as const) cookies[role] = await staffCookie(t, role);
    campaignId = (await addCampaign(t.deps.db)).id;
    await addSigners(t.deps.db, campaignId, [{ name: "Amina" }]);
  });
  afterAll(async () => t.app.close());

  for (const role of ["admin", "campaigner"] as const) {
    it(`lets ${role === "admin" ? "an admin" : "a campaigner"} open each form and download each file`, async () => {
      for (const d of downloads(campaignId)) {
        const page = await t.app.inject({ url: d.page, headers: { cookie: cookies[role] ?? "" } });
        expect(page.statusCode, d.page).toBe(200);
        const res = await postAdminForm(t.app, cookies[role] ?? "", d.page, d.action, d.fields);
        expect(res.statusCode, d.action).toBe(200);
        expect(res.headers["content-disposition"], d.action).toMatch(/^attachment; filename="/);
      }
    });
  }

  it("refuses a moderator every form and every file, and offers no link", async () => {
    const before = (await exportsRecorded()).length;
    const cookie = cookies.moderator ?? "";
    for (const d of downloads(campaignId)) {
      expect((await t.app.inject({ url: d.page, headers: { cookie } })).statusCode, d.page).toBe(403);
      // A token from a page a moderator may see, so that only the role is wrong.
      const res = await postAdminForm(t.app, cookie, "/admin", d.action, d.fields);
      expect(res.statusCode, d.action).toBe(403);
      expect(res.headers["content-disposition"]).toBeUndefined();
    }
    const dashboard = await t.app.inject({ url: "/admin", headers: { cookie } });
    expect(dashboard.body).not.toContain('href="/admin/exports"');
    expect((await exportsRecorded()).length).toBe(before);
  });

  it("sends someone signed out to the sign-in page", async () => {
    for (const d of downloads(campaignId)) {
      const page = await t.app.inject(d.page);
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toBe("/admin/login");
      const res = await postAdminForm(t.app, "", "/admin/login", d.action, d.fields);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/admin/login");
    }
  });

  it("refuses a download without the form's CSRF token, or from another site, and records nothing", async () => {
    const before = (await exportsRecorded()).length;
    const cookie = cookies.campaigner ?? "";
    for (const d of downloads(campaignId)) {
      const res = await postAdminForm(t.app, cookie, d.page, d.action, d.fields, { csrf: false });
      expect(res.statusCode, d.action).toBe(403);
      expect(res.headers["content-disposition"]).toBeUndefined();
      const foreign = await t.app.inject({
        method: "POST",
        url: d.action,
        headers: { cookie, origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        payload: "status=all",
      });
      expect(foreign.statusCode).toBe(403);
    }
    expect((await exportsRecorded()).length).toBe(before);
  });
});

describeEachDatabase("the downloads' rate limit", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "on" });
  });
  afterAll(async () => t.app.close());

  it("answers 429 after ten downloads in a minute", async () => {
    const cookie = await staffCookie(t, "campaigner");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await postAdminForm(t.app, cookie, "/admin/exports", "/admin/supporters.csv", {})).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
  });
});
