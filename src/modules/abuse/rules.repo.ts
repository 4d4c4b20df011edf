import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";
import type { Rule, RuleAction, RuleKind } from "./rules.ts";

/** Every entry of both lists, as the matcher needs them. */
export async function listRules(db: Db): Promise<Rule[]> {
  return db.selectFrom("abuse_rules").select(["kind", "action", "value"]).execute();
}

/** Both lists with who added each entry, for the admin page: networks first, then domains, each alphabetical. */
export async function listRulesForAdmin(db: Db) {
  return db
    .selectFrom("abuse_rules as r")
    .leftJoin("staff_users as s", "s.id", "r.created_by")
    .select(["r.id", "r.kind", "r.action", "r.value", "r.note", "r.created_at", "s.name as created_by_name"])
    .orderBy("r.kind", "desc")
    .orderBy("r.value")
    .execute();
}

export async function findRule(db: Db, id: number) {
  return db.selectFrom("abuse_rules").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Adds an entry; undefined when the same domain or range is already on a list. */
export async function insertRule(
  db: Db,
  rule: { kind: RuleKind; action: RuleAction; value: string; note: string },
  staffUserId: number,
): Promise<{ id: number } | undefined> {
  return db
    .insertInto("abuse_rules")
    .values({ ...rule, created_by: staffUserId, created_at: now() })
    .onConflict((oc) => oc.columns(["kind", "value"]).doNothing())
    .returning("id")
    .executeTakeFirst();
}

export async function deleteRule(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom("abuse_rules").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
