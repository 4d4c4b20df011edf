import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import * as m0001 from "./0001_foundation.ts";
import * as m0002 from "./0002_petitions.ts";
import * as m0003 from "./0003_campaign_images.ts";
import * as m0004 from "./0004_translations.ts";
import * as m0005 from "./0005_community.ts";
import * as m0006 from "./0006_staff.ts";

export interface Migration {
  name: string;
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/**
 * Every migration, in the order it runs. Append only: a migration that has landed is
 * never edited, renamed or reordered; a change to the schema is a new migration.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: "0001_foundation", ...m0001 },
  { name: "0002_petitions", ...m0002 },
  { name: "0003_campaign_images", ...m0003 },
  { name: "0004_translations", ...m0004 },
  { name: "0005_community", ...m0005 },
  { name: "0006_staff", ...m0006 },
];
