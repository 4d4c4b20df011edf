import { type Kysely, sql, type Transaction } from "kysely";
import type { Dialect } from "./index.ts";
import { MIGRATIONS, type Migration } from "./migrations/index.ts";
import { columnTypes, now } from "./portable.ts";

const TABLE = "schema_migrations";

interface MigrationRow {
  name: string;
  applied_at: string;
}

/**
 * Applies the pending migrations in order, inside the caller's exclusive transaction
 * (see withExclusiveLock), so that two instances starting at once apply each one once.
 * Returns the names it applied.
 */
export async function migrate(
  trx: Transaction<unknown>,
  dialect: Dialect,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string[]> {
  const db = trx as unknown as Kysely<Record<typeof TABLE, MigrationRow>>;
  await db.schema
    .createTable(TABLE)
    .ifNotExists()
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("applied_at", columnTypes(dialect).timestamp, (c) => c.notNull())
    .execute();
  const done = new Set((await db.selectFrom(TABLE).select("name").execute()).map((r) => r.name));
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...done].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`The database has migrations this code does not know: ${unknown.join(", ")}. Is the code older?`);
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    await migration.up(trx, dialect);
    await db.insertInto(TABLE).values({ name: migration.name, applied_at: now() }).execute();
    applied.push(migration.name);
  }
  return applied;
}

/** The names of the migrations the database has applied, oldest first. */
// biome-ignore lint/suspicious/noExplicitAny: reads its own table from any database type
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const rows = await sql<MigrationRow>`select name from ${sql.table(TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
