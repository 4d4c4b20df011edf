import { afterAll, beforeAll, expect, it } from "vitest";
import { MANAGE_COOKIE, manageCookieValue } from "../../../src/modules/community/manage-session.ts";
import { hasCurrentConsent } from "../../../src/modules/supporters/consents.repo.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { newEmail } from "../petitions/petition-helpers.ts";
import { type Fields, joinAndConfirm, joiner, signInByEmail, submit } from "./community-helpers.ts";

const ASK_FOR_LINK = "we will send you a link to change your language";

describeEachDatabase("changing one's preferences", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  /** A member who wants emails and cares about resettlement, signed in: their id and cookies. */
  async function signedInMember() {
    const email = newEmail();
    const supporter = await joinAndConfirm(
      t,
      joiner({ email, name: "Nadia Sultani", updates: "yes", topics: ["resettlement"] }),
    );
    return { supporter, email, cookies: { [MANAGE_COOKIE]: await signInByEmail(t, email) } };
  }

  const save = (cookies: Record<string, string>, fields: Fields) =>
    submit(t.app, "/preferences", "/preferences", fields, cookies);

  async function stateOf(supporterId: number) {
    const q = t.deps.db;
    return {
      supporter: await q.selectFrom("supporters").selectAll().where("id", "=", supporterId).executeTakeFirst(),
      topics: await q
        .selectFrom("supporter_topics")
        .select("topic_id")
        .where("supporter_id", "=", supporterId)
        .execute(),
      consents: await q
        .selectFrom("consents")
        .selectAll()
        .where("supporter_id", "=", supporterId)
        .orderBy("id")
        .execute(),
    };
  }

  const topicSlugs = async (supporterId: number) =>
    (
      await t.deps.db
        .selectFrom("supporter_topics")
        .innerJoin("topics", "topics.id", "supporter_topics.topic_id")
        .select("topics.slug")
        .where("supporter_id", "=", supporterId)
        .orderBy("slug")
        .execute()
    ).map((r) => r.slug);

  it("shows the signed-in supporter's own values", async () => {
    const { email, cookies } = await signedInMember();
    const page = await t.app.inject({ url: "/preferences", cookies });
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(page.body).toContain("Preferences of Nadia Sultani:");
    expect(page.body).toContain(email);
    expect(page.body).toMatch(/<option value="en" lang="en" selected/);
    expect(page.body).toMatch(/name="topics" value="resettlement" checked/);
    expect(page.body).not.toMatch(/name="topics" value="safe-routes" checked/);
    expect(page.body).toMatch(/name="emails" value="yes" checked/);
  });

  it("changes the language and comes back in it, and changes the topics", async () => {
    const { supporter, cookies } = await signedInMember();
    const res = await save(cookies, { language: "nb", topics: ["safe-routes", "refugee-rights"], emails: "yes" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/nb/preferences?saved=1");
    const after = await stateOf(supporter.id);
    expect(after.supporter?.locale).toBe("nb");
    expect(await topicSlugs(supporter.id)).toEqual(["refugee-rights", "safe-routes"]);
    expect(after.consents.map((c) => c.withdrawn_at)).toEqual([null]);
    const english = await save(cookies, { language: "en", topics: [], emails: "yes" });
    expect(english.headers.location).toBe("/preferences?saved=1");
    expect(await topicSlugs(supporter.id)).toEqual([]);
    expect((await t.app.inject({ url: english.headers.location, cookies })).body).toContain(
      "Your preferences are saved.",
    );
  });

  it("turning emails off withdraws the consent; turning them on records a confirmed one", async () => {
    const { supporter, cookies } = await signedInMember();
    await save(cookies, { language: "en", topics: ["resettlement"] });
    const [joined] = (await stateOf(supporter.id)).consents;
    expect(joined).toMatchObject({ withdrawn_method: "preferences" });
    expect(joined?.withdrawn_at).not.toBeNull();
    expect(await hasCurrentConsent(t.deps.db, supporter.id, "email-updates")).toBe(false);
    expect((await t.app.inject({ url: "/preferences", cookies })).body).not.toMatch(
      /name="emails" value="yes" checked/,
    );

    await save(cookies, { language: "en", topics: ["resettlement"], emails: "yes" });
    const consents = (await stateOf(supporter.id)).consents;
    expect(consents).toHaveLength(2);
    expect(consents[0]).toEqual(joined);
    expect(consents[1]).toMatchObject({
      purpose: "email-updates",
      wording: "Email me about campaigns and ways to help",
      wording_version: "preferences-updates-1",
      locale: "en",
      source: `preferences:${supporter.id}`,
      method: "form-checkbox",
      withdrawn_at: null,
    });
    expect(consents[1]?.confirmed_at).not.toBeNull();
    expect(await hasCurrentConsent(t.deps.db, supporter.id, "email-updates")).toBe(true);

    // The words recorded are those the page showed (English), not the language chosen.
    await save(cookies, { language: "en", topics: [] });
    await save(cookies, { language: "nb", topics: [], emails: "yes" });
    const last = (await stateOf(supporter.id)).consents.at(-1);
    expect(last).toMatchObject({ wording: "Email me about campaigns and ways to help", locale: "en" });
    await save(cookies, { language: "en", topics: [], emails: "yes" });
    expect((await stateOf(supporter.id)).consents).toHaveLength(3);

    // Saving again with emails on adds no second record.
    await save(cookies, { language: "en", topics: [], emails: "yes" });
    expect((await stateOf(supporter.id)).consents).toHaveLength(3);
  });

  it("refuses a language or topic the site does not have with a 400, changing nothing", async () => {
    const { supporter, cookies } = await signedInMember();
    const before = await stateOf(supporter.id);
    for (const fields of [{ language: "xx" }, { language: "" }, { language: "en", topics: ["not-a-topic"] }]) {
      const res = await save(cookies, { topics: [], ...fields });
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body).toContain('class="error-summary"');
    }
    expect(await stateOf(supporter.id)).toEqual(before);
  });

  it("shows the page that asks for a link to anyone without a valid cookie, and changes nothing", async () => {
    const { supporter, cookies } = await signedInMember();
    const secret = t.deps.config.secretKey;
    const real = cookies[MANAGE_COOKIE] ?? "";
    const [, expires, mac] = real.split(".");
    const other = await signedInMember();
    const forged = [
      `${supporter.id}.${expires}.${"A".repeat(43)}`,
      `${other.supporter.id}.${expires}.${mac}`,
      `${supporter.id}.${Number(expires) + 1}.${mac}`,
      await manageCookieValue(t.deps.db, secret, supporter.id, Date.now() - 2 * 60 * 60 * 1000),
      await manageCookieValue(t.deps.db, "another-secret-key-that-is-long-enough-00", supporter.id),
      "garbage",
    ];
    const before = await stateOf(supporter.id);
    for (const value of forged) {
      if (value === null) throw new Error("the supporter's row is there");
      const page = await t.app.inject({ url: "/preferences", cookies: { [MANAGE_COOKIE]: value } });
      expect(page.statusCode, value).toBe(200);
      expect(page.body, value).toContain(ASK_FOR_LINK);
      expect(page.body, value).not.toContain("Nadia Sultani");
      const posted = await save({ [MANAGE_COOKIE]: value }, { language: "fr", topics: [] });
      expect(posted.body, value).toContain(ASK_FOR_LINK);
    }
    expect(await stateOf(supporter.id)).toEqual(before);
    expect((await t.app.inject("/preferences")).body).toContain(ASK_FOR_LINK);
  });
});
