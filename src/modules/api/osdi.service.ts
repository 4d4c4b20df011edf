import type { Deps } from "../../deps.ts";
import type { I18n } from "../i18n/i18n.ts";
import { readCountryCounts, readCounts } from "../petitions/counts.repo.ts";
import { goalFor } from "../petitions/goal.ts";
import {
  attendanceOf,
  collectionOf,
  eventOf,
  type Hal,
  linker,
  personOf,
  petitionOf,
  signatureOf,
  tagOf,
} from "./hal.ts";
import * as repo from "./osdi.repo.ts";
import { type DateFilter, filterOf, type Paging, pagingOf } from "./paging.ts";
import { ApiProblem } from "./problem.ts";

export interface CollectionQuery {
  page?: number;
  per_page?: number;
  filter?: string;
}

interface Read {
  paging: Paging;
  filters: DateFilter[];
  query: Record<string, string>;
}

function readOf(q: CollectionQuery): Read {
  const paging = pagingOf(q);
  const filters = filterOf(q.filter);
  return { paging, filters, query: q.filter ? { filter: q.filter } : {} };
}

const notFound = (what: string) => new ApiProblem("not-found", `There is no ${what} with this id.`);

/** The collections of the OSDI API; each returns a HAL page. */
export function osdiReader(deps: Deps) {
  const { publicUrl } = deps.config;
  const link = linker(publicUrl);
  const page = (name: string, path: string, items: Hal[], total: number, r: Read) =>
    collectionOf(name, items, { total, paging: r.paging, path, query: r.query }, link);

  const people = async (rows: repo.PersonRow[]) => {
    const subscribed = await repo.subscribedAmong(
      deps.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => personOf(r, subscribed.has(r.id), link));
  };

  const petitions = async (rows: repo.PetitionRow[]) => {
    const counts = await readCounts(
      deps.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const total = counts.get(r.id) ?? 0;
      return petitionOf(r, { total, goal: goalFor(total, r.goal) }, publicUrl, link);
    });
  };

  return {
    async people(q: CollectionQuery) {
      const r = readOf(q);
      const { rows, total } = await repo.pagePeople(deps.db, r.paging, r.filters);
      return page("people", "/people", await people(rows), total, r);
    },
    async person(id: number) {
      const row = await repo.findPerson(deps.db, id);
      if (!row) throw notFound("person");
      const [person] = await people([row]);
      return person as Hal;
    },
    async signatures(q: CollectionQuery, of: { slug?: string; personId?: number } = {}) {
      const r = readOf(q);
      let campaignId: number | undefined;
      if (of.slug !== undefined) {
        const petition = await repo.findPetition(deps.db, of.slug);
        if (!petition) throw notFound("petition");
        campaignId = petition.id;
      }
      if (of.personId !== undefined && !(await repo.findPerson(deps.db, of.personId))) throw notFound("person");
      const { rows, total } = await repo.pageSignatures(deps.db, r.paging, r.filters, {
        ...(campaignId !== undefined ? { campaignId } : {}),
        ...(of.personId !== undefined ? { supporterId: of.personId } : {}),
      });
      const path =
        of.slug !== undefined
          ? `/petitions/${of.slug}/signatures`
          : of.personId !== undefined
            ? `/people/${of.personId}/signatures`
            : "/signatures";
      return page(
        "signatures",
        path,
        rows.map((row) => signatureOf(row, link)),
        total,
        r,
      );
    },
    async signature(id: number) {
      const row = await repo.findSignature(deps.db, id);
      if (!row) throw notFound("signature");
      return signatureOf(row, link);
    },
    async signatureByReferral(code: string) {
      const row = await repo.findSignatureByReferral(deps.db, code);
      return row ? signatureOf(row, link) : null;
    },
    async petitions(q: CollectionQuery) {
      const r = readOf(q);
      const { rows, total } = await repo.pagePetitions(deps.db, r.paging, r.filters);
      return page("petitions", "/petitions", await petitions(rows), total, r);
    },
    async petition(slug: string, i18n: I18n) {
      const row = await repo.findPetition(deps.db, slug);
      if (!row) throw notFound("petition");
      const [petition] = await petitions([row]);
      const count = await deps.counts.current(row.id);
      const byCountry = await readCountryCounts(deps.db, row.id);
      return {
        ...(petition as Hal),
        total_signatures: count.total,
        goal: goalFor(count.total, row.goal),
        updated_at: count.updatedAt,
        signatures_by_country: byCountry.map((c) => ({
          code: c.country,
          name: i18n.countryName(c.country),
          count: c.total,
        })),
      };
    },
    async events(q: CollectionQuery) {
      const r = readOf(q);
      const { rows, total } = await repo.pageEvents(deps.db, r.paging, r.filters);
      return page(
        "events",
        "/events",
        rows.map((row) => eventOf(row, publicUrl, link)),
        total,
        r,
      );
    },
    async event(id: number) {
      const row = await repo.findEvent(deps.db, id);
      if (!row) throw notFound("event");
      return eventOf(row, publicUrl, link);
    },
    async attendances(q: CollectionQuery, eventId?: number) {
      const r = readOf(q);
      if (eventId !== undefined && !(await repo.findEvent(deps.db, eventId))) throw notFound("event");
      const { rows, total } = await repo.pageAttendances(deps.db, r.paging, r.filters, eventId);
      return page(
        "attendances",
        eventId === undefined ? "/attendances" : `/events/${eventId}/attendances`,
        rows.map((row) => attendanceOf(row, link)),
        total,
        r,
      );
    },
    async attendance(id: number) {
      const row = await repo.findAttendance(deps.db, id);
      if (!row) throw notFound("attendance");
      return attendanceOf(row, link);
    },
    async tags(q: CollectionQuery, locale: string) {
      const r = readOf(q);
      if (r.filters.length > 0) {
        throw new ApiProblem("unknown-filter", "Tags have no modified date; list them without a filter.", [
          { pointer: "filter", detail: "not supported on tags" },
        ]);
      }
      const { rows, total } = await repo.pageTags(deps.db, r.paging, locale);
      return page(
        "tags",
        "/tags",
        rows.map((row) => tagOf(row, link)),
        total,
        r,
      );
    },
    async tag(id: number, locale: string) {
      const row = await repo.findTag(deps.db, id, locale);
      if (!row) throw notFound("tag");
      return tagOf(row, link);
    },
  };
}
