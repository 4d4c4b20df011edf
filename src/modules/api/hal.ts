import type { AttendanceRow, EventRow, PersonRow, PetitionRow, SignatureRow, TagRow } from "./osdi.repo.ts";
import type { Paging } from "./paging.ts";

/** Identifiers are namespaced by the system, as OSDI asks: "iwelcome:person:12". */
export const ORIGIN_SYSTEM = "iwelcome";

type Link = { href: string };
export type Hal = Record<string, unknown> & { _links: Record<string, Link | Link[]> };

/** Absolute links under /api/v1, so a client can follow them as they are. */
export function linker(publicUrl: URL) {
  return (path: string) => ({ href: new URL(`/api/v1${path}`, publicUrl).toString() });
}
export type Linker = ReturnType<typeof linker>;

const identifiers = (kind: string, id: number | string) => [`${ORIGIN_SYSTEM}:${kind}:${id}`];

/** The one name field, split as OSDI wants: the first word as given name, the rest as family name. */
function splitName(name: string) {
  const [given = "", ...rest] = name.trim().split(/\s+/);
  return { given_name: given, family_name: rest.join(" ") };
}

export function personOf(row: PersonRow, subscribed: boolean, link: Linker): Hal {
  return {
    identifiers: identifiers("person", row.id),
    origin_system: ORIGIN_SYSTEM,
    created_date: row.created_at,
    modified_date: row.updated_at,
    ...splitName(row.name),
    email_addresses: [{ address: row.email, primary: true, status: subscribed ? "subscribed" : "unsubscribed" }],
    postal_addresses: row.country || row.postcode ? [{ country: row.country, postal_code: row.postcode }] : [],
    languages_spoken: [row.locale],
    _links: {
      self: link(`/people/${row.id}`),
      "osdi:signatures": link(`/people/${row.id}/signatures`),
    },
  };
}

export function signatureOf(row: SignatureRow, link: Linker): Hal {
  return {
    identifiers: identifiers("signature", row.id),
    origin_system: ORIGIN_SYSTEM,
    created_date: row.created_at,
    modified_date: row.confirmed_at ?? row.created_at,
    status: row.status,
    comments: row.erased_at ? null : row.comment,
    referrer_data: { source: row.utm_source, referrer: row.referred_by, website: row.referrer_host },
    _links: {
      self: link(`/signatures/${row.id}`),
      "osdi:petition": link(`/petitions/${row.slug}`),
      ...(row.erased_at ? {} : { "osdi:person": link(`/people/${row.supporter_id}`) }),
    },
  };
}

export function petitionOf(
  row: PetitionRow,
  count: { total: number; goal: number },
  publicUrl: URL,
  link: Linker,
): Hal {
  return {
    identifiers: identifiers("petition", row.slug),
    origin_system: ORIGIN_SYSTEM,
    created_date: row.created_at,
    modified_date: row.updated_at,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    petition_text: row.demand,
    target: [{ name: row.target_name }],
    status: row.status,
    deadline: row.deadline,
    total_signatures: count.total,
    goal: count.goal,
    browser_url: new URL(`/campaigns/${row.slug}`, publicUrl).toString(),
    _links: {
      self: link(`/petitions/${row.slug}`),
      "osdi:signatures": link(`/petitions/${row.slug}/signatures`),
      "osdi:record_signature_helper": link(`/petitions/${row.slug}/signatures`),
    },
  };
}

const ATTENDANCE_STATUS = {
  going: "accepted",
  waitlist: "tentative",
  cancelled: "declined",
  pending: "needs action",
} as const;

export function eventOf(row: EventRow, publicUrl: URL, link: Linker): Hal {
  return {
    identifiers: identifiers("event", row.id),
    origin_system: ORIGIN_SYSTEM,
    created_date: row.created_at,
    modified_date: row.updated_at,
    title: row.title,
    description: row.description_md,
    start_date: row.starts_at,
    end_date: row.ends_at,
    time_zone: row.time_zone,
    status: row.status === "cancelled" ? "cancelled" : "confirmed",
    capacity: row.capacity,
    // Only the town and country: the exact place is for confirmed attendees alone.
    location: row.online === 1 ? null : { locality: row.town, country: row.country },
    online: row.online === 1,
    browser_url: new URL(`/events/${row.slug}`, publicUrl).toString(),
    _links: { self: link(`/events/${row.id}`), "osdi:attendances": link(`/events/${row.id}/attendances`) },
  };
}

export function attendanceOf(row: AttendanceRow, link: Linker): Hal {
  return {
    identifiers: identifiers("attendance", row.id),
    origin_system: ORIGIN_SYSTEM,
    created_date: row.created_at,
    modified_date: row.updated_at,
    status: ATTENDANCE_STATUS[row.status],
    waitlisted: row.status === "waitlist",
    _links: {
      self: link(`/attendances/${row.id}`),
      "osdi:event": link(`/events/${row.event_id}`),
      "osdi:person": link(`/people/${row.supporter_id}`),
    },
  };
}

export function tagOf(row: TagRow, link: Linker): Hal {
  return {
    identifiers: identifiers("tag", row.id),
    origin_system: ORIGIN_SYSTEM,
    name: row.name ?? row.slug,
    slug: row.slug,
    _links: { self: link(`/tags/${row.id}`) },
  };
}

/** A page of a collection: OSDI's paging fields, links to the neighbouring pages, the records embedded. */
export function collectionOf(
  name: string,
  items: Hal[],
  { total, paging, path, query }: { total: number; paging: Paging; path: string; query: Record<string, string> },
  link: Linker,
) {
  const totalPages = Math.max(1, Math.ceil(total / paging.perPage));
  const at = (page: number) => {
    const params = new URLSearchParams({ ...query, page: String(page), per_page: String(paging.perPage) });
    return link(`${path}?${params}`);
  };
  return {
    total_pages: totalPages,
    per_page: paging.perPage,
    page: paging.page,
    total_records: total,
    _links: {
      self: at(paging.page),
      ...(paging.page < totalPages ? { next: at(paging.page + 1) } : {}),
      ...(paging.page > 1 ? { prev: at(Math.min(paging.page - 1, totalPages)) } : {}),
      [`osdi:${name}`]: items.map((item) => item._links.self as Link),
    },
    _embedded: { [`osdi:${name}`]: items },
  };
}
