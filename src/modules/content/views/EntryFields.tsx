import type { ComponentChildren, VNode } from "preact";
import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { AdminTable, Notice } from "../../admin/views/AdminParts.tsx";
import type { I18n, MessageKey } from "../../i18n/i18n.ts";
import { LOCALES, localisedPath } from "../../i18n/locales.ts";

/** One field of a campaigner's editing form for a list entry (a take-action item, a resource). */
export interface EntryField {
  name: string;
  label: string;
  hint?: string;
  kind: "text" | "textarea" | "select";
  maxLength?: number;
  options?: { value: string; label: string }[];
  dir?: "ltr" | "auto";
}

/** The fields of an entry's form, with its values and errors. */
export function EntryFields({
  fields,
  values,
  errors,
}: {
  fields: EntryField[];
  values: Record<string, string>;
  errors: FieldError[];
}) {
  return (
    <>
      {fields.map((f) => (
        <Field
          key={f.name}
          name={f.name}
          label={f.label}
          hint={f.hint}
          error={errors.find((e) => e.field === f.name)?.message}
        >
          {(a) =>
            f.kind === "textarea" ? (
              <textarea {...a} rows={4} dir={f.dir ?? "auto"} maxLength={f.maxLength}>
                {values[f.name] ?? ""}
              </textarea>
            ) : f.kind === "select" ? (
              <select {...a}>
                {(f.options ?? []).map((o) => (
                  <option key={o.value} value={o.value} selected={o.value === values[f.name]}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...a} type="text" dir={f.dir ?? "auto"} maxLength={f.maxLength} value={values[f.name] ?? ""} />
            )
          }
        </Field>
      ))}
    </>
  );
}

/** The language an entry of a list kept per language is in. */
export function localeField(i18n: I18n): EntryField {
  return {
    name: "locale",
    label: i18n.t("admin.takeAction.locale"),
    kind: "select",
    options: LOCALES.map((l) => ({ value: l.code, label: i18n.languageName(l.code) })),
  };
}

/** An entry's position in its list: a whole number, 0 to 999. */
export function positionField(i18n: I18n): EntryField {
  return {
    name: "position",
    label: i18n.t("admin.entry.position"),
    hint: i18n.t("admin.entry.positionHint"),
    kind: "text",
    maxLength: 3,
    dir: "ltr",
  };
}

/**
 * The languages of a list kept per language, each a link to its part; the one shown is
 * marked. By default a language's link is `path?locale=…` and its words the language's name.
 */
export function LocaleNav({
  path,
  current,
  href,
  label,
}: {
  path: string;
  current: string;
  /** Where a language's link goes, when not to `path?locale=…`. */
  href?: (code: string) => string;
  /** A language's link's words, when not its name. */
  label?: (code: string) => string;
}) {
  const { i18n } = usePage();
  return (
    <nav aria-label={i18n.t("admin.takeAction.languages")}>
      <ul class="inline-list">
        {LOCALES.map((l) => (
          <li key={l.code}>
            <a
              href={href ? href(l.code) : `${localisedPath(i18n.locale, path)}?locale=${l.code}`}
              aria-current={l.code === current ? "page" : undefined}
            >
              {label ? label(l.code) : i18n.languageName(l.code)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A list page of the admin's content: its heading and introduction, what the last write did, then the list. */
export function EntryListFrame({
  staff,
  heading,
  intro,
  notice,
  children,
}: {
  staff: StaffViewer;
  heading: string;
  intro: string;
  notice: string | null;
  children: ComponentChildren;
}) {
  return (
    <AdminFrame staff={staff}>
      <h1>{heading}</h1>
      <p>{intro}</p>
      <Notice>{notice}</Notice>
      {children}
    </AdminFrame>
  );
}

/** The form under a list that adds an entry to it; its heading is its button's words too. */
export function EntryAddForm<Form extends Record<keyof Form, string>>({
  heading,
  action,
  fields,
  form,
  errors,
}: {
  heading: string;
  action: string;
  fields: EntryField[];
  form: Form;
  errors: FieldError[];
}) {
  const values: Record<string, string> = { ...form };
  return (
    <>
      <h2 id="add">{heading}</h2>
      <ErrorSummary errors={errors} />
      <Form action={action}>
        <EntryFields fields={fields} values={values} errors={errors} />
        <button type="submit" class="button">
          {heading}
        </button>
      </Form>
    </>
  );
}

/** A list's entries in their order: position, title (a link to the entry's form) and one more column. */
export function EntryTable<Entry extends { id: number; position: number; title: string }>({
  entries,
  none,
  caption,
  path,
  last,
}: {
  entries: Entry[];
  none: string;
  caption?: string;
  /** The list's address in the admin ("/admin/learn"); an entry's form is at path/id. */
  path: string;
  last: { heading: string; cell(entry: Entry): VNode };
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  return (
    <AdminTable
      rows={entries}
      none={none}
      caption={caption}
      headings={[t("admin.entry.position"), t("admin.entry.title"), last.heading]}
    >
      {(entry) => (
        <tr key={entry.id}>
          <td>{i18n.formatNumber(entry.position)}</td>
          <td dir="auto">
            <a href={localisedPath(i18n.locale, `${path}/${entry.id}`)}>{entry.title}</a>
          </td>
          {last.cell(entry)}
        </tr>
      )}
    </AdminTable>
  );
}

/** One kind of entry's page in the admin: its words and fields. */
export interface EntryEditor<Form> {
  /** The entry page's heading and title. */
  heading: MessageKey;
  /** The words of the link back to the list. */
  back: MessageKey;
  fields(i18n: I18n): EntryField[];
  /** Which part of the list an entry belongs in, as a query ("locale=en"), if the list has parts. */
  listQuery?(form: Form): string;
}

/** For a list kept per language: the part an entry belongs in, its language (`listQuery`). */
export const localeQuery = (form: { locale: string }) => `locale=${form.locale}`;

/** One entry's page: its form, and deleting it. */
export function EntryEditPage<Form extends Record<keyof Form, string>>({
  staff,
  path,
  id,
  form,
  errors,
  editor,
}: {
  staff: StaffViewer;
  /** The list's address in the admin ("/admin/learn"); the entry's page is at path/id. */
  path: string;
  id: number;
  form: Form;
  errors: FieldError[];
  editor: EntryEditor<Form>;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  const query = editor.listQuery?.(form);
  const fields = editor.fields(i18n);
  const values: Record<string, string> = { ...form };
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href={query ? `${at(path)}?${query}` : at(path)}>{t(editor.back)}</a>
      </p>
      <h1>{t(editor.heading)}</h1>
      <ErrorSummary errors={errors} />
      <Form action={at(`${path}/${id}`)}>
        <EntryFields fields={fields} values={values} errors={errors} />
        <button type="submit" class="button">
          {t("admin.entry.save")}
        </button>
      </Form>
      <h2>{t("admin.entry.delete")}</h2>
      <Form action={at(`${path}/${id}/delete`)}>
        <button type="submit" class="button button--secondary">
          {t("admin.entry.delete")}
        </button>
      </Form>
    </AdminFrame>
  );
}
