import { ConfigError, loadConfig } from "./config.ts";
import { createDb } from "./db/index.ts";
import { assembleDeps } from "./deps.ts";
import { startBackgroundWork } from "./jobs/background.ts";
import { prepareDatabase } from "./setup.ts";

/**
 * `npm run worker`: runs the job worker and the mail sender alone, for when web processes
 * run with WORKER=off. Several may run at once on PostgreSQL; each job and each email is
 * taken by one.
 */
async function main() {
  const config = loadConfig();
  const database = createDb(config.databaseUrl);
  await prepareDatabase(database, { seedDemo: config.seedDemo });
  const { deps, close } = assembleDeps(config, database);
  const worker = startBackgroundWork(deps, { log: console });
  console.log("Job worker running.");
  // The worker's timers do not hold the process open (in a web process the server does);
  // on SQLite nothing else would, so this process keeps itself alive until told to stop.
  const alive = setInterval(() => {}, 60 * 60 * 1000);
  const stop = async () => {
    clearInterval(alive);
    await worker.stop();
    await close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `iwelcome worker cannot start: ${error.message}` : error);
  process.exit(1);
});
