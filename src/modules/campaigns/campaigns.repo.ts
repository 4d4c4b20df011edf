import type { Db } from "../../db/index.ts";
import { PUBLIC_STATES } from "./campaign-states.ts";

const SUMMARY_COLUMNS = ["id", "slug", "locale", "status", "title", "summary", "target_name", "image_alt"] as const;

export async function listFeaturedCampaigns(db: Db) {
  return db
    .selectFrom("campaigns")
    .select(SUMMARY_COLUMNS)
    .where("featured", "=", 1)
    .where("status", "in", PUBLIC_STATES)
    .orderBy("created_at", "desc")
    .limit(3)
    .execute();
}

export async function listPublicCampaigns(db: Db) {
  return db
    .selectFrom("campaigns")
    .select([...SUMMARY_COLUMNS, "created_at"])
    .where("status", "in", PUBLIC_STATES)
    .orderBy("created_at", "desc")
    .execute();
}

export async function findPublicCampaign(db: Db, slug: string) {
  return db
    .selectFrom("campaigns")
    .select([...SUMMARY_COLUMNS, "demand", "body_md", "updated_at"])
    .where("slug", "=", slug)
    .where("status", "in", PUBLIC_STATES)
    .executeTakeFirst();
}

export type CampaignSummary = Awaited<ReturnType<typeof listFeaturedCampaigns>>[number];
