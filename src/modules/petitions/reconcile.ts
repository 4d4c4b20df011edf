import type { Deps } from "../../deps.ts";
import type { JobHandler } from "../../jobs/worker.ts";
import { reconcileCounts } from "./counts.repo.ts";

export const JOB_RECONCILE_COUNTS = "reconcile-signature-counts";

/**
 * Checks every campaign's cached counts against its confirmed signatures and puts right
 * any that drifted (after a restore, a manual fix in the database, or a bug). Returns the
 * campaigns that were corrected.
 */
export async function reconcileAllCounts(deps: Deps): Promise<{ campaignId: number; before: number; after: number }[]> {
  const campaigns = await deps.db.selectFrom("campaigns").select("id").execute();
  const corrected = [];
  for (const { id } of campaigns) {
    const result = await deps.db.transaction().execute((trx) => reconcileCounts(trx, deps.dialect, id));
    if (result.before !== result.after) {
      corrected.push({ campaignId: id, ...result });
      deps.counts.changed(id);
    }
  }
  return corrected;
}

export const reconcileJob: JobHandler = async (deps, _payload, { log }) => {
  const corrected = await reconcileAllCounts(deps);
  if (corrected.length > 0) log.warn({ corrected }, "signature counts had drifted and were corrected");
};
