import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { CAMPAIGN_LIMITS } from "../../campaigns/campaign-input.ts";
import type { EditorCampaign } from "../../campaigns/editor.repo.ts";
import { type TranslationForm, updateField } from "../../campaigns/translation-editor.service.ts";
import { type Locale, localeInfo } from "../../i18n/locales.ts";
import type { StaffViewer } from "../staff-area.ts";
import { AdminFrame } from "./AdminPages.tsx";
import { DoneNotice, errorFor } from "./CampaignEditorPage.tsx";
import { CampaignHeader, isolated } from "./CampaignLinks.tsx";

type TextKey = Exclude<keyof TranslationForm, "updates">;

/**
 * A campaign's words in one language: each field beside the original it translates, typed
 * in that language's direction. Updates left empty stay untranslated (shown in the original).
 */
export function CampaignTranslationPage({
  staff,
  campaign,
  updates,
  locale,
  form,
  errors,
  done,
}: {
  staff: StaffViewer;
  campaign: EditorCampaign;
  updates: { id: number; title: string; body_md: string }[];
  locale: Locale;
  form: TranslationForm;
  errors: FieldError[];
  done: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const dir = localeInfo(locale).dir;
  const path = `/admin/campaigns/${campaign.id}/translations/${locale}`;
  const L = CAMPAIGN_LIMITS;
  const original = (text: string | null) => (text ? t("admin.translation.original", { text }) : undefined);
  const line = (name: TextKey, label: string, max: number, from: string | null, required = false) => (
    <Field name={name} label={label} hint={original(from)} error={errorFor(errors, name)}>
      {(a) => (
        <input {...a} type="text" value={form[name]} maxLength={max} dir={dir} lang={locale} required={required} />
      )}
    </Field>
  );
  const block = (name: TextKey, label: string, max: number, rows: number) => (
    <Field name={name} label={label} error={errorFor(errors, name)}>
      {(a) => (
        <textarea {...a} rows={rows} maxLength={max} dir={dir} lang={locale} required>
          {form[name]}
        </textarea>
      )}
    </Field>
  );
  const originalText = (text: string) => (
    <details class="translation-original">
      <summary>{t("admin.translation.showOriginal")}</summary>
      <p lang={campaign.locale} dir="auto" class="translation-original__text">
        {text}
      </p>
    </details>
  );
  return (
    <AdminFrame staff={staff}>
      <CampaignHeader
        campaign={campaign}
        staff={staff}
        current={path}
        heading={t("admin.translation.heading", {
          title: isolated(campaign.title),
          language: i18n.languageName(locale),
        })}
      />
      <DoneNotice done={done} />
      <ErrorSummary errors={errors} />
      <p>{t("admin.translation.intro", { language: i18n.languageName(campaign.locale) })}</p>
      <Form action={path}>
        {line("title", t("admin.campaign.title"), L.title, campaign.title, true)}
        {block("summary", t("admin.campaign.summary"), L.summary, 3)}
        {originalText(campaign.summary)}
        {block("demand", t("admin.campaign.demand"), L.demand, 3)}
        {originalText(campaign.demand)}
        {block("body", t("admin.campaign.body"), L.body, 14)}
        {originalText(campaign.body_md)}
        {line("targetName", t("admin.campaign.targetName"), L.targetName, campaign.target_name, true)}
        {line("targetOffice", t("admin.campaign.targetOffice"), L.targetOffice, campaign.target_office)}
        {campaign.image_url ? (
          <>
            {line("alt", t("admin.image.alt"), L.imageText, campaign.image_alt)}
            {line("caption", t("admin.image.caption"), L.imageText, campaign.image_caption)}
            {line("credit", t("admin.image.credit"), L.imageText, campaign.image_credit)}
          </>
        ) : null}
        {updates.length > 0 ? (
          <section aria-labelledby="update-translations-heading">
            <h2 id="update-translations-heading">{t("admin.translation.updatesHeading")}</h2>
            <p>{t("admin.translation.updatesHint")}</p>
            {updates.map((u) => {
              const words = form.updates[u.id] ?? { title: "", body: "" };
              const titleName = updateField(u.id, "title");
              const bodyName = updateField(u.id, "body");
              return (
                <fieldset key={u.id} class="field">
                  <legend dir="auto" lang={campaign.locale}>
                    {u.title}
                  </legend>
                  <Field name={titleName} label={t("admin.update.title")} error={errorFor(errors, titleName)}>
                    {(a) => (
                      <input {...a} type="text" value={words.title} maxLength={L.updateTitle} dir={dir} lang={locale} />
                    )}
                  </Field>
                  <Field name={bodyName} label={t("admin.update.body")} error={errorFor(errors, bodyName)}>
                    {(a) => (
                      <textarea {...a} rows={6} maxLength={L.updateBody} dir={dir} lang={locale}>
                        {words.body}
                      </textarea>
                    )}
                  </Field>
                  {originalText(u.body_md)}
                </fieldset>
              );
            })}
          </section>
        ) : null}
        <button type="submit" class="button">
          {t("admin.translation.save")}
        </button>
      </Form>
    </AdminFrame>
  );
}
