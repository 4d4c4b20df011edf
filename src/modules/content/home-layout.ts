import type { Db } from "../../db/index.ts";
import type { HomeLayoutTable } from "../../db/tables.ts";

/**
 * The blocks of the home page that campaigners choose and order. The movement's message
 * (the content page "home", with the page's one h1) always comes first and is not a block.
 */
export const HOME_BLOCKS = ["figures", "campaigns", "stories", "events", "take-action", "join"] as const;
export type HomeBlock = (typeof HOME_BLOCKS)[number];

/** Which campaigns the "campaigns" block features. */
export const FEATURED_CHOICES = ["flagged", "newest", "chosen"] as const;
export type FeaturedChoice = HomeLayoutTable["featured"];

export interface HomeLayout {
  /** Every block, in order, each shown or hidden. */
  blocks: { block: HomeBlock; shown: boolean }[];
  featured: FeaturedChoice;
  featuredCampaignId: number | null;
}

export const isHomeBlock = (value: string): value is HomeBlock => (HOME_BLOCKS as readonly string[]).includes(value);

/** The blocks shown, in order. */
export const shownBlocks = (layout: HomeLayout): HomeBlock[] =>
  layout.blocks.filter((b) => b.shown).map((b) => b.block);

function parseLayout(blocks: string, row: Pick<HomeLayoutTable, "featured" | "featured_campaign_id">): HomeLayout {
  const listed: HomeLayout["blocks"] = [];
  for (const name of blocks.split(",")) {
    const block = name.replace(/^-/, "");
    // A block a later version no longer has is dropped rather than breaking the page.
    if (isHomeBlock(block) && !listed.some((b) => b.block === block))
      listed.push({ block, shown: !name.startsWith("-") });
  }
  // A block added by a later version starts hidden, at the end.
  for (const block of HOME_BLOCKS) if (!listed.some((b) => b.block === block)) listed.push({ block, shown: false });
  return { blocks: listed, featured: row.featured, featuredCampaignId: row.featured_campaign_id };
}

/** The home page as it was before campaigners could change it; also the migration's row. */
export const DEFAULT_HOME_LAYOUT: HomeLayout = parseLayout("figures,campaigns,stories,join,-events,-take-action", {
  featured: "flagged",
  featured_campaign_id: null,
});

export async function findHomeLayout(db: Db): Promise<HomeLayout> {
  const row = await db
    .selectFrom("home_layout")
    .select(["blocks", "featured", "featured_campaign_id"])
    .where("id", "=", 1)
    .executeTakeFirst();
  return row ? parseLayout(row.blocks, row) : DEFAULT_HOME_LAYOUT;
}

export async function writeHomeLayout(db: Db, layout: HomeLayout, at: string): Promise<void> {
  const values = {
    blocks: layout.blocks.map((b) => (b.shown ? b.block : `-${b.block}`)).join(","),
    featured: layout.featured,
    featured_campaign_id: layout.featured === "chosen" ? layout.featuredCampaignId : null,
    updated_at: at,
  };
  const changed = await db.updateTable("home_layout").set(values).where("id", "=", 1).executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0)
    await db
      .insertInto("home_layout")
      .values({ id: 1, ...values })
      .execute();
}
