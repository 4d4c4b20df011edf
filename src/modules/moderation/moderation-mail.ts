import type { Db } from "../../db/index.ts";
import type { Deps } from "../../deps.ts";
import { i18nFor } from "../i18n/i18n.ts";
import { asLocale } from "../i18n/locales.ts";
import { renderEmail } from "../mail/email.tsx";
import type { ComposedMail, MailKind } from "../mail/mail-kinds.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { firstNameOf } from "../petitions/signatures.repo.ts";
import { findItem, type ModerationItem } from "./moderation.repo.ts";
import { isRejectReason, REJECT_REASONS } from "./moderation-kinds.ts";
import { kindNamed } from "./registry.ts";

/** The email about a decision, by its kind in the mail outbox. */
export const MAIL_MODERATION_DECISION = "moderation-decision";

/**
 * Queues the one email that tells a submitter what was decided. Call it in the transaction
 * that decides. The message carries the decision's time: if the decision is undone (or
 * taken again) before the email goes, it finds a different item and nothing is sent.
 */
export async function tellSubmitter(db: Db, item: ModerationItem): Promise<void> {
  if (item.supporter_id === null || item.decided_at === null) return;
  await queueMail(db, {
    kind: MAIL_MODERATION_DECISION,
    params: { itemId: item.id, decidedAt: item.decided_at },
    idempotencyKey: `moderation:${item.id}:${item.decided_at}`,
    supporterId: item.supporter_id,
  });
}

/**
 * The email about a decision, in the submitter's language: transactional (they asked for
 * what they sent to be shown), so no unsubscribe link, and nothing else in it. Null when
 * there is nothing to send any more (undone, decided again, erased).
 */
export async function composeModerationDecision(deps: Deps, params: unknown): Promise<ComposedMail | null> {
  const { itemId, decidedAt } = (params ?? {}) as { itemId?: unknown; decidedAt?: unknown };
  if (typeof itemId !== "number" || !Number.isSafeInteger(itemId)) throw new Error("payload has no itemId");
  const item = await findItem(deps.db, itemId);
  if (!item || item.status === "waiting" || item.decided_at !== decidedAt || item.supporter_id === null) return null;
  const kind = kindNamed(item.kind);
  if (!kind) throw new Error(`no moderation kind ${item.kind}`);
  const supporter = await deps.db
    .selectFrom("supporters")
    .select(["email", "name"])
    .where("id", "=", item.supporter_id)
    .where("erased_at", "is", null)
    .executeTakeFirst();
  if (!supporter) return null;
  const i18n = i18nFor(asLocale(item.locale));
  const about = await kind.mailValues(deps.db, item, i18n.locale);
  if (!about) return null;
  const approved = item.status === "approved";
  const paragraphs = [
    i18n.t("mail.greeting", { name: firstNameOf(supporter.name) }),
    i18n.t(approved ? kind.mail.approvedBody : kind.mail.rejectedBody, about.values),
  ];
  if (!approved && isRejectReason(item.reason)) {
    paragraphs.push(i18n.t("mail.moderation.reason", { reason: i18n.t(REJECT_REASONS[item.reason]) }));
  }
  if (!approved && item.note) paragraphs.push(i18n.t("mail.moderation.note", { note: item.note }));
  const mail = renderEmail(i18n, {
    subject: i18n.t(approved ? kind.mail.approvedSubject : kind.mail.rejectedSubject, about.values),
    paragraphs,
    action: { label: i18n.t(kind.mail.button), url: new URL(about.path, deps.config.publicUrl).toString() },
    footnotes: [i18n.t("mail.moderation.why")],
  });
  return { to: supporter.email, ...mail };
}

/** The emails of this module, by the kind the outbox knows them by. */
export const MODERATION_MAIL: Record<string, MailKind> = {
  [MAIL_MODERATION_DECISION]: { compose: composeModerationDecision },
};
