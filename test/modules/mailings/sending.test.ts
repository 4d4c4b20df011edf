import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Deps } from "../../../src/deps.ts";
import { MAIL_KINDS } from "../../../src/jobs/handlers.ts";
import { unsubscribe } from "../../../src/modules/community/unsubscribe.service.ts";
import { eraseSupporter, exportSupporterData } from "../../../src/modules/community/your-data.service.ts";
import { sendDueMail } from "../../../src/modules/mail/outbox-sender.ts";
import { progressOf } from "../../../src/modules/mailings/mailings.repo.ts";
import { pauseMailing, resumeMailing, sendMailing } from "../../../src/modules/mailings/mailings.service.ts";
import { forgetStaleLists, releaseMailings } from "../../../src/modules/mailings/sending.ts";
import { hasCurrentConsent, withdrawConsents } from "../../../src/modules/supporters/consents.repo.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.ts";
import { makeCampaignerRow, makeMailing, makePerson, testDeps } from "./mailing-helpers.ts";

const SECOND = 1000;
const RATE = 60; // one message a second: easy to count in a test

describeEachDatabase("sending a mailing", (db) => {
  let smtp: SmtpCapture;
  let assembled: ReturnType<typeof testDeps>;
  let deps: Deps;
  let staff: number;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    assembled = testDeps(db().handle, { SMTP_URL: smtp.url, MAILING_RATE_PER_MINUTE: String(RATE) });
    deps = assembled.deps;
    staff = await makeCampaignerRow(deps.db);
  });
  afterAll(async () => {
    await assembled.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const to = (email: string) => smtp.received.filter((m) => m.rcptTo.includes(email));
  const send = (now: Date) => sendDueMail(deps, MAIL_KINDS, { now });

  it("goes once to each person on the list fixed at the start, with their own unsubscribe link", async () => {
    const c = "LU";
    const people = [await makePerson(deps.db, { country: c }), await makePerson(deps.db, { country: c })];
    const id = await makeMailing(deps.db, { audience: { countries: [c] }, body: "Dear friend,\n\n**Thank you.**" });
    const start = new Date();
    expect(await sendMailing(deps, staff, id, { at: "now" }, start)).toBeNull();
    const late = await makePerson(deps.db, { country: c });
    await send(new Date(start.getTime() + 5 * SECOND));
    await releaseMailings(deps, new Date(start.getTime() + 40 * SECOND));
    await send(new Date(start.getTime() + 60 * SECOND));

    for (const p of people) {
      const copies = to(p.email);
      expect(copies).toHaveLength(1);
      const copy = copies[0];
      expect(copy?.headers.get("subject")).toBe("News from the campaign");
      expect(copy?.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      const link = /<([^>]+)>/.exec(copy?.headers.get("list-unsubscribe") ?? "")?.[1] ?? "";
      expect(link).toMatch(/\/unsubscribe\?u=\d+\./);
      expect(copy?.raw).toContain("**Thank you.**");
      expect(copy?.raw).toContain("<strong>");
    }
    expect(to(late.email)).toHaveLength(0);
    const progress = await progressOf(deps.db, id);
    expect(progress).toMatchObject({ sent: 2, failed: 0, skipped: 0, waiting: 0, total: 2 });
    await releaseMailings(deps, new Date(start.getTime() + 90 * SECOND));
    const mailing = await deps.db
      .selectFrom("mailings")
      .select(["state", "recipients"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(mailing).toEqual({ state: "sent", recipients: 2 });

    // The link in the email unsubscribes its recipient, and nobody else.
    const [first, second] = people;
    const token = new URL(
      /<([^>]+)>/.exec(to(first?.email ?? "")[0]?.headers.get("list-unsubscribe") ?? "")?.[1] ?? "",
    ).searchParams.get("u");
    expect(await unsubscribe(deps, token, "one-click")).toBe(true);
    expect(await hasCurrentConsent(deps.db, first?.id ?? 0, "email-updates")).toBe(false);
    expect(await hasCurrentConsent(deps.db, second?.id ?? 0, "email-updates")).toBe(true);
  });

  it("skips at sending time whoever withdrew consent or was erased after the list was fixed", async () => {
    const c = "MT";
    const stays = await makePerson(deps.db, { country: c });
    const withdraws = await makePerson(deps.db, { country: c });
    const erased = await makePerson(deps.db, { country: c });
    const id = await makeMailing(deps.db, { audience: { countries: [c] } });
    const start = new Date();
    await sendMailing(deps, staff, id, { at: "now" }, start);
    await withdrawConsents(deps.db, withdraws.id, "email-updates", "one-click");
    await eraseSupporter(deps, erased.id);
    await send(new Date(start.getTime() + 10 * SECOND));
    expect(to(stays.email)).toHaveLength(1);
    expect(to(withdraws.email)).toHaveLength(0);
    expect(smtp.received.filter((m) => m.headers.get("subject") === "News from the campaign")).toHaveLength(1);
    expect(await progressOf(deps.db, id)).toMatchObject({ sent: 1, skipped: 1, waiting: 0, total: 2 });
  });

  it("hands the outbox no more than the rate allows, each message at its own time", async () => {
    const c = "LI";
    for (let i = 0; i < 100; i++) await makePerson(deps.db, { country: c });
    const id = await makeMailing(deps.db, { audience: { countries: [c] } });
    const start = new Date();
    await sendMailing(deps, staff, id, { at: "now" }, start);
    const queued = () =>
      deps.db.selectFrom("mail_outbox").select("next_attempt_at").where("mailing_id", "=", id).orderBy("id").execute();
    expect(await queued()).toHaveLength(RATE);
    // Running again at once adds nothing: the next minute is already handed over.
    expect(await releaseMailings(deps, start)).toBe(0);
    const times = (await queued()).map((r) => Date.parse(r.next_attempt_at));
    const gaps = times.slice(1).map((time, i) => time - (times[i] ?? 0));
    expect(new Set(gaps)).toEqual(new Set([SECOND]));

    // Ten seconds on, ten of them are due and sent; the rest wait for their time.
    expect(await send(new Date(start.getTime() + 9.5 * SECOND))).toBe(10);
    expect((await progressOf(deps.db, id)).sent).toBe(10);
    // Half a minute on, half a minute more is handed over.
    expect(await releaseMailings(deps, new Date(start.getTime() + 30 * SECOND))).toBe(30);
    // Long after an outage, still no more than a minute's worth at once.
    expect(await releaseMailings(deps, new Date(start.getTime() + 3600 * SECOND))).toBe(10);
    expect((await progressOf(deps.db, id)).total).toBe(100);
  });

  it("pauses (nothing more goes) and resumes where it stopped, each person once", async () => {
    const c = "MC";
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await makePerson(deps.db, { country: c }));
    const id = await makeMailing(deps.db, { audience: { countries: [c] } });
    const start = new Date();
    await sendMailing(deps, staff, id, { at: "now" }, start);
    await send(new Date(start.getTime() + 1.5 * SECOND));
    expect(people.filter((p) => to(p.email).length > 0)).toHaveLength(2);

    expect(await pauseMailing(deps, staff, id, new Date(start.getTime() + 2 * SECOND))).toBe(true);
    expect(await progressOf(deps.db, id)).toMatchObject({ sent: 2, waiting: 3 });
    await releaseMailings(deps, new Date(start.getTime() + 60 * SECOND));
    await send(new Date(start.getTime() + 120 * SECOND));
    expect(people.filter((p) => to(p.email).length > 0)).toHaveLength(2);

    const later = new Date(start.getTime() + 300 * SECOND);
    expect(await resumeMailing(deps, staff, id, later)).toBe(true);
    await send(new Date(later.getTime() + 10 * SECOND));
    for (const p of people) expect(to(p.email)).toHaveLength(1);
    expect(await progressOf(deps.db, id)).toMatchObject({ sent: 5, waiting: 0 });
  });

  it("forgets the rest of the list of a mailing left paused longer than the mail retention", async () => {
    const c = "VA";
    for (let i = 0; i < 3; i++) await makePerson(deps.db, { country: c });
    const id = await makeMailing(deps.db, { audience: { countries: [c] } });
    const start = new Date();
    await sendMailing(deps, staff, id, { at: "now" }, start);
    await pauseMailing(deps, staff, id, start);
    expect((await progressOf(deps.db, id)).waiting).toBe(3);
    const days = deps.config.retention.mailDays;
    expect(await forgetStaleLists(deps, new Date(start.getTime() + (days - 1) * 86_400_000))).toBe(0);
    await deps.db
      .updateTable("mailings")
      .set({ updated_at: new Date(start.getTime() - (days + 1) * 86_400_000).toISOString() })
      .where("id", "=", id)
      .execute();
    expect(await forgetStaleLists(deps, start)).toBe(3);
    expect((await progressOf(deps.db, id)).waiting).toBe(0);
  });

  it("starts a scheduled mailing at its time, not before", async () => {
    const c = "SM";
    const person = await makePerson(deps.db, { country: c });
    const id = await makeMailing(deps.db, { audience: { countries: [c] } });
    const now = new Date();
    const at = new Date(now.getTime() + 3600 * SECOND);
    const sendAt = at.toISOString().slice(0, 16);
    expect(await sendMailing(deps, staff, id, { at: "later", sendAt }, now)).toBeNull();
    expect(await sendMailing(deps, staff, id, { at: "later", sendAt }, now)).toBe("stale");
    expect(await sendMailing(deps, staff, id, { at: "later", sendAt: "2020-01-01T10:00" }, now)).toBe("send-at-past");
    await releaseMailings(deps, new Date(now.getTime() + 60 * SECOND));
    await send(new Date(now.getTime() + 120 * SECOND));
    expect(to(person.email)).toHaveLength(0);
    await releaseMailings(deps, new Date(at.getTime() + 60 * SECOND));
    await send(new Date(at.getTime() + 120 * SECOND));
    expect(to(person.email)).toHaveLength(1);
  });

  it("is listed in the recipient's data export, and goes with their erasure", async () => {
    const c = "AD";
    const person = await makePerson(deps.db, { country: c });
    const id = await makeMailing(deps.db, { audience: { countries: [c] }, subject: "A mailing to export" });
    const start = new Date();
    await sendMailing(deps, staff, id, { at: "now" }, start);
    await pauseMailing(deps, staff, id, start);
    const waiting = await exportSupporterData(deps, person.id);
    expect(waiting?.mailings_waiting).toEqual([
      expect.objectContaining({ subject: "A mailing to export", state: "paused" }),
    ]);
    await resumeMailing(deps, staff, id, start);
    await send(new Date(start.getTime() + 5 * SECOND));
    const data = await exportSupporterData(deps, person.id);
    expect(data?.mailings_waiting).toEqual([]);
    expect(data?.emails_sent).toContainEqual(
      expect.objectContaining({ kind: "mailing", subject: "A mailing to export" }),
    );
    await eraseSupporter(deps, person.id);
    const left = await deps.db.selectFrom("mail_outbox").select("id").where("supporter_id", "=", person.id).execute();
    expect(left).toHaveLength(0);
  });
});
