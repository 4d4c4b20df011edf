import { usePage } from "../../../views/context.ts";
import type { FieldError } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import {
  EntryAddForm,
  type EntryEditor,
  type EntryField,
  EntryListFrame,
  EntryTable,
  positionField,
} from "../../content/views/EntryFields.tsx";
import type { I18n } from "../../i18n/i18n.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { LearnResource } from "../resources.repo.ts";
import { RESOURCE_LIMITS, type ResourceForm } from "../resources.service.ts";

function resourceFields(i18n: I18n): EntryField[] {
  const t = i18n.t;
  return [
    { name: "title", label: t("admin.entry.title"), kind: "text", maxLength: RESOURCE_LIMITS.title },
    {
      name: "description",
      label: t("admin.learn.description"),
      kind: "textarea",
      maxLength: RESOURCE_LIMITS.description,
    },
    {
      name: "url",
      label: t("admin.entry.link"),
      hint: t("admin.entry.linkHint"),
      kind: "text",
      maxLength: RESOURCE_LIMITS.url,
      dir: "ltr",
    },
    {
      name: "language",
      label: t("admin.learn.language"),
      hint: t("admin.learn.languageHint"),
      kind: "text",
      maxLength: 6,
      dir: "ltr",
    },
    positionField(i18n),
  ];
}

const PATH = "/admin/learn";

/** One resource's page: its form, and deleting it. */
export const LEARN_EDITOR: EntryEditor<ResourceForm> = {
  heading: "admin.learn.edit",
  back: "admin.learn.back",
  fields: resourceFields,
};

/** Every Learn resource, and the form that adds one. */
export function AdminLearnPage({
  staff,
  resources,
  form,
  errors,
  notice,
}: {
  staff: StaffViewer;
  resources: LearnResource[];
  form: ResourceForm;
  errors: FieldError[];
  notice: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <EntryListFrame staff={staff} heading={t("admin.learn.heading")} intro={t("admin.learn.intro")} notice={notice}>
      <EntryTable
        entries={resources}
        none={t("admin.learn.none")}
        path={PATH}
        last={{ heading: t("admin.learn.language"), cell: (r) => <td>{i18n.languageName(r.language)}</td> }}
      />
      <EntryAddForm
        heading={t("admin.learn.add")}
        action={localisedPath(i18n.locale, PATH)}
        fields={resourceFields(i18n)}
        form={form}
        errors={errors}
      />
    </EntryListFrame>
  );
}
