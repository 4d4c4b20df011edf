import type { Kysely } from "kysely";
import type { Dialect } from "../index.ts";
import { columnTypes, oneOf } from "../portable.ts";

/**
 * Stories the public tells ("How I welcome"), published once a moderator approves them;
 * the take-action hub's items and the Learn page's resources, which campaigners edit.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable("stories")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("supporter_id", t.ref, (c) => c.references("supporters.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    // Plain text: paragraphs separated by blank lines, never HTML or Markdown.
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("shown_as", "text", (c) => c.notNull().check(oneOf("shown_as", ["full", "first", "anonymous"])))
    // The name as the public sees it ("" when anonymous).
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("image_key", "text")
    .addColumn("image_widths", "text")
    .addColumn("image_width", "integer")
    .addColumn("image_height", "integer")
    .addColumn("image_alt", "text")
    .addColumn("status", "text", (c) => c.notNull().check(oneOf("status", ["waiting", "published", "rejected"])))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("published_at", t.timestamp)
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stories_listing").on("stories").columns(["status", "published_at"]).execute();
  await db.schema.createIndex("stories_supporter").on("stories").column("supporter_id").execute();

  await db.schema
    .createTable("take_action_items")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    // A path on the site ("/campaigns") or an https:// address.
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("link_label", "text", (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("take_action_order").on("take_action_items").columns(["locale", "position"]).execute();

  await db.schema
    .createTable("learn_resources")
    .addColumn("id", t.id, (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    // The language the resource is in (a BCP 47 tag such as "en" or "ar").
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();
}
