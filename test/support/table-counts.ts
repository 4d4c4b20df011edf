import { sql } from "kysely";
import type { Db } from "../../src/db/index.ts";

/** How many rows each of the site's tables holds: compared before and after, it shows whether anything was written. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.introspection.getTables();
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (name.startsWith("kysely_") || name === "migrations") continue;
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(row.rows[0]?.n ?? 0);
  }
  return counts;
}
