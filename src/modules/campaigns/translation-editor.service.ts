import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { isLocale, type Locale } from "../i18n/locales.ts";
import { CAMPAIGN_LIMITS, type FieldProblem, textOf } from "./campaign-input.ts";
import { findTranslation, listUpdatesForEditor, listUpdateTranslations } from "./editor.repo.ts";
import { requireCampaign } from "./editor.service.ts";
import { checkUpdateForm } from "./timeline.service.ts";

/** A translation's form as text; updates by their id. */
export interface TranslationForm {
  title: string;
  summary: string;
  demand: string;
  targetName: string;
  targetOffice: string;
  body: string;
  alt: string;
  caption: string;
  credit: string;
  updates: Record<number, { title: string; body: string }>;
}

/** The form's field names for an update's words. */
export const updateField = (id: number, part: "title" | "body") => `u${id}-${part}`;

export function readTranslationForm(body: Record<string, unknown>, updateIds: number[]): TranslationForm {
  return {
    title: textOf(body, "title"),
    summary: textOf(body, "summary"),
    demand: textOf(body, "demand"),
    targetName: textOf(body, "targetName"),
    targetOffice: textOf(body, "targetOffice"),
    body: textOf(body, "body"),
    alt: textOf(body, "alt"),
    caption: textOf(body, "caption"),
    credit: textOf(body, "credit"),
    updates: Object.fromEntries(
      updateIds.map((id) => [
        id,
        { title: textOf(body, updateField(id, "title")), body: textOf(body, updateField(id, "body")) },
      ]),
    ),
  };
}

/** A campaign, its updates and the translation into one language, for the translation page. */
export async function getTranslation(deps: Pick<Deps, "db">, campaignId: number, locale: string) {
  const campaign = await requireCampaign(deps.db, campaignId);
  // The campaign's own language is edited in the editor, not translated.
  if (!isLocale(locale) || locale === campaign.locale) throw new NotFoundError();
  const updates = await listUpdatesForEditor(deps.db, campaignId);
  const saved = await findTranslation(deps.db, campaignId, locale);
  const savedUpdates = new Map(
    (await listUpdateTranslations(deps.db, campaignId, locale)).map((u) => [u.update_id, u]),
  );
  const form: TranslationForm = {
    title: saved?.title ?? "",
    summary: saved?.summary ?? "",
    demand: saved?.demand ?? "",
    targetName: saved?.target_name ?? "",
    targetOffice: saved?.target_office ?? "",
    body: saved?.body_md ?? "",
    alt: saved?.image_alt ?? "",
    caption: saved?.image_caption ?? "",
    credit: saved?.image_credit ?? "",
    updates: Object.fromEntries(
      updates.map((u) => [
        u.id,
        { title: savedUpdates.get(u.id)?.title ?? "", body: savedUpdates.get(u.id)?.body_md ?? "" },
      ]),
    ),
  };
  return { campaign, updates, locale: locale as Locale, exists: saved !== undefined, form };
}

const CONTROL = /(?![\n\t])\p{Cc}/u;

function checkTranslation(form: TranslationForm): FieldProblem[] {
  const L = CAMPAIGN_LIMITS;
  const problems: FieldProblem[] = [];
  const required: [keyof TranslationForm, number][] = [
    ["title", L.title],
    ["summary", L.summary],
    ["demand", L.demand],
    ["targetName", L.targetName],
    ["body", L.body],
  ];
  for (const [field, max] of required) {
    const value = form[field] as string;
    if (value === "" || value.length > max || CONTROL.test(value))
      problems.push({ field, message: "admin.translation.error.required" });
  }
  for (const field of ["targetOffice", "alt", "caption", "credit"] as const) {
    if (form[field].length > L.imageText || CONTROL.test(form[field]))
      problems.push({ field, message: "admin.campaign.error.tooLong" });
  }
  for (const [id, words] of Object.entries(form.updates)) {
    // An update left empty is not translated yet; half a translation is a mistake.
    if (words.title === "" && words.body === "") continue;
    problems.push(...checkUpdateForm(words, `u${id}-`));
  }
  return problems;
}

/** Saves a campaign's words in one language, and its updates' words that are filled in. */
export async function saveTranslation(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  campaignId: number,
  locale: string,
  body: Record<string, unknown>,
): Promise<{ ok: true } | { ok: false; problems: FieldProblem[]; form: TranslationForm }> {
  const current = await getTranslation(deps, campaignId, locale);
  const form = readTranslationForm(
    body,
    current.updates.map((u) => u.id),
  );
  const problems = checkTranslation(form);
  if (problems.length > 0) return { ok: false, problems, form };
  const row = {
    title: form.title,
    summary: form.summary,
    demand: form.demand,
    target_name: form.targetName,
    target_office: form.targetOffice || null,
    body_md: form.body,
    image_alt: form.alt || null,
    image_caption: form.caption || null,
    image_credit: form.credit || null,
    updated_at: now(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("campaign_translations")
      .values({ campaign_id: campaignId, locale, ...row })
      .onConflict((oc) => oc.columns(["campaign_id", "locale"]).doUpdateSet(row))
      .execute();
    for (const update of current.updates) {
      const words = form.updates[update.id];
      await trx
        .deleteFrom("campaign_update_translations")
        .where("update_id", "=", update.id)
        .where("locale", "=", locale)
        .execute();
      if (words && words.title !== "")
        await trx
          .insertInto("campaign_update_translations")
          .values({ update_id: update.id, locale, title: words.title, body_md: words.body })
          .execute();
    }
    await recordAudit(trx, {
      staffUserId,
      action: "campaign.translate",
      entity: "campaign",
      entityId: campaignId,
      before: current.exists ? { locale, ...current.form } : null,
      after: { locale, ...form },
    });
  });
  return { ok: true };
}
