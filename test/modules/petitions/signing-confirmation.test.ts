import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  addCampaign,
  countOf,
  mailTo,
  newEmail,
  pressConfirm,
  runJobs,
  SLUG,
  sign,
  signAndGetToken,
  signaturesOf,
  signer,
  tokenIn,
  uniqueSlug,
} from "./petition-helpers.ts";

describeEachDatabase("signing a petition and confirming by email", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  async function freshCampaign() {
    const slug = uniqueSlug("confirm");
    await addCampaign(db().handle.db, slug);
    return slug;
  }

  it("sends the signer to the thank-you page with a referral code, and does not count them yet", async () => {
    expect(await countOf(t.app, SLUG)).toBe(0);
    const fields = signer({ updates: "yes", public: "yes", comment: "Welcome!", ref: "friendCode", utm_source: "x" });
    const res = await sign(t.app, SLUG, fields);
    expect(res.statusCode).toBe(303);
    const code = /^\/campaigns\/stop-returns-to-afghanistan\/thank-you\?code=([\w-]{10})$/.exec(
      res.headers.location ?? "",
    )?.[1];
    expect(code).toBeDefined();
    const [signature, ...more] = await signaturesOf(db().handle.db, SLUG);
    expect(more).toEqual([]);
    expect(signature).toMatchObject({ status: "pending", referral_code: code, confirmed_at: null });
    expect(await countOf(t.app, SLUG)).toBe(0);
    const thanks = await t.app.inject(res.headers.location ?? "");
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain(`stop-returns-to-afghanistan%3Fref%3D${code}`);
  });

  it("emails one confirmation link to the address, when the jobs run", async () => {
    const email = newEmail();
    await sign(t.app, SLUG, signer({ email }));
    expect(await mailTo(t.deps.db, email)).toEqual([]);
    await runJobs(t.deps);
    const mails = await mailTo(t.deps.db, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toMatch(/http:\/\/localhost:3000\/signatures\/confirm\?token=[\w-]{43}/);
    await runJobs(t.deps);
    expect(await mailTo(t.deps.db, email)).toHaveLength(1);
  });

  it("opening the link shows a Confirm button and changes nothing (mail scanners open links)", async () => {
    const slug = await freshCampaign();
    const token = await signAndGetToken(t, slug, signer());
    for (let i = 0; i < 2; i++) {
      const page = await t.app.inject(`/signatures/confirm?token=${token}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Confirm my signature</button>");
      expect(page.body).toContain(`name="token" value="${token}"`);
    }
    expect(await countOf(t.app, slug)).toBe(0);
    const [signature] = await signaturesOf(t.deps.db, slug);
    expect(signature?.status).toBe("pending");
    const tokens = await t.deps.db
      .selectFrom("tokens")
      .select("used_at")
      .where("subject_id", "=", signature?.id ?? 0)
      .execute();
    expect(tokens).toEqual([{ used_at: null }]);
  });

  it("pressing Confirm counts the signature and leads to the thank-you page", async () => {
    const slug = await freshCampaign();
    const token = await signAndGetToken(t, slug, signer({ country: "SE" }));
    const [pending] = await signaturesOf(t.deps.db, slug);
    const res = await pressConfirm(t.app, token);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/campaigns/${slug}/thank-you?code=${pending?.referral_code}&confirmed=1`);
    expect(await countOf(t.app, slug)).toBe(1);
    const api = await t.app.inject(`/api/v1/petitions/${slug}/count`);
    expect(api.json()).toMatchObject({ total_signatures: 1 });
    const petition = await t.app.inject(`/api/v1/petitions/${slug}`);
    expect(petition.json()).toMatchObject({ signatures_by_country: [{ code: "SE", name: "Sweden", count: 1 }] });
    const [signature] = await signaturesOf(t.deps.db, slug);
    expect(signature?.status).toBe("confirmed");
    expect(signature?.confirmed_at).toEqual(expect.any(String));
  });

  it("does not count twice when the same token is sent again", async () => {
    const slug = await freshCampaign();
    const token = await signAndGetToken(t, slug, signer());
    expect((await pressConfirm(t.app, token)).statusCode).toBe(303);
    const again = await pressConfirm(t.app, token);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toContain("confirmed=1");
    expect(await countOf(t.app, slug)).toBe(1);
    const row = await t.deps.db
      .selectFrom("campaign_counts")
      .innerJoin("campaigns", "campaigns.id", "campaign_counts.campaign_id")
      .select("total")
      .where("campaigns.slug", "=", slug)
      .executeTakeFirst();
    expect(row?.total).toBe(1);
  });

  it("answers an unknown token with 404", async () => {
    const token = randomBytes(32).toString("base64url");
    expect((await t.app.inject(`/signatures/confirm?token=${token}`)).statusCode).toBe(404);
    expect((await t.app.inject("/signatures/confirm")).statusCode).toBe(404);
    const res = await pressConfirm(t.app, token);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("We do not recognise this link");
  });

  it("answers an expired token with 410 and confirms nothing", async () => {
    const slug = await freshCampaign();
    const token = await signAndGetToken(t, slug, signer());
    const hash = createHash("sha256").update(token).digest("base64url");
    const past = new Date(Date.now() - 1000).toISOString();
    const updated = await t.deps.db
      .updateTable("tokens")
      .set({ expires_at: past })
      .where("hash", "=", hash)
      .executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);
    expect((await t.app.inject(`/signatures/confirm?token=${token}`)).statusCode).toBe(410);
    const res = await pressConfirm(t.app, token);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain("This link has expired");
    expect(await countOf(t.app, slug)).toBe(0);
    const [signature] = await signaturesOf(t.deps.db, slug);
    expect(signature?.status).toBe("pending");
  });

  it("keeps only a hash of the token: the raw token from the email is stored nowhere", async () => {
    const slug = await freshCampaign();
    const token = await signAndGetToken(t, slug, signer());
    const hash = createHash("sha256").update(token).digest("base64url");
    const tokens = await t.deps.db.selectFrom("tokens").selectAll().execute();
    const jobs = await t.deps.db.selectFrom("jobs").selectAll().execute();
    const outbox = await t.deps.db.selectFrom("mail_outbox").selectAll().execute();
    expect(JSON.stringify(outbox)).not.toContain(token);
    expect(tokens.map((r) => r.hash)).toContain(hash);
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect(JSON.stringify(jobs)).not.toContain(token);
    const signatures = await t.deps.db.selectFrom("signatures").selectAll().execute();
    expect(JSON.stringify(signatures)).not.toContain(token);
  });

  it("ties the emailed token to the signature it confirms", async () => {
    const slug = await freshCampaign();
    const email = newEmail();
    await sign(t.app, slug, signer({ email }));
    await runJobs(t.deps);
    const token = tokenIn((await mailTo(t.deps.db, email))[0]);
    const [signature] = await signaturesOf(t.deps.db, slug);
    const hash = createHash("sha256").update(token).digest("base64url");
    const row = await t.deps.db.selectFrom("tokens").selectAll().where("hash", "=", hash).executeTakeFirst();
    expect(row).toMatchObject({ purpose: "confirm-signature", subject_id: signature?.id, used_at: null });
    const lifetime = Date.parse(row?.expires_at ?? "") - Date.parse(row?.created_at ?? "");
    expect(lifetime).toBe(7 * 24 * 60 * 60 * 1000);
  });
});
