import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";

export interface AuditEntry {
  staffUserId: number | null;
  /** What was done, e.g. "staff.login", "campaign.update". */
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Records what a member of staff did; call it in the transaction that does it. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      staff_user_id: entry.staffUserId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      at: now(),
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  staffUserId?: number;
  limit?: number;
}

/** The log, newest first, optionally for one action or one member of staff. */
export async function listAudit(db: Db, filter: AuditFilter = {}) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("staff_users", "staff_users.id", "audit_log.staff_user_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.entity",
      "audit_log.entity_id",
      "audit_log.before",
      "audit_log.after",
      "audit_log.at",
      "staff_users.email as staff_email",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(Math.min(filter.limit ?? 200, 1000));
  if (filter.action) query = query.where("audit_log.action", "=", filter.action);
  if (filter.staffUserId !== undefined) query = query.where("audit_log.staff_user_id", "=", filter.staffUserId);
  return query.execute();
}
