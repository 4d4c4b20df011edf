import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { listUpcomingEvents } from "../events/events.repo.ts";
import type { Locale } from "../i18n/locales.ts";
import { recordSlug } from "../moderation/record-slug.ts";
import { findOrCreateSupporter } from "../supporters/supporters.repo.ts";
import { GROUP_LIMITS, type GroupForm, groupColumns, type Problem, validateGroup } from "./group-input.ts";
import { submitGroupForModeration } from "./group-kind.ts";
import { findPublishedGroup, type GroupFilters, groupCountries, listPublishedGroups } from "./groups.repo.ts";

export type { GroupFilters } from "./groups.repo.ts";

/** Reads the directory's search and filters from the query string; anything unusable is no filter. */
export function readGroupFilters(query: unknown): GroupFilters {
  const q = query && typeof query === "object" ? (query as Record<string, unknown>) : {};
  const words = (value: unknown) => {
    const s = typeof value === "string" ? value.replace(/\s+/g, " ").trim().slice(0, GROUP_LIMITS.query) : "";
    return s === "" ? null : s;
  };
  const country = typeof q.country === "string" && /^[A-Za-z]{2}$/.test(q.country) ? q.country.toUpperCase() : null;
  return { q: words(q.q), country, town: words(q.town) };
}

/** The directory: published groups matching the filters, and the countries to filter by. */
export async function getDirectory(deps: Deps, filters: GroupFilters) {
  const [groups, countries] = await Promise.all([listPublishedGroups(deps.db, filters), groupCountries(deps.db)]);
  return { groups, countries };
}

/** A group's public page: the group and its upcoming events. */
export async function getGroupPage(deps: Deps, slug: string) {
  const group = await findPublishedGroup(deps.db, slug);
  if (!group) return undefined;
  const events = await listUpcomingEvents(deps.db, { country: null, mode: null, group: slug }, now(), 20);
  return { group, events };
}

/** An address for a group: its name's words and a few random letters, so no two clash. */
export function groupSlug(name: string): string {
  return recordSlug(name, "group", 3);
}

export type SubmitGroupOutcome = { kind: "invalid"; problems: Problem<keyof GroupForm>[] } | { kind: "sent" };

/**
 * A request to start a group: stored as waiting and put in the moderation queue in one
 * transaction. It is public once a moderator approves it; the organiser is told by email.
 */
export async function submitGroup(
  deps: Deps,
  form: GroupForm,
  context: { shownIn: Locale },
): Promise<SubmitGroupOutcome> {
  const checked = validateGroup(form);
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const g = checked.value;
  await deps.db.transaction().execute(async (trx) => {
    const organiser = await findOrCreateSupporter(trx, {
      email: g.email,
      emailCanonical: g.emailCanonical,
      name: g.name,
      country: g.country,
      postcode: null,
      locale: context.shownIn,
    });
    const at = now();
    const group = await trx
      .insertInto("groups")
      .values({
        slug: groupSlug(g.groupName),
        locale: context.shownIn,
        ...groupColumns(g),
        organiser_supporter_id: organiser.id,
        organiser_name: g.name,
        status: "waiting",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await submitGroupForModeration(trx, { groupId: group.id, supporterId: organiser.id, locale: context.shownIn });
  });
  deps.wakeWorker();
  return { kind: "sent" };
}
