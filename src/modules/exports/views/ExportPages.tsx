import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { CampaignHeader, isolated } from "../../admin/views/CampaignLinks.tsx";
import type { CampaignStatus } from "../../campaigns/campaign-states.ts";
import { countriesByName } from "../../i18n/countries.ts";
import { LOCALES, localisedPath } from "../../i18n/locales.ts";
import type { DeliveryForm, SignatureExportForm, SupporterExportForm } from "../export-input.ts";

export interface ExportCampaign {
  id: number;
  slug: string;
  title: string;
  status: CampaignStatus;
  publish_at: string | null;
}

const errorOf = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

/** A country list with "every country" first. */
function CountryField({ value, errors, label }: { value: string; errors: FieldError[]; label: string }) {
  const { i18n } = usePage();
  return (
    <Field name="country" label={label} error={errorOf(errors, "country")}>
      {(a) => (
        <select {...a}>
          <option value="">{i18n.t("export.filter.anyCountry")}</option>
          {countriesByName(i18n.locale, i18n.countryName).map((c) => (
            <option key={c.code} value={c.code} selected={c.code === value}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The site's languages, each named in itself, with "any language" first when asked. */
function LanguageField({
  value,
  errors,
  label,
  any,
}: {
  value: string;
  errors: FieldError[];
  label: string;
  any?: string;
}) {
  return (
    <Field name="language" label={label} error={errorOf(errors, "language")}>
      {(a) => (
        <select {...a}>
          {any ? <option value="">{any}</option> : null}
          {LOCALES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code} selected={l.code === value}>
              {l.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function DateField({
  name,
  label,
  value,
  errors,
}: {
  name: string;
  label: string;
  value: string;
  errors: FieldError[];
}) {
  return (
    <Field name={name} label={label} error={errorOf(errors, name)}>
      {(a) => <input {...a} type="date" class="input--short" value={value} />}
    </Field>
  );
}

export function SignatureExportPage({
  staff,
  campaign,
  form,
  errors,
}: {
  staff: StaffViewer;
  campaign: ExportCampaign;
  form: SignatureExportForm;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const statusLabels = {
    confirmed: t("export.status.confirmed"),
    pending: t("export.status.pending"),
    invalidated: t("export.status.invalidated"),
    all: t("export.status.all"),
  };
  return (
    <AdminFrame staff={staff}>
      <CampaignHeader
        campaign={campaign}
        staff={staff}
        current={`/admin/campaigns/${campaign.id}/export`}
        heading={t("export.signatures.heading", { title: isolated(campaign.title) })}
      />
      <p class="lead">{t("export.signatures.text")}</p>
      <p>{t("export.privacy")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, `/admin/campaigns/${campaign.id}/signatures.csv`)}>
        <Field name="status" label={t("export.filter.status")} error={errorOf(errors, "status")}>
          {(a) => (
            <select {...a}>
              {Object.entries(statusLabels).map(([value, label]) => (
                <option key={value} value={value} selected={value === form.status}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CountryField value={form.country} errors={errors} label={t("export.filter.country")} />
        <DateField name="from" label={t("export.filter.from")} value={form.from} errors={errors} />
        <DateField name="to" label={t("export.filter.to")} value={form.to} errors={errors} />
        <button type="submit" class="button">
          {t("export.signatures.submit")}
        </button>
      </Form>
    </AdminFrame>
  );
}

export function SupporterExportPage({
  staff,
  form,
  errors,
}: {
  staff: StaffViewer;
  form: SupporterExportForm;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminFrame staff={staff}>
      <h1>{t("export.supporters.heading")}</h1>
      <p class="lead">{t("export.supporters.text")}</p>
      <p>{t("export.privacy")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, "/admin/supporters.csv")}>
        <div class="checkbox">
          <input type="checkbox" id="field-members" name="members" value="yes" checked={form.members} />
          <label for="field-members">{t("export.filter.members")}</label>
        </div>
        <div class="checkbox">
          <input type="checkbox" id="field-consent" name="consent" value="yes" checked={form.consent} />
          <label for="field-consent">{t("export.filter.consent")}</label>
        </div>
        <CountryField value={form.country} errors={errors} label={t("export.filter.country")} />
        <LanguageField
          value={form.language}
          errors={errors}
          label={t("export.filter.language")}
          any={t("export.filter.anyLanguage")}
        />
        <DateField name="since" label={t("export.filter.since")} value={form.since} errors={errors} />
        <button type="submit" class="button">
          {t("export.supporters.submit")}
        </button>
      </Form>
    </AdminFrame>
  );
}

export function DeliveryPackPage({
  staff,
  campaign,
  form,
  errors,
}: {
  staff: StaffViewer;
  campaign: ExportCampaign;
  form: DeliveryForm;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminFrame staff={staff}>
      <CampaignHeader
        campaign={campaign}
        staff={staff}
        current={`/admin/campaigns/${campaign.id}/delivery`}
        heading={t("delivery.heading", { title: isolated(campaign.title) })}
      />
      <p class="lead">{t("delivery.text")}</p>
      <p>{t("export.privacy")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, `/admin/campaigns/${campaign.id}/delivery.pdf`)}>
        <LanguageField value={form.language} errors={errors} label={t("delivery.language")} />
        <div class="checkbox">
          <input type="checkbox" id="field-comments" name="comments" value="yes" checked={form.comments} />
          <label for="field-comments">{t("delivery.comments")}</label>
        </div>
        <button type="submit" class="button">
          {t("delivery.submit")}
        </button>
      </Form>
    </AdminFrame>
  );
}
