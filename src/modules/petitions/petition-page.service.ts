import type { Deps } from "../../deps.ts";
import { readCountryCounts } from "./counts.repo.ts";
import { goalFor } from "./goal.ts";
import { isPaused, readPause } from "./pause.repo.ts";
import { recentPublicSigners } from "./signatures.repo.ts";

const RECENT_SIGNERS = 10;

export interface PetitionStats {
  total: number;
  goal: number;
  updatedAt: string | null;
  byCountry: { country: string; total: number }[];
  recentSigners: { id: number; firstName: string; country: string }[];
  /** Signing is paused (this petition, or all): the page says so instead of showing the form. */
  paused: boolean;
}

/** The live parts of a campaign page: count, goal, countries and the signers who chose to be shown. */
export async function getPetitionStats(
  deps: Deps,
  campaign: { id: number; goal: number | null },
): Promise<PetitionStats> {
  const [count, byCountry, recentSigners, pause] = await Promise.all([
    deps.counts.current(campaign.id),
    readCountryCounts(deps.db, campaign.id),
    recentPublicSigners(deps.db, campaign.id, RECENT_SIGNERS),
    readPause(deps.db, campaign.id),
  ]);
  return {
    total: count.total,
    goal: goalFor(count.total, campaign.goal),
    updatedAt: count.updatedAt,
    byCountry,
    recentSigners,
    paused: isPaused(pause),
  };
}
