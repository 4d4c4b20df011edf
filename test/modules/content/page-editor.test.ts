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

  describe("deleting one language's version", () => {
    const deleteIn = (slug: string, locale: string) =>
      post(t.app, `/admin/pages/${slug}/${locale}`, `/admin/pages/${slug}/${locale}/delete`, {}, campaigner);
    const localesOf = async (slug: string) =>
      (await t.deps.db.selectFrom("content_pages").select("locale").where("slug", "=", slug).execute())
        .map((r) => r.locale)
        .sort();

    it("offers it on the edit page of a language the page has, and not of one it lacks", async () => {
      await addPage({ slug: "autumn-walk", locale: "en", title: "Autumn walk", summary: "", body: "Walk with us." });
      const en = await get(t.app, "/admin/pages/autumn-walk/en", campaigner);
      expect(en.body).toContain('action="/admin/pages/autumn-walk/en/delete"');
      expect(en.body).toContain("Delete the English version");
      const nb = await get(t.app, "/admin/pages/autumn-walk/nb", campaigner);
      expect(nb.body).not.toContain("/admin/pages/autumn-walk/nb/delete");
    });

    it("deletes only that language, audited with before, and the public page falls back with its note", async () => {
      await post(
        t.app,
        "/admin/pages/autumn-walk/nb",
        "/admin/pages/autumn-walk/nb",
        { intent: "save", title: "Høsttur", summary: "", body: "Gå med oss." },
        campaigner,
      );
      expect((await t.app.inject("/nb/pages/autumn-walk")).body).toContain("Gå med oss.");
      const res = await deleteIn("autumn-walk", "nb");
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/admin/pages/autumn-walk/nb?done=translation-deleted");
      expect(await localesOf("autumn-walk")).toEqual(["en"]);
      const page = await t.app.inject("/nb/pages/autumn-walk");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Walk with us.");
      expect(page.body).not.toContain("Gå med oss.");
      expect(page.body).toContain('class="fallback-note"');
      const [audit] = await t.deps.db
        .selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "page.delete-translation")
        .execute();
      expect(JSON.parse(audit?.before ?? "{}")).toMatchObject({ slug: "autumn-walk", locale: "nb", title: "Høsttur" });
      expect(JSON.parse(audit?.after ?? "null")).toBeNull();
      const editor = await get(t.app, res.headers.location as string, campaigner);
      expect(editor.body).toContain("That language’s version was deleted");
    });

    it("keeps the default language's version while another language has one, and says why", async () => {
      await post(
        t.app,
        "/admin/pages/autumn-walk/fr",
        "/admin/pages/autumn-walk/fr",
        { intent: "save", title: "Balade d’automne", summary: "", body: "Marchez avec nous." },
        campaigner,
      );
      const audits = await auditCount(t, "page.delete-translation");
      const res = await deleteIn("autumn-walk", "en");
      expect(res.headers.location).toBe("/admin/pages/autumn-walk/en?done=default-kept");
      expect(await localesOf("autumn-walk")).toEqual(["en", "fr"]);
      expect(await auditCount(t, "page.delete-translation")).toBe(audits);
      const editor = await get(t.app, res.headers.location as string, campaigner);
      expect(editor.body).toContain("The English version cannot be deleted on its own");
      // Once the others are gone, the last version (the page) may go, as the page may.
      expect((await deleteIn("autumn-walk", "fr")).statusCode).toBe(303);
      const last = await deleteIn("autumn-walk", "en");
      expect(last.headers.location).toBe("/admin/pages?done=deleted");
      expect(await localesOf("autumn-walk")).toEqual([]);
      expect((await t.app.inject("/pages/autumn-walk")).statusCode).toBe(404);
    });

    it("never deletes the last version of a page the site links to", async () => {
      const locales = await localesOf("contact");
      for (const locale of locales.filter((l) => l !== "en")) await deleteIn("contact", locale);
      expect(await localesOf("contact")).toEqual(["en"]);
      const refused = await deleteIn("contact", "en");
      expect(refused.headers.location).toBe("/admin/pages?done=fixed");
      expect(await localesOf("contact")).toEqual(["en"]);
      expect((await t.app.inject("/contact")).statusCode).toBe(200);
    });

    it("refuses without the CSRF token, and answers 404 for a language the page does not have", async () => {
      await addPage({ slug: "quiet-page", locale: "en", title: "Quiet", summary: "", body: "Hush." });
      const forged = await post(
        t.app,
        "/admin/pages/quiet-page/en",
        "/admin/pages/quiet-page/en/delete",
        {},
        campaigner,
        { csrf: false },
      );
      expect(forged.statusCode).toBe(403);
      expect((await deleteIn("quiet-page", "fa")).statusCode).toBe(404);
      expect(await localesOf("quiet-page")).toEqual(["en"]);
    });
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
