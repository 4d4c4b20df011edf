import { usePage } from "../../../views/context.ts";
import { ErrorSummary, type FieldError, Form } from "../../../views/Form.tsx";
import { EmailField, NameField } from "../../../views/PersonFields.tsx";
import { localisedPath } from "../../i18n/locales.ts";
import type { GroupForm } from "../group-input.ts";
import { GroupDetailsFields } from "./GroupDetailsFields.tsx";

/** The "start a group" request: who organises it, what and where it is; a moderator reads it first. */
export function NewGroupPage({ values, errors }: { values: GroupForm; errors: FieldError[] }) {
  const { i18n } = usePage();
  const t = i18n.t;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <div class="page new-group">
      <h1>{t("groups.new.heading")}</h1>
      <p class="lead">{t("groups.new.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form action={localisedPath(i18n.locale, "/groups/new")}>
        <NameField
          value={values.name}
          error={error("name")}
          label={t("groups.new.organiserName")}
          hint={t("groups.new.organiserHint")}
        />
        <EmailField value={values.email} error={error("email")} hint={t("groups.new.emailHint")} />
        <GroupDetailsFields values={values} error={error} />
        <p class="sign__privacy">{t("groups.new.privacy")}</p>
        <button type="submit" class="button button--large" id="group-submit">
          {t("groups.new.submit")}
        </button>
      </Form>
    </div>
  );
}
