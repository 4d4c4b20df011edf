import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { listGroupsForStaff } from "./groups.repo.ts";

/** Published and unpublished groups with their member counts. */
export async function listGroupsForAdmin(deps: Deps) {
  return listGroupsForStaff(deps.db);
}

export type PublishChange = "unpublish" | "republish";

/**
 * Takes a published group off the site, or puts an unpublished one back, with its audit
 * record in the same transaction. Anything else (a waiting group, a repeat) changes nothing.
 */
export async function setGroupPublished(
  deps: Deps,
  staffUserId: number,
  groupId: number,
  change: PublishChange,
): Promise<"done" | "stale"> {
  const from = change === "unpublish" ? "published" : "unpublished";
  const to = change === "unpublish" ? "unpublished" : "published";
  return deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("groups")
      .set({ status: to, updated_at: now() })
      .where("id", "=", groupId)
      .where("status", "=", from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return "stale" as const;
    await recordAudit(trx, {
      staffUserId,
      action: `group.${change}`,
      entity: "group",
      entityId: groupId,
      before: { status: from },
      after: { status: to },
    });
    return "done" as const;
  });
}
