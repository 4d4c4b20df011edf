import { expect } from "vitest";
import type { Db, Dialect } from "../../src/db/index.ts";

type Table = "supporters" | "event_rsvps" | "group_members" | "groups";

/**
 * Deletes a row and stores a new one in the same table under the same id, as SQLite does
 * by itself when the deleted row held the highest id (these tables have no AUTOINCREMENT).
 * PostgreSQL never gives an id twice, so there the id is given explicitly. Returns the new
 * row's id and creation time.
 */
export async function reuseIdOf(
  db: Db,
  dialect: Dialect,
  table: Table,
  id: number,
  values: Record<string, unknown>,
): Promise<{ id: number; created_at: string }> {
  const t = table as "supporters";
  const highest = await db
    .selectFrom(t)
    .select((eb) => eb.fn.max("id").as("id"))
    .executeTakeFirstOrThrow();
  expect(Number(highest.id), `the row to delete holds the highest id of ${table}`).toBe(id);
  await db.deleteFrom(t).where("id", "=", id).execute();
  const row = dialect === "sqlite" ? values : { ...values, id };
  const made = await db
    .insertInto(t)
    .values(row as never)
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
  expect(made.id).toBe(id);
  return made;
}

/** A supporter's row, created now, for reuseIdOf. */
export function newSupporterRow(email: string, name: string) {
  const at = new Date().toISOString();
  return {
    email,
    email_canonical: email,
    name,
    country: "NO",
    postcode: null,
    locale: "en",
    created_at: at,
    updated_at: at,
  };
}

/** Inserts a supporter and returns their id. */
export async function addSupporter(db: Db, email: string, name: string): Promise<number> {
  const row = await db
    .insertInto("supporters")
    .values(newSupporterRow(email, name))
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
