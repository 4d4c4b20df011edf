import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { emitWebhookEvent } from "../api/webhook-events.ts";
import { i18nFor } from "../i18n/i18n.ts";
import type { Locale } from "../i18n/locales.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { confirmConsents, recordConsent } from "../supporters/consents.repo.ts";
import { findOrCreateSupporter } from "../supporters/supporters.repo.ts";
import { consumeToken, inspectToken } from "../tokens/tokens.ts";
import { type JoinForm, type JoinProblem, validateJoin } from "./join-input.ts";
import { listTopics, setSupporterTopics } from "./topics.repo.ts";

/** The emails joining sends, by their kind in the mail outbox (composed in community-mail.ts). */
export const MAIL_JOIN_CONFIRMATION = "join-confirmation";
export const MAIL_WELCOME = "welcome";

/** The consent asked for on the join form; its wording is versioned with this key. */
export const JOIN_CONSENT = { purpose: "email-updates", version: "join-updates-1" } as const;

export type JoinOutcome = { kind: "invalid"; problems: JoinProblem[] } | { kind: "sent" };

/**
 * A join form: kept as a request until the address's owner confirms it by email. The
 * answer is the same whether or not the address was known, and an existing supporter's
 * record is not touched until they confirm.
 */
export async function requestJoin(
  deps: Deps,
  form: JoinForm,
  /** shownIn: the language of the page the form was on, whose words the consent records. */
  context: { source: string; networkHash: string | null; shownIn: Locale },
): Promise<JoinOutcome> {
  const topics = await listTopics(deps.db, form.language || "en");
  const checked = validateJoin(form, new Set(topics.map((t) => t.slug)));
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const j = checked.value;
  await deps.db.transaction().execute(async (trx) => {
    const supporter = await findOrCreateSupporter(trx, {
      email: j.email,
      emailCanonical: j.emailCanonical,
      name: j.name,
      country: j.country,
      postcode: null,
      locale: j.language,
    });
    const request = await trx
      .insertInto("join_requests")
      .values({
        supporter_id: supporter.id,
        name: j.name,
        country: j.country,
        locale: j.language,
        topics: JSON.stringify(j.topics),
        wants_updates: j.wantsUpdates ? 1 : 0,
        network_hash: context.networkHash,
        created_at: now(),
        confirmed_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (j.wantsUpdates) {
      await recordConsent(trx, {
        supporterId: supporter.id,
        purpose: JOIN_CONSENT.purpose,
        wording: i18nFor(context.shownIn).t("join.updates.label"),
        wordingVersion: JOIN_CONSENT.version,
        locale: context.shownIn,
        source: `join:${request.id}`,
        campaignId: null,
        method: "form-checkbox",
      });
    }
    // At most one confirmation email an hour per address, however often the form is sent.
    const hour = new Date().toISOString().slice(0, 13);
    await queueMail(trx, {
      kind: MAIL_JOIN_CONFIRMATION,
      params: { joinRequestId: request.id },
      idempotencyKey: `join:${supporter.id}:${hour}`,
      supporterId: supporter.id,
    });
  });
  deps.wakeWorker();
  return { kind: "sent" };
}

export type JoinConfirmation = "valid" | "used" | "expired" | "unknown";

/** What the link leads to, before anything changes (opening it must not confirm). */
export async function describeJoinConfirmation(deps: Deps, token: unknown): Promise<JoinConfirmation> {
  return (await inspectToken(deps.db, "confirm-join", token)).state;
}

/**
 * The button on that page: the request becomes the supporter's record, they become a
 * member, the consent they gave is confirmed, and a welcome email is queued (once ever).
 */
export async function confirmJoin(deps: Deps, token: unknown): Promise<JoinConfirmation> {
  const state = await deps.db.transaction().execute(async (trx) => {
    const used = await consumeToken(trx, "confirm-join", token);
    if (used.state !== "valid") return used.state;
    const request = await trx
      .selectFrom("join_requests")
      .selectAll()
      .where("id", "=", used.subjectId)
      .executeTakeFirst();
    if (!request) return "unknown" as const;
    const at = now();
    await trx.updateTable("join_requests").set({ confirmed_at: at }).where("id", "=", request.id).execute();
    await trx
      .updateTable("supporters")
      .set((eb) => ({
        name: request.name,
        country: request.country,
        locale: request.locale,
        member_since: eb.fn.coalesce("member_since", eb.val(at)),
        updated_at: at,
      }))
      .where("id", "=", request.supporter_id)
      .execute();
    await setSupporterTopics(trx, request.supporter_id, JSON.parse(request.topics) as string[]);
    const consented = await confirmConsents(trx, request.supporter_id, `join:${request.id}`);
    if (consented.includes("email-updates")) {
      await emitWebhookEvent(trx, "supporter.subscribed", { person_id: request.supporter_id });
    }
    await queueMail(trx, {
      kind: MAIL_WELCOME,
      params: { supporterId: request.supporter_id },
      idempotencyKey: `welcome:${request.supporter_id}`,
      supporterId: request.supporter_id,
    });
    return "valid" as const;
  });
  deps.wakeWorker();
  return state;
}
