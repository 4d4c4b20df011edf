import type { Transaction } from "kysely";
import { now } from "../../../db/portable.ts";
import type { Tables } from "../../../db/tables.ts";
import { CAMPAIGNS_EN } from "./campaigns.en.ts";
import { EVENTS_EN } from "./events.en.ts";
import { FIGURES_EN } from "./figures.en.ts";
import { GROUPS_EN } from "./groups.en.ts";
import { PAGES_EN } from "./pages.en.ts";
import { seedTakeActionAndLearn } from "./seed-take-action.ts";
import { DEMO_TOPICS } from "./topics.ts";
import { DEMO_TRANSLATIONS } from "./translations.ts";
import type { DemoTranslation } from "./types.ts";

/**
 * Loads the demo content into an empty database, once: runs in the start-up transaction
 * that holds the exclusive lock, so two instances starting together seed it once.
 * Returns whether it loaded anything.
 */
export async function seedDemoContent(trx: Transaction<Tables>): Promise<boolean> {
  const existing = await trx.selectFrom("content_pages").select("id").limit(1).executeTakeFirst();
  if (existing) return false;
  const at = now();
  await trx
    .insertInto("content_pages")
    .values(
      PAGES_EN.map((p) => ({
        slug: p.slug,
        locale: "en",
        title: p.title,
        summary: p.summary,
        body_md: p.body,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  await trx
    .insertInto("figures")
    .values(
      FIGURES_EN.map((f, position) => ({
        locale: "en",
        position,
        value: f.value,
        style: f.style,
        label: f.label,
        source: f.source,
        source_url: f.sourceUrl,
        as_of: f.asOf,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  await trx
    .insertInto("campaigns")
    .values(
      CAMPAIGNS_EN.map((c) => ({
        slug: c.slug,
        locale: "en",
        status: c.status,
        title: c.title,
        summary: c.summary,
        demand: c.demand,
        target_name: c.targetName,
        body_md: c.body,
        image_url: c.image.url,
        image_alt: c.image.alt,
        image_width: c.image.width,
        image_height: c.image.height,
        image_caption: c.image.caption,
        image_credit: c.image.credit,
        featured: c.featured ? 1 : 0,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  for (const [locale, demo] of Object.entries(DEMO_TRANSLATIONS)) await seedTranslation(trx, locale, demo, at);
  await seedTopics(trx);
  await seedEvents(trx, at);
  await seedTakeActionAndLearn(trx, at);
  await seedGroups(trx, at);
  return true;
}

/** The demo's events, published as if a moderator had approved them; they have no host account. */
async function seedEvents(trx: Transaction<Tables>, at: string) {
  await trx
    .insertInto("events")
    .values(
      EVENTS_EN.map((e) => ({
        slug: e.slug,
        locale: "en",
        title: e.title,
        description_md: e.description,
        starts_at: e.startsAt,
        ends_at: e.endsAt,
        time_zone: e.timeZone,
        online: e.online ? 1 : 0,
        town: e.town,
        country: e.country,
        location: e.location,
        capacity: e.capacity,
        host_supporter_id: null,
        host_name: e.hostName,
        status: "published" as const,
        created_at: at,
        updated_at: at,
        cancelled_at: null,
      })),
    )
    .execute();
}

/** The demo's groups, published as if a moderator had approved them, each with its organiser's record. */
async function seedGroups(trx: Transaction<Tables>, at: string) {
  for (const g of GROUPS_EN) {
    const organiser = await trx
      .insertInto("supporters")
      .values({
        email: g.organiserEmail,
        email_canonical: g.organiserEmail,
        name: g.organiserName,
        country: g.country,
        postcode: null,
        locale: "en",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const group = await trx
      .insertInto("groups")
      .values({
        slug: g.slug,
        locale: "en",
        name: g.name,
        description_md: g.description,
        town: g.town,
        country: g.country,
        latitude: g.latitude,
        longitude: g.longitude,
        organiser_supporter_id: organiser.id,
        organiser_name: g.organiserName,
        status: "published",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (g.events.length > 0) {
      await trx.updateTable("events").set({ group_id: group.id }).where("slug", "in", g.events).execute();
    }
  }
}

async function seedTopics(trx: Transaction<Tables>) {
  for (const [position, topic] of DEMO_TOPICS.entries()) {
    const { id } = await trx
      .insertInto("topics")
      .values({ slug: topic.slug, position })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("topic_names")
      .values(Object.entries(topic.names).map(([locale, name]) => ({ topic_id: id, locale, name })))
      .execute();
  }
}

/** One language's pages, figures and campaign translations, matched to the English by slug and order. */
async function seedTranslation(trx: Transaction<Tables>, locale: string, demo: DemoTranslation, at: string) {
  await trx
    .insertInto("content_pages")
    .values(
      demo.pages.map((p) => ({
        slug: p.slug,
        locale,
        title: p.title,
        summary: p.summary,
        body_md: p.body,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  const figures = FIGURES_EN.map((f, position) => ({ english: f, words: demo.figures[position], position }));
  await trx
    .insertInto("figures")
    .values(
      figures.map(({ english, words, position }) => ({
        locale,
        position,
        value: english.value,
        style: english.style,
        label: words?.label ?? english.label,
        source: words?.source ?? english.source,
        source_url: english.sourceUrl,
        as_of: english.asOf,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  const campaigns = await trx.selectFrom("campaigns").select(["id", "slug"]).execute();
  const idOf = new Map(campaigns.map((c) => [c.slug, c.id]));
  const rows = demo.campaigns.flatMap((c) => {
    const id = idOf.get(c.slug);
    if (id === undefined) return [];
    return [
      {
        campaign_id: id,
        locale,
        title: c.title,
        summary: c.summary,
        demand: c.demand,
        target_name: c.targetName,
        body_md: c.body,
        image_alt: c.imageAlt,
        image_caption: c.imageCaption,
        image_credit: c.imageCredit,
        updated_at: at,
      },
    ];
  });
  if (rows.length > 0) await trx.insertInto("campaign_translations").values(rows).execute();
}
