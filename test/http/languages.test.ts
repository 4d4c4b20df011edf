import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGS } from "../../src/modules/i18n/i18n.ts";
import { LOCALES } from "../../src/modules/i18n/locales.ts";
import { mailTo, newEmail, runJobs, SLUG } from "../modules/petitions/petition-helpers.ts";
import { buildTestApp, postForm, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";

describeEachDatabase("the site in every language", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  it("speaks English, Norwegian, French, Spanish, Arabic and Persian, the last two right to left", () => {
    expect(LOCALES.map((l) => `${l.code}:${l.dir}`)).toEqual([
      "en:ltr",
      "nb:ltr",
      "fr:ltr",
      "es:ltr",
      "ar:rtl",
      "fa:rtl",
    ]);
  });

  it.each(LOCALES.map((l) => l.code))("serves /%s pages with their language and direction", async (code) => {
    const res = await t.app.inject(code === "en" ? "/campaigns" : `/${code}/campaigns`);
    expect(res.statusCode).toBe(200);
    const dir = LOCALES.find((l) => l.code === code)?.dir;
    expect(res.body).toContain(`<html lang="${code}" dir="${dir}">`);
    expect(res.body).toContain(`<h1>${CATALOGS[code as keyof typeof CATALOGS]["campaigns.heading"]}</h1>`);
  });

  it("links every page to itself in every language (hreflang) and through the switcher", async () => {
    const res = await t.app.inject("/ar/campaigns");
    for (const { code } of LOCALES) {
      const href = code === "en" ? "/campaigns" : `/${code}/campaigns`;
      expect(res.body).toContain(`<link rel="alternate" hreflang="${code}" href="${href}"/>`);
      expect(res.body).toContain(`href="/language/${code}?next=%2Fcampaigns"`);
    }
  });

  describe("the first visit to the home page", () => {
    it("goes to the language the browser asks for", async () => {
      const res = await t.app.inject({ url: "/", headers: { "accept-language": "fa-AF,fa;q=0.9,en;q=0.5" } });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe("/fa");
      expect(String(res.headers.vary)).toContain("Accept-Language");
    });

    it("stays in English for an English or unknown browser language", async () => {
      expect((await t.app.inject({ url: "/", headers: { "accept-language": "en-GB" } })).statusCode).toBe(200);
      expect((await t.app.inject({ url: "/", headers: { "accept-language": "sw" } })).statusCode).toBe(200);
    });

    it("follows a language chosen before over the browser's", async () => {
      const res = await t.app.inject({ url: "/", headers: { "accept-language": "ar", cookie: "lang=en" } });
      expect(res.statusCode).toBe(200);
      const chosen = await t.app.inject({ url: "/", headers: { cookie: "lang=nb" } });
      expect(chosen.headers.location).toBe("/nb");
    });
  });

  describe("the language switcher", () => {
    it("remembers the choice and shows the same page in that language", async () => {
      const res = await t.app.inject("/language/fr?next=%2Fcampaigns%2Fsafe-and-legal-routes");
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/fr/campaigns/safe-and-legal-routes");
      const cookie = res.cookies.find((c) => c.name === "lang");
      expect(cookie).toMatchObject({ value: "fr", httpOnly: true, sameSite: "Lax", path: "/" });
    });

    it.each([
      "//evil.example/x",
      "https://evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\\evil.example",
      "/x\r\nSet-Cookie: a=b",
    ])("never sends anyone off the site (%j)", async (next) => {
      const res = await t.app.inject(`/language/ar?next=${encodeURIComponent(next)}`);
      expect(res.headers.location).toBe("/ar");
    });

    it("ignores a language the site does not speak", async () => {
      const res = await t.app.inject("/language/xx?next=%2Flearn");
      expect(res.headers.location).toBe("/learn");
      expect(res.cookies).toEqual([]);
    });
  });

  describe("content in the visitor's language", () => {
    it("shows a translated campaign in Arabic, right to left", async () => {
      const res = await t.app.inject(`/ar/campaigns/${SLUG}`);
      const translated = await t.deps.db
        .selectFrom("campaign_translations")
        .innerJoin("campaigns", "campaigns.id", "campaign_translations.campaign_id")
        .select("campaign_translations.title")
        .where("campaigns.slug", "=", SLUG)
        .where("campaign_translations.locale", "=", "ar")
        .executeTakeFirstOrThrow();
      expect(res.body).toContain(`<h1>${translated.title}</h1>`);
      expect(res.body).not.toContain('class="fallback-note"');
    });

    it("shows an untranslated page in its own language, marked as such, with a note in the visitor's", async () => {
      const at = new Date().toISOString();
      await t.deps.db
        .insertInto("content_pages")
        .values({
          slug: "only-in-english",
          locale: "en",
          title: "Only English",
          summary: "",
          body_md: "Text.",
          created_at: at,
          updated_at: at,
        })
        .execute();
      const res = await t.app.inject("/es/pages/only-in-english");
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<article class="page content-page" lang="en">');
      expect(res.body).toMatch(/<p class="fallback-note" role="note" lang="es" dir="ltr">[^<]*inglés/);
    });

    it("writes to a signer in the language they signed in, right to left", async () => {
      const email = newEmail();
      const res = await postForm(t.app, `/fa/campaigns/${SLUG}`, `/fa/campaigns/${SLUG}/signatures`, {
        name: "Zahra Ahmadi",
        email,
        country: "AF",
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/fa\/campaigns\//);
      await runJobs(t.deps);
      const [mail] = await mailTo(t.deps.db, email);
      expect(mail?.html).toContain('<html lang="fa" dir="rtl">');
      expect(mail?.text).toContain("/fa/signatures/confirm?token=");
    });
  });
});
