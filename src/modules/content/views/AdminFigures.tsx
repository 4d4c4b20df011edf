import { usePage } from "../../../views/context.ts";
import { ErrorSummary, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import type { I18n } from "../../i18n/i18n.ts";
import { LOCALES, localisedPath } from "../../i18n/locales.ts";
import type { FigureRow } from "../figures.repo.ts";
import { FIGURE_LIMITS, FIGURE_STYLES, type FigureForm } from "../figures.service.ts";
import { type EntryField, EntryFields } from "./EntryFields.tsx";
import { figureSource, formatFigureValue } from "./Figures.tsx";

const STYLE_LABEL = {
  number: "admin.figures.style.number",
  compact: "admin.figures.style.compact",
  percent: "admin.figures.style.percent",
} as const;

function figureFields(i18n: I18n): EntryField[] {
  const t = i18n.t;
  return [
    {
      name: "locale",
      label: t("admin.takeAction.locale"),
      kind: "select",
      options: LOCALES.map((l) => ({ value: l.code, label: i18n.languageName(l.code) })),
    },
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

const asValues = (form: FigureForm): Record<string, string> => ({ ...form });

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
    <AdminFrame staff={staff}>
      <h1>{t("admin.figures.heading")}</h1>
      <p>{t("admin.figures.intro")}</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <nav aria-label={t("admin.takeAction.languages")}>
        <ul class="inline-list">
          {LOCALES.map((l) => (
            <li key={l.code}>
              <a
                href={`${at("/admin/figures")}?locale=${l.code}`}
                aria-current={l.code === locale ? "page" : undefined}
              >
                {i18n.languageName(l.code)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
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
      <h2 id="add">{t("admin.figures.add")}</h2>
      <ErrorSummary errors={errors} />
      <Form action={at("/admin/figures")}>
        <EntryFields fields={figureFields(i18n)} values={asValues(form)} errors={errors} />
        <button type="submit" class="button">
          {t("admin.figures.add")}
        </button>
      </Form>
    </AdminFrame>
  );
}

/** One figure's form, and deleting it. */
export function AdminFigurePage({
  staff,
  id,
  form,
  errors,
}: {
  staff: StaffViewer;
  id: number;
  form: FigureForm;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href={`${at("/admin/figures")}?locale=${form.locale}`}>{t("admin.figures.back")}</a>
      </p>
      <h1>{t("admin.figures.edit")}</h1>
      <ErrorSummary errors={errors} />
      <Form action={at(`/admin/figures/${id}`)}>
        <EntryFields fields={figureFields(i18n)} values={asValues(form)} errors={errors} />
        <button type="submit" class="button">
          {t("admin.entry.save")}
        </button>
      </Form>
      <h2>{t("admin.entry.delete")}</h2>
      <Form action={at(`/admin/figures/${id}/delete`)}>
        <button type="submit" class="button button--secondary">
          {t("admin.entry.delete")}
        </button>
      </Form>
    </AdminFrame>
  );
}
