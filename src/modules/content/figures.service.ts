import { now } from "../../db/portable.ts";
import type { FigureStyle } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { type EntryProblem, fieldText, isLocale, plainText } from "./entry-input.ts";
import { type FigureRow, findFigure, listFigureRows } from "./figures.repo.ts";

export const FIGURE_STYLES = ["number", "compact", "percent"] as const satisfies readonly FigureStyle[];
export const FIGURE_LIMITS = { label: 200, source: 120, sourceUrl: 500 } as const;

/** What the editor's form sent, as text, to be shown again when something is wrong. */
export interface FigureForm {
  locale: string;
  /** As typed; for a percentage, the percentage (87.5), not the share (0.875) kept in the table. */
  value: string;
  style: string;
  label: string;
  source: string;
  sourceUrl: string;
  asOf: string;
}

export function readFigureForm(body: unknown): FigureForm {
  return {
    locale: fieldText(body, "locale"),
    value: fieldText(body, "value"),
    style: fieldText(body, "style"),
    label: fieldText(body, "label").replace(/\s+/g, " "),
    source: fieldText(body, "source").replace(/\s+/g, " "),
    sourceUrl: fieldText(body, "sourceUrl"),
    asOf: fieldText(body, "asOf"),
  };
}

/** A percentage kept as a share, shown as typed: 0.875 → "87.5" (without 87.50000000000001). */
const asTyped = (value: number, style: FigureStyle) =>
  String(style === "percent" ? Number((value * 100).toPrecision(12)) : value);

export function formOfFigure(row: FigureRow): FigureForm {
  return {
    locale: row.locale,
    value: row.value === null ? "" : asTyped(row.value, row.style),
    style: row.style,
    label: row.label,
    source: row.source,
    sourceUrl: row.source_url ?? "",
    asOf: row.as_of ?? "",
  };
}

/** A number as a campaigner types it: digits, an optional minus and decimal point; spaces and _ group digits. */
export function parseFigureValue(text: string): number | null {
  const plain = text.replace(/[\s\u00a0\u202f_]/g, "");
  if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(plain)) return null;
  return Number(plain);
}

/** YYYY, YYYY-MM or YYYY-MM-DD, and a date that exists. */
export function isAsOf(text: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const [year, month = 1, day = 1] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isHttpsAddress(text: string): boolean {
  if (!/^https:\/\/[^\s<>"]+$/.test(text) || text.length > FIGURE_LIMITS.sourceUrl) return false;
  try {
    return new URL(text).protocol === "https:";
  } catch {
    return false;
  }
}

const isStyle = (value: string): value is FigureStyle => (FIGURE_STYLES as readonly string[]).includes(value);

function check(form: FigureForm) {
  const problems: EntryProblem[] = [];
  const add = (field: string, message: EntryProblem["message"] | null) => {
    if (message) problems.push({ field, message });
  };
  if (!isLocale(form.locale)) add("locale", "admin.entry.error.locale");
  const value = form.value === "" ? null : parseFigureValue(form.value);
  if (form.value !== "" && value === null) add("value", "admin.figures.error.value");
  if (!isStyle(form.style)) add("style", "admin.figures.error.style");
  add("label", plainText(form.label, FIGURE_LIMITS.label));
  add("source", plainText(form.source, FIGURE_LIMITS.source));
  if (form.sourceUrl !== "" && !isHttpsAddress(form.sourceUrl)) add("sourceUrl", "admin.figures.error.sourceUrl");
  if (form.asOf !== "" && !isAsOf(form.asOf)) add("asOf", "admin.figures.error.asOf");
  if (problems.length > 0 || !isStyle(form.style)) return { ok: false as const, problems };
  return {
    ok: true as const,
    row: {
      locale: form.locale,
      value: value === null ? null : form.style === "percent" ? Number((value / 100).toPrecision(12)) : value,
      style: form.style,
      label: form.label,
      source: form.source,
      source_url: form.sourceUrl === "" ? null : form.sourceUrl,
      as_of: form.asOf === "" ? null : form.asOf,
    },
  };
}

export type FigureOutcome = { ok: true; id: number } | { ok: false; problems: EntryProblem[] };

/**
 * Adds a figure at the end of its language's list (id null) or changes one (moving it to the
 * end of another language's list if its language changed). Audited with before and after.
 */
export async function saveFigure(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  id: number | null,
  form: FigureForm,
): Promise<FigureOutcome> {
  const checked = check(form);
  if (!checked.ok) return checked;
  const before = id === null ? null : await findFigure(deps.db, id);
  if (id !== null && !before) throw new NotFoundError();
  return deps.db.transaction().execute(async (trx) => {
    const at = now();
    const last = async () => ((await listFigureRows(trx, checked.row.locale)).at(-1)?.position ?? -1) + 1;
    let savedId: number;
    let position: number;
    if (id === null || !before) {
      position = await last();
      const row = await trx
        .insertInto("figures")
        .values({ ...checked.row, position, created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      savedId = row.id;
    } else {
      position = before.locale === checked.row.locale ? before.position : await last();
      await trx
        .updateTable("figures")
        .set({ ...checked.row, position, updated_at: at })
        .where("id", "=", id)
        .execute();
      savedId = id;
    }
    await recordAudit(trx, {
      staffUserId,
      action: id === null ? "figure.add" : "figure.edit",
      entity: "figure",
      entityId: savedId,
      before: before ?? null,
      after: { ...checked.row, position },
    });
    return { ok: true as const, id: savedId };
  });
}

export async function deleteFigure(deps: Pick<Deps, "db">, staffUserId: number, id: number): Promise<FigureRow> {
  const before = await findFigure(deps.db, id);
  if (!before) throw new NotFoundError();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("figures").where("id", "=", id).execute();
    await recordAudit(trx, {
      staffUserId,
      action: "figure.delete",
      entity: "figure",
      entityId: id,
      before,
      after: null,
    });
  });
  return before;
}

/**
 * Moves a figure one place up or down its language's list; the list is numbered afresh
 * (0, 1, 2…) so that equal positions never leave the order undecided. At either end, nothing moves.
 */
export async function moveFigure(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  id: number,
  direction: "up" | "down",
): Promise<FigureRow> {
  const figure = await findFigure(deps.db, id);
  if (!figure) throw new NotFoundError();
  await deps.db.transaction().execute(async (trx) => {
    const rows = await listFigureRows(trx, figure.locale);
    const from = rows.findIndex((r) => r.id === id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= rows.length) return;
    const order = rows.map((r) => r.id);
    [order[from], order[to]] = [order[to] as number, order[from] as number];
    for (const [position, rowId] of order.entries())
      await trx.updateTable("figures").set({ position }).where("id", "=", rowId).execute();
    await recordAudit(trx, {
      staffUserId,
      action: "figure.move",
      entity: "figure",
      entityId: id,
      before: { locale: figure.locale, order: rows.map((r) => r.id) },
      after: { locale: figure.locale, order },
    });
  });
  return figure;
}
