import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type Cookies, get, post, staffCookies } from "../admin/admin-helpers.ts";

const auditCount = async (t: TestApp, action: string) =>
  (await t.deps.db.selectFrom("audit_log").select("id").where("action", "=", action).execute()).length;

describeEachDatabase("campaigners edit the content pages", (db) => {
  let t: TestApp;
  let campaigner: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    campaigner = await staffCookies(t, "campaigner");
  });
  afterAll(async () => t.app.close());

  /** Sends the form for a new page, as a campaigner. */
  const addPage = (fields: { slug: string; locale: string; title: string; summary: string; body: string }) =>
    post(t.app, "/admin/pages/new", "/admin/pages", fields, campaigner);

  it("lists every page with the languages it has", async () => {
    const res = await get(t.app, "/admin/pages", campaigner);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/admin/pages/privacy/en"');
    expect(res.body).toContain('href="/admin/pages/community-sponsorship/ar"');
    expect(res.body).toContain("Edit (Arabic, home)");
  });

  it("previews a page with the public renderer, sanitised, and writes nothing", async () => {
    const before = await t.deps.db.selectFrom("content_pages").selectAll().where("slug", "=", "privacy").execute();
    const res = await post(
      t.app,
      "/admin/pages/privacy/en",
      "/admin/pages/privacy/en",
      {
        intent: "preview",
        title: "Privacy",
        summary: "",
        body: "# Kept\n\n<script>alert(1)</script> [x](javascript:alert(1))",
      },
      campaigner,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<h2>Kept</h2>");
    expect(res.body).not.toContain("<script>alert(1)");
    expect(res.body).not.toContain('href="javascript:');
    expect(await t.deps.db.selectFrom("content_pages").selectAll().where("slug", "=", "privacy").execute()).toEqual(
      before,
    );
  });

  it("saves a page's text, audited with before and after, and the public page shows it at once", async () => {
    expect((await t.app.inject("/privacy")).body).not.toContain("Our new promise");
    const res = await post(
      t.app,
      "/admin/pages/privacy/en",
      "/admin/pages/privacy/en",
      {
        intent: "save",
        title: "Privacy & you",
        summary: "What we keep.",
        body: "## Our new promise\n\nWe keep little.",
      },
      campaigner,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/pages/privacy/en?done=saved");
    const page = await t.app.inject("/privacy");
    expect(page.body).toContain("<h2>Our new promise</h2>");
    expect(page.body).toContain("Privacy &amp; you");
    const [audit] = await t.deps.db.selectFrom("audit_log").selectAll().where("action", "=", "page.edit").execute();
    expect(JSON.parse(audit?.before ?? "{}")).toMatchObject({ slug: "privacy", locale: "en" });
    expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ title: "Privacy & you", body_md: expect.any(String) });
  });

  it("adds a missing translation, which replaces the fallback in that language", async () => {
    await addPage({ slug: "winter-appeal", locale: "en", title: "Winter appeal", summary: "", body: "Coats, please." });
    expect((await t.app.inject("/nb/pages/winter-appeal")).body).toContain("Coats, please.");
    const form = await get(t.app, "/admin/pages/winter-appeal/nb", campaigner);
    expect(form.statusCode).toBe(200);
    const res = await post(
      t.app,
      "/admin/pages/winter-appeal/nb",
      "/admin/pages/winter-appeal/nb",
      { intent: "save", title: "Vinteropprop", summary: "", body: "Jakker, takk." },
      campaigner,
    );
    expect(res.statusCode).toBe(303);
    const nb = await t.app.inject("/nb/pages/winter-appeal");
    expect(nb.body).toContain("Jakker, takk.");
    expect(nb.body).not.toContain("Coats, please.");
  });

  it("creates a page at a new address and refuses an address already taken or malformed", async () => {
    const created = await addPage({
      slug: "spring-fair",
      locale: "fr",
      title: "Fête du printemps",
      summary: "",
      body: "Venez !",
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe("/admin/pages/spring-fair/fr?done=added");
    expect(await auditCount(t, "page.add")).toBeGreaterThan(0);
    expect((await t.app.inject("/fr/pages/spring-fair")).body).toContain("Venez !");

    const before = (await t.deps.db.selectFrom("content_pages").select("id").execute()).length;
    const taken = await addPage({
      slug: "spring-fair",
      locale: "en",
      title: "Spring fair",
      summary: "",
      body: "Come!",
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("There is already a page at this address");
    expect(taken.body).toContain('value="Spring fair"');
    const bad = await addPage({ slug: "Bad Slug!", locale: "xx", title: "", summary: "", body: "" });
    expect(bad.statusCode).toBe(400);
    for (const field of ["slug", "locale", "title", "body"]) expect(bad.body).toContain(`href="#field-${field}"`);
    expect(bad.body).toContain('value="bad slug!"');
    expect((await t.deps.db.selectFrom("content_pages").select("id").execute()).length).toBe(before);
  });

  it("deletes a page of its own in every language, but never one the site links to", async () => {
    const deleted = await post(t.app, "/admin/pages/spring-fair/fr", "/admin/pages/spring-fair/delete", {}, campaigner);
    expect(deleted.statusCode).toBe(303);
    expect((await t.app.inject("/fr/pages/spring-fair")).statusCode).toBe(404);
    expect(await auditCount(t, "page.delete")).toBe(1);

    const refused = await post(t.app, "/admin/pages", "/admin/pages/privacy/delete", {}, campaigner);
    expect(refused.statusCode).toBe(303);
    expect(refused.headers.location).toBe("/admin/pages?done=fixed");
    expect((await t.app.inject("/privacy")).statusCode).toBe(200);
    expect(await auditCount(t, "page.delete")).toBe(1);
  });

  it("answers 404 for a page or language that cannot exist", async () => {
    expect((await get(t.app, "/admin/pages/no-such-page/en", campaigner)).statusCode).toBe(404);
    expect((await get(t.app, "/admin/pages/privacy/xx", campaigner)).statusCode).toBe(404);
  });

  describe("who may", () => {
    it("keeps moderators out", async () => {
      const moderator = await staffCookies(t, "moderator");
      expect((await get(t.app, "/admin/pages", moderator)).statusCode).toBe(403);
      expect((await get(t.app, "/admin/figures", moderator)).statusCode).toBe(403);
      expect((await get(t.app, "/admin/home-page", moderator)).statusCode).toBe(403);
    });
  });
});
