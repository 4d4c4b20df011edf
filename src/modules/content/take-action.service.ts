import type { Deps } from "../../deps.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales.ts";
import { getContentPage, PAGE_SLUGS } from "./content.service.ts";
import { fieldText, isLinkTarget, isLocale, plainText, positionOf, problemList } from "./entry-input.ts";
import { entryWrites } from "./entry-store.ts";
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
  const { problems, add } = problemList();
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

/** Adding an item (id null) or changing one, and deleting one; audited with before and after in the same transaction. */
export const { save: saveTakeActionItem, remove: deleteTakeActionItem } = entryWrites(
  { table: "take_action_items", entity: "take_action_item", action: "take-action", find: findTakeActionItem },
  check,
);
