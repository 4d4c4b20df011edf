import { afterAll, beforeAll, expect, it } from "vitest";
import type { SignaturePolicy } from "../../../src/db/tables.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  addCampaign,
  countOf,
  mailTo,
  newEmail,
  pressConfirm,
  runJobs,
  sign,
  signer,
  supportersWith,
  tokenIn,
  uniqueSlug,
} from "./petition-helpers.ts";

const WORDING = "Keep me updated about this and other campaigns by email. I can unsubscribe at any time.";

describeEachDatabase("consent to updates, given beside a signature", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  async function freshCampaign(policy: SignaturePolicy = "confirm") {
    const slug = uniqueSlug(policy);
    const id = await addCampaign(db().handle.db, slug, { policy });
    return { slug, id };
  }

  async function consentsOf(email: string) {
    const [supporter] = await supportersWith(t.deps.db, email);
    if (!supporter) return [];
    return t.deps.db.selectFrom("consents").selectAll().where("supporter_id", "=", supporter.id).execute();
  }

  it("records the consent with the exact wording shown, unconfirmed until the signature is", async () => {
    const { slug, id } = await freshCampaign();
    const page = await t.app.inject(`/campaigns/${slug}`);
    expect(page.body).toContain(`<label for="field-updates">${WORDING}</label>`);
    const email = newEmail();
    await sign(t.app, slug, signer({ email, updates: "yes" }));
    const [consent, ...more] = await consentsOf(email);
    expect(more).toEqual([]);
    expect(consent).toMatchObject({
      purpose: "email-updates",
      wording: WORDING,
      wording_version: "petition-updates-1",
      locale: "en",
      source: `petition:${slug}`,
      campaign_id: id,
      method: "form-checkbox",
      given_at: expect.any(String),
      confirmed_at: null,
      withdrawn_at: null,
    });

    await runJobs(t.deps);
    await pressConfirm(t.app, tokenIn((await mailTo(t.deps.db, email))[0]));
    const [confirmed] = await consentsOf(email);
    expect(confirmed?.confirmed_at).toEqual(expect.any(String));
  });

  it("records no consent when the box is left unticked", async () => {
    const { slug } = await freshCampaign();
    const email = newEmail();
    await sign(t.app, slug, signer({ email }));
    await runJobs(t.deps);
    await pressConfirm(t.app, tokenIn((await mailTo(t.deps.db, email))[0]));
    expect(await supportersWith(t.deps.db, email)).toHaveLength(1);
    expect(await consentsOf(email)).toEqual([]);
  });

  it("counts a signature at once where the campaign's policy is instant, and sends no email without consent", async () => {
    const { slug } = await freshCampaign("instant");
    const email = newEmail();
    const res = await sign(t.app, slug, signer({ email }));
    expect(res.statusCode).toBe(303);
    expect(await countOf(t.app, slug)).toBe(1);
    const thanks = await t.app.inject(res.headers.location ?? "");
    expect(thanks.body).toContain("is counted.");
    await runJobs(t.deps);
    expect(await mailTo(t.deps.db, email)).toEqual([]);
    expect(await consentsOf(email)).toEqual([]);
  });

  it("under the instant policy, emails only to confirm the consent, and confirming it does not count again", async () => {
    const { slug } = await freshCampaign("instant");
    const email = newEmail();
    await sign(t.app, slug, signer({ email, updates: "yes" }));
    expect(await countOf(t.app, slug)).toBe(1);
    await runJobs(t.deps);
    const mails = await mailTo(t.deps.db, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^Thank you for signing/);
    expect(mails[0]?.text).toContain("Yes, keep me updated");
    expect((await consentsOf(email))[0]?.confirmed_at).toBeNull();

    expect((await pressConfirm(t.app, tokenIn(mails[0]))).statusCode).toBe(303);
    expect((await consentsOf(email))[0]?.confirmed_at).toEqual(expect.any(String));
    expect(await countOf(t.app, slug)).toBe(1);
  });
});
