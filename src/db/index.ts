import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { CompiledQuery, type DatabaseConnection, Kysely, PostgresDialect, SqliteDialect, SqliteDriver } from "kysely";
import pg from "pg";
import { type Notifications, postgresNotifications } from "./notify.ts";
import { type PreparingDatabase, withStatementCache } from "./statement-cache.ts";
import type { Tables } from "./tables.ts";
import { batchedTransactions, batchLanes, type Work } from "./write-batch.ts";

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<Tables>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** Answers true when the database takes a query. */
  ping(): Promise<boolean>;
  /**
   * A transaction for a small, frequent unit of writes (a signature): units arriving
   * together share one commit, each in a savepoint of its own (see write-batch.ts). On
   * SQLite one batch runs at a time; on PostgreSQL a few run at once, and units with the
   * same key (a signer's address) share one. Resolves once committed.
   */
  batchedTransaction<T>(work: Work<T>, key?: string): Promise<T>;
  /** PostgreSQL only: LISTEN/NOTIFY between the processes sharing the database. */
  notifications?: Notifications;
  close(): Promise<void>;
}

export interface DbOptions {
  /** PostgreSQL only: run every query in this schema (tests give each run its own). */
  schema?: string;
  /** PostgreSQL only: connections in the pool. */
  poolSize?: number;
}

const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Every SQLite transaction starts as a writer (BEGIN IMMEDIATE): two processes on one
 * file then queue for the lock under the busy timeout instead of failing mid-way when a
 * read-then-write transaction finds another writer got there first.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: PreparingDatabase) {
    super({ database });
  }
  override createDriver() {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

function openSqlite(path: string): DbHandle {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma("journal_mode = WAL");
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  // Statements are prepared once per SQL text and kept (see statement-cache.ts).
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect(withStatementCache(database)) });
  return {
    db,
    dialect: "sqlite",
    batchedTransaction: batchedTransactions((work) => db.transaction().execute(work)),
    async ping() {
      try {
        database.prepare("select 1").get();
        return true;
      } catch {
        return false;
      }
    },
    // Kysely closes only a database it has queried; ping() uses it directly, so close it too.
    close: async () => {
      await db.destroy();
      if (database.open) database.close();
    },
  };
}

// Timestamps come back as ISO-8601 strings on both engines; 64-bit integers as numbers.
const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
pg.types.setTypeParser(TIMESTAMPTZ_OID, (value) => new Date(value).toISOString());
pg.types.setTypeParser(INT8_OID, (value) => Number(value));

/** Batches of signatures written at once on PostgreSQL (each holds a pooled connection). */
const BATCH_LANES = 4;

/** Deadlock and serialization failures: the unit may succeed when tried again. */
function isRetryablePgError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40P01" || code === "40001";
}

function openPostgres(url: string, options: DbOptions): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // A dropped idle connection must not take the process down; the pool replaces it.
  pool.on("error", () => {});
  // Nor one dropped while checked out (the pool listens only while a client is idle): the
  // query in flight fails on its own, is answered 503, and the broken client is discarded.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  const notifications = postgresNotifications(url, pool, options.schema);
  return {
    db,
    dialect: "postgres",
    batchedTransaction: batchLanes(BATCH_LANES, () =>
      batchedTransactions((work) => db.transaction().execute(work), { retryable: isRetryablePgError }),
    ),
    notifications,
    async ping() {
      try {
        await pool.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    // Kysely ends only a pool it has queried through; ping() uses the pool directly.
    close: async () => {
      await notifications.close();
      await db.destroy();
      if (!pool.ending) await pool.end();
    },
  };
}

/** Opens the database named by a DATABASE_URL as the config resolved it. */
export function createDb(databaseUrl: string, options: DbOptions = {}): DbHandle {
  if (databaseUrl.startsWith("sqlite:")) return openSqlite(databaseUrl.slice("sqlite:".length));
  return openPostgres(databaseUrl, options);
}
