import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { MAIL_KINDS } from "../../../src/jobs/handlers.ts";
import { sendDueMail } from "../../../src/modules/mail/outbox-sender.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.ts";
import { auditOf, type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { newEmail, SLUG, sign, signer } from "../petitions/petition-helpers.ts";

const HOUR = 60 * 60 * 1000;

describeEachDatabase("the email delivery page in the admin", (db) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let campaigner: Cookies;
  let moderator: Cookies;
  /** The clock the sender is run with: it moves on by hours, so retries are due at once. */
  let clock = Date.now();
  const pass = () => {
    clock += 2 * HOUR;
    return sendDueMail(t.deps, MAIL_KINDS, { now: new Date(clock) });
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off", SMTP_URL: smtp.url });
    campaigner = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "campaigner")) };
    moderator = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "moderator")) };
  });
  afterAll(async () => {
    await t.app.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.refuseWith(null);
  });

  /** Signs with a new address while the mail server refuses it, until the outbox gives up. */
  async function failedConfirmation() {
    const email = newEmail();
    smtp.refuseWith(550);
    expect((await sign(t.app, SLUG, signer({ email }))).statusCode).toBe(303);
    for (let i = 0; i < 10; i++) await pass();
    smtp.refuseWith(null);
    const row = await t.deps.db
      .selectFrom("mail_outbox")
      .innerJoin("supporters", "supporters.id", "mail_outbox.supporter_id")
      .selectAll("mail_outbox")
      .where("supporters.email", "=", email)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: "failed", attempts: 10 });
    return { email, row };
  }

  const stateOf = async (id: number) =>
    (await t.deps.db.selectFrom("mail_outbox").select("state").where("id", "=", id).executeTakeFirstOrThrow()).state;

  it("shows the counts by state and each failed message, masked, with no content", async () => {
    const { email, row } = await failedConfirmation();
    const page = await get(t.app, "/admin/mail", campaigner);
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.body).toContain("<h1>Email delivery</h1>");
    expect(page.body).toMatch(/<th scope="row">Failed<\/th>\s*<td>[1-9]/);
    expect(page.body).toContain(`<td dir="ltr">a•••@example.org</td>`);
    expect(page.body).toContain("Please confirm your signature:");
    expect(page.body).toContain("550");
    expect(page.body).toContain(`action="/admin/mail/${row.id}/retry"`);
    expect(page.body).not.toContain(email);
    expect(page.body).not.toContain(email.split("@")[0]);
    expect(page.body).not.toContain("token=");
  });

  it("sends a failed message again when a campaigner presses Retry, and records who did", async () => {
    const { email, row } = await failedConfirmation();
    const res = await post(t.app, "/admin/mail", `/admin/mail/${row.id}/retry`, {}, campaigner);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/mail?retried=1");
    expect((await get(t.app, "/admin/mail?retried=1", campaigner)).body).toContain(
      "1 message is queued to be sent again.",
    );
    const [audit] = await auditOf(t, "mail.retry", row.id);
    expect(audit).toMatchObject({ entity: "mail_outbox" });
    expect(JSON.parse(audit?.before ?? "{}")).toEqual({ state: "failed", attempts: 10 });
    expect(JSON.parse(audit?.after ?? "{}")).toEqual({ state: "queued", max_attempts: 13 });

    expect(await pass()).toBeGreaterThanOrEqual(1);
    expect(smtp.received.map((m) => m.rcptTo)).toEqual([[email]]);
    expect(await stateOf(row.id)).toBe("sent");

    // Pressing it again (an old page) changes nothing and says so.
    const again = await post(t.app, "/admin/mail", `/admin/mail/${row.id}/retry`, {}, campaigner);
    expect(again.headers.location).toBe("/admin/mail?retried=0");
    expect(await auditOf(t, "mail.retry", row.id)).toHaveLength(1);
  });

  it("retries every failed message at once", async () => {
    const first = await failedConfirmation();
    const second = await failedConfirmation();
    const res = await post(t.app, "/admin/mail", "/admin/mail/retry-all", {}, campaigner);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/mail\?retried=[2-9]\d*$/);
    const audits = await t.deps.db.selectFrom("audit_log").selectAll().where("action", "=", "mail.retry-all").execute();
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]?.after ?? "{}").ids).toEqual(expect.arrayContaining([first.row.id, second.row.id]));
    await pass();
    expect(smtp.received.flatMap((m) => m.rcptTo)).toEqual(expect.arrayContaining([first.email, second.email]));
    expect(await stateOf(first.row.id)).toBe("sent");
    expect(await stateOf(second.row.id)).toBe("sent");
  });

  it("lets an admin in too", async () => {
    const admin = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "admin")) };
    const page = await get(t.app, "/admin/mail", admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<h1>Email delivery</h1>");
  });

  it("refuses a moderator, and offers them no link", async () => {
    const { row } = await failedConfirmation();
    expect((await get(t.app, "/admin/mail", moderator)).statusCode).toBe(403);
    const dashboard = await get(t.app, "/admin", moderator);
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).not.toContain('href="/admin/mail"');
    expect((await get(t.app, "/admin", campaigner)).body).toContain('href="/admin/mail"');
    const res = await post(t.app, "/admin", `/admin/mail/${row.id}/retry`, {}, moderator);
    expect(res.statusCode).toBe(403);
    expect(await stateOf(row.id)).toBe("failed");
  });

  it("sends someone not signed in to the sign-in page, and changes nothing", async () => {
    const { row } = await failedConfirmation();
    const page = await get(t.app, "/admin/mail");
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/admin/login");
    const res = await post(t.app, "/admin/login", `/admin/mail/${row.id}/retry`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/login");
    expect(await stateOf(row.id)).toBe("failed");
  });

  it("refuses a retry posted without the CSRF token", async () => {
    const { row } = await failedConfirmation();
    const res = await post(t.app, "/admin/mail", `/admin/mail/${row.id}/retry`, {}, campaigner, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(await stateOf(row.id)).toBe("failed");
    expect(await auditOf(t, "mail.retry", row.id)).toEqual([]);
  });

  it("answers 404 for a message id that is not a number", async () => {
    const res = await post(t.app, "/admin/mail", "/admin/mail/abc/retry", {}, campaigner);
    expect(res.statusCode).toBe(404);
  });
});
