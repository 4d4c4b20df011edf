import { afterAll, beforeAll, expect, it } from "vitest";
import { applyRetention } from "../../../src/modules/community/retention.ts";
import { eraseSupporter, exportSupporterData } from "../../../src/modules/community/your-data.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { makeStaff, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { bearer, makeApiKey } from "../api/api-helpers.ts";
import { addCampaign, uniqueSlug } from "../petitions/petition-helpers.ts";
import { campaignPage, decide, itemIdOf, itemOf, queuePage, signWithComment } from "./moderation-helpers.ts";

const supporterIdOf = async (t: TestApp, email: string) =>
  (await t.deps.db.selectFrom("supporters").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

describeEachDatabase("signers' comments and their privacy", (db) => {
  let t: TestApp;
  let cookies: Record<string, string>;
  let slug: string;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    cookies = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "moderator")) };
    slug = uniqueSlug("comment-privacy");
    await addCampaign(t.deps.db, slug);
  });
  afterAll(async () => t.app.close());

  it("puts a signer's comments, their consent and the moderators' decisions in their export", async () => {
    const { email } = await signWithComment(t, { slug, comment: "Export me with the outcome" });
    await decide(t.app, cookies, await itemIdOf(t.deps.db, email), "reject", { reason: "off-topic", note: "Sorry" });
    const data = await exportSupporterData(t.deps, await supporterIdOf(t, email));
    expect(data?.signatures).toEqual([
      expect.objectContaining({ petition: slug, comment: "Export me with the outcome", comment_public: true }),
    ]);
    expect(data?.moderation).toEqual([
      {
        kind: "comment",
        status: "rejected",
        reason: "off-topic",
        note: "Sorry",
        submitted_at: expect.any(String),
        decided_at: expect.any(String),
      },
    ]);
    expect(data?.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: "publish-comment", wording_version: "comment-public-1" }),
      ]),
    );
  });

  it("erases a supporter's comments and their place in the queue, and the page stops showing them", async () => {
    const approved = await signWithComment(t, { slug, comment: "Erase my approved words" });
    await decide(t.app, cookies, await itemIdOf(t.deps.db, approved.email), "approve");
    const waiting = await signWithComment(t, { slug, comment: "Erase my waiting words" });
    expect((await campaignPage(t.app, slug)).body).toContain("Erase my approved words");

    for (const { email } of [approved, waiting]) {
      const id = await supporterIdOf(t, email);
      expect(await eraseSupporter(t.deps, id)).toBe(true);
      const left = await t.deps.db
        .selectFrom("signatures")
        .select(["comment", "comment_public"])
        .where("supporter_id", "=", id)
        .execute();
      expect(left).toEqual([{ comment: null, comment_public: 0 }]);
      expect(
        await t.deps.db.selectFrom("moderation_items").select("id").where("supporter_id", "=", id).execute(),
      ).toEqual([]);
    }
    expect((await campaignPage(t.app, slug)).body).not.toContain("Erase my approved words");
    const queue = (await queuePage(t.app, cookies)).body;
    expect(queue).not.toContain("Erase my waiting words");
    expect(queue).not.toContain("Erase my approved words");
  });

  it("queues a comment sent through the partner API only with its comment_public consent", async () => {
    const viaApi = (address: string, consent: boolean) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/petitions/${slug}/signatures`,
        headers: bearer(writeKey),
        payload: {
          person: {
            given_name: "Sara",
            family_name: "Ahmadi",
            email_addresses: [{ address }],
            postal_addresses: [{ country: "SE" }],
          },
          comments: "Sent by a partner",
          ...(consent ? { comment_public: true } : {}),
        },
      });
    const writeKey = await makeApiKey(t.deps.db, ["write"]);
    const agreed = `sara.${Math.random().toString(36).slice(2)}@example.org`;
    const silent = `sara.${Math.random().toString(36).slice(2)}@example.org`;
    expect((await viaApi(agreed, true)).statusCode).toBe(202);
    expect((await viaApi(silent, false)).statusCode).toBe(202);
    expect((await itemOf(t.deps.db, agreed))?.status).toBe("waiting");
    expect(await itemOf(t.deps.db, silent)).toBeUndefined();
  });

  it("drops from the queue the comments retention blanks when a petition's signers are forgotten", async () => {
    const closed = uniqueSlug("closed-long-ago");
    const campaignId = await addCampaign(t.deps.db, closed);
    const { email } = await signWithComment(t, { slug: closed, comment: "Forgotten with the petition" });
    await t.deps.db
      .updateTable("campaigns")
      .set({ status: "closed", closed_at: "2020-01-01T00:00:00.000Z" })
      .where("id", "=", campaignId)
      .execute();
    expect(await itemOf(t.deps.db, email)).toBeDefined();
    const result = await applyRetention(t.deps);
    expect(result.orphanedSubmissions).toBe(1);
    expect(await itemOf(t.deps.db, email)).toBeUndefined();
  });
});
