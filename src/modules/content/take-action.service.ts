import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales.ts";
import { getContentPage, PAGE_SLUGS } from "./content.service.ts";
import { type EntryProblem, fieldText, isLinkTarget, isLocale, plainText, positionOf } from "./entry-input.ts";
import { findTakeActionItem, listTakeActionItems, type TakeActionItem } from "./take-action.repo.ts";

export const TAKE_ACTION_LIMITS = { title: 100, text: 400, link: 500, linkLabel: 60 } as const;

/**
 * The take-action hub: the page's own words (the content page "take-action") and the ways
 * to help, in the visitor's language, or in the default language when theirs has none.
 */
export async function getTakeActionPage(deps: Pick<Deps, "db">, locale: Locale) {
  const intro = await getContentPage(deps, PAGE_SLUGS.takeAction, locale);
  let items = await listTakeActionItems(deps.db, locale);
  if (items.length === 0 && locale !== DEFAULT_LOCALE) items = await listTakeActionItems(deps.db, DEFAULT_LOCALE);
  return { intro, items };
}

/** What the editor's form sent, as text, to be shown again when something is wrong. */
export interface TakeActionForm {
  locale: string;
  position: string;
  title: string;
  text: string;
  link: string;
  linkLabel: string;
}

export function readTakeActionForm(body: unknown): TakeActionForm {
  return {
    locale: fieldText(body, "locale"),
    position: fieldText(body, "position"),
    title: fieldText(body, "title").replace(/\s+/g, " "),
    text: fieldText(body, "text").replace(/\s+/g, " "),
    link: fieldText(body, "link"),
    linkLabel: fieldText(body, "linkLabel").replace(/\s+/g, " "),
  };
}

export function formOfItem(item: TakeActionItem): TakeActionForm {
  return {
    locale: item.locale,
    position: String(item.position),
    title: item.title,
    text: item.text,
    link: item.link,
    linkLabel: item.link_label,
  };
}

function check(form: TakeActionForm) {
  const problems: EntryProblem[] = [];
  const add = (field: string, message: EntryProblem["message"] | null) => {
    if (message) problems.push({ field, message });
  };
  if (!isLocale(form.locale)) add("locale", "admin.entry.error.locale");
  const position = positionOf(form.position);
  if (position === null) add("position", "admin.entry.error.position");
  add("title", plainText(form.title, TAKE_ACTION_LIMITS.title));
  add("text", plainText(form.text, TAKE_ACTION_LIMITS.text));
  if (!isLinkTarget(form.link)) add("link", "admin.entry.error.link");
  add("linkLabel", plainText(form.linkLabel, TAKE_ACTION_LIMITS.linkLabel));
  if (problems.length > 0 || position === null) return { ok: false as const, problems };
  return {
    ok: true as const,
    row: {
      locale: form.locale,
      position,
      title: form.title,
      text: form.text,
      link: form.link,
      link_label: form.linkLabel,
    },
  };
}

export type SaveOutcome = { ok: true; id: number } | { ok: false; problems: EntryProblem[] };

/** Adds an item (id null) or changes one; audited with before and after in the same transaction. */
export async function saveTakeActionItem(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  id: number | null,
  form: TakeActionForm,
): Promise<SaveOutcome> {
  const checked = check(form);
  if (!checked.ok) return checked;
  const before = id === null ? null : await findTakeActionItem(deps.db, id);
  if (id !== null && !before) throw new NotFoundError();
  return deps.db.transaction().execute(async (trx) => {
    const at = now();
    let savedId: number;
    if (id === null) {
      const row = await trx
        .insertInto("take_action_items")
        .values({ ...checked.row, created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      savedId = row.id;
    } else {
      await trx
        .updateTable("take_action_items")
        .set({ ...checked.row, updated_at: at })
        .where("id", "=", id)
        .execute();
      savedId = id;
    }
    await recordAudit(trx, {
      staffUserId,
      action: id === null ? "take-action.add" : "take-action.edit",
      entity: "take_action_item",
      entityId: savedId,
      before: before ?? null,
      after: checked.row,
    });
    return { ok: true as const, id: savedId };
  });
}

export async function deleteTakeActionItem(deps: Pick<Deps, "db">, staffUserId: number, id: number) {
  const before = await findTakeActionItem(deps.db, id);
  if (!before) throw new NotFoundError();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("take_action_items").where("id", "=", id).execute();
    await recordAudit(trx, {
      staffUserId,
      action: "take-action.delete",
      entity: "take_action_item",
      entityId: id,
      before,
      after: null,
    });
  });
  return before;
}
