import type { FastifyRequest } from "fastify";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import type { FieldProblem } from "../campaigns/campaign-input.ts";
import type { I18n } from "../i18n/i18n.ts";
import { localisedPath } from "../i18n/locales.ts";

/** Every write in the campaigns area: enough for a busy campaigner, not for a script. */
export const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: "1 minute" } };

export type Body = Record<string, unknown>;

export const bodyOf = (request: FastifyRequest): Body => (request.body ?? {}) as Body;

/** A campaign id from the path; anything else names no campaign. */
export function idParam(request: FastifyRequest, name = "id"): number {
  const value = (request.params as Record<string, string>)[name] ?? "";
  if (!/^\d{1,12}$/.test(value)) throw new NotFoundError();
  return Number(value);
}

export const errorsOf = (i18n: I18n, problems: FieldProblem[]): FieldError[] =>
  problems.map((p) => ({ field: p.field, message: i18n.t(p.message) }));

/** Where to go after a write: the page, in the language it was used in, saying what was done. */
export const backTo = (request: FastifyRequest, path: string, done: string) =>
  `${localisedPath(request.locale, path)}?done=${done}`;

/** What the last write did, from the address it redirected to (a fixed list; anything else is ignored). */
export function doneOf(request: FastifyRequest): string | null {
  const done = (request.query as Record<string, unknown>).done;
  return typeof done === "string" && /^[a-z-]{1,30}$/.test(done) ? done : null;
}
