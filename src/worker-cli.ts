import { ConfigError, loadConfig } from "./config.ts";
import { createDb } from "./db/index.ts";
import { assembleDeps } from "./deps.ts";
import { JOB_HANDLERS, JOB_SCHEDULES, PERSONAL_JOBS } from "./jobs/handlers.ts";
import { startWorker } from "./jobs/worker.ts";
import { prepareDatabase } from "./setup.ts";

/**
 * `npm run worker`: runs the job worker alone, for when web processes run with WORKER=off.
 * Several may run at once on PostgreSQL; each job is taken by one.
 */
async function main() {
  const config = loadConfig();
  const database = createDb(config.databaseUrl);
  await prepareDatabase(database, { seedDemo: config.seedDemo });
  const { deps, close } = assembleDeps(config, database);
  const worker = startWorker(deps, JOB_HANDLERS, { log: console, schedules: JOB_SCHEDULES, personal: PERSONAL_JOBS });
  console.log("Job worker running.");
  const stop = async () => {
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
