import { usePage } from "../../../views/context.ts";
import { ErrorSummary, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import type { I18n } from "../../i18n/i18n.ts";
import { LOCALES, localisedPath } from "../../i18n/locales.ts";
import type { TakeActionItem } from "../take-action.repo.ts";
import { TAKE_ACTION_LIMITS, type TakeActionForm } from "../take-action.service.ts";
import { type EntryField, EntryFields } from "./EntryFields.tsx";

function itemFields(i18n: I18n): EntryField[] {
  const t = i18n.t;
  return [
    {
      name: "locale",
      label: t("admin.takeAction.locale"),
      kind: "select",
      options: LOCALES.map((l) => ({ value: l.code, label: i18n.languageName(l.code) })),
    },
    {
      name: "position",
      label: t("admin.entry.position"),
      hint: t("admin.entry.positionHint"),
      kind: "text",
      maxLength: 3,
      dir: "ltr",
    },
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

const asValues = (form: TakeActionForm): Record<string, string> => ({ ...form });

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
    <AdminFrame staff={staff}>
      <h1>{t("admin.takeAction.heading")}</h1>
      <p>{t("admin.takeAction.intro")}</p>
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
                href={`${at("/admin/take-action")}?locale=${l.code}`}
                aria-current={l.code === locale ? "page" : undefined}
              >
                {i18n.languageName(l.code)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p>{t("admin.takeAction.none")}</p>
      ) : (
        <table class="admin-table">
          <caption>{t("admin.takeAction.caption", { language: i18n.languageName(locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.entry.position")}</th>
              <th scope="col">{t("admin.entry.title")}</th>
              <th scope="col">{t("admin.entry.link")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{i18n.formatNumber(item.position)}</td>
                <td dir="auto">
                  <a href={at(`/admin/take-action/${item.id}`)}>{item.title}</a>
                </td>
                <td dir="ltr">{item.link}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="add">{t("admin.takeAction.add")}</h2>
      <ErrorSummary errors={errors} />
      <Form action={at("/admin/take-action")}>
        <EntryFields fields={itemFields(i18n)} values={asValues(form)} errors={errors} />
        <button type="submit" class="button">
          {t("admin.takeAction.add")}
        </button>
      </Form>
    </AdminFrame>
  );
}

/** One item's form, and deleting it. */
export function AdminTakeActionItemPage({
  staff,
  id,
  form,
  errors,
}: {
  staff: StaffViewer;
  id: number;
  form: TakeActionForm;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href={`${at("/admin/take-action")}?locale=${form.locale}`}>{t("admin.takeAction.back")}</a>
      </p>
      <h1 dir="auto">{t("admin.takeAction.edit")}</h1>
      <ErrorSummary errors={errors} />
      <Form action={at(`/admin/take-action/${id}`)}>
        <EntryFields fields={itemFields(i18n)} values={asValues(form)} errors={errors} />
        <button type="submit" class="button">
          {t("admin.entry.save")}
        </button>
      </Form>
      <h2>{t("admin.entry.delete")}</h2>
      <Form action={at(`/admin/take-action/${id}/delete`)}>
        <button type="submit" class="button button--secondary">
          {t("admin.entry.delete")}
        </button>
      </Form>
    </AdminFrame>
  );
}
