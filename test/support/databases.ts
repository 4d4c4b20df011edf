import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createDb, type DbHandle, type Dialect } from "../../src/db/index.ts";
import { prepareDatabase } from "../../src/setup.ts";

export interface TestDatabase {
  dialect: Dialect;
  /** A DATABASE_URL for this test database (for a second connection or a child process). */
  url: string;
  /** Connection options that go with the URL (the PostgreSQL schema). */
  schema: string | undefined;
  /** Opens another, independent connection to the same database. */
  open(): DbHandle;
}

/** The engines every database test runs on: SQLite always, PostgreSQL when configured. */
export function engines(): Dialect[] {
  return inject("postgresUrl") ? ["sqlite", "postgres"] : ["sqlite"];
}

/**
 * A new, empty database on the given engine: a file in a temporary folder on SQLite, a
 * schema of its own on PostgreSQL. drop() removes it.
 */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase & { drop(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "iwelcome-test-"));
    const url = `sqlite:${join(dir, "test.sqlite")}`;
    return {
      dialect,
      url,
      schema: undefined,
      open: () => createDb(url),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = inject("postgresUrl");
  if (!url) throw new Error("PostgreSQL is not configured for this run");
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    dialect,
    url,
    schema,
    open: () => createDb(url, { schema, poolSize: 4 }),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

export interface MigratedDatabase extends TestDatabase {
  handle: DbHandle;
}

/**
 * Runs a block of tests once per engine, each on a fresh database brought up to date
 * (and with the demo content unless told otherwise), removed afterwards.
 */
export function describeEachDatabase(
  title: string,
  body: (get: () => MigratedDatabase) => void,
  options: { seedDemo?: boolean } = {},
) {
  describe.each(engines())(`${title} [%s]`, (dialect) => {
    let current: (MigratedDatabase & { drop(): Promise<void> }) | undefined;
    beforeAll(async () => {
      const database = await createTestDatabase(dialect);
      const handle = database.open();
      await prepareDatabase(handle, { seedDemo: options.seedDemo ?? true });
      current = { ...database, handle };
    });
    afterAll(async () => {
      await current?.handle.close();
      await current?.drop();
    });
    body(() => {
      if (!current) throw new Error("the test database is not ready");
      return current;
    });
  });
}
