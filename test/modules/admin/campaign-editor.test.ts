import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggestSlug } from "../../../src/modules/campaigns/campaign-input.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, type Cookies, ERROR_SUMMARY, get, makeStaff, post, STAFF_COOKIE, signIn } from "./admin-helpers.ts";
import { campaignFields, campaignRow } from "./campaign-helpers.ts";

describeEachDatabase("the campaign editor", (db) => {
  let t: TestApp;
  let cookie: Cookies;
  let staffId: number;
  const dataDir = mkdtempSync(join(tmpdir(), "iwelcome-editor-"));
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off", DATA_DIR: dataDir });
    const campaigner = await makeStaff(t, "campaigner");
    staffId = campaigner.id;
    cookie = { [STAFF_COOKIE]: await signIn(t, campaigner) };
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const create = (fields: Record<string, string>) =>
    post(t.app, "/admin/campaigns/new", "/admin/campaigns/new", campaignFields(fields), cookie);

  it("lists every campaign, drafts included, with its count and links", async () => {
    const res = await get(t.app, "/admin/campaigns", cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const first = await t.deps.db.selectFrom("campaigns").select(["id", "title"]).executeTakeFirstOrThrow();
    expect(res.body).toContain(`href="/admin/campaigns/${first.id}"`);
    expect(res.body).toContain(`href="/admin/campaigns/${first.id}/updates"`);
    expect(res.body).toContain('href="/admin/campaigns/new"');
  });

  it("creates a draft with an address made from the title, and records it in the audit log", async () => {
    const res = await create({ title: "Safe routes for Syrian students" });
    expect(res.statusCode).toBe(303);
    const row = await campaignRow(t, "safe-routes-for-syrian-students");
    expect(row).toMatchObject({ status: "draft", target_office: "Minister of Justice", goal: null, locale: "en" });
    expect(res.headers.location).toBe(`/admin/campaigns/${row?.id}?done=created`);
    const audit = await auditOf(t, "campaign.create", row?.id ?? 0);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.staff_user_id).toBe(staffId);
    expect(JSON.parse(audit[0]?.after ?? "{}")).toMatchObject({ slug: "safe-routes-for-syrian-students" });
    // A draft is nobody's business but staff's.
    expect((await t.app.inject({ url: "/campaigns/safe-routes-for-syrian-students" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/campaigns" })).body).not.toContain("Safe routes for Syrian students");
    const slug = "safe-routes-for-syrian-students";
    for (const url of [
      `/campaigns/${slug}/count.json`,
      `/campaigns/${slug}/share.png`,
      `/campaigns/${slug}/comments`,
      `/embed/petitions/${slug}`,
      `/api/v1/petitions/${slug}`,
      `/api/v1/petitions/${slug}/count`,
    ])
      expect((await t.app.inject({ url })).statusCode, url).toBe(404);
    expect((await t.app.inject({ url: "/api/v1/petitions" })).body).not.toContain(slug);
  });

  it("shows what is wrong, keeps what was typed, and saves nothing", async () => {
    const before = await t.deps.db.selectFrom("campaigns").select("id").execute();
    const res = await create({
      title: "",
      summary: "<script>alert(1)</script>",
      goalMode: "fixed",
      goal: "lots",
      deadline: "2020-02-30",
      locale: "xx",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(ERROR_SUMMARY);
    expect(res.body).toContain("<title>Error:");
    for (const field of ["title", "slug", "goal", "deadline", "locale"])
      expect(res.body).toContain(`href="#field-${field}"`);
    expect(res.body).toContain("&lt;script>alert(1)&lt;/script>");
    expect(res.body).not.toContain("<script>alert(1)");
    expect(await t.deps.db.selectFrom("campaigns").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses an address another campaign has", async () => {
    const res = await create({ slug: "stop-returns-to-afghanistan" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Another campaign has this web address");
  });

  it("previews the body as sanitised HTML without saving", async () => {
    const before = await t.deps.db.selectFrom("campaigns").select("id").execute();
    const res = await create({
      intent: "preview",
      title: "Preview only",
      body: "Hello **world** <img src=x onerror=alert(1)> [x](javascript:alert(1))",
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<strong>world</strong>");
    expect(res.body).not.toContain("<img src=x");
    expect(res.body).not.toContain('href="javascript:');
    expect(res.body).toContain('value="Preview only"');
    expect(await t.deps.db.selectFrom("campaigns").select("id").execute()).toHaveLength(before.length);
  });

  it("saves changes with what changed before and after in the audit log", async () => {
    await create({ title: "Edit me", goalMode: "fixed", goal: "5000" });
    const row = await campaignRow(t, "edit-me");
    const id = row?.id ?? 0;
    const res = await post(
      t.app,
      `/admin/campaigns/${id}`,
      `/admin/campaigns/${id}`,
      campaignFields({
        title: "Edited",
        slug: "edit-me",
        goalMode: "automatic",
        signaturePolicy: "instant",
        postcodeRequired: "1",
        topic: "resettlement",
      }),
      cookie,
    );
    expect(res.statusCode).toBe(303);
    const after = await campaignRow(t, "edit-me");
    expect(after).toMatchObject({ title: "Edited", goal: null, signature_policy: "instant", postcode_required: 1 });
    expect(after?.topic_id).not.toBeNull();
    const [audit] = await auditOf(t, "campaign.update", id);
    expect(JSON.parse(audit?.before ?? "{}")).toMatchObject({ title: "Edit me", goal: 5000 });
    expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ title: "Edited", goal: null });
    expect(JSON.parse(audit?.after ?? "{}")).not.toHaveProperty("summary");
  });

  it("answers 404 for a campaign that does not exist", async () => {
    expect((await get(t.app, "/admin/campaigns/999999", cookie)).statusCode).toBe(404);
    expect((await get(t.app, "/admin/campaigns/abc", cookie)).statusCode).toBe(404);
  });
});

describeEachDatabase("who may use the campaign editor", (db) => {
  let t: TestApp;
  let campaignId: number;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaignId = (await t.deps.db.selectFrom("campaigns").select("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.app.close());

  const pages = () => [
    "/admin/campaigns",
    "/admin/campaigns/new",
    `/admin/campaigns/${campaignId}`,
    `/admin/campaigns/${campaignId}/image`,
    `/admin/campaigns/${campaignId}/updates`,
    `/admin/campaigns/${campaignId}/translations/ar`,
  ];

  it("sends someone not signed in to the sign-in page, and takes no write from them", async () => {
    for (const url of pages()) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe("/admin/login");
    }
    const res = await t.app.inject({
      method: "POST",
      url: "/admin/campaigns/new",
      headers: { origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(campaignFields({ title: "Anonymous" })).toString(),
    });
    expect([303, 403]).toContain(res.statusCode);
    expect(await campaignRow(t, "anonymous")).toBeUndefined();
  });

  it("refuses a moderator with 403 on every page and every write, and shows no link", async () => {
    const moderator = await makeStaff(t, "moderator");
    const cookie = { [STAFF_COOKIE]: await signIn(t, moderator) };
    for (const url of pages()) expect((await get(t.app, url, cookie)).statusCode, url).toBe(403);
    const res = await post(
      t.app,
      "/admin",
      "/admin/campaigns/new",
      campaignFields({ title: "By a moderator" }),
      cookie,
    );
    expect(res.statusCode).toBe(403);
    expect(await campaignRow(t, "by-a-moderator")).toBeUndefined();
    const status = await post(
      t.app,
      "/admin",
      `/admin/campaigns/${campaignId}/status`,
      { transition: "close" },
      cookie,
    );
    expect(status.statusCode).toBe(403);
    const dashboard = await get(t.app, "/admin", cookie);
    expect(dashboard.body).not.toContain('href="/admin/campaigns"');
    expect(dashboard.body).not.toContain(`href="/admin/campaigns/${campaignId}"`);
  });

  it("lets an admin in, and refuses a form without its CSRF token", async () => {
    const admin = await makeStaff(t, "admin");
    const cookie = { [STAFF_COOKIE]: await signIn(t, admin) };
    for (const url of pages()) expect((await get(t.app, url, cookie)).statusCode, url).toBe(200);
    const dashboard = await get(t.app, "/admin", cookie);
    expect(dashboard.body).toContain('href="/admin/campaigns"');
    expect(dashboard.body).toContain(`href="/admin/campaigns/${campaignId}"`);
    const res = await post(
      t.app,
      "/admin/campaigns/new",
      "/admin/campaigns/new",
      campaignFields({ title: "No token" }),
      cookie,
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
    expect(await campaignRow(t, "no-token")).toBeUndefined();
    const close = await post(
      t.app,
      "/admin",
      `/admin/campaigns/${campaignId}/status`,
      { transition: "close" },
      cookie,
      {
        csrf: false,
      },
    );
    expect(close.statusCode).toBe(403);
    const row = await t.deps.db
      .selectFrom("campaigns")
      .select("status")
      .where("id", "=", campaignId)
      .executeTakeFirst();
    expect(row?.status).toBe("open");
  });
});

describe("an address made from a title", () => {
  it("drops accents and joins words with hyphens", () => {
    expect(suggestSlug("Réfugiés : bienvenue à Paris!")).toBe("refugies-bienvenue-a-paris");
    expect(suggestSlug("  Stop   returns  ")).toBe("stop-returns");
  });
  it("gives nothing for a title without Latin letters", () => {
    expect(suggestSlug("أهلاً باللاجئين")).toBe("");
  });
});
