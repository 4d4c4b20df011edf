import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { countMailByState, listFailedMail, requeueFailedMail } from "./outbox-admin.repo.ts";

/** The delivery page: counts by state and the messages that failed. */
export async function getMailOverview(deps: Deps) {
  const [counts, failed] = await Promise.all([countMailByState(deps.db), listFailedMail(deps.db)]);
  return { counts, failed };
}

/**
 * A member of staff sends failed email again: one message (`id`) or every one that can be.
 * Recorded in the audit log in the same transaction. Returns how many went back in the queue.
 */
export async function retryFailedMail(
  deps: Deps,
  staffUserId: number,
  which: { id: number } | "all",
  now = new Date(),
): Promise<number> {
  const moved = await deps.db.transaction().execute(async (trx) => {
    const rows = await requeueFailedMail(trx, which === "all" ? undefined : [which.id], now);
    if (rows.length === 0) return 0;
    if (which === "all") {
      await recordAudit(trx, {
        staffUserId,
        action: "mail.retry-all",
        entity: "mail_outbox",
        before: { state: "failed", count: rows.length },
        after: { state: "queued", ids: rows.slice(0, 200).map((r) => r.id) },
      });
    } else {
      const [row] = rows;
      await recordAudit(trx, {
        staffUserId,
        action: "mail.retry",
        entity: "mail_outbox",
        entityId: which.id,
        before: { state: "failed", attempts: row?.attempts },
        after: { state: "queued", max_attempts: row?.max_attempts },
      });
    }
    return rows.length;
  });
  if (moved > 0) deps.wakeWorker();
  return moved;
}
