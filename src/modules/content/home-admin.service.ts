import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { PUBLIC_STATES } from "../campaigns/campaign-states.ts";
import type { EntryProblem } from "./entry-input.ts";
import {
  findHomeLayout,
  HOME_BLOCKS,
  type HomeBlock,
  type HomeLayout,
  isHomeBlock,
  writeHomeLayout,
} from "./home-layout.ts";

/**
 * What the home page editor sent: every block in the order listed (hidden fields), those
 * ticked as shown, the featured choice ("flagged", "newest" or "campaign-ID"), and, when a
 * move button was pressed, which ("up:figures").
 */
export interface HomeForm {
  order: string[];
  shown: string[];
  featured: string;
  move: string;
}

const list = (body: unknown, field: string): string[] => {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>)[field] : undefined;
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === "string").map((v) => v.trim());
};

export function readHomeForm(body: unknown): HomeForm {
  return {
    order: list(body, "order"),
    shown: list(body, "shown"),
    featured: list(body, "featured")[0] ?? "",
    move: list(body, "move")[0] ?? "",
  };
}

/** The featured choice as its field gives it: "flagged", "newest" or "campaign-12". */
export function featuredValueOf(layout: HomeLayout): string {
  return layout.featured === "chosen" ? `campaign-${layout.featuredCampaignId}` : layout.featured;
}

export async function homeFormOf(deps: Pick<Deps, "db">): Promise<HomeForm> {
  const layout = await findHomeLayout(deps.db);
  return {
    order: layout.blocks.map((b) => b.block),
    shown: layout.blocks.filter((b) => b.shown).map((b) => b.block),
    featured: featuredValueOf(layout),
    move: "",
  };
}

/** The public campaigns one may feature, newest first. */
export async function featurableCampaigns(deps: Pick<Deps, "db">) {
  return deps.db
    .selectFrom("campaigns")
    .select(["id", "title", "status"])
    .where("status", "in", PUBLIC_STATES)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** The order after a move button: the block swapped with its neighbour; at either end, unchanged. */
export function applyMove(order: HomeBlock[], move: string): HomeBlock[] {
  const [direction, block] = move.split(":");
  const from = order.indexOf(block as HomeBlock);
  const to = direction === "up" ? from - 1 : direction === "down" ? from + 1 : -1;
  if (from < 0 || to < 0 || to >= order.length) return order;
  const moved = [...order];
  [moved[from], moved[to]] = [moved[to] as HomeBlock, moved[from] as HomeBlock];
  return moved;
}

export type HomeOutcome = { ok: true; form: HomeForm } | { ok: false; problems: EntryProblem[]; form: HomeForm };

/**
 * Saves what the home page shows and in which order (applying a move first, if one was
 * pressed); audited as home.blocks with before and after. Bad input changes nothing.
 */
export async function saveHomeLayout(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  form: HomeForm,
): Promise<HomeOutcome> {
  const problems: EntryProblem[] = [];
  const order = form.order.filter(isHomeBlock);
  const complete =
    order.length === HOME_BLOCKS.length &&
    new Set(order).size === HOME_BLOCKS.length &&
    form.order.length === order.length;
  if (!complete || !form.shown.every(isHomeBlock))
    problems.push({ field: "blocks", message: "admin.home.error.blocks" });
  let featured: Pick<HomeLayout, "featured" | "featuredCampaignId"> | null = null;
  if (form.featured === "flagged" || form.featured === "newest")
    featured = { featured: form.featured, featuredCampaignId: null };
  else {
    const id = /^campaign-(\d{1,12})$/.exec(form.featured)?.[1];
    const campaigns = id ? await featurableCampaigns(deps) : [];
    if (id && campaigns.some((c) => c.id === Number(id)))
      featured = { featured: "chosen", featuredCampaignId: Number(id) };
  }
  if (!featured) problems.push({ field: "featured", message: "admin.home.error.featured" });
  if (problems.length > 0 || !featured) return { ok: false, problems, form };
  const newOrder = applyMove(order, form.move);
  const layout: HomeLayout = {
    blocks: newOrder.map((block) => ({ block, shown: form.shown.includes(block) })),
    ...featured,
  };
  const before = await findHomeLayout(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    await writeHomeLayout(trx, layout, now());
    await recordAudit(trx, {
      staffUserId,
      action: "home.blocks",
      entity: "home_layout",
      entityId: 1,
      before,
      after: layout,
    });
  });
  return { ok: true, form: { ...form, order: newOrder, move: "" } };
}
