import type { DbHandle } from "./db/index.ts";
import { migrate } from "./db/migrate.ts";
import { withExclusiveLock } from "./db/portable.ts";
import { seedDemoContent } from "./modules/content/demo/seed.ts";

export interface SetupResult {
  migrationsApplied: string[];
  demoLoaded: boolean;
}

/**
 * Brings the database up to date at start: applies pending migrations and, into an empty
 * database, loads the demo content. One transaction under the exclusive lock, so any
 * number of instances may start at once.
 */
export async function prepareDatabase(database: DbHandle, options: { seedDemo: boolean }): Promise<SetupResult> {
  return withExclusiveLock(database.db, database.dialect, async (trx) => {
    const migrationsApplied = await migrate(trx as never, database.dialect);
    const demoLoaded = options.seedDemo ? await seedDemoContent(trx) : false;
    return { migrationsApplied, demoLoaded };
  });
}
