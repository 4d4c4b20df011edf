import type { Db } from "../../db/index.ts";
import { busiestNetworks } from "../petitions/watch.repo.ts";

/**
 * A burst from few sources: at least `minSignatures` signatures to one petition in the last
 * `windowMs`, of which the `topNetworks` busiest networks (keyed hashes) sent at least `share`.
 * A viral petition spreads over many networks (a mobile carrier's shared address may hold
 * some percent of it, not half); a flood comes from a handful.
 */
export const BURST = { windowMs: 5 * 60_000, minSignatures: 100, topNetworks: 3, share: 0.5 } as const;

export interface BurstReading {
  burst: boolean;
  /** Signatures in the window (not invalidated). */
  total: number;
  /** What the busiest networks sent, of the total (0 to 1). */
  topShare: number;
  /** Those networks' hashes, busiest first. */
  networks: string[];
}

/** Reads the last few minutes of one petition: two grouped queries over an index, no rows loaded. */
export async function detectBurst(db: Db, campaignId: number, at: Date = new Date()): Promise<BurstReading> {
  const since = new Date(at.getTime() - BURST.windowMs).toISOString();
  const busiest = await busiestNetworks(db, campaignId, since, BURST.topNetworks);
  const top = busiest.rows.reduce((sum, r) => sum + r.count, 0);
  const topShare = busiest.total === 0 ? 0 : top / busiest.total;
  return {
    burst: busiest.total >= BURST.minSignatures && topShare >= BURST.share,
    total: busiest.total,
    topShare,
    networks: busiest.rows.map((r) => r.key),
  };
}
