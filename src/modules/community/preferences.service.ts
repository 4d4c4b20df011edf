import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { emitWebhookEvent } from "../api/webhook-events.ts";
import { i18nFor } from "../i18n/i18n.ts";
import { isLocale, type Locale } from "../i18n/locales.ts";
import { hasCurrentConsent, recordConsent, withdrawConsents } from "../supporters/consents.repo.ts";
import { listTopics, setSupporterTopics } from "./topics.repo.ts";

export const PREFERENCES_CONSENT = { purpose: "email-updates", version: "preferences-updates-1" } as const;

export async function getPreferences(deps: Deps, supporterId: number) {
  const supporter = await deps.db
    .selectFrom("supporters")
    .select(["name", "email", "locale"])
    .where("id", "=", supporterId)
    .where("erased_at", "is", null)
    .executeTakeFirst();
  if (!supporter) return null;
  const topics = await deps.db
    .selectFrom("supporter_topics")
    .innerJoin("topics", "topics.id", "supporter_topics.topic_id")
    .select("topics.slug")
    .where("supporter_id", "=", supporterId)
    .execute();
  return {
    ...supporter,
    topics: topics.map((t) => t.slug),
    emails: await hasCurrentConsent(deps.db, supporterId, "email-updates"),
  };
}

export interface PreferencesForm {
  language: string;
  topics: string[];
  emails: boolean;
}

export function readPreferencesForm(body: unknown): PreferencesForm {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const topics = Array.isArray(b.topics) ? b.topics : b.topics === undefined ? [] : [b.topics];
  return {
    language: typeof b.language === "string" ? b.language : "",
    topics: topics.filter((t): t is string => typeof t === "string").slice(0, 20),
    emails: b.emails === "yes",
  };
}

/**
 * Saves what a supporter chose. Turning emails on is a consent given on this page (the
 * supporter proved the address by following the emailed link, so it is confirmed at once);
 * turning them off withdraws every current one. Returns false for a language or topic the
 * site does not have, and then changes nothing.
 */
export async function savePreferences(
  deps: Deps,
  supporterId: number,
  form: PreferencesForm,
  /** The language of the page the form was on, whose words a consent given there records. */
  shownIn: Locale,
): Promise<boolean> {
  if (!isLocale(form.language)) return false;
  const language = form.language;
  // A sign-in cookie outlives an erasure on another device: an erased record takes nothing back.
  const live = await deps.db
    .selectFrom("supporters")
    .select("id")
    .where("id", "=", supporterId)
    .where("erased_at", "is", null)
    .executeTakeFirst();
  if (!live) return false;
  const known = new Set((await listTopics(deps.db, language)).map((t) => t.slug));
  if (form.topics.some((t) => !known.has(t))) return false;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("supporters")
      .set({ locale: language, updated_at: now() })
      .where("id", "=", supporterId)
      .execute();
    await setSupporterTopics(trx, supporterId, form.topics);
    const subscribed = await hasCurrentConsent(trx, supporterId, "email-updates");
    if (form.emails && !subscribed) {
      await recordConsent(trx, {
        supporterId,
        purpose: PREFERENCES_CONSENT.purpose,
        wording: i18nFor(shownIn).t("preferences.emails.label"),
        wordingVersion: PREFERENCES_CONSENT.version,
        locale: shownIn,
        source: `preferences:${supporterId}`,
        campaignId: null,
        method: "form-checkbox",
      });
      await trx
        .updateTable("consents")
        .set({ confirmed_at: now() })
        .where("supporter_id", "=", supporterId)
        .where("source", "=", `preferences:${supporterId}`)
        .where("confirmed_at", "is", null)
        .execute();
      await emitWebhookEvent(trx, "supporter.subscribed", { person_id: supporterId });
    }
    if (!form.emails && subscribed) {
      await withdrawConsents(trx, supporterId, "email-updates", "preferences");
      await emitWebhookEvent(trx, "supporter.unsubscribed", { person_id: supporterId });
    }
  });
  return true;
}
