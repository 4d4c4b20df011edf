import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes } from "../portable.ts";

/**
 * Sign-in hardening: the last second-factor time step used (a code works once), and failed
 * sign-ins counted per account and network, so a stranger who knows a staff address cannot
 * lock its owner out from everywhere.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable("staff_users").addColumn("totp_last_step", "bigint").execute();
  await db.schema
    .createTable("staff_login_failures")
    .addColumn("staff_user_id", t.ref, (c) => c.notNull().references("staff_users.id").onDelete("cascade"))
    .addColumn("network_hash", "text", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("locked_until", t.timestamp)
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("staff_login_failures_pk", ["staff_user_id", "network_hash"])
    .execute();
}
