// A local group of the spec's own, stored as a moderator would have left it (published), with
// an organiser's address nobody else uses; and removed again, since /groups is a shared list.
import { randomBytes } from "node:crypto";
import { createDb } from "../../../src/db/index.ts";
import { databaseUrl } from "./environment.ts";
import { test } from "./fixtures.ts";

export interface TestGroup {
  id: number;
  slug: string;
  name: string;
  organiserEmail: string;
}

export async function addTestGroup(tag: string): Promise<TestGroup> {
  const database = createDb(databaseUrl());
  const suffix = randomBytes(3).toString("hex");
  const name = `Welcome circle ${suffix}`;
  const organiserEmail = `organiser.${tag}.${suffix}@example.org`;
  const at = new Date().toISOString();
  try {
    const organiser = await database.db
      .insertInto("supporters")
      .values({
        email: organiserEmail,
        email_canonical: organiserEmail,
        name: "Ingrid Organiser",
        country: "NO",
        postcode: null,
        locale: "en",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const slug = `welcome-circle-${suffix}`;
    const group = await database.db
      .insertInto("groups")
      .values({
        slug,
        locale: "en",
        name,
        description_md: "We meet on **Saturdays** in the library, with tea and Norwegian practice.",
        town: "Tromsø",
        country: "NO",
        latitude: 69.65,
        longitude: 18.96,
        organiser_supporter_id: organiser.id,
        organiser_name: "Ingrid Organiser",
        status: "published",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id: group.id, slug, name, organiserEmail };
  } finally {
    await database.close();
  }
}

export async function removeTestGroup(group: TestGroup): Promise<void> {
  const database = createDb(databaseUrl());
  try {
    await database.db.deleteFrom("groups").where("id", "=", group.id).execute();
  } finally {
    await database.close();
  }
}

/**
 * A test group for each test of the spec: made before it (addTestGroup) and removed after
 * it. The object returned holds the group of the test running.
 */
export function aTestGroupForEachTest(tag: string): TestGroup {
  const group = {} as TestGroup;
  test.beforeEach(async () => {
    Object.assign(group, await addTestGroup(tag));
  });
  test.afterEach(async () => {
    await removeTestGroup(group);
  });
  return group;
}

/** Removes a group someone asked for in a spec (and its place in the moderation queue). */
export async function removeGroupNamed(name: string): Promise<void> {
  const database = createDb(databaseUrl());
  try {
    const ids = (await database.db.selectFrom("groups").select("id").where("name", "=", name).execute()).map(
      (g) => g.id,
    );
    if (ids.length === 0) return;
    await database.db
      .deleteFrom("moderation_items")
      .where("kind", "=", "group")
      .where("subject_id", "in", ids)
      .execute();
    await database.db.deleteFrom("groups").where("id", "in", ids).execute();
  } finally {
    await database.close();
  }
}
