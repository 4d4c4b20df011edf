import { afterAll, beforeAll, expect, it } from "vitest";
import { canonicalEmail } from "../../../src/modules/supporters/email.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  addCampaign,
  countOf,
  formSession,
  mailTo,
  pressConfirm,
  runJobs,
  sign,
  signaturesOf,
  signer,
  supportersWith,
  tokenIn,
  uniqueSlug,
} from "./petition-helpers.ts";

describeEachDatabase("signing the same petition twice", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    // The racing submissions below come from one network: the limits are not what is tested here.
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  async function freshCampaign() {
    const slug = uniqueSlug("dup");
    await addCampaign(db().handle.db, slug);
    return slug;
  }

  it("looks the same to the person typing, but makes no second signature or supporter", async () => {
    const slug = await freshCampaign();
    const owner = `Amina.Rahimi.${slug}@Gmail.com`;
    const first = await sign(t.app, slug, signer({ email: owner }));
    expect(first.statusCode).toBe(303);
    const variants = [owner.toLowerCase(), `  ${owner.toUpperCase()} `, `aminarahimi${slug}+again@googlemail.com`];
    for (const email of variants) {
      const again = await sign(t.app, slug, signer({ email, name: "Someone Else" }));
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toBe(first.headers.location);
    }
    expect(await signaturesOf(t.deps.db, slug)).toHaveLength(1);
    const supporters = await supportersWith(t.deps.db, canonicalEmail(owner));
    expect(supporters).toHaveLength(1);
    expect(supporters[0]).toMatchObject({ email: owner, name: "Amina Rahimi" });
  });

  it("tells the owner of the address, not the person who typed it, at most once an hour", async () => {
    const slug = await freshCampaign();
    const owner = `owner.${slug}@example.org`;
    await sign(t.app, slug, signer({ email: owner }));
    await runJobs(t.deps);
    for (let i = 0; i < 3; i++) await sign(t.app, slug, signer({ email: owner.toUpperCase() }));
    await runJobs(t.deps);
    const mails = await mailTo(t.deps.db, owner);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/confirm/i), expect.stringMatching(/already/i)]);
    expect(await mailTo(t.deps.db, owner.toUpperCase())).toEqual([]);
    const [signature] = await signaturesOf(t.deps.db, slug);
    const queued = await t.deps.db
      .selectFrom("mail_outbox")
      .select(["state", "params"])
      .where("kind", "=", "already-signed")
      .where("idempotency_key", "like", `already-signed:${signature?.id}:%`)
      .execute();
    // One message for the three tries; a sent message keeps no params.
    expect(queued).toEqual([{ state: "sent", params: "{}" }]);
  });

  it("ends ten racing submissions of one address with one signature, counted once", async () => {
    const slug = await freshCampaign();
    const email = `racer.${slug}@example.org`;
    const post = await formSession(t.app, `/campaigns/${slug}`);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(`/campaigns/${slug}/signatures`, signer({ email }))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(303));
    expect(new Set(answers.map((a) => a.headers.location)).size).toBe(1);
    expect(await signaturesOf(t.deps.db, slug)).toHaveLength(1);
    expect(await supportersWith(t.deps.db, email)).toHaveLength(1);

    await runJobs(t.deps);
    const mails = await mailTo(t.deps.db, email);
    const confirmation = mails.find((m) => /confirm your signature/i.test(m.subject));
    expect(await pressConfirm(t.app, tokenIn(confirmation)).then((r) => r.statusCode)).toBe(303);
    expect(await countOf(t.app, slug)).toBe(1);
  });

  it("keeps all of twenty racing submissions of different addresses", async () => {
    const slug = await freshCampaign();
    const post = await formSession(t.app, `/campaigns/${slug}`);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(`/campaigns/${slug}/signatures`, signer({ email: `p${i}.${slug}@example.org` })),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(303));
    expect(new Set(answers.map((a) => a.headers.location)).size).toBe(20);
    const signatures = await signaturesOf(t.deps.db, slug);
    expect(signatures).toHaveLength(20);
    expect(new Set(signatures.map((s) => s.supporter_id)).size).toBe(20);
  });

  it("counts once when the links of two emails for one signature are pressed at once, twice each", async () => {
    const slug = await freshCampaign();
    const email = `twice.${slug}@example.org`;
    await sign(t.app, slug, signer({ email }));
    await runJobs(t.deps);
    await sign(t.app, slug, signer({ email }));
    await runJobs(t.deps);
    const tokens = (await mailTo(t.deps.db, email)).map(tokenIn);
    expect(new Set(tokens).size).toBe(2);
    const answers = await Promise.all([...tokens, ...tokens].map((token) => pressConfirm(t.app, token)));
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303, 303, 303]);
    expect(await countOf(t.app, slug)).toBe(1);
    const [signature] = await signaturesOf(t.deps.db, slug);
    expect(signature?.status).toBe("confirmed");
  });
});
