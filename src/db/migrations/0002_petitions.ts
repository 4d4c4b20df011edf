import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/** Supporters, signatures and their counts, consent records, one-time tokens and the job queue. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .alterTable("campaigns")
    .addColumn("signature_policy", "text", (c) =>
      c
        .notNull()
        .defaultTo("confirm")
        .check(oneOf("signature_policy", ["confirm", "instant"])),
    )
    .execute();
  await db.schema.alterTable("campaigns").addColumn("goal", "integer").execute();
  await db.schema
    .alterTable("campaigns")
    .addColumn("postcode_required", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("campaigns").addColumn("deadline", t.timestamp).execute();
  await db.schema.alterTable("campaigns").addColumn("outcome", "text").execute();

  await db.schema
    .createTable("campaign_updates")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("campaign_id", t.ref, (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_md", "text", (c) => c.notNull())
    .addColumn("published_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("campaign_updates_campaign")
    .on("campaign_updates")
    .columns(["campaign_id", "published_at"])
    .execute();

  await db.schema
    .createTable("supporters")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("email_canonical", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("postcode", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("signatures")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("campaign_id", t.ref, (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("supporter_id", t.ref, (c) => c.notNull().references("supporters.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("postcode", "text")
    .addColumn("comment", "text")
    .addColumn("show_name", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["pending", "confirmed", "invalidated"])))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("referral_code", "text", (c) => c.notNull().unique())
    .addColumn("referred_by", "text")
    .addColumn("utm_source", "text")
    .addColumn("utm_medium", "text")
    .addColumn("utm_campaign", "text")
    .addColumn("utm_term", "text")
    .addColumn("utm_content", "text")
    .addColumn("referrer_host", "text")
    .addColumn("network_hash", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("confirmed_at", t.timestamp)
    .addUniqueConstraint("signatures_campaign_supporter", ["campaign_id", "supporter_id"])
    .execute();
  await db.schema
    .createIndex("signatures_recent")
    .on("signatures")
    .columns(["campaign_id", "status", "confirmed_at"])
    .execute();
  await db.schema.createIndex("signatures_supporter").on("signatures").column("supporter_id").execute();

  await db.schema
    .createTable("campaign_counts")
    .addColumn("campaign_id", t.ref, (c) => c.primaryKey().references("campaigns.id").onDelete("cascade"))
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("campaign_country_counts")
    .addColumn("campaign_id", t.ref, (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("campaign_country_counts_pk", ["campaign_id", "country"])
    .execute();

  await db.schema
    .createTable("consents")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("supporter_id", t.ref, (c) => c.notNull().references("supporters.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("wording", "text", (c) => c.notNull())
    .addColumn("wording_version", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("campaign_id", t.ref, (c) => c.references("campaigns.id").onDelete("set null"))
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("given_at", t.timestamp, (c) => c.notNull())
    .addColumn("confirmed_at", t.timestamp)
    .addColumn("withdrawn_at", t.timestamp)
    .addColumn("withdrawn_method", "text")
    .execute();
  await db.schema
    .createIndex("consents_supporter_purpose")
    .on("consents")
    .columns(["supporter_id", "purpose"])
    .execute();

  await db.schema
    .createTable("tokens")
    .addColumn("hash", "text", (c) => c.primaryKey())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("subject_id", t.ref, (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("expires_at", t.timestamp, (c) => c.notNull())
    .addColumn("used_at", t.timestamp)
    .execute();
  await db.schema.createIndex("tokens_subject").on("tokens").columns(["purpose", "subject_id"]).execute();

  await db.schema
    .createTable("jobs")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.unique())
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["queued", "running", "done", "failed"])))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("run_at", t.timestamp, (c) => c.notNull())
    .addColumn("locked_until", t.timestamp)
    .addColumn("last_error", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("jobs_due").on("jobs").columns(["status", "run_at"]).execute();
}
