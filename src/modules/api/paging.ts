import { ApiProblem } from "./problem.ts";

/** Records per page unless the client asks; the most it may ask for. */
export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 100;

export interface Paging {
  page: number;
  perPage: number;
}

/** One comparison of the modified date (OSDI's OData-style filter). */
export interface DateFilter {
  op: "gt" | "lt" | "eq";
  at: string;
}

/** The query string every collection accepts, as the route's schema describes it. */
export const COLLECTION_QUERY = {
  type: "object",
  additionalProperties: false,
  properties: {
    page: { type: "integer", minimum: 1, maximum: 1_000_000, default: 1, description: "The page, from 1." },
    per_page: {
      type: "integer",
      minimum: 1,
      default: DEFAULT_PER_PAGE,
      description: `Records per page, at most ${MAX_PER_PAGE}.`,
    },
    filter: {
      type: "string",
      maxLength: 200,
      description:
        "OData-style, on the modified date only: modified_date gt|lt|eq 'ISO-8601 time', or two of them joined by and.",
      examples: ["modified_date gt '2026-01-01T00:00:00Z'"],
    },
  },
} as const;

export function pagingOf(query: { page?: number; per_page?: number }): Paging {
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  if (perPage > MAX_PER_PAGE) {
    throw new ApiProblem("page-too-large", `per_page may be at most ${MAX_PER_PAGE}; ask for the next page instead.`, [
      { pointer: "per_page", detail: `at most ${MAX_PER_PAGE}` },
    ]);
  }
  return { page: query.page ?? 1, perPage };
}

const CLAUSE = /^modified_date\s+(gt|lt|eq)\s+'([^']{1,40})'$/i;

/**
 * Reads `modified_date gt '2026-01-01T00:00:00Z'` (and up to two clauses joined by `and`).
 * Anything else, another field, operator or a time that is not one, is refused with a 400
 * that says what is supported.
 */
export function filterOf(filter: string | undefined): DateFilter[] {
  if (filter === undefined || filter.trim() === "") return [];
  const clauses = filter.trim().split(/\s+and\s+/i);
  if (clauses.length > 2) throw unknownFilter(filter);
  return clauses.map((clause) => {
    const match = CLAUSE.exec(clause.trim());
    if (!match) throw unknownFilter(filter);
    const op = (match[1] ?? "").toLowerCase() as DateFilter["op"];
    const at = new Date(match[2] ?? "");
    if (!/^\d{4}-\d{2}-\d{2}/.test(match[2] ?? "") || Number.isNaN(at.getTime())) {
      throw new ApiProblem("unknown-filter", `"${match[2]}" is not an ISO-8601 time, such as 2026-01-01T00:00:00Z.`, [
        { pointer: "filter", detail: "not an ISO-8601 time" },
      ]);
    }
    return { op, at: at.toISOString() };
  });
}

function unknownFilter(filter: string) {
  return new ApiProblem(
    "unknown-filter",
    `Only the modified date can be filtered on, as modified_date gt, lt or eq 'ISO-8601 time' (two joined by "and"); "${filter.slice(0, 80)}" is not that.`,
    [{ pointer: "filter", detail: "supported: modified_date gt|lt|eq '<time>'" }],
  );
}
