import { isUniqueViolation, now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { DEFAULT_LOCALE, LOCALES } from "../i18n/locales.ts";
import { PAGE_SLUGS } from "./content.service.ts";
import { type EntryProblem, fieldText, isLocale, plainText } from "./entry-input.ts";
import { renderMarkdown, type SafeHtml } from "./markdown.ts";
import { SLUG } from "./slug.ts";

export const PAGE_LIMITS = { slug: 80, title: 150, summary: 400, body: 50_000 } as const;

const FIXED: readonly string[] = Object.values(PAGE_SLUGS);

/** A page the site itself links to: it may be edited but not deleted. */
export const isFixedPage = (slug: string) => FIXED.includes(slug);

/** Where the public reads a page (without the language prefix). */
export function publicPathOf(slug: string): string {
  if (slug === PAGE_SLUGS.home) return "/";
  if (FIXED.includes(slug)) return `/${slug}`;
  return `/pages/${slug}`;
}

export interface PageOverview {
  slug: string;
  /** The title in the default language, or in the first language it has. */
  title: string;
  /** The languages it has, in the site's order. */
  locales: string[];
  fixed: boolean;
}

/** Every page, the fixed ones first (in their order, even before they exist), then the others by slug. */
export async function listPageOverview(deps: Pick<Deps, "db">): Promise<PageOverview[]> {
  const rows = await deps.db.selectFrom("content_pages").select(["slug", "locale", "title"]).orderBy("slug").execute();
  const slugs = [...FIXED, ...[...new Set(rows.map((r) => r.slug))].filter((s) => !isFixedPage(s))];
  return slugs.map((slug) => {
    const mine = rows.filter((r) => r.slug === slug);
    return {
      slug,
      title: (mine.find((r) => r.locale === DEFAULT_LOCALE) ?? mine[0])?.title ?? "",
      locales: LOCALES.map((l) => l.code as string).filter((code) => mine.some((r) => r.locale === code)),
      fixed: isFixedPage(slug),
    };
  });
}

/** What the editor's form sent, as text, to be shown again when something is wrong. */
export interface PageForm {
  slug: string;
  locale: string;
  title: string;
  summary: string;
  body: string;
}

export function readPageForm(body: unknown): PageForm {
  return {
    slug: fieldText(body, "slug").toLowerCase(),
    locale: fieldText(body, "locale"),
    title: fieldText(body, "title").replace(/\s+/g, " "),
    summary: fieldText(body, "summary").replace(/\s+/g, " "),
    body: fieldText(body, "body"),
  };
}

/** A page in one language as its form shows it; blank when that language has none yet. */
export async function pageFormOf(deps: Pick<Deps, "db">, slug: string, locale: string): Promise<PageForm | null> {
  const row = await deps.db
    .selectFrom("content_pages")
    .select(["title", "summary", "body_md"])
    .where("slug", "=", slug)
    .where("locale", "=", locale)
    .executeTakeFirst();
  return row ? { slug, locale, title: row.title, summary: row.summary, body: row.body_md } : null;
}

export async function pageExists(deps: Pick<Deps, "db">, slug: string): Promise<boolean> {
  const row = await deps.db.selectFrom("content_pages").select("id").where("slug", "=", slug).executeTakeFirst();
  return row !== undefined;
}

/** The slug and language of an address: a page that could exist, or nothing. */
export function isPageAddress(slug: string, locale: string): boolean {
  return SLUG.test(slug) && slug.length <= PAGE_LIMITS.slug && isLocale(locale);
}

function check(form: PageForm): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const add = (field: string, message: EntryProblem["message"] | null) => {
    if (message) problems.push({ field, message });
  };
  if (form.slug === "") add("slug", "admin.entry.error.missing");
  else if (!SLUG.test(form.slug) || form.slug.length > PAGE_LIMITS.slug) add("slug", "admin.pages.error.slug");
  if (!isLocale(form.locale)) add("locale", "admin.entry.error.locale");
  add("title", plainText(form.title, PAGE_LIMITS.title));
  if (form.summary.length > PAGE_LIMITS.summary) add("summary", "admin.entry.error.tooLong");
  if (form.body === "") add("body", "admin.entry.error.missing");
  else if (form.body.length > PAGE_LIMITS.body) add("body", "admin.entry.error.tooLong");
  return problems;
}

