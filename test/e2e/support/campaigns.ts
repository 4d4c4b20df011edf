// A campaign nobody has signed yet, for the pages as they look before the first signature.
// The demo campaigns gather signatures as the other specs run, so this one is made for the
// test and removed after it (tests run one at a time: no other test ever sees it).
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
