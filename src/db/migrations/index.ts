import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import * as m0001 from "./0001_foundation.ts";
import * as m0002 from "./0002_petitions.ts";
import * as m0003 from "./0003_campaign_images.ts";
import * as m0004 from "./0004_translations.ts";
import * as m0005 from "./0005_community.ts";
import * as m0006 from "./0006_staff.ts";
import * as m0007 from "./0007_campaign_editor.ts";
import * as m0008 from "./0008_petition_watch.ts";
import * as m0009 from "./0009_mail_outbox.ts";
import * as m0010 from "./0010_staff_security.ts";
import * as m0011 from "./0011_moderation.ts";
import * as m0012 from "./0012_events.ts";
import * as m0013 from "./0013_signatures_in_order.ts";
import * as m0014 from "./0014_groups.ts";
import * as m0015 from "./0015_stories_learn.ts";
import * as m0016 from "./0016_mailings.ts";
import * as m0017 from "./0017_abuse_defences.ts";
import * as m0018 from "./0018_api_webhooks.ts";
import * as m0019 from "./0019_proof_of_work.ts";
import * as m0020 from "./0020_home_layout.ts";
import * as m0021 from "./0021_group_edits.ts";

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
  { name: "0007_campaign_editor", ...m0007 },
  { name: "0008_petition_watch", ...m0008 },
  { name: "0009_mail_outbox", ...m0009 },
  { name: "0010_staff_security", ...m0010 },
  { name: "0011_moderation", ...m0011 },
  { name: "0012_events", ...m0012 },
  { name: "0013_signatures_in_order", ...m0013 },
  { name: "0014_groups", ...m0014 },
  { name: "0015_stories_learn", ...m0015 },
  { name: "0016_mailings", ...m0016 },
  { name: "0017_abuse_defences", ...m0017 },
  { name: "0018_api_webhooks", ...m0018 },
  { name: "0019_proof_of_work", ...m0019 },
  { name: "0020_home_layout", ...m0020 },
  { name: "0021_group_edits", ...m0021 },
];
