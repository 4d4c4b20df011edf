import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import { RadioFieldset } from "../../../views/RadioFieldset.tsx";
import { CAMPAIGN_LIMITS, type CampaignForm } from "../../campaigns/campaign-input.ts";
import type { EditorCampaign } from "../../campaigns/editor.repo.ts";
import type { TransitionForm } from "../../campaigns/editor.service.ts";
import type { SafeHtml } from "../../content/markdown.ts";
import type { MessageKey } from "../../i18n/i18n.ts";
import { isLocale, LOCALES } from "../../i18n/locales.ts";
import type { StaffViewer } from "../staff-area.ts";
import { AdminFrame } from "./AdminPages.tsx";
import { CampaignHeader, isolated } from "./CampaignLinks.tsx";
import { StateActions } from "./StateActions.tsx";

export interface EditorState {
  errors: FieldError[];
  preview: SafeHtml | null;
  transitionErrors: FieldError[];
  transitionForm: TransitionForm | null;
}

/** What the last write did, said at the top of the page it came back to. */
export const DONE: Record<string, MessageKey> = {
  created: "admin.done.created",
  saved: "admin.done.saved",
  publish: "admin.done.publish",
  schedule: "admin.done.schedule",
  unschedule: "admin.done.unschedule",
  close: "admin.done.close",
  "declare-victory": "admin.done.victory",
  "mark-delivered": "admin.done.delivered",
  "image-saved": "admin.done.imageSaved",
  "image-removed": "admin.done.imageRemoved",
  "update-posted": "admin.done.updatePosted",
  "update-saved": "admin.done.updateSaved",
  "update-removed": "admin.done.updateRemoved",
  "translation-saved": "admin.done.translationSaved",
};

export function DoneNotice({ done }: { done: string | null }) {
  const { i18n } = usePage();
  const key = done ? DONE[done] : undefined;
  return key ? (
    <p class="notice" role="status">
      {i18n.t(key)}
    </p>
  ) : null;
}

export const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

export interface CampaignEditorProps extends EditorState {
  staff: StaffViewer;
  campaign: EditorCampaign | null;
  topics: { slug: string; name: string }[];
  form: CampaignForm;
  done: string | null;
  translations: { locale: string; updated_at: string }[];
}

/** A new campaign, or one being edited: its state and what can be done to it, then its words. */
export function CampaignEditorPage(props: CampaignEditorProps) {
  const { staff, campaign, errors, preview, done } = props;
  const { i18n } = usePage();
  const t = i18n.t;
  const action = campaign ? `/admin/campaigns/${campaign.id}` : "/admin/campaigns/new";
  return (
    <AdminFrame staff={staff}>
      {campaign ? (
        <CampaignHeader
          campaign={campaign}
          staff={staff}
          current={action}
          heading={t("admin.campaign.editHeading", { title: isolated(campaign.title) })}
        />
      ) : (
        <>
          <p>
            <a href="/admin/campaigns">{t("admin.campaigns.back")}</a>
          </p>
          <h1>{t("admin.campaign.newHeading")}</h1>
        </>
      )}
      <DoneNotice done={done} />
      <ErrorSummary errors={[...errors, ...props.transitionErrors]} />
      {campaign ? (
        <StateActions campaign={campaign} errors={props.transitionErrors} form={props.transitionForm} />
      ) : null}
      {preview ? (
        <section class="campaign-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("admin.campaign.previewHeading")}</h2>
          <div lang={isLocale(props.form.locale) ? props.form.locale : undefined} dir="auto">
            <Markdown html={preview} />
          </div>
        </section>
      ) : null}
      <CampaignFields {...props} action={action} />
      {campaign ? <TranslationList campaign={campaign} translations={props.translations} /> : null}
    </AdminFrame>
  );
}

