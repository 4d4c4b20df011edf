import { usePage } from "../../../views/context.ts";
import { ErrorSummary, Field, type FieldError, Form } from "../../../views/Form.tsx";
import { Markdown } from "../../../views/Markdown.tsx";
import type { StaffViewer } from "../../admin/staff-area.ts";
import { AdminFrame } from "../../admin/views/AdminPages.tsx";
import { Notice } from "../../admin/views/AdminParts.tsx";
import { LOCALES, localisedPath } from "../../i18n/locales.ts";
import type { SafeHtml } from "../markdown.ts";
import { PAGE_LIMITS, type PageForm, type PageOverview, publicPathOf } from "../pages-admin.service.ts";
import { EntryListFrame, LocaleNav } from "./EntryFields.tsx";

/** Every page, with the languages it has and a link to write each of them. */
export function AdminPagesList({
  staff,
  pages,
  notice,
}: {
  staff: StaffViewer;
  pages: PageOverview[];
  notice: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  return (
    <EntryListFrame staff={staff} heading={t("admin.pages.heading")} intro={t("admin.pages.intro")} notice={notice}>
      <p>
        <a class="button" href={at("/admin/pages/new")}>
          {t("admin.pages.new")}
        </a>
      </p>
      <table class="admin-table">
        <caption>{t("admin.pages.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.pages.page")}</th>
            <th scope="col">{t("admin.pages.address")}</th>
            {LOCALES.map((l) => (
              <th key={l.code} scope="col">
                {i18n.languageName(l.code)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pages.map((p) => (
            <tr key={p.slug}>
              <th scope="row" dir="auto">
                {p.title || p.slug}
              </th>
              <td dir="ltr">
                <a href={at(publicPathOf(p.slug))}>{publicPathOf(p.slug)}</a>
              </td>
              {LOCALES.map((l) => {
                const language = i18n.languageName(l.code);
                const has = p.locales.includes(l.code);
                return (
                  <td key={l.code}>
                    <a href={at(`/admin/pages/${p.slug}/${l.code}`)}>
                      {has
                        ? t("admin.pages.editIn", { language, page: p.slug })
                        : t("admin.pages.writeIn", { language, page: p.slug })}
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </EntryListFrame>
  );
}

/** A page in one language: its title, summary and Markdown, a preview, and deleting it. */
export function AdminPageEditor({
  staff,
  form,
  creating,
  locales,
  fixed,
  errors,
  preview,
  notice,
}: {
  staff: StaffViewer;
  form: PageForm;
  creating: boolean;
  /** The languages the page has so far. */
  locales: string[];
  fixed: boolean;
  errors: FieldError[];
  preview: SafeHtml | null;
  notice: string | null;
}) {
  const { i18n } = usePage();
  const t = i18n.t;
  const at = (path: string) => localisedPath(i18n.locale, path);
  const error = (name: string) => errors.find((e) => e.field === name)?.message;
  const action = creating ? at("/admin/pages") : at(`/admin/pages/${form.slug}/${form.locale}`);
  return (
    <AdminFrame staff={staff}>
      <p>
        <a href={at("/admin/pages")}>{t("admin.pages.back")}</a>
      </p>
      <h1>
        {creating
          ? t("admin.pages.new")
          : t("admin.pages.editing", { slug: form.slug, language: i18n.languageName(form.locale) })}
      </h1>
      <Notice>{notice}</Notice>
      {creating ? null : (
        <>
          <p>
            <a href={at(publicPathOf(form.slug))} lang={form.locale === i18n.locale ? undefined : form.locale}>
              {t("admin.pages.seeOnSite")}
            </a>
            {locales.includes(form.locale) ? null : ` ${t("admin.pages.notYet")}`}
          </p>
          <LocaleNav
            path={`/admin/pages/${form.slug}`}
            current={form.locale}
            href={(code) => at(`/admin/pages/${form.slug}/${code}`)}
            label={(code) =>
              locales.includes(code)
                ? i18n.languageName(code)
                : t("admin.pages.missingIn", { language: i18n.languageName(code) })
            }
          />
        </>
      )}
      <ErrorSummary errors={errors} />
      <Form action={action}>
        {creating ? (
          <>
            <Field name="slug" label={t("admin.pages.slug")} hint={t("admin.pages.slugHint")} error={error("slug")}>
              {(a) => <input {...a} type="text" dir="ltr" maxLength={PAGE_LIMITS.slug} value={form.slug} />}
            </Field>
            <Field name="locale" label={t("admin.takeAction.locale")} error={error("locale")}>
              {(a) => (
                <select {...a}>
                  {LOCALES.map((l) => (
                    <option key={l.code} value={l.code} selected={l.code === form.locale}>
                      {i18n.languageName(l.code)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : null}
        <div lang={form.locale === i18n.locale ? undefined : form.locale}>
          <Field name="title" label={t("admin.entry.title")} error={error("title")}>
            {(a) => <input {...a} type="text" dir="auto" maxLength={PAGE_LIMITS.title} value={form.title} />}
          </Field>
          <Field
            name="summary"
            label={t("admin.pages.summary")}
            hint={t("admin.pages.summaryHint")}
            error={error("summary")}
          >
            {(a) => (
              <textarea {...a} rows={3} dir="auto" maxLength={PAGE_LIMITS.summary}>
                {form.summary}
              </textarea>
            )}
          </Field>
          <Field name="body" label={t("admin.pages.body")} hint={t("admin.pages.bodyHint")} error={error("body")}>
            {(a) => (
              <textarea {...a} rows={18} dir="auto" maxLength={PAGE_LIMITS.body}>
                {form.body}
              </textarea>
            )}
          </Field>
        </div>
        <p class="form-actions">
          <button type="submit" class="button button--secondary" name="intent" value="preview">
            {t("admin.pages.preview")}
          </button>{" "}
          <button type="submit" class="button" name="intent" value="save">
            {t("admin.entry.save")}
          </button>
        </p>
      </Form>
      {preview ? (
        <section class="page-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("admin.pages.previewHeading")}</h2>
          <div class="content-page" lang={form.locale === i18n.locale ? undefined : form.locale}>
            <p class="page-preview__title" dir="auto">
              <strong>{form.title}</strong>
            </p>
            {form.summary ? (
              <p class="lead" dir="auto">
                {form.summary}
              </p>
            ) : null}
            <Markdown html={preview} />
          </div>
        </section>
      ) : null}
      {creating || !locales.includes(form.locale) ? null : (
        <>
          <h2>{t("admin.pages.deleteTranslation", { language: i18n.languageName(form.locale) })}</h2>
          <p>{t("admin.pages.deleteTranslationHint")}</p>
          <Form action={at(`/admin/pages/${form.slug}/${form.locale}/delete`)}>
            <button type="submit" class="button button--secondary">
              {t("admin.pages.deleteTranslation", { language: i18n.languageName(form.locale) })}
            </button>
          </Form>
        </>
      )}
      {creating || fixed ? null : (
        <>
          <h2>{t("admin.pages.delete")}</h2>
          <p>{t("admin.pages.deleteHint")}</p>
          <Form action={at(`/admin/pages/${form.slug}/delete`)}>
            <button type="submit" class="button button--secondary">
              {t("admin.pages.delete")}
            </button>
          </Form>
        </>
      )}
    </AdminFrame>
  );
}
