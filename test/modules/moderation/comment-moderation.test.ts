import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, makeStaff, STAFF_COOKIE, type Staff, signIn } from "../admin/admin-helpers.ts";
import { addCampaign, mailTo, runJobs, uniqueSlug } from "../petitions/petition-helpers.ts";
import { campaignPage, decide, HOSTILE, itemIdOf, itemOf, queuePage, signWithComment } from "./moderation-helpers.ts";

/** As the page carries it: every "<" escaped, so no tag can start. */
const ESCAPED_HOSTILE = "&lt;img src=x onerror=alert(1)> Welcome them &lt;script>alert(2)&lt;/script>";

/** The comments of a page's queue, in the order it lists them. */
const queuedTexts = (html: string) =>
  [...html.matchAll(/<blockquote class="moderation-item__text"[^>]*>([^<]*)<\/blockquote>/g)].map((m) => m[1]);

/** The comments under "Why people signed", in the order shown. */
const shownComments = (html: string) =>
  [...html.matchAll(/<blockquote class="comment__text" dir="auto">([^<]*)<\/blockquote>/g)].map((m) => m[1]);

describeEachDatabase("the moderation queue of signers' comments", (db) => {
  let t: TestApp;
  let moderator: Staff;
  let cookies: Record<string, string>;
  let slug: string;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    moderator = await makeStaff(t, "moderator");
    cookies = { [STAFF_COOKIE]: await signIn(t, moderator) };
    slug = uniqueSlug("moderated");
    await addCampaign(t.deps.db, slug);
  });
  afterAll(async () => t.app.close());

  describe("what enters the queue", () => {
    let first: string;
    let unticked: string;
    let unconfirmed: string;
    beforeAll(async () => {
      first = (await signWithComment(t, { slug, comment: "First: we were refugees once too." })).email;
      unticked = (await signWithComment(t, { slug, comment: "Private words for the campaigners.", consent: false }))
        .email;
      unconfirmed = (await signWithComment(t, { slug, comment: "Never confirmed by email.", confirm: false })).email;
      await signWithComment(t, { slug, comment: "Last: my neighbours came from Syria." });
    });

    it("lists confirmed comments whose signers agreed to show them, oldest first, with the count", async () => {
      const page = await queuePage(t.app, cookies);
      expect(page.statusCode).toBe(200);
      expect(page.headers["cache-control"]).toBe("no-store");
      expect(queuedTexts(page.body)).toEqual([
        "First: we were refugees once too.",
        "Last: my neighbours came from Syria.",
      ]);
      expect(page.body).toContain("Comments on petitions</a> (2 waiting)");
      expect(page.body).toContain("From Amina, Norway");
      expect(page.body).not.toContain("Rahimi");
      expect(page.body).not.toContain(first);
    });

    it("keeps a comment without the consent out of the queue, and its signer's choice on record", async () => {
      expect(await itemOf(t.deps.db, unticked)).toBeUndefined();
      const consents = await t.deps.db
        .selectFrom("consents")
        .innerJoin("supporters", "supporters.id", "consents.supporter_id")
        .select(["consents.purpose", "consents.wording", "supporters.email"])
        .where("supporters.email", "in", [first, unticked])
        .where("consents.purpose", "=", "publish-comment")
        .execute();
      expect(consents).toEqual([
        {
          purpose: "publish-comment",
          wording: "Show my comment publicly with my first name and country, once a moderator has read it",
          email: first,
        },
      ]);
    });

    it("never shows an unconfirmed signature's comment, to moderators or the public, even if approved", async () => {
      const id = await itemIdOf(t.deps.db, unconfirmed);
      const approved = await decide(t.app, cookies, id, "approve");
      expect(approved.statusCode).toBe(303);
      expect((await campaignPage(t.app, slug)).body).not.toContain("Never confirmed by email.");
      expect(queuedTexts((await queuePage(t.app, cookies)).body)).not.toContain("Never confirmed by email.");
      await decide(t.app, cookies, id, "undo");
    });
  });

  it("approves a hostile comment: shown on the campaign page as inert text, with first name, country and date", async () => {
    const { email } = await signWithComment(t, { slug, comment: HOSTILE, name: "Nadia Karimi" });
    const queue = await queuePage(t.app, cookies);
    expect(queue.body).toContain(ESCAPED_HOSTILE);
    expect(queue.body).not.toContain("<img src=x");
    expect((await campaignPage(t.app, slug)).body).not.toContain("Welcome them");

    const id = await itemIdOf(t.deps.db, email);
    const res = await decide(t.app, cookies, id, "approve");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/moderation?kind=comment&done=approved");
    expect(queuedTexts((await queuePage(t.app, cookies)).body)).not.toContain(ESCAPED_HOSTILE);

    const page = await campaignPage(t.app, slug);
    expect(page.body).toContain("Why people signed");
    expect(shownComments(page.body)).toContain(ESCAPED_HOSTILE);
    expect(page.body).not.toContain("<img src=x");
    expect(page.body).not.toContain("<script>alert(2)");
    expect(page.body).toMatch(/Nadia, Norway, \w{3} \d{1,2}, \d{4}/);
    expect(page.body).not.toContain("Karimi");
    expect(page.body).not.toContain(email);

    const [audit] = await auditOf(t, "moderation.approve", id);
    expect(audit?.staff_user_id).toBe(moderator.id);
    expect(JSON.parse(audit?.before ?? "{}")).toMatchObject({ kind: "comment", status: "waiting" });
    expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ kind: "comment", status: "approved", reason: null });
    expect(audit?.after).not.toContain("Welcome them");

    await runJobs(t.deps);
    const [mail] = (await mailTo(t.deps.db, email)).filter((m) => m.subject.startsWith("Your comment"));
    expect(mail?.subject).toBe(`Your comment on “Test campaign ${slug}” is now shown`);
    expect(mail?.text).toContain(`/campaigns/${slug}#why-people-signed`);
    expect(JSON.parse(mail?.headers ?? "{}")).not.toHaveProperty("List-Unsubscribe");
  });

  it("shows the newest approved comments first, a few on the campaign page and the rest on their own pages", async () => {
    const other = uniqueSlug("many-comments");
    await addCampaign(t.deps.db, other);
    for (let i = 1; i <= 7; i++) {
      const { email } = await signWithComment(t, { slug: other, comment: `Reason number ${i}` });
      await decide(t.app, cookies, await itemIdOf(t.deps.db, email), "approve");
    }
    const page = await campaignPage(t.app, other);
    expect(shownComments(page.body)).toEqual([7, 6, 5, 4, 3].map((i) => `Reason number ${i}`));
    expect(page.body).toContain(`href="/campaigns/${other}/comments">Read all 7 comments</a>`);
    const all = await t.app.inject(`/campaigns/${other}/comments`);
    expect(all.statusCode).toBe(200);
    expect(shownComments(all.body)).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `Reason number ${i}`));
    expect((await t.app.inject(`/campaigns/${other}/comments?page=2`)).statusCode).toBe(404);
    expect((await t.app.inject(`/campaigns/${other}/comments?page=abc`)).statusCode).toBe(404);
    expect((await t.app.inject("/campaigns/no-such-campaign/comments")).statusCode).toBe(404);
  });

  it("rejects with a reason and a note: told by email in the signer's language, never shown", async () => {
    const { email } = await signWithComment(t, { slug, comment: "Call 555-0199 to reach Omar", locale: "ar" });
    const id = await itemIdOf(t.deps.db, email);
    const res = await decide(t.app, cookies, id, "reject", {
      reason: "personal",
      note: "Please leave out phone numbers.",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/moderation?kind=comment&done=rejected");
    expect((await itemOf(t.deps.db, email))?.status).toBe("rejected");
    expect((await campaignPage(t.app, slug)).body).not.toContain("555-0199");
    expect(queuedTexts((await queuePage(t.app, cookies)).body)).not.toContain("Call 555-0199 to reach Omar");

    await runJobs(t.deps);
    const [mail] = (await mailTo(t.deps.db, email)).filter((m) => m.subject.includes("تعليقك"));
    expect(mail?.subject).toBe(`لن يُعرض تعليقك على «\u2068Test campaign ${slug}\u2069»`);
    expect(mail?.text).toContain("السبب: \u2068يكشف معلومات شخصية عن أحد\u2069.");
    expect(mail?.text).toContain("Please leave out phone numbers.");
    expect(JSON.parse(mail?.headers ?? "{}")).not.toHaveProperty("List-Unsubscribe");

    const [audit] = await auditOf(t, "moderation.reject", id);
    expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({
      status: "rejected",
      reason: "personal",
      note: "Please leave out phone numbers.",
    });
  });

  describe("a rejection with something missing", () => {
    let email: string;
    let id: number;
    beforeAll(async () => {
      email = (await signWithComment(t, { slug, comment: "Waiting for a fair decision" })).email;
      id = await itemIdOf(t.deps.db, email);
    });

    it("without a reason: the queue again with an error summary and the note kept; nothing changes", async () => {
      const res = await decide(t.app, cookies, id, "reject", { note: "Kept <b>note</b>" });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("<title>Error: ");
      expect(res.body).toContain("There is a problem");
      expect(res.body).toContain(`href="#field-reason-${id}">Choose a reason for rejecting it</a>`);
      expect(res.body).toContain("Kept &lt;b>note&lt;/b>");
      expect((await itemOf(t.deps.db, email))?.status).toBe("waiting");
      expect(await auditOf(t, "moderation.reject", id)).toEqual([]);
    });

    it("with an unknown reason, or 'another reason' and no note, or a note too long: refused the same way", async () => {
      const attempts: Record<string, string>[] = [
        { reason: "i-just-do-not-like-it" },
        { reason: "other", note: "   " },
        { reason: "abusive", note: "x".repeat(501) },
        { reason: "abusive", note: "bell\u0007" },
      ];
      for (const fields of attempts) {
        const res = await decide(t.app, cookies, id, "reject", fields);
        expect(res.statusCode, JSON.stringify(fields)).toBe(400);
        expect(res.body).toContain("There is a problem");
      }
      expect((await itemOf(t.deps.db, email))?.status).toBe("waiting");
      await runJobs(t.deps);
      expect((await mailTo(t.deps.db, email)).filter((m) => m.subject.startsWith("Your comment"))).toEqual([]);
    });
  });

  it("undoes a decision: the item waits again, leaves the page, is audited, and no stale email goes", async () => {
    const { email } = await signWithComment(t, { slug, comment: "Undo me, please" });
    const id = await itemIdOf(t.deps.db, email);
    await decide(t.app, cookies, id, "approve");
    expect((await campaignPage(t.app, slug)).body).toContain("Undo me, please");
    const queue = await queuePage(t.app, cookies);
    expect(queue.body).toContain("Recent decisions");
    expect(queue.body).toContain(`action="/admin/moderation/${id}/undo"`);

    const res = await decide(t.app, cookies, id, "undo");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/moderation?done=undone");
    const item = await itemOf(t.deps.db, email);
    expect(item).toMatchObject({ status: "waiting", decided_at: null, decided_by: null, reason: null });
    expect((await campaignPage(t.app, slug)).body).not.toContain("Undo me, please");
    expect(queuedTexts((await queuePage(t.app, cookies)).body)).toContain("Undo me, please");
    const [audit] = await auditOf(t, "moderation.undo", id);
    expect(JSON.parse(audit?.before ?? "{}")).toMatchObject({ status: "approved" });
    expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ status: "waiting" });

    await runJobs(t.deps);
    expect((await mailTo(t.deps.db, email)).filter((m) => m.subject.startsWith("Your comment"))).toEqual([]);
    expect((await decide(t.app, cookies, id, "undo")).headers.location).toBe("/admin/moderation?done=stale");
  });

  it("decides an item once: a second press, or an unknown item, changes nothing", async () => {
    const { email } = await signWithComment(t, { slug, comment: "Pressed twice" });
    const id = await itemIdOf(t.deps.db, email);
    expect((await decide(t.app, cookies, id, "approve")).headers.location).toContain("done=approved");
    const again = await decide(t.app, cookies, id, "reject", { reason: "abusive" });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe("/admin/moderation?done=stale");
    expect((await itemOf(t.deps.db, email))?.status).toBe("approved");
    expect(await auditOf(t, "moderation.reject", id)).toEqual([]);
    expect((await decide(t.app, cookies, 999_999, "approve")).headers.location).toBe("/admin/moderation?done=stale");

    const raced = await signWithComment(t, { slug, comment: "Two moderators at once" });
    const racedId = await itemIdOf(t.deps.db, raced.email);
    const answers = await Promise.all([
      decide(t.app, cookies, racedId, "approve"),
      decide(t.app, cookies, racedId, "reject", { reason: "advertising" }),
    ]);
    expect(answers.map((a) => a.headers.location).filter((l) => String(l).endsWith("done=stale"))).toHaveLength(1);
    const decisions = [
      ...(await auditOf(t, "moderation.approve", racedId)),
      ...(await auditOf(t, "moderation.reject", racedId)),
    ];
    expect(decisions).toHaveLength(1);
    expect((await decide(t.app, cookies, 0, "approve")).statusCode).toBe(404);
    const bad = await t.app.inject({
      method: "GET",
      url: "/admin/moderation?kind=nonsense&done=%3Cx%3E",
      headers: { cookie: `${STAFF_COOKIE}=${cookies[STAFF_COOKIE]}` },
    });
    expect(bad.statusCode).toBe(200);
  });
});
