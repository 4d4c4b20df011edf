import type { Db } from "../../db/index.ts";
import { PUBLIC_STATES } from "./campaign-states.ts";

const SUMMARY_COLUMNS = [
  "id",
  "slug",
  "locale",
  "status",
  "title",
  "summary",
  "target_name",
  "image_url",
  "image_alt",
  "image_width",
  "image_height",
  "image_key",
  "image_widths",
] as const;

/**
 * The home page's featured campaigns: those marked featured (up to three, newest first), the
 * newest open one, or one chosen campaign while it is public (see content/home-layout.ts).
 */
export async function listFeaturedCampaigns(
  db: Db,
  choice: { featured: "flagged" | "newest" | "chosen"; featuredCampaignId: number | null } = {
    featured: "flagged",
    featuredCampaignId: null,
  },
) {
  const query = db.selectFrom("campaigns").select(SUMMARY_COLUMNS).orderBy("created_at", "desc").orderBy("id", "desc");
  if (choice.featured === "newest") return query.where("status", "=", "open").limit(1).execute();
  if (choice.featured === "chosen")
    return query
      .where("id", "=", choice.featuredCampaignId ?? 0)
      .where("status", "in", PUBLIC_STATES)
      .execute();
  return query.where("featured", "=", 1).where("status", "in", PUBLIC_STATES).limit(3).execute();
}

export async function listPublicCampaigns(db: Db) {
  return db
    .selectFrom("campaigns")
    .select([...SUMMARY_COLUMNS, "created_at", "goal"])
    .where("status", "in", PUBLIC_STATES)
    .orderBy("created_at", "desc")
    .execute();
}

export async function findPublicCampaign(db: Db, slug: string) {
  return db
    .selectFrom("campaigns")
    .select([
      ...SUMMARY_COLUMNS,
      "demand",
      "body_md",
      "updated_at",
      "goal",
      "deadline",
      "outcome",
      "postcode_required",
      "image_caption",
      "image_credit",
      "target_office",
      "delivered_on",
      "delivery_note",
    ])
    .where("slug", "=", slug)
    .where("status", "in", PUBLIC_STATES)
    .executeTakeFirst();
}

export type CampaignSummary = Awaited<ReturnType<typeof listFeaturedCampaigns>>[number];

/** What signing needs to know of a campaign. */
export async function findCampaignForSigning(db: Db, slug: string) {
  return db
    .selectFrom("campaigns")
    .select(["id", "slug", "title", "status", "locale", "signature_policy", "postcode_required", "goal", "deadline"])
    .where("slug", "=", slug)
    .where("status", "in", PUBLIC_STATES)
    .executeTakeFirst();
}

export async function listCampaignUpdates(db: Db, campaignId: number) {
  return db
    .selectFrom("campaign_updates")
    .select(["id", "title", "body_md", "published_at"])
    .where("campaign_id", "=", campaignId)
    .orderBy("published_at", "desc")
    .execute();
}
