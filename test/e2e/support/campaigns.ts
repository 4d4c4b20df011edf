// Campaigns of a test's own, made for it and removed after it with all that hangs on them
// (tests run one at a time: no other test ever sees them). The demo campaigns gather
// signatures as the other specs run, so a test that counts makes its own.
import { randomBytes } from "node:crypto";
import { createDb } from "../../../src/db/index.ts";
import { now } from "../../../src/db/portable.ts";
import { databaseUrl } from "./environment.ts";

export async function withCampaignNobodySigned(use: (slug: string) => Promise<void>): Promise<void> {
  const database = createDb(databaseUrl());
  const slug = `welcome-newcomers-${randomBytes(4).toString("hex")}`;
  try {
    const at = now();
    await database.db
      .insertInto("campaigns")
      .values({
        slug,
        locale: "en",
        status: "open",
        title: "Welcome newcomers to our town",
        summary: "Ask the council to welcome refugee families.",
        demand: "Offer homes and school places to refugee families.",
        target_name: "The town council",
        body_md: "Families who fled war need somewhere safe to live and learn.",
        featured: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await use(slug);
  } finally {
    await database.db.deleteFrom("campaigns").where("slug", "=", slug).execute();
    await database.close();
  }
}

/** The words of a test's petition; its slug is `slugPrefix` and a random tag. */
export interface TestPetitionWords {
  slugPrefix: string;
  title: string;
  summary: string;
  demand: string;
  target_name: string;
  body_md: string;
}

export interface TestPetition {
  id: number;
  slug: string;
}

/** An open petition of the test's own, counted at once ("instant"). Remove it with removeTestPetition. */
export async function addTestPetition(words: TestPetitionWords): Promise<TestPetition> {
  const database = createDb(databaseUrl());
  const { slugPrefix, ...text } = words;
  const slug = `${slugPrefix}-${randomBytes(4).toString("hex")}`;
  try {
    const at = now();
    const row = await database.db
      .insertInto("campaigns")
      .values({
        slug,
        locale: "en",
        status: "open",
        ...text,
        featured: 0,
        signature_policy: "instant",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { id: row.id, slug };
  } finally {
    await database.close();
  }
}

/** Removes a test's petition with everything that hangs on it. */
export async function removeTestPetition(slug: string): Promise<void> {
  const database = createDb(databaseUrl());
  try {
    await database.db.deleteFrom("campaigns").where("slug", "=", slug).execute();
  } finally {
    await database.close();
  }
}

/** A petition of the test's own (addTestPetition) for `use`, removed afterwards however `use` ends. */
export async function withTestPetition(
  words: TestPetitionWords,
  use: (petition: TestPetition) => Promise<void>,
): Promise<void> {
  const petition = await addTestPetition(words);
  try {
    await use(petition);
  } finally {
    await removeTestPetition(petition.slug);
  }
}
