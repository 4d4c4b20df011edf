import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_TOPICS } from "../../../src/modules/content/demo/topics.ts";
import { i18nFor } from "../../../src/modules/i18n/i18n.ts";
import { buildTestApp, postForm, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { mailTo, newEmail, runJobs, SLUG } from "../petitions/petition-helpers.ts";
import {
  findSupporter,
  JOIN_UPDATES_WORDING,
  join,
  joiner,
  joinTokenIn,
  pressJoinConfirm,
  submit,
  WELCOME_SUBJECT,
  welcomeMailsTo,
} from "./community-helpers.ts";

describeEachDatabase("joining the community", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  const topicsOf = async (supporterId: number) =>
    (
      await t.deps.db
        .selectFrom("supporter_topics")
        .innerJoin("topics", "topics.id", "supporter_topics.topic_id")
        .select("topics.slug")
        .where("supporter_id", "=", supporterId)
        .orderBy("topics.slug")
        .execute()
    ).map((r) => r.slug);

  it("shows a form with name, email, country, language, the site's topics and an unticked updates box", async () => {
    const page = await t.app.inject("/join");
    expect(page.statusCode).toBe(200);
    for (const field of ["name", "email", "country"])
      expect(page.body).toMatch(new RegExp(`<(input|select)[^>]*name="${field}"`));
    const languages = /<select[^>]*name="language"[^>]*>([\s\S]*?)<\/select>/.exec(page.body)?.[1] ?? "";
    expect([...languages.matchAll(/value="([a-z]+)"/g)].map((m) => m[1])).toEqual(["en", "nb", "fr", "es", "ar", "fa"]);
    for (const topic of DEMO_TOPICS) {
      expect(page.body).toContain(`name="topics" value="${topic.slug}"`);
      const label = new RegExp(`<label for="topic-${topic.slug}">([^<]*)</label>`).exec(page.body)?.[1];
      expect(label?.replace(/&#39;|&apos;/g, "'")).toBe(topic.names.en);
    }
    const updates = /<input[^>]*name="updates"[^>]*>/.exec(page.body)?.[0];
    expect(updates).toContain('type="checkbox"');
    expect(updates).not.toContain("checked");
    expect(page.body).toContain(JOIN_UPDATES_WORDING);
  });

  it("asks to check the email, and changes nothing about a known supporter until they confirm", async () => {
    const email = newEmail();
    await postForm(t.app, `/nb/campaigns/${SLUG}`, `/nb/campaigns/${SLUG}/signatures`, {
      name: "Amina Rahimi",
      email,
      country: "NO",
    });
    const before = await findSupporter(t.deps.db, email);
    expect(before).toMatchObject({ name: "Amina Rahimi", country: "NO", locale: "nb", member_since: null });

    const fields = joiner({ email, name: "Amina R. Noor", country: "SE", topics: ["safe-routes", "local-welcome"] });
    const res = await join(t.app, { ...fields, updates: "yes" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/join/check-email");
    const page = await t.app.inject("/join/check-email");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Check your email");

    expect(await findSupporter(t.deps.db, email)).toEqual(before);
    expect(await topicsOf(before.id)).toEqual([]);
    const consents = await t.deps.db.selectFrom("consents").selectAll().where("supporter_id", "=", before.id).execute();
    expect(consents.map((c) => c.confirmed_at)).toEqual([null]);

    await runJobs(t.deps);
    const token = joinTokenIn((await mailTo(t.deps.db, email)).at(-1));

    // Opening the link (as a mail scanner does) shows a button and changes nothing.
    for (let i = 0; i < 2; i++) {
      const opened = await t.app.inject(`/join/confirm?token=${token}`);
      expect(opened.statusCode).toBe(200);
      expect(opened.body).toContain(`name="token" value="${token}"`);
      expect(opened.body).toContain("Yes, I want to join</button>");
    }
    expect(await findSupporter(t.deps.db, email)).toEqual(before);
    const [waiting] = await t.deps.db
      .selectFrom("join_requests")
      .selectAll()
      .where("supporter_id", "=", before.id)
      .execute();
    expect(waiting?.confirmed_at).toBeNull();
    const tokens = await t.deps.db
      .selectFrom("tokens")
      .select("used_at")
      .where("purpose", "=", "confirm-join")
      .where("subject_id", "=", waiting?.id ?? 0)
      .execute();
    expect(tokens.map((row) => row.used_at)).toEqual([null]);

    const confirmed = await pressJoinConfirm(t.app, token);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe("/join/welcome");
    expect((await t.app.inject("/join/welcome")).body).toContain("Welcome to the community");

    const after = await findSupporter(t.deps.db, email);
    expect(after).toMatchObject({ id: before.id, name: "Amina R. Noor", country: "SE", locale: "en" });
    expect(after.member_since).not.toBeNull();
    expect(await topicsOf(after.id)).toEqual(["local-welcome", "safe-routes"]);
    const [request] = await t.deps.db
      .selectFrom("join_requests")
      .selectAll()
      .where("supporter_id", "=", after.id)
      .execute();
    const [consent] = await t.deps.db.selectFrom("consents").selectAll().where("supporter_id", "=", after.id).execute();
    expect(consent).toMatchObject({
      purpose: "email-updates",
      wording: JOIN_UPDATES_WORDING,
      wording_version: "join-updates-1",
      locale: "en",
      source: `join:${request?.id}`,
      method: "form-checkbox",
      withdrawn_at: null,
    });
    expect(consent?.confirmed_at).not.toBeNull();
    expect(request?.confirmed_at).not.toBeNull();
  });

  it("sends one welcome email with a one-click unsubscribe link and its RFC 8058 headers", async () => {
    const email = newEmail();
    await join(t.app, joiner({ email, updates: "yes" }));
    await runJobs(t.deps);
    const token = joinTokenIn((await mailTo(t.deps.db, email)).at(-1));
    await pressJoinConfirm(t.app, token);
    await runJobs(t.deps);

    const [welcome, ...more] = await welcomeMailsTo(t.deps.db, email);
    expect(more).toEqual([]);
    expect(welcome?.subject).toBe(WELCOME_SUBJECT);
    const headers = JSON.parse(welcome?.headers ?? "{}") as Record<string, string>;
    const link = /^<(http:\/\/localhost:3000\/unsubscribe\?u=\d+\.[\w-]{22})>$/.exec(
      headers["List-Unsubscribe"] ?? "",
    )?.[1];
    expect(link).toBeDefined();
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(welcome?.text).toContain(link);
    const supporter = await findSupporter(t.deps.db, email);
    expect(link).toContain(`?u=${supporter.id}.`);

    // Pressing the button again, or joining again and confirming, sends no second welcome.
    expect((await pressJoinConfirm(t.app, token)).headers.location).toBe("/join/welcome");
    await t.deps.db
      .updateTable("mail_outbox")
      .set({ idempotency_key: `an-hour-ago:${supporter.id}` })
      .where("idempotency_key", "like", `join:${supporter.id}:%`)
      .execute();
    await join(t.app, joiner({ email, name: "Zarmina Q.", updates: "yes" }));
    await runJobs(t.deps);
    const again = joinTokenIn((await mailTo(t.deps.db, email)).at(-1));
    expect(again).not.toBe(token);
    expect((await pressJoinConfirm(t.app, again)).headers.location).toBe("/join/welcome");
    await runJobs(t.deps);
    expect(await welcomeMailsTo(t.deps.db, email)).toHaveLength(1);
    const rejoined = await findSupporter(t.deps.db, email);
    expect(rejoined.name).toBe("Zarmina Q.");
    expect(rejoined.member_since).toBe(supporter.member_since);
  });

  it("records the words the page showed, whatever language is chosen for the emails", async () => {
    const shown = [
      { page: "/join", language: "nb", locale: "en", wording: JOIN_UPDATES_WORDING },
      { page: "/nb/join", language: "en", locale: "nb", wording: i18nFor("nb").t("join.updates.label") },
    ];
    for (const { page, language, locale, wording } of shown) {
      const email = newEmail();
      const res = await submit(t.app, page, page, joiner({ email, language, updates: "yes" }));
      expect(res.statusCode).toBe(303);
      const supporter = await findSupporter(t.deps.db, email);
      const consent = await t.deps.db
        .selectFrom("consents")
        .select(["wording", "locale"])
        .where("supporter_id", "=", supporter.id)
        .executeTakeFirst();
      expect(consent, page).toEqual({ wording, locale });
      expect(supporter.locale, "a new supporter is written to in the language chosen").toBe(language);
    }
  });

  it("writes the emails in the language chosen on the form", async () => {
    const email = newEmail();
    await join(t.app, joiner({ email, language: "nb" }));
    await runJobs(t.deps);
    const [mail] = await mailTo(t.deps.db, email);
    expect(mail?.text).toMatch(/http:\/\/localhost:3000\/nb\/join\/confirm\?token=[\w-]{43}/);
  });
});
