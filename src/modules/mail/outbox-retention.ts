import type { Deps } from "../../deps.ts";
import type { JobHandler } from "../../jobs/worker.ts";

export const JOB_PRUNE_MAIL = "prune-mail-outbox";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Forgets the outbox's record of messages done with (sent, cancelled, or failed and left)
 * more than RETENTION_MAIL_DAYS ago: what a message leaves behind is kept no longer than that.
 */
export async function pruneMailOutbox(deps: Deps, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - deps.config.retention.mailDays * DAY_MS).toISOString();
  const result = await deps.db
    .deleteFrom("mail_outbox")
    .where("state", "in", ["sent", "cancelled", "failed"])
    .where("updated_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const pruneMailJob: JobHandler = async (deps) => {
  await pruneMailOutbox(deps);
};
