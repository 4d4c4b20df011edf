import { usePage } from "../../../views/context.ts";
import { type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import type { I18n } from "../../i18n/i18n.ts";
import { localisedPath } from "../../i18n/locales.ts";
import type { FigureRow } from "../figures.repo.ts";
import { FIGURE_LIMITS, FIGURE_STYLES, type FigureForm } from "../figures.service.ts";
import {
  EntryAddForm,
  type EntryEditor,
  type EntryField,
  EntryListFrame,
  LocaleNav,
  localeField,
  localeQuery,
} from "./EntryFields.tsx";
import { figureSource, formatFigureValue } from "./Figures.tsx";

const STYLE_LABEL = {
  number: "admin.figures.style.number",
  compact: "admin.figures.style.compact",
  percent: "admin.figures.style.percent",
} as const;

function figureFields(i18n: I18n): EntryField[] {
  const t = i18n.t;
  return [
    localeField(i18n),
    {
      name: "value",
      label: t("admin.figures.value"),
      hint: t("admin.figures.valueHint"),
      kind: "text",
      maxLength: 30,
      dir: "ltr",
    },
    {
      name: "style",
      label: t("admin.figures.style"),
      kind: "select",
      options: FIGURE_STYLES.map((s) => ({ value: s, label: t(STYLE_LABEL[s]) })),
    },
    {
      name: "label",
      label: t("admin.figures.label"),
      hint: t("admin.figures.labelHint"),
      kind: "textarea",
      maxLength: FIGURE_LIMITS.label,
    },
    { name: "source", label: t("admin.figures.source"), kind: "text", maxLength: FIGURE_LIMITS.source },
    {
      name: "sourceUrl",
      label: t("admin.figures.sourceUrl"),
      hint: t("admin.figures.sourceUrlHint"),
      kind: "text",
      maxLength: FIGURE_LIMITS.sourceUrl,
      dir: "ltr",
    },
    {
      name: "asOf",
      label: t("admin.figures.asOf"),
      hint: t("admin.figures.asOfHint"),
      kind: "text",
      maxLength: 10,
      dir: "ltr",
    },
  ];
}

const PATH = "/admin/figures";

/** One figure's page: its form, and deleting it; the way back is to the figure's language. */
export const FIGURE_EDITOR: EntryEditor<FigureForm> = {
  heading: "admin.figures.edit",
  back: "admin.figures.back",
  fields: figureFields,
  listQuery: localeQuery,
};

/** One language's figures, in their order, with buttons to move each, and the form that adds one. */
export function AdminFiguresPage({
  staff,
  locale,
  figures,
  form,
  errors,
  notice,
}: {
  staff: StaffViewer;
  locale: string;
  figures: FigureRow[];
  form: FigureForm;
  errors: FieldError[];
  notice: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <EntryListFrame staff={staff} heading={t("admin.figures.heading")} intro={t("admin.figures.intro")} notice={notice}>
      <LocaleNav path={PATH} current={locale} />
      {figures.length === 0 ? (
        <p>{t("admin.figures.none")}</p>
      ) : (
        <table class="admin-table">
          <caption>{t("admin.figures.caption", { language: i18n.languageName(locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.figures.label")}</th>
              <th scope="col">{t("admin.figures.value")}</th>
              <th scope="col">{t("admin.figures.source")}</th>
              <th scope="col">{t("admin.entry.position")}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f, index) => (
              <tr key={f.id} id={`figure-${f.id}`}>
                <th scope="row" dir="auto">
                  <a href={at(`/admin/figures/${f.id}`)}>{f.label}</a>
                </th>
                <td>
                  {f.value === null
                    ? t("admin.figures.noValue")
                    : formatFigureValue(i18n, { value: f.value, style: f.style })}
                </td>
                <td dir="auto">{figureSource(i18n, { source: f.source, asOf: f.as_of })}</td>
                <td>
                  <Form action={at(`/admin/figures/${f.id}/move`)} class="move-buttons">
                    <button
                      type="submit"
                      class="button button--secondary"
                      name="direction"
                      value="up"
                      disabled={index === 0}
                      aria-label={t("admin.figures.moveUp", { label: f.label })}
                    >
                      {t("admin.entry.moveUp")}
                    </button>{" "}
                    <button
                      type="submit"
                      class="button button--secondary"
                      name="direction"
                      value="down"
                      disabled={index === figures.length - 1}
                      aria-label={t("admin.figures.moveDown", { label: f.label })}
                    >
                      {t("admin.entry.moveDown")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <EntryAddForm
        heading={t("admin.figures.add")}
        action={at(PATH)}
        fields={figureFields(i18n)}
        form={form}
        errors={errors}
      />
    </EntryListFrame>
  );
}
