import type { Transaction } from "kysely";
import type { Tables } from "../../../db/tables.ts";
import { SPONSORSHIP_PAGE_TRANSLATIONS } from "./sponsorship.ts";
import { LEARN_RESOURCES, SPONSORSHIP_PAGE_EN, TAKE_ACTION_ITEMS } from "./take-action.ts";

/** The take-action hub's items and the sponsorship page in every language, and the Learn resources. */
export async function seedTakeActionAndLearn(trx: Transaction<Tables>, at: string) {
  const items = TAKE_ACTION_ITEMS.flatMap((item, i) =>
    Object.entries(item.words).map(([locale, w]) => ({
      locale,
      position: (i + 1) * 10,
      title: w.title,
      text: w.text,
      link: item.link,
      link_label: w.label,
      created_at: at,
      updated_at: at,
    })),
  );
  await trx.insertInto("take_action_items").values(items).execute();
  await trx
    .insertInto("learn_resources")
    .values(LEARN_RESOURCES.map((r, i) => ({ ...r, position: (i + 1) * 10, created_at: at, updated_at: at })))
    .execute();
  const { slug } = SPONSORSHIP_PAGE_EN;
  const pages = [["en", SPONSORSHIP_PAGE_EN] as const, ...Object.entries(SPONSORSHIP_PAGE_TRANSLATIONS)];
  await trx
    .insertInto("content_pages")
    .values(
      pages.map(([locale, p]) => ({
        slug,
        locale,
        title: p.title,
        summary: p.summary,
        body_md: p.body,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}
