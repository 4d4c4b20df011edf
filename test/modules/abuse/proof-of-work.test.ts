// The proof-of-work challenge on the sign form: a burst from few networks switches it on (the
// periodic check), a signature without a valid solution is then held back quietly as
// "challenge" while one with a solution counts, a solution counts once; and a campaigner
// switches it on and off from the petition's abuse page, audited and behind CSRF.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HoldReason } from "../../../src/db/tables.ts";
import { releaseHeldSignatures } from "../../../src/modules/abuse/abuse-admin.service.ts";
import { BURST } from "../../../src/modules/abuse/burst.ts";
import { CHALLENGE, CHALLENGE_FIELD } from "../../../src/modules/abuse/challenge.ts";
import { readChallengeState, switchChallenge, watchBursts } from "../../../src/modules/abuse/challenge-switch.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, get, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { addCampaign, countOf, formSession, signaturesOf, signer, uniqueSlug } from "../petitions/petition-helpers.ts";
import { signStraight } from "./abuse-helpers.ts";
import { challengeOnPage, solveField } from "./pow-helpers.ts";

describeEachDatabase("the proof-of-work challenge on the sign form", (db) => {
  let t: TestApp;
  let slug: string;
  let campaignId: number;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    slug = uniqueSlug("pow");
    campaignId = await addCampaign(t.deps.db, slug, { policy: "instant" });
  });
  afterAll(async () => t.app.close());

  /** A signature as the API would send it: no form, no challenge field. */
  const signAsApi = (email: string, networkHash: string) => signStraight(t.deps, slug, email, networkHash);
  const heldFor = async (reason: HoldReason) =>
    (
      await t.deps.db
        .selectFrom("held_signatures")
        .select("signature_id")
        .where("campaign_id", "=", campaignId)
        .where("reason", "=", reason)
        .where("released_at", "is", null)
        .execute()
    ).length;

  it("is off, and the form carries no challenge, while signing is quiet", async () => {
    expect((await readChallengeState(t.deps.db, campaignId)).on).toBe(false);
    const page = await t.app.inject(`/campaigns/${slug}`);
    expect(challengeOnPage(page.body)).toBeNull();
    expect(await watchBursts(t.deps)).not.toContain(campaignId);
    const res = await formSession(t.app, `/campaigns/${slug}`).then((post) =>
      post(`/campaigns/${slug}/signatures`, signer()),
    );
    expect(res.statusCode).toBe(303);
    expect(await countOf(t.app, slug)).toBe(1);
  });

  it("is switched on by the periodic check once a burst from few networks arrives", async () => {
    const nets = ["pow-net-aaaaaaaaaaaa", "pow-net-bbbbbbbbbbbb"];
    for (let i = 0; i < BURST.minSignatures; i += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, j) => signAsApi(`bot.${i + j}.${slug}@mailbox.example`, nets[j % 2] ?? "")),
      );
    }
    const at = new Date();
    expect(await watchBursts(t.deps, at)).toContain(campaignId);
    const state = await readChallengeState(t.deps.db, campaignId);
    expect(state).toMatchObject({ on: true, reason: "burst" });
    expect(Date.parse(state.until ?? "")).toBe(at.getTime() + CHALLENGE.afterBurstMs);
    // Read again a minute later while the burst lasts: stays on, not switched on twice.
    expect(await watchBursts(t.deps, new Date(at.getTime() + 60_000))).not.toContain(campaignId);
    expect((await readChallengeState(t.deps.db, campaignId)).until).toBe(
      new Date(at.getTime() + 60_000 + CHALLENGE.afterBurstMs).toISOString(),
    );
  });

  it("puts a challenge and a polite status line on the site's form and the embed", async () => {
    const page = await t.app.inject(`/campaigns/${slug}`);
    expect(challengeOnPage(page.body)).toMatch(/"algorithm":"PBKDF2\/SHA-256"/);
    expect(page.body).toMatch(new RegExp(`<input type="hidden" name="${CHALLENGE_FIELD}" value data-pow-challenge="`));
    expect(page.body).toContain('data-pow-checking="Checking your browser…"');
    expect(page.body).toMatch(/<p class="pow__status" role="status" data-pow-status(="")?><\/p>/);
    const embed = await t.app.inject(`/embed/petitions/${slug}`);
    expect(challengeOnPage(embed.body)).not.toBeNull();
  });

  it("holds back quietly a signature without a valid solution, and counts one with a solution", async () => {
    const before = await countOf(t.app, slug);
    const heldBefore = await heldFor("challenge");
    const post = await formSession(t.app, `/campaigns/${slug}`);
    const bare = await post(`/campaigns/${slug}/signatures`, signer());
    const junk = await post(`/campaigns/${slug}/signatures`, { ...signer(), [CHALLENGE_FIELD]: "junk" });
    for (const res of [bare, junk]) {
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(new RegExp(`^/campaigns/${slug}/thank-you\\?code=`));
    }
    expect(await countOf(t.app, slug)).toBe(before);
    expect(await heldFor("challenge")).toBe(heldBefore + 2);

    const page = await t.app.inject(`/campaigns/${slug}`);
    const solved = await solveField(challengeOnPage(page.body) ?? "");
    const person = signer();
    const res = await post(`/campaigns/${slug}/signatures`, { ...person, [CHALLENGE_FIELD]: solved });
    expect(res.statusCode).toBe(303);
    expect(await countOf(t.app, slug)).toBe(before + 1);
    const theirs = (await signaturesOf(t.deps.db, slug)).find(
      (r) => r.name === person.name && r.status === "confirmed",
    );
    expect(theirs).toBeDefined();

    // The same solution again (a script replaying it) is held back.
    await post(`/campaigns/${slug}/signatures`, { ...signer(), [CHALLENGE_FIELD]: solved });
    expect(await countOf(t.app, slug)).toBe(before + 1);
    expect(await heldFor("challenge")).toBe(heldBefore + 3);
  });

  it("counts a signature from the embed with a solution", async () => {
    const before = await countOf(t.app, slug);
    const page = await t.app.inject(`/embed/petitions/${slug}`);
    const token = /name="_embed" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const solved = await solveField(challengeOnPage(page.body) ?? "");
    const res = await t.app.inject({
      method: "POST",
      url: `/embed/petitions/${slug}/signatures`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ ...signer(), _embed: token, [CHALLENGE_FIELD]: solved }).toString(),
    });
    expect(res.statusCode).toBe(303);
    expect(await countOf(t.app, slug)).toBe(before + 1);
  });

  it("leaves the API's signatures alone (its keys are the control there)", async () => {
    const before = await countOf(t.app, slug);
    await signAsApi(`api.${slug}@example.org`, "api-net-cccccccccccc");
    expect(await countOf(t.app, slug)).toBe(before + 1);
  });

  it("lets staff release the signatures held for it, as for the other reasons", async () => {
    const staff = await makeStaff(t, "campaigner");
    const before = await countOf(t.app, slug);
    const held = await heldFor("challenge");
    expect(await releaseHeldSignatures(t.deps, staff.id, campaignId, "challenge")).toBe(held);
    expect(await countOf(t.app, slug)).toBe(before + held);
  });

  it("goes off by itself an hour after the burst", async () => {
    const later = new Date(Date.now() + 2 * 60_000 + CHALLENGE.afterBurstMs);
    expect((await readChallengeState(t.deps.db, campaignId, later)).on).toBe(false);
  });

  describe("switched by a campaigner on the abuse page", () => {
    let other: number;
    let otherSlug: string;
    beforeAll(async () => {
      otherSlug = uniqueSlug("pow-switch");
      other = await addCampaign(t.deps.db, otherSlug, { policy: "instant" });
    });
    const abusePage = (id: number) => `/admin/campaigns/${id}/abuse`;

    it("shows the challenge off, switches it on with an audit record, and shows since when and why", async () => {
      const staff = await makeStaff(t, "campaigner");
      const cookies = { [STAFF_COOKIE]: await signIn(t, staff) };
      const page = await get(t.app, abusePage(other), cookies);
      expect(page.body).toContain("Proof-of-work challenge");
      expect(page.body).toContain("The challenge is off.");
      expect(page.body).toContain("without JavaScript");
      const res = await post(t.app, abusePage(other), `${abusePage(other)}/challenge`, { on: "1" }, cookies);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${abusePage(other)}?done=challenge-on#abuse-challenge`);
      expect(await readChallengeState(t.deps.db, other)).toMatchObject({ on: true, reason: "campaigner", until: null });
      expect(page.body).not.toContain("The challenge is on for this petition.");
      const after = await get(t.app, `${abusePage(other)}?done=challenge-on`, cookies);
      expect(after.body).toContain('role="status">The challenge is on for this petition.</p>');
      expect(after.body).toContain("switched on by a campaigner");
      expect(after.body).toContain("Switch the challenge off");
      const audit = await auditOf(t, "challenge.on", other);
      expect(audit).toHaveLength(1);
      expect(audit[0]?.staff_user_id).toBe(staff.id);
      expect(challengeOnPage((await t.app.inject(`/campaigns/${otherSlug}`)).body)).not.toBeNull();
    });

    it("switches it off, and a burst then cannot switch it on again for a while", async () => {
      const staff = await makeStaff(t, "admin");
      const cookies = { [STAFF_COOKIE]: await signIn(t, staff) };
      const res = await post(t.app, abusePage(other), `${abusePage(other)}/challenge`, { on: "0" }, cookies);
      expect(res.statusCode).toBe(303);
      expect((await readChallengeState(t.deps.db, other)).on).toBe(false);
      expect(res.headers.location).toBe(`${abusePage(other)}?done=challenge-off#abuse-challenge`);
      expect(await auditOf(t, "challenge.off", other)).toHaveLength(1);
      const after = await get(t.app, `${abusePage(other)}?done=challenge-off`, cookies);
      expect(after.body).toContain("a burst cannot switch it on again before");
      expect(after.body).toContain('role="status">The challenge is off for this petition.</p>');
      expect(after.body).not.toContain("The challenge is on for this petition.");
      expect(challengeOnPage((await t.app.inject(`/campaigns/${otherSlug}`)).body)).toBeNull();
    });

    it("refuses a post without the CSRF token, or with a bad choice, and changes nothing", async () => {
      const staff = await makeStaff(t, "campaigner");
      const cookies = { [STAFF_COOKIE]: await signIn(t, staff) };
      const url = `${abusePage(other)}/challenge`;
      const forged = await post(t.app, abusePage(other), url, { on: "1" }, cookies, { csrf: false });
      expect(forged.statusCode).toBe(403);
      const bad = await post(t.app, abusePage(other), url, { on: "yes" }, cookies);
      expect(bad.statusCode).toBe(400);
      const missing = await post(
        t.app,
        abusePage(999_999),
        "/admin/campaigns/999999/abuse/challenge",
        { on: "1" },
        cookies,
      ).catch(() => null);
      expect(missing?.statusCode ?? 404).toBe(404);
      expect((await readChallengeState(t.deps.db, other)).on).toBe(false);
      await expect(switchChallenge(t.deps, staff.id, 999_999, true)).rejects.toThrow();
    });
  });
});
