import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { eventDataOf, forgetEventDataOf } from "../events/event-privacy.ts";
import { forgetGroupDataOf, groupDataOf } from "../groups/group-privacy.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { forgetMailOf, mailOfSupporter } from "../mail/outbox-records.repo.ts";
import { forgetMailingRecipient, mailingsWaitingFor } from "../mailings/mailings.repo.ts";
import { forgetSubmissionsOf, submissionsOf } from "../moderation/moderation.repo.ts";
import { ANONYMOUS_SIGNATURE } from "../petitions/signatures.repo.ts";
import { forgetStoriesOf, removeStoryPhotos, storiesOf } from "../stories/story-privacy.ts";
import { CONSENT_EVIDENCE } from "../supporters/consents.repo.ts";

/** The last email to an erased supporter, by its kind in the mail outbox. */
export const MAIL_ERASURE_RECEIPT = "erasure-receipt";

/** Everything held about one supporter, as they may download it. */
export async function exportSupporterData(deps: Deps, supporterId: number) {
  const db = deps.db;
  const supporter = await db
    .selectFrom("supporters")
    .select(["email", "name", "country", "postcode", "locale", "created_at", "updated_at", "member_since"])
    .where("id", "=", supporterId)
    .where("erased_at", "is", null)
    .executeTakeFirst();
  if (!supporter) return null;
  const [signatures, consents, joins, topics] = await Promise.all([
    db
      .selectFrom("signatures")
      .innerJoin("campaigns", "campaigns.id", "signatures.campaign_id")
      .select([
        "campaigns.slug as petition",
        "campaigns.title as petition_title",
        "signatures.name",
        "signatures.country",
        "signatures.postcode",
        "signatures.comment",
        "signatures.show_name",
        "signatures.comment_public",
        "signatures.status",
        "signatures.locale",
        "signatures.referral_code",
        "signatures.referred_by",
        "signatures.utm_source",
        "signatures.utm_medium",
        "signatures.utm_campaign",
        "signatures.utm_term",
        "signatures.utm_content",
        "signatures.referrer_host",
        "signatures.created_at",
        "signatures.confirmed_at",
      ])
      .where("signatures.supporter_id", "=", supporterId)
      .orderBy("signatures.created_at")
      .execute(),
    db
      .selectFrom("consents")
      .select(CONSENT_EVIDENCE)
      .where("supporter_id", "=", supporterId)
      .orderBy("given_at")
      .execute(),
    db
      .selectFrom("join_requests")
      .select(["name", "country", "locale", "topics", "wants_updates", "created_at", "confirmed_at"])
      .where("supporter_id", "=", supporterId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("supporter_topics")
      .innerJoin("topics", "topics.id", "supporter_topics.topic_id")
      .select("topics.slug")
      .where("supporter_topics.supporter_id", "=", supporterId)
      .execute(),
  ]);
  const emails = await mailOfSupporter(db, supporterId);
  return {
    exported_at: now(),
    supporter,
    topics: topics.map((t) => t.slug),
    signatures: signatures.map((s) => ({ ...s, show_name: s.show_name === 1, comment_public: s.comment_public === 1 })),
    moderation: await submissionsOf(db, supporterId),
    ...(await eventDataOf(db, supporterId)),
    ...(await groupDataOf(db, supporterId)),
    stories: await storiesOf(db, supporterId),
    consents,
    join_requests: joins.map((j) => ({
      ...j,
      topics: JSON.parse(j.topics) as string[],
      wants_updates: j.wants_updates === 1,
    })),
    emails_sent: emails.sent,
    emails_waiting: emails.waiting,
    // Mailings sent show in emails_sent (kind "mailing"); these are still to go to them.
    mailings_waiting: await mailingsWaitingFor(db, supporterId),
  };
}

/**
 * Erases a supporter: every personal field, everywhere it lives, is removed or blanked in
 * one transaction. Confirmed signatures stay as anonymous rows (country and date only), so
 * every petition's count stays right; waiting signatures and join requests go entirely.
 * A last email, to the address as it was, says it is done.
 */
export async function eraseSupporter(deps: Deps, supporterId: number): Promise<boolean> {
  // Their stories' photos: files, deleted once the erasure has committed.
  let storyPhotos: string[] = [];
  const erased = await deps.db.transaction().execute(async (trx) => {
    const supporter = await trx
      .selectFrom("supporters")
      .select(["email", "locale"])
      .where("id", "=", supporterId)
      .where("erased_at", "is", null)
      .executeTakeFirst();
    if (!supporter) return false;
    const at = now();
    const signatureIds = (
      await trx.selectFrom("signatures").select("id").where("supporter_id", "=", supporterId).execute()
    ).map((s) => s.id);
    const joinIds = (
      await trx.selectFrom("join_requests").select("id").where("supporter_id", "=", supporterId).execute()
    ).map((j) => j.id);
    if (signatureIds.length > 0) {
      await trx
        .deleteFrom("tokens")
        .where("purpose", "=", "confirm-signature")
        .where("subject_id", "in", signatureIds)
        .execute();
    }
    if (joinIds.length > 0) {
      await trx.deleteFrom("tokens").where("purpose", "=", "confirm-join").where("subject_id", "in", joinIds).execute();
    }
    await trx.deleteFrom("tokens").where("purpose", "=", "manage").where("subject_id", "=", supporterId).execute();
    await trx
      .deleteFrom("signatures")
      .where("supporter_id", "=", supporterId)
      .where("status", "!=", "confirmed")
      .execute();
    await trx.updateTable("signatures").set(ANONYMOUS_SIGNATURE).where("supporter_id", "=", supporterId).execute();
    await trx.deleteFrom("join_requests").where("supporter_id", "=", supporterId).execute();
    await trx.deleteFrom("consents").where("supporter_id", "=", supporterId).execute();
    await trx.deleteFrom("supporter_topics").where("supporter_id", "=", supporterId).execute();
    await forgetEventDataOf(trx, deps.dialect, supporterId);
    await forgetGroupDataOf(trx, supporterId);
    storyPhotos = await forgetStoriesOf(trx, supporterId);
    await forgetSubmissionsOf(trx, supporterId);
    await forgetMailOf(trx, supporterId);
    await forgetMailingRecipient(trx, supporterId);
    await trx.deleteFrom("dev_mail").where("to", "=", supporter.email).execute();
    await trx
      .updateTable("supporters")
      .set({
        email: `erased-${supporterId}@invalid`,
        email_canonical: `erased:${supporterId}`,
        name: "",
        country: null,
        postcode: null,
        member_since: null,
        erased_at: at,
        updated_at: at,
      })
      .where("id", "=", supporterId)
      .execute();
    // The address travels in this one message until the receipt is sent (or fails for good):
    // then its params are dropped. It is tied to no supporter, so no masked address is kept.
    await queueMail(trx, {
      kind: MAIL_ERASURE_RECEIPT,
      params: { email: supporter.email, locale: supporter.locale },
      idempotencyKey: `erased:${supporterId}`,
    });
    return true;
  });
  await removeStoryPhotos(deps.config.dataDir, storyPhotos);
  deps.wakeWorker();
  return erased;
}
