import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { groupHostsCanChoose, groupsHostsCanChoose } from "../groups/group-claims.ts";
import { groupsWithUpcomingEvents } from "../groups/groups.repo.ts";
import type { Locale } from "../i18n/locales.ts";
import { recordSlug } from "../moderation/record-slug.ts";
import { findOrCreateSupporter } from "../supporters/supporters.repo.ts";
import { type EventForm, type Problem, validateEvent } from "./event-input.ts";
import { submitEvent as queueEventForModeration } from "./event-kind.ts";
import { type EventFilters, listUpcomingEvents, upcomingCountries } from "./events.repo.ts";

export type { EventFilters } from "./events.repo.ts";

/** Reads the listing's filters from the query string; anything unknown is no filter. */
export function readFilters(query: unknown): EventFilters {
  const q = query && typeof query === "object" ? (query as Record<string, unknown>) : {};
  const country = typeof q.country === "string" && /^[A-Za-z]{2}$/.test(q.country) ? q.country.toUpperCase() : null;
  const mode = q.mode === "online" || q.mode === "in-person" ? q.mode : null;
  const group = typeof q.group === "string" && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(q.group) ? q.group : null;
  return { country, mode, group };
}

/** The public list: upcoming published events soonest first, and the countries to filter by. */
export async function getEventList(deps: Deps, filters: EventFilters) {
  const at = now();
  const [events, countries, groups] = await Promise.all([
    listUpcomingEvents(deps.db, filters, at),
    upcomingCountries(deps.db, at),
    groupsWithUpcomingEvents(deps.db, at),
  ]);
  return { events, countries, groups };
}

/** An address for an event: its title's words and a few random letters, so no two clash. */
export function eventSlug(title: string): string {
  return recordSlug(title, "event");
}

/** The groups a host may say run their event. */
export async function groupsToChoose(deps: Deps) {
  return groupsHostsCanChoose(deps.db);
}

export type SubmitOutcome = { kind: "invalid"; problems: Problem<keyof EventForm>[] } | { kind: "sent" };

/**
 * A host's event: stored as waiting and put in the moderation queue in one transaction.
 * It is public only once a moderator approves it; the host is told by email either way.
 */
export async function submitEvent(deps: Deps, form: EventForm, context: { shownIn: Locale }): Promise<SubmitOutcome> {
  const checked = validateEvent(form);
  const group = form.group === "" ? null : ((await groupHostsCanChoose(deps.db, form.group)) ?? "unknown");
  if (!checked.ok || group === "unknown") {
    const problems = checked.ok ? [] : checked.problems;
    if (group === "unknown") problems.push({ field: "group", message: "events.error.group" });
    return { kind: "invalid", problems };
  }
  const e = checked.value;
  await deps.db.transaction().execute(async (trx) => {
    const host = await findOrCreateSupporter(trx, {
      email: e.email,
      emailCanonical: e.emailCanonical,
      name: e.name,
      country: e.country,
      postcode: null,
      locale: context.shownIn,
    });
    const at = now();
    const event = await trx
      .insertInto("events")
      .values({
        slug: eventSlug(e.title),
        locale: context.shownIn,
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
        host_supporter_id: host.id,
        host_name: e.hostName,
        status: "waiting",
        created_at: at,
        updated_at: at,
        cancelled_at: null,
        // Only a claim: the group's organiser accepts it (or not) once the event is approved.
        group_claim_id: group?.id ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await queueEventForModeration(trx, { eventId: event.id, supporterId: host.id, locale: context.shownIn });
  });
  return { kind: "sent" };
}
