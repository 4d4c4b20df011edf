import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { asLocale, isLocale } from "../i18n/locales.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import {
  type Audience,
  audienceFromForm,
  audienceFromJson,
  audienceToJson,
  countAudience,
  EVERYONE,
} from "./audience.ts";
import { MAIL_MAILING_TEST } from "./mailing-mail.ts";
import { findMailing, type Mailing } from "./mailings.repo.ts";
import { holdMailing, releaseMailing, startMailing } from "./sending.ts";

export const MAILING_LIMITS = { subject: 200, body: 50_000 } as const;

/** The writing form as text, shown again as it was sent when something is wrong. */
export interface MailingForm {
  subject: string;
  body: string;
  locale: string;
  audience: Audience;
  joinedSince: string;
}

export interface Problem {
  field: string;
  message: MessageKey;
}

export const blankForm = (locale: string): MailingForm => ({
  subject: "",
  body: "",
  locale,
  audience: EVERYONE,
  joinedSince: "",
});

export function formOf(mailing: Mailing): MailingForm {
  const audience = audienceFromJson(mailing.audience);
  return {
    subject: mailing.subject,
    body: mailing.body_md,
    locale: mailing.locale,
    audience,
    joinedSince: audience.joinedSince ?? "",
  };
}

const text = (body: Record<string, unknown>, name: string) => (typeof body[name] === "string" ? body[name].trim() : "");

/** Reads and checks the form; problems name the field and the message. */
export function readMailingForm(body: Record<string, unknown>): { form: MailingForm; problems: Problem[] } {
  const { audience, badDay } = audienceFromForm(body);
  const form: MailingForm = {
    subject: text(body, "subject"),
    body: typeof body.body === "string" ? body.body.replace(/\r\n/g, "\n") : "",
    locale: text(body, "locale"),
    audience,
    joinedSince: text(body, "joinedSince"),
  };
  const problems: Problem[] = [];
  if (form.subject === "") problems.push({ field: "subject", message: "admin.mailings.error.subject" });
  else if (form.subject.length > MAILING_LIMITS.subject || /[\r\n]/.test(form.subject)) {
    problems.push({ field: "subject", message: "admin.mailings.error.subjectLong" });
  }
  if (form.body.trim() === "") problems.push({ field: "body", message: "admin.mailings.error.body" });
  else if (form.body.length > MAILING_LIMITS.body)
    problems.push({ field: "body", message: "admin.mailings.error.bodyLong" });
  if (!isLocale(form.locale)) problems.push({ field: "locale", message: "admin.mailings.error.locale" });
  if (badDay) problems.push({ field: "joinedSince", message: "admin.mailings.error.joinedSince" });
  return { form, problems };
}

const recordOf = (form: MailingForm) => ({
  subject: form.subject,
  body_md: form.body,
  locale: asLocale(form.locale),
  audience: audienceToJson(form.audience),
});

/** A new draft; audited. Returns its id. */
export async function createMailing(deps: Deps, staffUserId: number, form: MailingForm): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const record = recordOf(form);
    const { id } = await trx
      .insertInto("mailings")
      .values({
        ...record,
        state: "draft",
        send_at: null,
        started_at: null,
        finished_at: null,
        recipients: null,
        released_until: null,
        created_by: staffUserId,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { staffUserId, action: "mailing.create", entity: "mailing", entityId: id, after: record });
    return id;
  });
}

/** Changes a draft; audited with before and after. False when it is no longer a draft. */
export async function updateMailing(deps: Deps, staffUserId: number, id: number, form: MailingForm): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await findMailing(trx, id);
    if (before?.state !== "draft") return false;
    const record = recordOf(form);
    await trx
      .updateTable("mailings")
      .set({ ...record, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .where("state", "=", "draft")
      .execute();
    const { subject, body_md, locale, audience } = before;
    await recordAudit(trx, {
      staffUserId,
      action: "mailing.update",
      entity: "mailing",
      entityId: id,
      before: { subject, body_md, locale, audience },
      after: record,
    });
    return true;
  });
}

