import { afterAll, beforeAll, expect, it } from "vitest";
import { issueEmbedToken } from "../../../src/modules/petitions/embed-token.ts";
import { buildTestApp, postForm, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, type Cookies, get, post, staffCookies } from "../admin/admin-helpers.ts";
import { bearer, makeApiKey } from "../api/api-helpers.ts";
import { signer } from "../petitions/petition-helpers.ts";
import { addWatchedCampaign } from "./watch-helpers.ts";

const PAUSED_NOTICE = "Signing is paused for a short while.";
const PAUSED_REFUSAL = "This petition is not taking signatures for a short while, so nothing was recorded.";

describeEachDatabase("pausing signing", (db) => {
  let t: TestApp;
  let admin: Cookies;
  let campaigner: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    admin = await staffCookies(t, "admin");
    campaigner = await staffCookies(t, "campaigner");
  });
  afterAll(async () => t.app.close());

  const signatureCount = async (campaignId: number) =>
    Number(
      (
        await t.deps.db
          .selectFrom("signatures")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("campaign_id", "=", campaignId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const supporterCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom("supporters")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /**
   * Posts the sign form as a browser that kept the page from before the pause would (the
   * CSRF token comes from another page: a paused petition's page has no form).
   */
  const sign = (_app: unknown, slug: string, fields: Record<string, string>) =>
    postForm(t.app, "/admin/login", `/campaigns/${slug}/signatures`, fields);

  /** Tries every way of signing: the page's form, the embedded form and the API. */
  async function signEveryWay(slug: string) {
    const form = await sign(t.app, slug, signer());
    const embed = await t.app.inject({
      method: "POST",
      url: `/embed/petitions/${slug}/signatures`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        _embed: issueEmbedToken(t.deps.config.secretKey, slug),
        ...signer(),
      }).toString(),
    });
    const api = await t.app.inject({
      method: "POST",
      url: `/api/v1/petitions/${slug}/signatures`,
      headers: bearer(await makeApiKey(t.deps.db, ["write"])),
      payload: {
        person: {
          given_name: "Amina",
          family_name: "Rahimi",
          email_addresses: [{ address: signer().email }],
          postal_addresses: [{ country: "NO" }],
        },
      },
    });
    return { form, embed, api };
  }

  it("refuses every channel while one petition is paused, says so in every language, and changes nothing", async () => {
    const paused = await addWatchedCampaign(t.deps.db, "paused");
    const open = await addWatchedCampaign(t.deps.db, "still-open");
    const res = await post(
      t.app,
      `/admin/campaigns/${paused.id}/dashboard`,
      `/admin/campaigns/${paused.id}/pause`,
      { paused: "1" },
      campaigner,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/campaigns/${paused.id}/dashboard`);
    const [audit] = await auditOf(t, "signing.pause", paused.id);
    expect(JSON.parse(audit?.before ?? "")).toEqual({ paused: false });
    expect(JSON.parse(audit?.after ?? "")).toEqual({ paused: true });

    const page = await t.app.inject(`/campaigns/${paused.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(PAUSED_NOTICE);
    expect(page.body).not.toContain(`action="/campaigns/${paused.slug}/signatures"`);
    const arabic = await t.app.inject(`/ar/campaigns/${paused.slug}`);
    expect(arabic.body).toContain("التوقيع متوقف مؤقتًا لفترة قصيرة");
    const embedPage = await t.app.inject(`/embed/petitions/${paused.slug}`);
    expect(embedPage.body).toContain(PAUSED_NOTICE);
    expect(embedPage.body).not.toContain(`/embed/petitions/${paused.slug}/signatures`);

    const supporters = await supporterCount();
    const { form, embed, api } = await signEveryWay(paused.slug);
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain("Signing is paused");
    expect(form.body).toContain(PAUSED_REFUSAL);
    expect(embed.statusCode).toBe(409);
    expect(embed.body).toContain(PAUSED_REFUSAL);
    expect(api.statusCode).toBe(409);
    expect(api.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(api.json()).toMatchObject({ status: 409, detail: expect.stringContaining(PAUSED_REFUSAL) });
    expect(await signatureCount(paused.id)).toBe(0);
    expect(await supporterCount()).toBe(supporters);

    // The other petitions go on taking signatures.
    const others = await signEveryWay(open.slug);
    expect([others.form.statusCode, others.embed.statusCode, others.api.statusCode]).toEqual([303, 303, 202]);
    expect(await signatureCount(open.id)).toBe(3);

    // Resumed, it takes them again.
    await post(
      t.app,
      `/admin/campaigns/${paused.id}/dashboard`,
      `/admin/campaigns/${paused.id}/pause`,
      { paused: "0" },
      campaigner,
    );
    expect(await auditOf(t, "signing.resume", paused.id)).toHaveLength(1);
    expect((await t.app.inject(`/campaigns/${paused.slug}`)).body).not.toContain(PAUSED_NOTICE);
    expect((await sign(t.app, paused.slug, signer())).statusCode).toBe(303);
    expect(await signatureCount(paused.id)).toBe(1);
  });

  it("pauses every petition at once from the emergency switch, for admins only", async () => {
    const one = await addWatchedCampaign(t.deps.db, "emergency");
    expect((await get(t.app, "/admin/signing", campaigner)).statusCode).toBe(403);
    const refused = await post(t.app, "/admin", "/admin/signing", { paused: "1" }, campaigner);
    expect(refused.statusCode).toBe(403);
    expect((await sign(t.app, one.slug, signer())).statusCode).toBe(303);

    const page = await get(t.app, "/admin/signing", admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Petitions are taking signatures");
    const res = await post(t.app, "/admin/signing", "/admin/signing", { paused: "1" }, admin);
    expect(res.statusCode).toBe(303);
    expect((await get(t.app, "/admin/signing", admin)).body).toContain("Signing is paused on every petition.");
    const audit = await t.deps.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "signing.pause")
      .where("entity", "=", "site")
      .execute();
    expect(audit).toHaveLength(1);

    const { form, embed, api } = await signEveryWay(one.slug);
    expect([form.statusCode, embed.statusCode, api.statusCode]).toEqual([409, 409, 409]);
    expect(await signatureCount(one.id)).toBe(1);
    expect((await t.app.inject("/campaigns/stop-returns-to-afghanistan")).body).toContain(PAUSED_NOTICE);
    const dashboard = await get(t.app, `/admin/campaigns/${one.id}/dashboard`, campaigner);
    expect(dashboard.body).toContain("Signing is paused on every petition (the emergency switch).");

    await post(t.app, "/admin/signing", "/admin/signing", { paused: "0" }, admin);
    expect((await sign(t.app, one.slug, signer())).statusCode).toBe(303);
  });

  it("answers a switch posted with anything but 1 or 0 with a clear refusal, and changes nothing", async () => {
    const one = await addWatchedCampaign(t.deps.db, "bad-switch");
    for (const paused of ["", "yes", "2"]) {
      const res = await post(
        t.app,
        `/admin/campaigns/${one.id}/dashboard`,
        `/admin/campaigns/${one.id}/pause`,
        { paused },
        campaigner,
      );
      expect(res.statusCode).toBe(400);
    }
    expect((await post(t.app, "/admin/signing", "/admin/signing", { paused: "on" }, admin)).statusCode).toBe(400);
    expect(await t.deps.db.selectFrom("signing_pauses").selectAll().execute()).toEqual([]);
    expect((await sign(t.app, one.slug, signer())).statusCode).toBe(303);
  });
});

describeEachDatabase("the pause switch's rate limit", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "on" });
  });
  afterAll(async () => t.app.close());

  it("answers 429 past 30 switches a minute from one network, and the 31st changes nothing", async () => {
    const campaigner = await staffCookies(t, "campaigner");
    const one = await addWatchedCampaign(t.deps.db, "limited");
    const page = `/admin/campaigns/${one.id}/dashboard`;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const paused = i % 2 === 0 ? "1" : "0";
      statuses.push((await post(t.app, page, `/admin/campaigns/${one.id}/pause`, { paused }, campaigner)).statusCode);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(303));
    expect(statuses[30]).toBe(429);
    // Thirty switches, fifteen each way: the last one that landed resumed it.
    expect(await auditOf(t, "signing.pause", one.id)).toHaveLength(15);
    expect(
      await t.deps.db.selectFrom("signing_pauses").selectAll().where("scope", "=", String(one.id)).execute(),
    ).toEqual([]);
  });
});
