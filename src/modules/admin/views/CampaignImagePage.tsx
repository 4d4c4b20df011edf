import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { CAMPAIGN_LIMITS } from "../../campaigns/campaign-input.ts";
import type { EditorCampaign } from "../../campaigns/editor.repo.ts";
import { CampaignImage } from "../../campaigns/views/CampaignImage.tsx";
import type { StaffViewer } from "../staff-area.ts";
import { AdminFrame } from "./AdminPages.tsx";
import { DoneNotice, errorFor } from "./CampaignEditorPage.tsx";
import { CampaignHeader, isolated } from "./CampaignLinks.tsx";

/** The campaign's picture: the one it has, a new file, and the words that go with it. */
export function CampaignImagePage({
  staff,
  campaign,
  errors,
  words,
  done,
}: {
  staff: StaffViewer;
  campaign: EditorCampaign;
  errors: FieldError[];
  words: { alt: string; caption: string; credit: string };
  done: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const path = `/admin/campaigns/${campaign.id}/image`;
  const L = CAMPAIGN_LIMITS.imageText;
  return (
    <AdminFrame staff={staff}>
      <CampaignHeader
        campaign={campaign}
        staff={staff}
        current={path}
        heading={t("admin.image.heading", { title: isolated(campaign.title) })}
      />
      <DoneNotice done={done} />
      <ErrorSummary errors={errors} />
      {campaign.image_url ? (
        <section aria-labelledby="current-image-heading" class="admin-image">
          <h2 id="current-image-heading">{t("admin.image.current")}</h2>
          <CampaignImage
            url={campaign.image_url}
            alt={campaign.image_alt}
            width={campaign.image_width}
            height={campaign.image_height}
            caption={campaign.image_caption}
            credit={campaign.image_credit}
            uploadKey={campaign.image_key}
            widths={campaign.image_widths}
            eager
          />
          <Form action={`${path}/remove`}>
            <button type="submit" class="button button--secondary">
              {t("admin.image.remove")}
            </button>
          </Form>
        </section>
      ) : (
        <p>{t("admin.image.none")}</p>
      )}
      <Form action={path} enctype="multipart/form-data">
        <Field
          name="image"
          label={t("admin.image.file")}
          hint={t("admin.image.fileHint")}
          error={errorFor(errors, "image")}
        >
          {(a) => <input {...a} type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" />}
        </Field>
        <Field name="alt" label={t("admin.image.alt")} hint={t("admin.image.altHint")} error={errorFor(errors, "alt")}>
          {(a) => (
            <input {...a} type="text" value={words.alt} maxLength={L} dir="auto" lang={campaign.locale} required />
          )}
        </Field>
        <Field name="caption" label={t("admin.image.caption")} error={errorFor(errors, "caption")}>
          {(a) => <input {...a} type="text" value={words.caption} maxLength={L} dir="auto" lang={campaign.locale} />}
        </Field>
        <Field name="credit" label={t("admin.image.credit")} error={errorFor(errors, "credit")}>
          {(a) => <input {...a} type="text" value={words.credit} maxLength={L} dir="auto" />}
        </Field>
        <button type="submit" class="button">
          {t("admin.image.save")}
        </button>
      </Form>
    </AdminFrame>
  );
}