function CampaignFields({ form, errors, topics, action }: CampaignEditorProps & { action: string }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const L = CAMPAIGN_LIMITS;
  const e = (field: string) => errorFor(errors, field);
  const lang = isLocale(form.locale) ? form.locale : undefined;
  return (
    <section aria-labelledby="words-heading">
      <h2 id="words-heading">{t("admin.campaign.wordsHeading")}</h2>
      <Form action={action} class="campaign-form">
        <Field name="title" label={t("admin.campaign.title")} error={e("title")}>
          {(a) => <input {...a} type="text" value={form.title} maxLength={L.title} dir="auto" lang={lang} required />}
        </Field>
        <Field name="slug" label={t("admin.campaign.slug")} hint={t("admin.campaign.slugHint")} error={e("slug")}>
          {(a) => <input {...a} type="text" value={form.slug} maxLength={L.slug} dir="ltr" autocomplete="off" />}
        </Field>
        <Field name="summary" label={t("admin.campaign.summary")} error={e("summary")}>
          {(a) => (
            <textarea {...a} rows={3} maxLength={L.summary} dir="auto" lang={lang} required>
              {form.summary}
            </textarea>
          )}
        </Field>
        <Field name="demand" label={t("admin.campaign.demand")} error={e("demand")}>
          {(a) => (
            <textarea {...a} rows={3} maxLength={L.demand} dir="auto" lang={lang} required>
              {form.demand}
            </textarea>
          )}
        </Field>
        <Field name="body" label={t("admin.campaign.body")} hint={t("admin.campaign.bodyHint")} error={e("body")}>
          {(a) => (
            <textarea {...a} rows={14} maxLength={L.body} dir="auto" lang={lang} required>
              {form.body}
            </textarea>
          )}
        </Field>
        <Field name="targetName" label={t("admin.campaign.targetName")} error={e("targetName")}>
          {(a) => (
            <input
              {...a}
              type="text"
              value={form.targetName}
              maxLength={L.targetName}
              dir="auto"
              lang={lang}
              required
            />
          )}
        </Field>
        <Field name="targetOffice" label={t("admin.campaign.targetOffice")} error={e("targetOffice")}>
          {(a) => (
            <input {...a} type="text" value={form.targetOffice} maxLength={L.targetOffice} dir="auto" lang={lang} />
          )}
        </Field>
        <RadioFieldset
          field="goalMode"
          name="goalMode"
          legend={t("admin.campaign.goal")}
          idPrefix="goal"
          choices={[
            { value: "automatic", label: t("admin.campaign.goalAutomatic") },
            { value: "fixed", label: t("admin.campaign.goalFixed") },
          ]}
          checked={form.goalMode}
        />
        <Field name="goal" label={t("admin.campaign.goalNumber")} error={e("goal")}>
          {(a) => <input {...a} type="text" inputMode="numeric" value={form.goal} class="input--short" dir="ltr" />}
        </Field>
        <RadioFieldset
          field="signaturePolicy"
          name="signaturePolicy"
          legend={t("admin.campaign.policy")}
          idPrefix="policy"
          choices={[
            { value: "confirm", label: t("admin.campaign.policyConfirm") },
            { value: "instant", label: t("admin.campaign.policyInstant") },
          ]}
          checked={form.signaturePolicy}
        />
        <div class="checkbox">
          <input
            type="checkbox"
            id="field-postcodeRequired"
            name="postcodeRequired"
            value="1"
            checked={form.postcodeRequired}
          />
          <label for="field-postcodeRequired">{t("admin.campaign.postcodeRequired")}</label>
        </div>
        <Field
          name="deadline"
          label={t("admin.campaign.deadline")}
          hint={t("admin.campaign.deadlineHint")}
          error={e("deadline")}
        >
          {(a) => <input {...a} type="date" value={form.deadline} class="input--short" />}
        </Field>
        <Field name="topic" label={t("admin.campaign.topic")} error={e("topic")}>
          {(a) => (
            <select {...a}>
              <option value="" selected={form.topic === ""}>
                {t("admin.campaign.noTopic")}
              </option>
              {topics.map((topic) => (
                <option key={topic.slug} value={topic.slug} selected={form.topic === topic.slug}>
                  {topic.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="locale" label={t("admin.campaign.locale")} error={e("locale")}>
          {(a) => (
            <select {...a}>
              {LOCALES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code} selected={form.locale === l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="form-buttons">
          <button type="submit" class="button" name="intent" value="save">
            {t("admin.campaign.save")}
          </button>
          <button type="submit" class="button button--secondary" name="intent" value="preview">
            {t("admin.campaign.preview")}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** Which languages the campaign is translated into, with a link to each translation. */
function TranslationList({
  campaign,
  translations,
}: {
  campaign: EditorCampaign;
  translations: { locale: string; updated_at: string }[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const saved = new Map(translations.map((tr) => [tr.locale, tr.updated_at]));
  return (
    <section aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t("admin.translations.heading")}</h2>
      <p>{t("admin.translations.intro", { language: i18n.languageName(campaign.locale) })}</p>
      <table class="admin-table">
        <caption>{t("admin.translations.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.translations.language")}</th>
            <th scope="col">{t("admin.translations.state")}</th>
          </tr>
        </thead>
        <tbody>
          {LOCALES.filter((l) => l.code !== campaign.locale).map((l) => {
            const at = saved.get(l.code);
            return (
              <tr key={l.code}>
                <th scope="row">
                  <a href={`/admin/campaigns/${campaign.id}/translations/${l.code}`}>
                    {t(at ? "admin.translations.edit" : "admin.translations.add", {
                      language: i18n.languageName(l.code),
                    })}
                  </a>
                </th>
                <td>
                  {at
                    ? t("admin.translations.translated", { date: i18n.formatDate(at, { dateStyle: "medium" }) })
                    : t("admin.translations.missing")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
