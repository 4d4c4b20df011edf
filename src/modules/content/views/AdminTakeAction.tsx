import { usePage } from "../../../views/context.ts";
import type { FieldError } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { TakeActionItem } from "../take-action.repo.ts";
import { TAKE_ACTION_LIMITS, type TakeActionForm } from "../take-action.service.ts";
import {
  EntryAddForm,
  type EntryEditor,
  type EntryField,
  EntryListFrame,
  EntryTable,
  LocaleNav,
  localeField,
  localeQuery,
  positionField,
} from "./EntryFields.tsx";

function itemFields(i18n: I18n): EntryField[] {
  const t = i18n.t;
  return [
    localeField(i18n),
    positionField(i18n),
    { name: "title", label: t("admin.entry.title"), kind: "text", maxLength: TAKE_ACTION_LIMITS.title },
    { name: "text", label: t("admin.takeAction.text"), kind: "textarea", maxLength: TAKE_ACTION_LIMITS.text },
    {
      name: "link",
      label: t("admin.entry.link"),
      hint: t("admin.entry.linkHint"),
      kind: "text",
      maxLength: TAKE_ACTION_LIMITS.link,
      dir: "ltr",
    },
    {
      name: "linkLabel",
      label: t("admin.takeAction.linkLabel"),
      kind: "text",
      maxLength: TAKE_ACTION_LIMITS.linkLabel,
    },
  ];
}

const PATH = "/admin/take-action";

/** One item's page: its form, and deleting it; the way back is to the item's language. */
export const TAKE_ACTION_EDITOR: EntryEditor<TakeActionForm> = {
  heading: "admin.takeAction.edit",
  back: "admin.takeAction.back",
  fields: itemFields,
  listQuery: localeQuery,
};

/** The take-action items of one language, and the form that adds one. */
export function AdminTakeActionPage({
  staff,
  locale,
  items,
  form,
  errors,
  notice,
}: {
  staff: StaffViewer;
  locale: string;
  items: TakeActionItem[];
  form: TakeActionForm;
  errors: FieldError[];
  notice: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <EntryListFrame
      staff={staff}
      heading={t("admin.takeAction.heading")}
      intro={t("admin.takeAction.intro")}
      notice={notice}
    >
      <LocaleNav path={PATH} current={locale} />
      <EntryTable
        entries={items}
        none={t("admin.takeAction.none")}
        caption={t("admin.takeAction.caption", { language: i18n.languageName(locale) })}
        path={PATH}
        last={{ heading: t("admin.entry.link"), cell: (item) => <td dir="ltr">{item.link}</td> }}
      />
      <EntryAddForm
        heading={t("admin.takeAction.add")}
        action={at(PATH)}
        fields={itemFields(i18n)}
        form={form}
        errors={errors}
      />
    </EntryListFrame>
  );
}
