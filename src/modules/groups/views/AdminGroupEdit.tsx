import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import { LIMITS } from "../../petitions/signature-input.ts";
import type { GroupDetailsForm } from "../group-input.ts";
import type { OrganiserForm } from "../group-staff-edit.service.ts";
import { GroupDetailsFields } from "./GroupDetailsFields.tsx";

/** Staff's page for one group: its public details (on the site at once) and who organises it. */
export function AdminGroupEditPage({
  staff,
  groupId,
  groupName,
  details,
  organiser,
  errors,
}: {
  staff: StaffViewer;
  groupId: number;
  groupName: string;
  details: GroupDetailsForm;
  organiser: OrganiserForm;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <AdminFrame staff={staff}>
      <h1 dir="auto">{t("groups.admin.edit.heading", { group: groupName })}</h1>
      <ErrorSummary errors={errors} />
      <h2>{t("groups.admin.edit.details")}</h2>
      <p>{t("groups.admin.edit.detailsText")}</p>
      <Form action={at(`/admin/groups/${groupId}/edit`)}>
        <GroupDetailsFields values={details} error={error} />
        <button type="submit" class="button" id="save-group">
          {t("groups.admin.edit.save")}
        </button>
      </Form>
      <h2>{t("groups.admin.edit.organiser")}</h2>
      <p>{t("groups.admin.edit.organiserText")}</p>
      <Form action={at(`/admin/groups/${groupId}/organiser`)}>
        <Field name="organiserName" label={t("groups.new.organiserName")} error={error("organiserName")}>
          {(a) => (
            <input
              {...a}
              name="organiser_name"
              type="text"
              autocomplete="off"
              maxLength={LIMITS.name}
              value={organiser.name}
            />
          )}
        </Field>
        <Field name="organiserEmail" label={t("sign.email.label")} error={error("organiserEmail")}>
          {(a) => (
            <input
              {...a}
              name="organiser_email"
              type="email"
              autocomplete="off"
              spellcheck={false}
              dir="ltr"
              maxLength={LIMITS.email}
              value={organiser.email}
            />
          )}
        </Field>
        <button type="submit" class="button" id="save-organiser">
          {t("groups.admin.edit.saveOrganiser")}
        </button>
      </Form>
      <p>
        <a href={at("/admin/groups")}>{t("groups.admin.edit.back")}</a>
      </p>
    </AdminFrame>
  );
}
