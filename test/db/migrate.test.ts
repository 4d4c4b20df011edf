import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { appliedMigrations, migrate } from "../../src/db/migrate.ts";
import { MIGRATIONS } from "../../src/db/migrations/index.ts";
import { withExclusiveLock } from "../../src/db/portable.ts";
import { prepareDatabase } from "../../src/setup.ts";
import { createTestDatabase, engines } from "../support/databases.ts";

describe.each(engines())("migrations [%s]", (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function freshDatabase() {
    const database = await createTestDatabase(dialect);
    cleanups.push(database.drop);
    return database;
  }

  it("creates the schema and loads the demo content into an empty database", async () => {
    const database = await freshDatabase();
    const handle = database.open();
    cleanups.push(() => handle.close());
    const result = await prepareDatabase(handle, { seedDemo: true });
    expect(result.migrationsApplied).toEqual(MIGRATIONS.map((m) => m.name));
    expect(result.demoLoaded).toBe(true);
    expect(await appliedMigrations(handle.db)).toEqual(MIGRATIONS.map((m) => m.name));
    const pages = await handle.db.selectFrom("content_pages").select("slug").execute();
    expect(pages.map((p) => p.slug)).toContain("privacy");
  });

  it("does nothing the second time: no migration runs twice and the demo is not loaded again", async () => {
    const database = await freshDatabase();
    const handle = database.open();
    cleanups.push(() => handle.close());
    await prepareDatabase(handle, { seedDemo: true });
    const again = await prepareDatabase(handle, { seedDemo: true });
    expect(again).toEqual({ migrationsApplied: [], demoLoaded: false });
    const count = await handle.db
      .selectFrom("campaigns")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    expect(Number(count?.n)).toBe(2);
  });

  it("leaves an empty database empty when the demo content is off", async () => {
    const database = await freshDatabase();
    const handle = database.open();
    cleanups.push(() => handle.close());
    expect((await prepareDatabase(handle, { seedDemo: false })).demoLoaded).toBe(false);
    expect(await handle.db.selectFrom("content_pages").selectAll().execute()).toEqual([]);
  });

  // SQLite's driver is synchronous, so connections in one process cannot wait on each
  // other; separate processes starting at once are tested in test/server/start.test.ts.
  it.runIf(dialect === "postgres")("is safe when several connections prepare it at once", async () => {
    const database = await freshDatabase();
    const handles = [database.open(), database.open(), database.open()];
    cleanups.push(async () => {
      for (const h of handles) await h.close();
    });
    const results = await Promise.all(handles.map((h) => prepareDatabase(h, { seedDemo: true })));
    const applied = results.flatMap((r) => r.migrationsApplied);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.name));
    expect(results.filter((r) => r.demoLoaded)).toHaveLength(1);
    const [first] = handles;
    if (!first) throw new Error("no handle");
    const pages = await first.db
      .selectFrom("content_pages")
      .select("slug")
      .where("slug", "=", "home")
      .where("locale", "=", "en")
      .execute();
    expect(pages).toHaveLength(1);
  });

  it("rolls back a migration that fails, leaving nothing half-applied", async () => {
    const database = await freshDatabase();
    const handle = database.open();
    cleanups.push(() => handle.close());
    await prepareDatabase(handle, { seedDemo: false });
    const broken = [
      ...MIGRATIONS,
      {
        name: "9998_adds_a_table",
        up: async (db: Parameters<(typeof MIGRATIONS)[number]["up"]>[0]) => {
          await db.schema.createTable("half_done").addColumn("id", "integer").execute();
        },
      },
      { name: "9999_fails", up: async () => Promise.reject(new Error("broken migration")) },
    ];
    await expect(
      withExclusiveLock(handle.db, handle.dialect, (trx) => migrate(trx as never, dialect, broken)),
    ).rejects.toThrow("broken migration");
    expect(await appliedMigrations(handle.db)).toEqual(MIGRATIONS.map((m) => m.name));
    const probe = sql`select count(*) as n from half_done`.execute(handle.db);
    await expect(probe).rejects.toThrow();
  });

  it("refuses to run on a database that has migrations this code does not know", async () => {
    const database = await freshDatabase();
    const handle = database.open();
    cleanups.push(() => handle.close());
    await prepareDatabase(handle, { seedDemo: false });
    await sql`insert into schema_migrations (name, applied_at) values ('9999_from_the_future', ${new Date().toISOString()})`.execute(
      handle.db,
    );
    await expect(prepareDatabase(handle, { seedDemo: false })).rejects.toThrow("9999_from_the_future");
  });
});
