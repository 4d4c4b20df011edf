import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { CAMPAIGN_LIMITS } from "../../campaigns/campaign-input.ts";
import type { EditorCampaign } from "../../campaigns/editor.repo.ts";
import type { UpdateForm } from "../../campaigns/timeline.service.ts";
import type { StaffViewer } from "../staff-area.ts";
import { AdminFrame } from "./AdminPages.tsx";
import { DoneNotice, errorFor } from "./CampaignEditorPage.tsx";
import { CampaignHeader, isolated } from "./CampaignLinks.tsx";

interface UpdateRow {
  id: number;
  title: string;
  body_md: string;
  published_at: string;
}

function UpdateFields({ form, errors, lang }: { form: UpdateForm; errors: FieldError[]; lang: string }) {
  const t = usePage().i18n.t;
  return (
    <>
      <Field name="title" label={t("admin.update.title")} error={errorFor(errors, "title")}>
        {(a) => (
          <input
            {...a}
            type="text"
            value={form.title}
            maxLength={CAMPAIGN_LIMITS.updateTitle}
            dir="auto"
            lang={lang}
            required
          />
        )}
      </Field>
      <Field
        name="body"
        label={t("admin.update.body")}
        hint={t("admin.campaign.bodyHint")}
        error={errorFor(errors, "body")}
      >
        {(a) => (
          <textarea {...a} rows={8} maxLength={CAMPAIGN_LIMITS.updateBody} dir="auto" lang={lang} required>
            {form.body}
          </textarea>
        )}
      </Field>
    </>
  );
}

/** The campaign's timeline: a form to post news, then every update with its edit and remove buttons. */
export function CampaignUpdatesPage({
  staff,
  campaign,
  updates,
  errors,
  form,
  done,
}: {
  staff: StaffViewer;
  campaign: EditorCampaign;
  updates: UpdateRow[];
  errors: FieldError[];
  form: UpdateForm;
  done: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = `/admin/campaigns/${campaign.id}/updates`;
  return (
    <AdminFrame staff={staff}>
      <CampaignHeader
        campaign={campaign}
        staff={staff}
        current={path}
        heading={t("admin.updates.heading", { title: isolated(campaign.title) })}
      />
      <DoneNotice done={done} />
      <ErrorSummary errors={errors} />
      <section aria-labelledby="new-update-heading">
        <h2 id="new-update-heading">{t("admin.updates.new")}</h2>
        <Form action={path}>
          <UpdateFields form={form} errors={errors} lang={campaign.locale} />
          <button type="submit" class="button">
            {t("admin.updates.post")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("admin.updates.timeline")}</h2>
        {updates.length === 0 ? <p>{t("admin.updates.none")}</p> : null}
        <ol class="admin-updates">
          {updates.map((u) => (
            <li key={u.id}>
              <h3 dir="auto" lang={campaign.locale}>
                {u.title}
              </h3>
              <p>
                <time dateTime={u.published_at}>{i18n.formatDate(u.published_at, { dateStyle: "medium" })}</time>
              </p>
              <p>
                <a href={`${path}/${u.id}`}>{t("admin.updates.edit", { title: isolated(u.title) })}</a>
              </p>
              <Form action={`${path}/${u.id}/remove`}>
                <button type="submit" class="button button--secondary">
                  {t("admin.updates.remove", { title: isolated(u.title) })}
                </button>
              </Form>
            </li>
          ))}
        </ol>
      </section>
    </AdminFrame>
  );
}

export function EditUpdatePage({
  staff,
  campaign,
  update,
  errors,
  form,
}: {
  staff: StaffViewer;
  campaign: EditorCampaign;
  update: UpdateRow;
  errors: FieldError[];
  form: UpdateForm;
}) {
  const t = usePage().i18n.t;
  const path = `/admin/campaigns/${campaign.id}/updates`;
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href={path}>{t("admin.updates.back")}</a>
      </p>
      <h1>{t("admin.update.editHeading")}</h1>
      <ErrorSummary errors={errors} />
      <Form action={`${path}/${update.id}`}>
        <UpdateFields form={form} errors={errors} lang={campaign.locale} />
        <button type="submit" class="button">
          {t("admin.update.save")}
        </button>
      </Form>
    </AdminFrame>
  );
}
