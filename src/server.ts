import cluster from "node:cluster";
import { buildApp } from "./app.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { createDb } from "./db/index.ts";
import { assembleDeps } from "./deps.ts";
import { startBackgroundWork } from "./jobs/background.ts";
import { prepareDatabase } from "./setup.ts";

/** How long in-flight requests may take to finish after SIGTERM before the process exits. */
const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`iwelcome cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

async function serve(config: Config) {
  const database = createDb(config.databaseUrl);
  const connected = assembleDeps(config, database);
  const app = await buildApp(connected.deps);
  // Jobs and the mail outbox, unless a separate `npm run worker` does them (WORKER=off).
  const worker = config.worker ? startBackgroundWork(connected.deps, { log: app.log }) : undefined;
  if (worker) connected.deps.wakeWorker = worker.nudge;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      app.log.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // close() stops accepting, waits for in-flight requests, then the database and mailer close.
    await app.close();
    await worker?.stop();
    await connected.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
}

async function main() {
  const config = readConfig();
  if (cluster.isPrimary) {
    const database = createDb(config.databaseUrl);
    const result = await prepareDatabase(database, { seedDemo: config.seedDemo });
    await database.close();
    if (result.migrationsApplied.length > 0) console.log(`Applied migrations: ${result.migrationsApplied.join(", ")}`);
    if (result.demoLoaded) console.log("Loaded the demo content into the empty database.");
  }
  if (cluster.isPrimary && config.webConcurrency > 1) {
    for (let i = 0; i < config.webConcurrency; i++) cluster.fork();
    cluster.on("exit", (worker, code) => {
      if (code !== 0 && !worker.exitedAfterDisconnect) cluster.fork();
    });
    const stopAll = () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    };
    process.on("SIGTERM", stopAll);
    process.on("SIGINT", stopAll);
    return;
  }
  await serve(config);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
