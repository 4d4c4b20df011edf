import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, mailTo, pressConfirm, runJobs, sign, tokenIn, uniqueSlug } from "./petition-helpers.ts";

describeEachDatabase("what the public sees of the people who signed", (db) => {
  let t: TestApp;
  let slug: string;
  const shown = { name: "Amina Rahimi", email: "amina.rahimi.public@example.org", country: "NO", public: "yes" };
  const hidden = { name: "Bashir Karimi", email: "bashir.karimi.hidden@example.org", country: "SE" };
  const waiting = { name: "Farida Noori", email: "farida.noori.waiting@example.org", country: "DK", public: "yes" };
  const marked = { name: "<b>Leila</b> Haidari", email: "leila.haidari@example.org", country: "FI", public: "yes" };

  beforeAll(async () => {
    t = await buildTestApp(db().handle);
    slug = uniqueSlug("privacy");
    await addCampaign(t.deps.db, slug);
    for (const person of [shown, hidden, waiting, marked]) await sign(t.app, slug, person);
    await runJobs(t.deps);
    for (const person of [shown, hidden, marked]) {
      const [mail] = await mailTo(t.deps.db, person.email);
      await pressConfirm(t.app, tokenIn(mail));
    }
  });
  afterAll(async () => t.app.close());

  function recentSigners(body: string): string[] {
    const list = /<section class="recent-signers"[\s\S]*?<\/section>/.exec(body)?.[0] ?? "";
    return [...list.matchAll(/<li>([^<]*(?:<(?!\/li>)[^<]*)*)<\/li>/g)].map((m) => m[1] ?? "");
  }

  it("lists only confirmed signers who chose to be shown, by first name and country", async () => {
    const page = await t.app.inject(`/campaigns/${slug}`);
    expect(recentSigners(page.body)).toEqual(["&lt;b>Leila&lt;/b>, Finland", "Amina, Norway"]);
  });

  it("never shows a surname, nor anyone who did not choose to be shown", async () => {
    const page = await t.app.inject(`/campaigns/${slug}`);
    for (const word of ["Rahimi", "Bashir", "Karimi", "Farida", "Noori", "Haidari"]) {
      expect(page.body.includes(word), word).toBe(false);
    }
  });

  it("never puts a signer's email in a public page or API answer", async () => {
    const [signature] = await t.deps.db.selectFrom("signatures").select("referral_code").orderBy("id").execute();
    const urls = [
      "/",
      "/campaigns",
      `/campaigns/${slug}`,
      `/campaigns/${slug}/count.json`,
      `/campaigns/${slug}/thank-you?code=${signature?.referral_code}`,
      `/campaigns/${slug}/thank-you?code=${signature?.referral_code}&confirmed=1`,
      `/embed/petitions/${slug}`,
      "/api/v1/petitions",
      `/api/v1/petitions/${slug}`,
      `/api/v1/petitions/${slug}/count`,
    ];
    for (const url of urls) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      for (const person of [shown, hidden, waiting, marked]) {
        const local = person.email.split("@")[0] ?? "";
        expect(res.body.toLowerCase().includes(local), `${person.email} on ${url}`).toBe(false);
      }
    }
  });

  it("shows the signatures by country, counting only the confirmed ones", async () => {
    const res = await t.app.inject(`/api/v1/petitions/${slug}`);
    const byCountry = (res.json() as { signatures_by_country: { code: string; count: number }[] })
      .signatures_by_country;
    expect(byCountry.map((c) => [c.code, c.count]).sort()).toEqual([
      ["FI", 1],
      ["NO", 1],
      ["SE", 1],
    ]);
  });
});
