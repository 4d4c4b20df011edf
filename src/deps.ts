import type { Redis } from "ioredis";
import { type Bus, noBus, postgresBus, redisBus } from "./bus.ts";
import type { Config } from "./config.ts";
import type { Db, DbHandle, Dialect } from "./db/index.ts";
import { AbuseGuard } from "./modules/abuse/guard.ts";
import { createMailer, type Mailer } from "./modules/mail/mailer.ts";
import { LiveCounts } from "./modules/petitions/live-counts.ts";
import { createRedis } from "./redis.ts";

/** What services need from the outside world; routes hand it in, tests build their own. */
export interface Deps {
  config: Config;
  db: Db;
  dialect: Dialect;
  database: DbHandle;
  mailer: Mailer;
  /** Present when REDIS_URL is set: state shared by every instance. */
  redis?: Redis;
  /** Signature counts as people see them, live. */
  counts: LiveCounts;
  /** Messages to the other instances (Redis pub/sub, else PostgreSQL LISTEN/NOTIFY). */
  bus: Bus;
  /** The block and allow lists, kept in memory (signing asks no database for them). */
  abuse: AbuseGuard;
  /** Tells the job worker in this process that a job was queued (no-op without one). */
  wakeWorker(): void;
}

/**
 * Connects everything the configuration names around an open database. close() lets go
 * of what it opened (the mailer and Redis), not the database, which the caller owns.
 */
export function assembleDeps(config: Config, database: DbHandle): { deps: Deps; close(): Promise<void> } {
  const mailer = createMailer(config, database.db);
  const redis = config.redisUrl ? createRedis(config.redisUrl) : undefined;
  const bus = redis ? redisBus(redis) : database.notifications ? postgresBus(database.notifications) : noBus;
  const counts = new LiveCounts(database.db, bus);
  const abuse = new AbuseGuard(database.db, bus);
  const deps: Deps = {
    config,
    db: database.db,
    dialect: database.dialect,
    database,
    mailer,
    ...(redis ? { redis } : {}),
    counts,
    bus,
    abuse,
    wakeWorker: () => {},
  };
  return {
    deps,
    async close() {
      counts.close();
      await bus.close();
      await mailer.close();
      redis?.disconnect();
    },
  };
}
