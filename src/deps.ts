import type { Redis } from "ioredis";
import type { Config } from "./config.ts";
import type { Db, DbHandle, Dialect } from "./db/index.ts";
import type { Mailer } from "./modules/mail/mailer.ts";

/** What services need from the outside world; routes hand it in, tests build their own. */
export interface Deps {
  config: Config;
  db: Db;
  dialect: Dialect;
  database: DbHandle;
  mailer: Mailer;
  /** Present when REDIS_URL is set: state shared by every instance. */
  redis?: Redis;
}
