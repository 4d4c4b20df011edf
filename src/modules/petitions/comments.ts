import type { Db } from "../../db/index.ts";
import { inLanguage } from "../campaigns/translations.repo.ts";
import { localisedPath } from "../i18n/locales.ts";
import { itemsOfKind, submissionReaders } from "../moderation/kind-parts.ts";
import { submitForModeration } from "../moderation/moderation.repo.ts";
import type { ModerationKind, Submission } from "../moderation/moderation-kinds.ts";
import { firstNameOf } from "./signatures.repo.ts";

/**
 * Signers' comments: written with a signature, shown on the campaign page ("Why people
 * signed") only when the signer agreed to it, the signature is confirmed, and a moderator
 * approved it. The queue item's status is the one fact of approval.
 */
export const COMMENT_KIND = "comment";

/** The consent to show a comment publicly, with first name and country; its wording is versioned here. */
export const COMMENT_CONSENT = { purpose: "publish-comment", version: "comment-public-1" } as const;

/** Where "Why people signed" is on a campaign page. */
export const COMMENTS_ANCHOR = "why-people-signed";

/** Queues a comment its signer agreed to show; call it in the transaction that stores the signature. */
export async function queueComment(
  db: Db,
  c: { signatureId: number; campaignId: number; supporterId: number; locale: string },
): Promise<void> {
  await submitForModeration(db, {
    kind: COMMENT_KIND,
    subjectId: c.signatureId,
    scopeId: c.campaignId,
    supporterId: c.supporterId,
    locale: c.locale,
  });
}

function commentRows(db: Db) {
  return itemsOfKind(db, COMMENT_KIND)
    .innerJoin("signatures as s", "s.id", "m.subject_id")
    .innerJoin("campaigns as c", "c.id", "s.campaign_id")
    .select(["s.comment", "s.name", "s.country", "c.slug", "c.title"]);
}

/** A comment a moderator can decide: the signature is confirmed and its signer still agrees. */
function decidable<QB extends ReturnType<typeof commentRows>>(query: QB): QB {
  return query
    .where("s.status", "=", "confirmed")
    .where("s.comment_public", "=", 1)
    .where("s.comment", "is not", null) as QB;
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentRows>["execute"]>>[number];

function asSubmission(row: CommentRow): Submission {
  return {
    itemId: row.id,
    title: null,
    text: row.comment ?? "",
    author: firstNameOf(row.name),
    country: row.country || null,
    about: { label: row.title, href: `/campaigns/${row.slug}` },
    locale: row.locale,
    submittedAt: row.submitted_at,
  };
}

export const commentKind: ModerationKind = {
  name: COMMENT_KIND,
  label: "moderation.kind.comment",
  ...submissionReaders({ rows: commentRows, decidable, asSubmission }),
  mail: {
    approvedSubject: "mail.moderation.comment.approvedSubject",
    approvedBody: "mail.moderation.comment.approvedBody",
    rejectedSubject: "mail.moderation.comment.rejectedSubject",
    rejectedBody: "mail.moderation.comment.rejectedBody",
    button: "mail.moderation.comment.button",
  },
  async mailValues(db, item, locale) {
    const row = await db
      .selectFrom("signatures")
      .innerJoin("campaigns", "campaigns.id", "signatures.campaign_id")
      .select(["campaigns.id", "campaigns.locale", "campaigns.title", "campaigns.slug", "signatures.comment"])
      .where("signatures.id", "=", item.subject_id)
      .executeTakeFirst();
    if (!row || row.comment === null) return null;
    const [campaign = row] = await inLanguage(db, [row], locale);
    return {
      values: { title: campaign.title },
      path: `${localisedPath(locale, `/campaigns/${row.slug}`)}#${COMMENTS_ANCHOR}`,
    };
  },
  async forgetOrphans(db) {
    const result = await db
      .deleteFrom("moderation_items")
      .where("kind", "=", COMMENT_KIND)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("signatures")
              .select("signatures.id")
              .whereRef("signatures.id", "=", "moderation_items.subject_id")
              .where("signatures.comment", "is not", null)
              .where("signatures.comment_public", "=", 1),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

export interface PublicComment {
  id: number;
  firstName: string;
  country: string;
  comment: string;
  at: string;
}

/** The approved comments of a campaign's confirmed signers who agreed to show them: newest first. */
export async function approvedComments(
  db: Db,
  campaignId: number,
  page: { limit: number; offset: number },
): Promise<PublicComment[]> {
  const rows = await publicComments(db, campaignId)
    .select(["m.id", "s.name", "s.country", "s.comment", "m.submitted_at"])
    .orderBy("m.submitted_at", "desc")
    .orderBy("m.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    firstName: firstNameOf(r.name),
    country: r.country,
    comment: r.comment ?? "",
    at: r.submitted_at,
  }));
}

export async function countApprovedComments(db: Db, campaignId: number): Promise<number> {
  const row = await publicComments(db, campaignId)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function publicComments(db: Db, campaignId: number) {
  return db
    .selectFrom("moderation_items as m")
    .innerJoin("signatures as s", "s.id", "m.subject_id")
    .where("m.kind", "=", COMMENT_KIND)
    .where("m.scope_id", "=", campaignId)
    .where("m.status", "=", "approved")
    .where("s.status", "=", "confirmed")
    .where("s.comment_public", "=", 1)
    .where("s.comment", "is not", null);
}