/** How many the mailing's audience holds now. */
export async function countRecipients(deps: Deps, mailing: Mailing): Promise<number> {
  return countAudience(deps.db, audienceFromJson(mailing.audience));
}

/** Sends the draft to the member of staff's own address, through the outbox. Audited. */
export async function sendTestMailing(deps: Deps, staffUserId: number, id: number, now = new Date()): Promise<boolean> {
  const queued = await deps.db.transaction().execute(async (trx) => {
    const mailing = await findMailing(trx, id);
    if (!mailing) return false;
    await queueMail(trx, {
      kind: MAIL_MAILING_TEST,
      params: { mailingId: id, staffUserId },
      idempotencyKey: `mailing-test:${id}:${staffUserId}:${now.getTime()}`,
      now,
    });
    await recordAudit(trx, { staffUserId, action: "mailing.test", entity: "mailing", entityId: id });
    return true;
  });
  if (queued) deps.wakeWorker();
  return queued;
}

export type SendProblem = "send-at" | "send-at-past" | "stale";

/**
 * Sends a draft now, or at a set time (UTC). Now: its list is fixed and the first minute's
 * messages are handed to the outbox at once. Audited.
 */
export async function sendMailing(
  deps: Deps,
  staffUserId: number,
  id: number,
  when: { at: "now" } | { at: "later"; sendAt: string },
  now = new Date(),
): Promise<SendProblem | null> {
  let sendAt = now;
  if (when.at === "later") {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(when.sendAt)) return "send-at";
    sendAt = new Date(`${when.sendAt}:00Z`);
    if (Number.isNaN(sendAt.getTime())) return "send-at";
    if (sendAt <= now) return "send-at-past";
  }
  const scheduled = await deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("mailings")
      .set({ state: "scheduled", send_at: sendAt.toISOString(), updated_at: now.toISOString() })
      .where("id", "=", id)
      .where("state", "=", "draft")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, {
      staffUserId,
      action: when.at === "now" ? "mailing.send" : "mailing.schedule",
      entity: "mailing",
      entityId: id,
      before: { state: "draft" },
      after: { state: "scheduled", send_at: sendAt.toISOString() },
    });
    return true;
  });
  if (!scheduled) return "stale";
  if (when.at === "now" && (await startMailing(deps, id, now))) {
    await releaseMailing(deps, id, now);
    deps.wakeWorker();
  }
  return null;
}

/** A scheduled mailing back to a draft, before its time. Audited. */
export async function unscheduleMailing(deps: Deps, staffUserId: number, id: number): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("mailings")
      .set({ state: "draft", send_at: null, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .where("state", "=", "scheduled")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, {
      staffUserId,
      action: "mailing.unschedule",
      entity: "mailing",
      entityId: id,
      before: { state: "scheduled" },
      after: { state: "draft" },
    });
    return true;
  });
}

/** Pauses a sending mailing (what waits in the outbox goes back on its list). Audited. */
export async function pauseMailing(deps: Deps, staffUserId: number, id: number, now = new Date()): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const heldBack = await holdMailing(trx, deps, id, now);
    if (heldBack === null) return false;
    await recordAudit(trx, {
      staffUserId,
      action: "mailing.pause",
      entity: "mailing",
      entityId: id,
      before: { state: "sending" },
      after: { state: "paused", heldBack },
    });
    return true;
  });
}

/** Resumes a paused mailing at the throttled pace from now. Audited. */
export async function resumeMailing(deps: Deps, staffUserId: number, id: number, now = new Date()): Promise<boolean> {
  const resumed = await deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("mailings")
      .set({ state: "sending", released_until: null, updated_at: now.toISOString() })
      .where("id", "=", id)
      .where("state", "=", "paused")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordAudit(trx, {
      staffUserId,
      action: "mailing.resume",
      entity: "mailing",
      entityId: id,
      before: { state: "paused" },
      after: { state: "sending" },
    });
    return true;
  });
  if (resumed) {
    await releaseMailing(deps, id, now);
    deps.wakeWorker();
  }
  return resumed;
}
