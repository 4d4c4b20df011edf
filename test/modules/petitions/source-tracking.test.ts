import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { addCampaign, signaturesOf, signer, uniqueSlug } from "./petition-helpers.ts";

describeEachDatabase("where a signature came from", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  /** Opens a campaign page as a visitor arriving from a link, then signs with the form as it came. */
  async function visitAndSign(slug: string, query: string, referer: string | undefined, email: string) {
    const page = await t.app.inject({ url: `/campaigns/${slug}${query}`, headers: referer ? { referer } : {} });
    const hidden = Object.fromEntries(
      [...page.body.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)"\/?>/g)].map((m) => [m[1], m[2]]),
    );
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const res = await t.app.inject({
      method: "POST",
      url: `/campaigns/${slug}/signatures`,
      headers: { cookie, origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ ...hidden, ...signer({ email }) }).toString(),
    });
    return { page, hidden, res };
  }

  it("carries the referral code, utm_* parameters and the referring site through the form", async () => {
    const slug = uniqueSlug("source");
    await addCampaign(t.deps.db, slug);
    const { hidden, res } = await visitAndSign(
      slug,
      "?ref=friendCode1&utm_source=whatsapp&utm_medium=social&utm_campaign=spring&fbclid=tracking",
      "https://news.example.org/2024/a-story?reader=amina",
      `source.${slug}@example.org`,
    );
    expect(hidden).toMatchObject({
      ref: "friendCode1",
      utm_source: "whatsapp",
      utm_medium: "social",
      utm_campaign: "spring",
      referrer: "news.example.org",
    });
    expect(hidden).not.toHaveProperty("fbclid");
    expect(res.statusCode).toBe(303);
    const [signature] = await signaturesOf(t.deps.db, slug);
    expect(signature).toMatchObject({
      referred_by: "friendCode1",
      utm_source: "whatsapp",
      utm_medium: "social",
      utm_campaign: "spring",
      utm_term: null,
      utm_content: null,
      referrer_host: "news.example.org",
    });
  });

  it("keeps no referring site when the visitor came from the site itself", async () => {
    const slug = uniqueSlug("source");
    await addCampaign(t.deps.db, slug);
    // The public URL is http://localhost:3000; the request's Host is localhost:80, as behind a proxy.
    for (const [host, referer] of [
      ["localhost:80", "http://localhost:3000/campaigns"],
      ["welcome.example", "https://welcome.example/"],
    ]) {
      const page = await t.app.inject({ url: `/campaigns/${slug}`, headers: { referer, host } });
      expect(page.body.includes('name="referrer"'), `${host} from ${referer}`).toBe(false);
    }
    const { hidden } = await visitAndSign(slug, "", "http://localhost:3000/", `self.${slug}@example.org`);
    expect(hidden).not.toHaveProperty("referrer");
    const [signature] = await signaturesOf(t.deps.db, slug);
    expect(signature).toMatchObject({ referred_by: null, utm_source: null, referrer_host: null });
  });

  it("drops parameters that are too long or carry markup, and still signs", async () => {
    const slug = uniqueSlug("source");
    await addCampaign(t.deps.db, slug);
    const query = `?utm_source=${"s".repeat(101)}&utm_medium=${encodeURIComponent('"><script>')}&utm_term=ok`;
    const { page, res } = await visitAndSign(slug, query, undefined, `long.${slug}@example.org`);
    expect(page.body).not.toContain("s".repeat(101));
    expect(page.body).not.toContain('"><script>');
    expect(res.statusCode).toBe(303);
    const [signature] = await signaturesOf(t.deps.db, slug);
    expect(signature).toMatchObject({ utm_source: null, utm_medium: null, utm_term: "ok" });
  });

  it("gives each signer their own referral code, which their share links carry", async () => {
    const slug = uniqueSlug("source");
    await addCampaign(t.deps.db, slug);
    const first = await visitAndSign(slug, "", undefined, `first.${slug}@example.org`);
    const code = new URL(first.res.headers.location ?? "", "http://x").searchParams.get("code");
    const second = await visitAndSign(slug, `?ref=${code}`, undefined, `second.${slug}@example.org`);
    expect(second.res.statusCode).toBe(303);
    const [a, b] = await signaturesOf(t.deps.db, slug);
    expect(a?.referral_code).toBe(code);
    expect(b?.referred_by).toBe(code);
    expect(b?.referral_code).not.toBe(code);
  });
});
