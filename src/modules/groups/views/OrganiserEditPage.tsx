import { usePage } from "../../../views/context.ts";
import { ErrorSummary, type FieldError, Form } from "../../../views/Form.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { GroupDetailsForm } from "../group-input.ts";
import { GroupDetailsFields } from "./GroupDetailsFields.tsx";

/** The organiser's form for their group's public details; changed words wait for a moderator. */
export function OrganiserEditPage({
  groupName,
  values,
  errors,
  waitingSince,
}: {
  groupName: string;
  values: GroupDetailsForm;
  errors: FieldError[];
  /** When a change still waiting for a moderator was sent (the form shows that change). */
  waitingSince: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="page organiser-edit">
      <h1 dir="auto">{t("groups.edit.heading", { group: groupName })}</h1>
      <p class="lead">{t("groups.edit.intro")}</p>
      {waitingSince ? (
        <p class="notice" role="status">
          {t("groups.edit.waiting", { date: i18n.formatDate(waitingSince) })}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, "/groups/organiser/edit")}>
        <GroupDetailsFields values={values} error={error} />
        <button type="submit" class="button button--large" id="group-edit-submit">
          {t("groups.edit.submit")}
        </button>
      </Form>
      <p>
        <a href={localisedPath(i18n.locale, "/groups/organiser")}>{t("groups.edit.back")}</a>
      </p>
    </div>
  );
}
