import { ConfigError, loadConfig } from "./config.ts";
import { createDb } from "./db/index.ts";
import { prepareDatabase } from "./setup.ts";

/** `npm run migrate`: brings the database named by DATABASE_URL up to date, then exits. */
async function main() {
  const config = loadConfig();
  const database = createDb(config.databaseUrl);
  try {
    const { migrationsApplied, demoLoaded } = await prepareDatabase(database, { seedDemo: config.seedDemo });
    console.log(
      migrationsApplied.length > 0
        ? `Applied migrations: ${migrationsApplied.join(", ")}`
        : "The database is up to date.",
    );
    if (demoLoaded) console.log("Loaded the demo content into the empty database.");
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `iwelcome cannot migrate: ${error.message}` : error);
  process.exit(1);
});
