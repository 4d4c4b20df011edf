import type { Db } from "../../db/index.ts";

/** Every campaign, drafts included, newest first: the admin's list. */
export async function listAllCampaigns(db: Db) {
  return db
    .selectFrom("campaigns")
    .select(["id", "slug", "title", "status", "publish_at", "locale"])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** One campaign as the editor sees it, with its topic's slug. */
export async function findCampaignForEditor(db: Db, id: number) {
  return db
    .selectFrom("campaigns")
    .leftJoin("topics", "topics.id", "campaigns.topic_id")
    .selectAll("campaigns")
    .select("topics.slug as topic_slug")
    .where("campaigns.id", "=", id)
    .executeTakeFirst();
}

export type EditorCampaign = NonNullable<Awaited<ReturnType<typeof findCampaignForEditor>>>;

export async function findTopicId(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom("topics").select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id;
}

/** Whether another campaign than exceptId has this address. */
export async function slugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom("campaigns").select("id").where("slug", "=", slug);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function listUpdatesForEditor(db: Db, campaignId: number) {
  return db
    .selectFrom("campaign_updates")
    .select(["id", "title", "body_md", "published_at"])
    .where("campaign_id", "=", campaignId)
    .orderBy("published_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function findUpdate(db: Db, campaignId: number, updateId: number) {
  return db
    .selectFrom("campaign_updates")
    .select(["id", "campaign_id", "title", "body_md", "published_at"])
    .where("campaign_id", "=", campaignId)
    .where("id", "=", updateId)
    .executeTakeFirst();
}

/** The languages a campaign has a translation in, with when each was last changed. */
export async function listTranslations(db: Db, campaignId: number) {
  return db
    .selectFrom("campaign_translations")
    .select(["locale", "updated_at"])
    .where("campaign_id", "=", campaignId)
    .execute();
}

export async function findTranslation(db: Db, campaignId: number, locale: string) {
  return db
    .selectFrom("campaign_translations")
    .selectAll()
    .where("campaign_id", "=", campaignId)
    .where("locale", "=", locale)
    .executeTakeFirst();
}

export async function listUpdateTranslations(db: Db, campaignId: number, locale: string) {
  return db
    .selectFrom("campaign_update_translations")
    .innerJoin("campaign_updates", "campaign_updates.id", "campaign_update_translations.update_id")
    .select([
      "campaign_update_translations.update_id",
      "campaign_update_translations.title",
      "campaign_update_translations.body_md",
    ])
    .where("campaign_updates.campaign_id", "=", campaignId)
    .where("campaign_update_translations.locale", "=", locale)
    .execute();
}

/** Drafts whose time to publish has come. */
export async function listDueCampaigns(db: Db, at: string) {
  return db
    .selectFrom("campaigns")
    .select(["id", "status", "publish_at"])
    .where("status", "=", "draft")
    .where("publish_at", "is not", null)
    .where("publish_at", "<=", at)
    .execute();
}
