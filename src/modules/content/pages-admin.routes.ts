import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import { backTo, doneOf, errorsOf, WRITE_LIMIT } from "../admin/campaign-route-helpers.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import { DEFAULT_LOCALE } from "../i18n/locales.ts";
import { noticeOf } from "./content-admin.routes.ts";
import { fieldText } from "./entry-input.ts";
import type { SafeHtml } from "./markdown.ts";
import {
  deletePage,
  deletePageTranslation,
  isFixedPage,
  isPageAddress,
  listPageOverview,
  type PageForm,
  pageExists,
  pageFormOf,
  previewOf,
  readPageForm,
  savePage,
} from "./pages-admin.service.ts";
import { AdminPageEditor, AdminPagesList } from "./views/AdminContentPages.tsx";

type Params = { slug?: string; locale?: string };

/** The content area's pages: the site's own words, each in any of its languages. */
export const pagesAdminRoutes: StaffRoutes = (app, deps) => {
  app.get("/admin/pages", async (request, reply) => {
    const staff = requireArea(request, "content");
    const pages = await listPageOverview(deps);
    const notice = doneOf(request) === "fixed" ? request.i18n.t("admin.pages.fixed") : noticeOf(request, request.i18n);
    return reply.page(h(AdminPagesList, { staff: viewerOf(staff), pages, notice }), {
      title: request.i18n.t("admin.pages.heading"),
    });
  });

  /** The editor, new or existing: with the errors of a refused save, or the preview asked for. */
  const sendEditor = (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { form: PageForm; creating: boolean; exists?: string[]; errors?: FieldError[]; preview?: SafeHtml },
  ) => {
    const staff = requireArea(request, "content");
    const errors = o.errors ?? [];
    const t = request.i18n.t;
    return reply.page(
      h(AdminPageEditor, {
        staff: viewerOf(staff),
        form: o.form,
        creating: o.creating,
        locales: o.exists ?? [],
        fixed: isFixedPage(o.form.slug),
        errors,
        preview: o.preview ?? null,
        notice: editorNoticeOf(request),
      }),
      {
        title: o.creating ? t("admin.pages.new") : t("admin.pages.edit", { slug: o.form.slug }),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  /** The editor's notice: the shared ones, and those of deleting one language's version. */
  const editorNoticeOf = (request: FastifyRequest) => {
    const done = doneOf(request);
    if (done === "translation-deleted") return request.i18n.t("admin.pages.translationDeleted");
    if (done === "default-kept") return request.i18n.t("admin.pages.defaultLocaleKept");
    return noticeOf(request, request.i18n);
  };

  const blank = (slug: string, locale: string): PageForm => ({ slug, locale, title: "", summary: "", body: "" });
  const wantsPreview = (request: FastifyRequest) => fieldText(request.body, "intent") === "preview";
  const localesOf = async (slug: string) => (await listPageOverview(deps)).find((p) => p.slug === slug)?.locales ?? [];

  app.get("/admin/pages/new", async (request, reply) =>
    sendEditor(request, reply, { form: blank("", DEFAULT_LOCALE), creating: true }),
  );

  app.post("/admin/pages", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const form = readPageForm(request.body);
    if (wantsPreview(request)) return sendEditor(request, reply, { form, creating: true, preview: previewOf(form) });
    const outcome = await savePage(deps, staff.user.id, form, { creating: true });
    if (!outcome.ok)
      return sendEditor(request, reply, { form, creating: true, errors: errorsOf(request.i18n, outcome.problems) });
    return reply.redirect(backTo(request, `/admin/pages/${form.slug}/${form.locale}`, "added"), 303);
  });

  /** The page and language of the address, when both could be; a 404 otherwise. */
  const addressOf = async (request: FastifyRequest) => {
    const { slug = "", locale = "" } = request.params as Params;
    if (!isPageAddress(slug, locale)) throw new NotFoundError();
    if (!isFixedPage(slug) && !(await pageExists(deps, slug))) throw new NotFoundError();
    return { slug, locale };
  };

  app.get("/admin/pages/:slug/:locale", async (request, reply) => {
    requireArea(request, "content");
    const { slug, locale } = await addressOf(request);
    const form = (await pageFormOf(deps, slug, locale)) ?? blank(slug, locale);
    return sendEditor(request, reply, { form, creating: false, exists: await localesOf(slug) });
  });

  app.post("/admin/pages/:slug/:locale", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const { slug, locale } = await addressOf(request);
    const form = { ...readPageForm(request.body), slug, locale };
    const exists = await localesOf(slug);
    if (wantsPreview(request))
      return sendEditor(request, reply, { form, creating: false, exists, preview: previewOf(form) });
    const outcome = await savePage(deps, staff.user.id, form, { creating: false });
    if (!outcome.ok)
      return sendEditor(request, reply, {
        form,
        creating: false,
        exists,
        errors: errorsOf(request.i18n, outcome.problems),
      });
    return reply.redirect(backTo(request, `/admin/pages/${slug}/${locale}`, "saved"), 303);
  });

  /** Deletes one language's version; the default language's and a fixed page's last are refused. */
  app.post("/admin/pages/:slug/:locale/delete", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const { slug, locale } = await addressOf(request);
    const done = await deletePageTranslation(deps, staff.user.id, slug, locale);
    if (done === "fixed") return reply.redirect(backTo(request, "/admin/pages", "fixed"), 303);
    if (done === "page-gone") return reply.redirect(backTo(request, "/admin/pages", "deleted"), 303);
    const kept = done === "default" ? "default-kept" : "translation-deleted";
    return reply.redirect(backTo(request, `/admin/pages/${slug}/${locale}`, kept), 303);
  });

  app.post("/admin/pages/:slug/delete", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const { slug = "" } = request.params as Params;
    if (!isPageAddress(slug, DEFAULT_LOCALE)) throw new NotFoundError();
    const done = await deletePage(deps, staff.user.id, slug);
    if (done === "fixed") return reply.redirect(backTo(request, "/admin/pages", "fixed"), 303);
    return reply.redirect(backTo(request, "/admin/pages", "deleted"), 303);
  });
};
