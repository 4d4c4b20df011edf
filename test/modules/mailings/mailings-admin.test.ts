import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { MAIL_KINDS } from "../../../src/jobs/handlers.ts";
import { sendDueMail } from "../../../src/modules/mail/outbox-sender.ts";
import { signMailEvents } from "../../../src/modules/mail/suppression.service.ts";
import { isSuppressed } from "../../../src/modules/mail/suppressions.repo.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.ts";
import { type Cookies, get, makeStaff, post, STAFF_COOKIE, type Staff, signIn } from "../admin/admin-helpers.ts";
import { freshEmail, makePerson } from "./mailing-helpers.ts";

const SECRET = "a-shared-secret-for-mail-events";

describeEachDatabase("the mailings area", (db) => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let campaigner: Staff;
  let cookie: Cookies;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off", SMTP_URL: smtp.url, MAIL_EVENTS_SECRET: SECRET });
    campaigner = await makeStaff(t, "campaigner");
    cookie = { [STAFF_COOKIE]: await signIn(t, campaigner) };
  });
  afterAll(async () => {
    await t.app.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const auditActions = async () =>
    (await t.deps.db.selectFrom("audit_log").select("action").where("entity", "like", "mail%").execute()).map(
      (r) => r.action,
    );

  /** Writes a mailing through the form; its page's address. */
  async function write(fields: Record<string, string>) {
    const res = await post(t.app, "/admin/mailings/new", "/admin/mailings", fields, cookie);
    expect(res.statusCode).toBe(303);
    return (res.headers.location as string).replace(/\?.*$/, "");
  }

  it("shows how many a draft will reach, and counts again when the audience changes", async () => {
    await makePerson(t.deps.db, { country: "TV" });
    await makePerson(t.deps.db, { country: "TV", locale: "ar" });
    await makePerson(t.deps.db, { country: "TV", consent: "withdrawn" });
    const page = await write({ subject: "Hello Tuvalu", body: "Hi *all*", locale: "en", country: "TV" });
    const shown = await get(t.app, page, cookie);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain("It would reach 2 people right now.");
    const saved = await post(
      t.app,
      page,
      page,
      { subject: "Hello Tuvalu", body: "Hi", locale: "en", country: "TV", language: "ar" },
      cookie,
    );
    expect(saved.statusCode).toBe(303);
    expect((await get(t.app, page, cookie)).body).toContain("It would reach 1 person right now.");
    expect(await auditActions()).toEqual(expect.arrayContaining(["mailing.create", "mailing.update"]));
  });

  it("refuses a mailing without subject or body, keeping what was typed and changing nothing", async () => {
    const before = (await t.deps.db.selectFrom("mailings").select("id").execute()).length;
    const res = await post(
      t.app,
      "/admin/mailings/new",
      "/admin/mailings",
      { subject: "", body: "kept words", locale: "en" },
      cookie,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Enter a subject");
    expect(res.body).toContain("kept words");
    expect((await t.deps.db.selectFrom("mailings").select("id").execute()).length).toBe(before);
  });

  it("previews a mailing as its recipients see it, in its language and direction, as HTML and text", async () => {
    const page = await write({ subject: "مرحبا", body: "شكرًا **لكم**", locale: "ar" });
    const preview = await get(t.app, `${page}/preview`, cookie);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('lang="ar" dir="rtl"');
    expect(preview.body).toContain("<strong>لكم</strong>");
    expect(preview.body).toContain("شكرًا **لكم**");
    const html = await get(t.app, `${page}/preview.html`, cookie);
    expect(html.headers["content-security-policy"]).toContain("sandbox");
    expect(html.body).toContain('dir="rtl"');
    expect(html.body).toContain("<strong>لكم</strong>");
  });

  it("sends a test to the campaigner's own address only", async () => {
    const page = await write({ subject: "Testing", body: "A test body", locale: "en" });
    const res = await post(t.app, page, `${page}/test`, {}, cookie);
    expect(res.statusCode).toBe(303);
    await sendDueMail(t.deps, MAIL_KINDS);
    expect(smtp.received.flatMap((m) => m.rcptTo)).toEqual([campaigner.email]);
    expect(smtp.received[0]?.headers.get("subject")).toBe("[Test] Testing");
    expect(await auditActions()).toContain("mailing.test");
  });

  it("puts an address on the suppression list from the admin, and no email goes to it after", async () => {
    const person = await makePerson(t.deps.db, { country: "NR" });
    const res = await post(
      t.app,
      "/admin/mailings/suppressions",
      "/admin/mailings/suppressions",
      { email: person.email.toUpperCase(), reason: "bounce" },
      cookie,
    );
    expect(res.statusCode).toBe(303);
    expect(await isSuppressed(t.deps.db, t.deps.config.secretKey, person.email)).toBe(true);
    const stored = await t.deps.db.selectFrom("mail_suppressions").selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(person.email.split("@")[0]);
    const page = await write({ subject: "To Nauru", body: "Hello", locale: "en", country: "NR" });
    await post(t.app, page, `${page}/send`, { when: "now" }, cookie);
    await sendDueMail(t.deps, MAIL_KINDS, { now: new Date(Date.now() + 60_000) });
    expect(smtp.received.filter((m) => m.rcptTo.includes(person.email))).toHaveLength(0);
    expect(await auditActions()).toEqual(expect.arrayContaining(["mail.suppress", "mailing.send"]));

    const bad = await post(
      t.app,
      "/admin/mailings/suppressions",
      "/admin/mailings/suppressions",
      { email: "not an address", reason: "bounce" },
      cookie,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter an email address");
  });

  const webhook = (body: string, signature: string) =>
    t.app.inject({
      method: "POST",
      url: "/webhooks/mail-events",
      headers: { "content-type": "application/json", "x-mail-events-signature": signature },
      payload: body,
    });

  it("takes bounces and complaints from the provider's signed webhook, and refuses a bad signature", async () => {
    const bounced = freshEmail("bounced");
    const body = JSON.stringify({ type: "bounce", email: bounced, at: new Date().toISOString() });
    const forged = await webhook(body, signMailEvents("not-the-secret-at-all", body));
    expect(forged.statusCode).toBe(401);
    expect(await isSuppressed(t.deps.db, t.deps.config.secretKey, bounced)).toBe(false);
    const unsigned = await webhook(body, "");
    expect(unsigned.statusCode).toBe(401);

    const good = await webhook(body, signMailEvents(SECRET, body));
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ suppressed: 1 });
    expect(await isSuppressed(t.deps.db, t.deps.config.secretKey, bounced)).toBe(true);

    const complaint = JSON.stringify([
      { type: "complaint", email: freshEmail("complains") },
      { type: "open", email: bounced },
    ]);
    const odd = await webhook(complaint, signMailEvents(SECRET, complaint));
    expect(odd.statusCode).toBe(400);
  });

  it("skips transactional email to a suppressed address too", async () => {
    const person = await makePerson(t.deps.db, { country: "KI" });
    const body = JSON.stringify({ type: "bounce", email: person.email });
    expect((await webhook(body, signMailEvents(SECRET, body))).statusCode).toBe(200);
    await t.deps.db
      .insertInto("mail_outbox")
      .values({
        kind: "welcome",
        idempotency_key: `welcome-test:${person.id}`,
        params: JSON.stringify({ supporterId: person.id }),
        supporter_id: person.id,
        message_id: `m-${person.id}-${Date.now()}`,
        state: "queued",
        max_attempts: 10,
        next_attempt_at: new Date().toISOString(),
        locked_until: null,
        recipient_masked: null,
        subject: null,
        last_error: null,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        sent_at: null,
      })
      .execute();
    await sendDueMail(t.deps, MAIL_KINDS);
    expect(smtp.received.filter((m) => m.rcptTo.includes(person.email))).toHaveLength(0);
    const row = await t.deps.db
      .selectFrom("mail_outbox")
      .select("state")
      .where("idempotency_key", "=", `welcome-test:${person.id}`)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe("cancelled");
  });

  it("lets a moderator in nowhere in the mailings area", async () => {
    const moderator = await makeStaff(t, "moderator");
    const theirs = { [STAFF_COOKIE]: await signIn(t, moderator) };
    expect((await get(t.app, "/admin/mailings", theirs)).statusCode).toBe(403);
    expect((await get(t.app, "/admin/mailings/suppressions", theirs)).statusCode).toBe(403);
  });
});
