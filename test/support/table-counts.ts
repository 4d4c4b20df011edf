import { sql } from "kysely";
import type { Db } from "../../src/db/index.ts";
import { tableNames } from "../../src/db/portable.ts";

/** How many rows each of the site's tables holds: compared before and after, it shows whether anything was written. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of await tableNames(db)) {
    if (name.startsWith("kysely_") || name === "migrations") continue;
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(row.rows[0]?.n ?? 0);
  }
  return counts;
}
