import type { Db } from "../../db/index.ts";

/** The words of a campaign that campaigners translate. */
const TRANSLATED = [
  "title",
  "summary",
  "demand",
  "target_name",
  "target_office",
  "body_md",
  "image_alt",
  "image_caption",
  "image_credit",
] as const;

type Translated = (typeof TRANSLATED)[number];

/**
 * Campaign rows in the visitor's language where a translation exists. Each row's `locale`
 * says which language its words are now in: its own when there is no translation, so that
 * the page can mark it (lang attribute) and say that it is shown in its original language.
 */
export async function inLanguage<T extends { id: number; locale: string } & Partial<Record<Translated, string | null>>>(
  db: Db,
  rows: T[],
  locale: string,
): Promise<T[]> {
  const wanted = rows.filter((r) => r.locale !== locale).map((r) => r.id);
  if (wanted.length === 0) return rows;
  const translations = await db
    .selectFrom("campaign_translations")
    .selectAll()
    .where("campaign_id", "in", wanted)
    .where("locale", "=", locale)
    .execute();
  const byCampaign = new Map(translations.map((t) => [t.campaign_id, t]));
  return rows.map((row) => {
    const translation = byCampaign.get(row.id);
    if (!translation) return row;
    const localized: T = { ...row, locale };
    for (const field of TRANSLATED) {
      if (field in row && translation[field] !== null)
        (localized as Record<string, unknown>)[field] = translation[field];
    }
    return localized;
  });
}

/** A campaign's updates in the visitor's language where translated. */
export async function updatesInLanguage<T extends { id: number; title: string; body_md: string }>(
  db: Db,
  updates: T[],
  locale: string,
): Promise<(T & { locale: string | null })[]> {
  if (updates.length === 0) return [];
  const translations = await db
    .selectFrom("campaign_update_translations")
    .selectAll()
    .where(
      "update_id",
      "in",
      updates.map((u) => u.id),
    )
    .where("locale", "=", locale)
    .execute();
  const byUpdate = new Map(translations.map((t) => [t.update_id, t]));
  return updates.map((u) => {
    const t = byUpdate.get(u.id);
    return t ? { ...u, title: t.title, body_md: t.body_md, locale } : { ...u, locale: null };
  });
}
