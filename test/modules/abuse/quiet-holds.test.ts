import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseHeldSignatures } from "../../../src/modules/abuse/abuse-admin.service.ts";
import { FORM_TIME_FIELD, HONEYPOT_FIELD, issueFormTime } from "../../../src/modules/abuse/form-guard.ts";
import { applyRetention } from "../../../src/modules/community/retention.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { makeStaff } from "../admin/admin-helpers.ts";
import {
  addCampaign,
  countOf,
  formSession,
  mailTo,
  newEmail,
  runJobs,
  signaturesOf,
  signer,
  uniqueSlug,
} from "../petitions/petition-helpers.ts";

const SECRET = "test-secret-key-that-is-long-enough-0000";
/** A form shown long enough ago for a person to have filled it in. */
const shownLongAgo = (slug: string) => issueFormTime(SECRET, slug, new Date(Date.now() - 60_000));

describeEachDatabase("a bot's sign form is held back quietly", (db) => {
  let t: TestApp;
  let instant: string;
  let confirm: string;
  beforeAll(async () => {
    // The minimum time on, as in production (tests otherwise run with it off).
    t = await buildTestApp(db().handle, { SIGN_MIN_SECONDS: "3", RATE_LIMITS: "off" });
    instant = uniqueSlug("held-instant");
    confirm = uniqueSlug("held-confirm");
    await addCampaign(t.deps.db, instant, { policy: "instant" });
    await addCampaign(t.deps.db, confirm, { policy: "confirm" });
  });
  afterAll(async () => t.app.close());

  async function signOn(slug: string, fields: Record<string, string>) {
    const post = await formSession(t.app, `/campaigns/${slug}`);
    return post(`/campaigns/${slug}/signatures`, fields);
  }
  const heldOf = (slug: string) =>
    t.deps.db
      .selectFrom("held_signatures")
      .innerJoin("campaigns", "campaigns.id", "held_signatures.campaign_id")
      .select(["held_signatures.reason", "held_signatures.release_status", "held_signatures.released_at"])
      .where("campaigns.slug", "=", slug)
      .execute();

  it("shows a hidden, labelled trap field and the signed time on the sign form", async () => {
    const page = await t.app.inject(`/campaigns/${instant}`);
    expect(page.body).toMatch(/<div class="trap-field" aria-hidden="true">/);
    expect(page.body).toContain(`name="${HONEYPOT_FIELD}" value tabindex="-1" autocomplete="off"`);
    expect(page.body).toContain("Leave this field empty");
    expect(page.body).toMatch(new RegExp(`name="${FORM_TIME_FIELD}" value="[0-9a-z]+\\.[A-Za-z0-9_-]{22}"`));
  });

  it("counts a person's signature sent after the minimum time", async () => {
    const before = await countOf(t.app, instant);
    const res = await signOn(instant, { ...signer(), [FORM_TIME_FIELD]: shownLongAgo(instant), [HONEYPOT_FIELD]: "" });
    expect(res.statusCode).toBe(303);
    expect(await countOf(t.app, instant)).toBe(before + 1);
  });

  it("answers a filled trap field as usual, and keeps it uncounted, with no email", async () => {
    const before = await countOf(t.app, instant);
    const email = newEmail();
    const res = await signOn(instant, {
      ...signer({ email, updates: "yes" }),
      [FORM_TIME_FIELD]: shownLongAgo(instant),
      [HONEYPOT_FIELD]: "http://spam.example",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^/campaigns/${instant}/thank-you\\?code=[A-Za-z0-9_-]{10}$`));
    expect(await countOf(t.app, instant)).toBe(before);
    const row = (await signaturesOf(t.deps.db, instant)).at(-1);
    expect(row?.status).toBe("invalidated");
    expect(await heldOf(instant)).toContainEqual({
      reason: "honeypot",
      release_status: "confirmed",
      released_at: null,
    });
    await runJobs(t.deps);
    expect(await mailTo(t.deps.db, email)).toEqual([]);
    const consents = await t.deps.db
      .selectFrom("consents")
      .innerJoin("supporters", "supporters.id", "consents.supporter_id")
      .select("consents.id")
      .where("supporters.email", "=", email)
      .execute();
    expect(consents).toEqual([]);
  });

  it("holds a form sent sooner than a person could, or without its signed time", async () => {
    const before = await countOf(t.app, instant);
    const fast = await signOn(instant, { ...signer(), [FORM_TIME_FIELD]: issueFormTime(SECRET, instant) });
    const forged = await signOn(instant, {
      ...signer(),
      [FORM_TIME_FIELD]: `${(Date.now() - 60_000).toString(36)}.forged`,
    });
    const bare = await signOn(instant, signer());
    for (const res of [fast, forged, bare]) expect(res.statusCode).toBe(303);
    expect(await countOf(t.app, instant)).toBe(before);
    expect((await heldOf(instant)).filter((h) => h.reason === "too-fast")).toHaveLength(3);
  });

  it("counts a person whose address a script used first: their own signature takes the held one's place", async () => {
    const email = newEmail();
    const before = await countOf(t.app, instant);
    await signOn(instant, { ...signer({ email, name: "Spam Bot" }), [HONEYPOT_FIELD]: "x" });
    expect(await countOf(t.app, instant)).toBe(before);
    const res = await signOn(instant, { ...signer({ email }), [FORM_TIME_FIELD]: shownLongAgo(instant) });
    expect(res.statusCode).toBe(303);
    expect(await countOf(t.app, instant)).toBe(before + 1);
    const theirs = (await signaturesOf(t.deps.db, instant)).filter((r) => r.name === "Amina Rahimi").at(-1);
    expect(theirs?.status).toBe("confirmed");
    expect((await signaturesOf(t.deps.db, instant)).filter((r) => r.name === "Spam Bot")).toEqual([]);
  });

  it("a time signed for another petition does not pass", async () => {
    const before = await countOf(t.app, instant);
    await signOn(instant, { ...signer(), [FORM_TIME_FIELD]: shownLongAgo(confirm) });
    expect(await countOf(t.app, instant)).toBe(before);
  });

  describe("released by a campaigner", () => {
    it("counts held signatures of an instant petition, in the same transaction as the audit record", async () => {
      const staff = await makeStaff(t, "campaigner");
      const id = Number((await signaturesOf(t.deps.db, instant))[0]?.campaign_id);
      const before = await countOf(t.app, instant);
      const released = await releaseHeldSignatures(t.deps, staff.id, id, "too-fast");
      expect(released).toBe(4);
      expect(await countOf(t.app, instant)).toBe(before + 4);
      expect(await releaseHeldSignatures(t.deps, staff.id, id, "too-fast")).toBe(0);
      const audit = await t.deps.db
        .selectFrom("audit_log")
        .select(["action", "after"])
        .where("action", "=", "signatures.release")
        .where("entity_id", "=", String(id))
        .execute();
      expect(audit).toHaveLength(1);
    });

    it("sends the confirmation email to held signers of a petition that asks for it", async () => {
      const email = newEmail();
      await signOn(confirm, { ...signer({ email }), [HONEYPOT_FIELD]: "filled" });
      await runJobs(t.deps);
      expect(await mailTo(t.deps.db, email)).toEqual([]);
      const staff = await makeStaff(t, "campaigner");
      const id = Number((await signaturesOf(t.deps.db, confirm))[0]?.campaign_id);
      expect(await releaseHeldSignatures(t.deps, staff.id, id, "honeypot")).toBe(1);
      expect((await signaturesOf(t.deps.db, confirm)).at(-1)?.status).toBe("pending");
      await runJobs(t.deps);
      expect((await mailTo(t.deps.db, email)).map((m) => m.subject)).toHaveLength(1);
    });

    it("forgets a signature held back and never released, as retention forgets unconfirmed ones", async () => {
      await signOn(confirm, { ...signer(), [HONEYPOT_FIELD]: "filled again" });
      const held = (await signaturesOf(t.deps.db, confirm)).at(-1);
      const released = (await signaturesOf(t.deps.db, confirm)).find((r) => r.status === "pending");
      const longAgo = new Date(Date.now() - 40 * 864e5).toISOString();
      await t.deps.db
        .updateTable("signatures")
        .set({ created_at: longAgo })
        .where("id", "in", [Number(held?.id), Number(released?.id)])
        .execute();
      await t.deps.db
        .updateTable("signatures")
        .set({ status: "confirmed" })
        .where("id", "=", Number(released?.id))
        .execute();
      await applyRetention(t.deps);
      const left = (await signaturesOf(t.deps.db, confirm)).map((r) => r.id);
      expect(left).not.toContain(held?.id);
      expect(left).toContain(released?.id);
    });

    it("refuses an unknown reason and changes nothing", async () => {
      const staff = await makeStaff(t, "campaigner");
      await expect(releaseHeldSignatures(t.deps, staff.id, 1, "everything")).rejects.toMatchObject({
        kind: "invalid",
      });
    });
  });
});