/** The page as the public would see it, from the form: the same renderer, the same sanitiser. */
export function previewOf(form: PageForm): SafeHtml {
  return renderMarkdown(form.body);
}

export type PageOutcome = { ok: true } | { ok: false; problems: EntryProblem[] };

/**
 * Writes one language of a page: a new page (`creating`, its slug not yet taken in any
 * language) or the text of an existing one, added or changed. Audited with before and after.
 */
export async function savePage(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  form: PageForm,
  { creating }: { creating: boolean },
): Promise<PageOutcome> {
  const problems = check(form);
  if (problems.length > 0) return { ok: false, problems };
  const taken = await pageExists(deps, form.slug);
  if (creating && taken) return { ok: false, problems: [{ field: "slug", message: "admin.pages.error.slugTaken" }] };
  if (!creating && !taken && !isFixedPage(form.slug)) throw new NotFoundError();
  const columns = { title: form.title, summary: form.summary, body_md: form.body };
  try {
    await deps.db.transaction().execute(async (trx) => {
      const at = now();
      const before = await trx
        .selectFrom("content_pages")
        .select(["id", "slug", "locale", "title", "summary", "body_md"])
        .where("slug", "=", form.slug)
        .where("locale", "=", form.locale)
        .executeTakeFirst();
      let id: number;
      if (before) {
        await trx
          .updateTable("content_pages")
          .set({ ...columns, updated_at: at })
          .where("id", "=", before.id)
          .execute();
        id = before.id;
      } else {
        const row = await trx
          .insertInto("content_pages")
          .values({ slug: form.slug, locale: form.locale, ...columns, created_at: at, updated_at: at })
          .returning("id")
          .executeTakeFirstOrThrow();
        id = row.id;
      }
      await recordAudit(trx, {
        staffUserId,
        action: creating ? "page.add" : "page.edit",
        entity: "content_page",
        entityId: id,
        before: before ?? null,
        after: { slug: form.slug, locale: form.locale, ...columns },
      });
    });
  } catch (error) {
    // Two campaigners creating the same page at once: the second is told, as above.
    if (isUniqueViolation(error))
      return { ok: false, problems: [{ field: "slug", message: "admin.pages.error.slugTaken" }] };
    throw error;
  }
  return { ok: true };
}

/** Deletes a page in every language; a page the site links to cannot be deleted. */
export async function deletePage(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  slug: string,
): Promise<"deleted" | "fixed"> {
  if (isFixedPage(slug)) return "fixed";
  const before = await deps.db
    .selectFrom("content_pages")
    .select(["id", "slug", "locale", "title", "summary", "body_md"])
    .where("slug", "=", slug)
    .execute();
  if (before.length === 0) throw new NotFoundError();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("content_pages").where("slug", "=", slug).execute();
    await recordAudit(trx, {
      staffUserId,
      action: "page.delete",
      entity: "content_page",
      entityId: slug,
      before,
      after: null,
    });
  });
  return "deleted";
}

/**
 * Deletes one language's version of a page; readers in that language then get the default
 * language's, with its note. The default language's version stays while another language has
 * one (it is their fallback: "default"), and the last version of a page the site links to stays
 * ("fixed"). Deleting the last version of another page deletes the page ("page-gone").
 */
export async function deletePageTranslation(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  slug: string,
  locale: string,
): Promise<"deleted" | "page-gone" | "default" | "fixed"> {
  return deps.db.transaction().execute(async (trx) => {
    const versions = await trx
      .selectFrom("content_pages")
      .select(["id", "slug", "locale", "title", "summary", "body_md"])
      .where("slug", "=", slug)
      .execute();
    const before = versions.find((v) => v.locale === locale);
    if (!before) throw new NotFoundError();
    const last = versions.length === 1;
    if (last && isFixedPage(slug)) return "fixed";
    if (locale === DEFAULT_LOCALE && !last) return "default";
    await trx.deleteFrom("content_pages").where("id", "=", before.id).execute();
    await recordAudit(trx, {
      staffUserId,
      action: "page.delete-translation",
      entity: "content_page",
      entityId: before.id,
      before,
      after: null,
    });
    return last ? "page-gone" : "deleted";
  });
}
