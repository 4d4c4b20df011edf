import { usePage } from "../../../views/context.ts";
import { ErrorSummary, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { type EntryField, EntryFields } from "../../content/views/EntryFields.tsx";
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
    {
      name: "position",
      label: t("admin.entry.position"),
      hint: t("admin.entry.positionHint"),
      kind: "text",
      maxLength: 3,
      dir: "ltr",
    },
  ];
}

const asValues = (form: ResourceForm): Record<string, string> => ({ ...form });

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
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <AdminFrame staff={staff}>
      <h1>{t("admin.learn.heading")}</h1>
      <p>{t("admin.learn.intro")}</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {resources.length === 0 ? (
        <p>{t("admin.learn.none")}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t("admin.entry.position")}</th>
              <th scope="col">{t("admin.entry.title")}</th>
              <th scope="col">{t("admin.learn.language")}</th>
            </tr>
          </thead>
          <tbody>
            {resources.map((r) => (
              <tr key={r.id}>
                <td>{i18n.formatNumber(r.position)}</td>
                <td dir="auto">
                  <a href={at(`/admin/learn/${r.id}`)}>{r.title}</a>
                </td>
                <td>{i18n.languageName(r.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="add">{t("admin.learn.add")}</h2>
      <ErrorSummary errors={errors} />
      <Form action={at("/admin/learn")}>
        <EntryFields fields={resourceFields(i18n)} values={asValues(form)} errors={errors} />
        <button type="submit" class="button">
          {t("admin.learn.add")}
        </button>
      </Form>
    </AdminFrame>
  );
}

/** One resource's form, and deleting it. */
export function AdminLearnResourcePage({
  staff,
  id,
  form,
  errors,
}: {
  staff: StaffViewer;
  id: number;
  form: ResourceForm;
  errors: FieldError[];
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href={at("/admin/learn")}>{t("admin.learn.back")}</a>
      </p>
      <h1>{t("admin.learn.edit")}</h1>
      <ErrorSummary errors={errors} />
      <Form action={at(`/admin/learn/${id}`)}>
        <EntryFields fields={resourceFields(i18n)} values={asValues(form)} errors={errors} />
        <button type="submit" class="button">
          {t("admin.entry.save")}
        </button>
      </Form>
      <h2>{t("admin.entry.delete")}</h2>
      <Form action={at(`/admin/learn/${id}/delete`)}>
        <button type="submit" class="button button--secondary">
          {t("admin.entry.delete")}
        </button>
      </Form>
    </AdminFrame>
  );
}
