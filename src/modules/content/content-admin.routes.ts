import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import type { FieldError } from "../../views/Form.tsx";
import { backTo, doneOf, errorsOf, idParam, WRITE_LIMIT } from "../admin/campaign-route-helpers.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import type { I18n } from "../i18n/i18n.ts";
import { DEFAULT_LOCALE, isLocale } from "../i18n/locales.ts";
import { findTakeActionItem, listTakeActionItems } from "./take-action.repo.ts";
import {
  deleteTakeActionItem,
  formOfItem,
  readTakeActionForm,
  saveTakeActionItem,
  type TakeActionForm,
} from "./take-action.service.ts";
import { AdminTakeActionItemPage, AdminTakeActionPage } from "./views/AdminTakeAction.tsx";

const DONE = {
  added: "admin.entry.done.added",
  saved: "admin.entry.done.saved",
  deleted: "admin.entry.done.deleted",
} as const;

/** What the last write did, said on the page it came back to. */
export function noticeOf(request: FastifyRequest, i18n: I18n): string | null {
  const done = doneOf(request);
  return done && Object.hasOwn(DONE, done) ? i18n.t(DONE[done as keyof typeof DONE]) : null;
}

/** The content area: the take-action hub's items, per language. */
export const contentAdminRoutes: StaffRoutes = (app, deps) => {
  const blank = (locale: string): TakeActionForm => ({
    locale,
    position: "",
    title: "",
    text: "",
    link: "",
    linkLabel: "",
  });

  const sendList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form?: TakeActionForm,
    errors: FieldError[] = [],
  ) => {
    const staff = requireArea(request, "content");
    const asked = (request.query as Record<string, unknown>).locale;
    const locale =
      form?.locale && isLocale(form.locale)
        ? form.locale
        : typeof asked === "string" && isLocale(asked)
          ? asked
          : DEFAULT_LOCALE;
    const items = await listTakeActionItems(deps.db, locale);
    return reply.page(
      h(AdminTakeActionPage, {
        staff: viewerOf(staff),
        locale,
        items,
        form: form ?? blank(locale),
        errors,
        notice: noticeOf(request, request.i18n),
      }),
      {
        title: request.i18n.t("admin.takeAction.heading"),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/take-action", async (request, reply) => sendList(request, reply));

  app.post("/admin/take-action", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const form = readTakeActionForm(request.body);
    const outcome = await saveTakeActionItem(deps, staff.user.id, null, form);
    if (!outcome.ok) return sendList(request, reply, form, errorsOf(request.i18n, outcome.problems));
    return reply.redirect(`${backTo(request, "/admin/take-action", "added")}&locale=${form.locale}`, 303);
  });

  const sendItem = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form?: TakeActionForm,
    errors: FieldError[] = [],
  ) => {
    const staff = requireArea(request, "content");
    const id = idParam(request);
    const item = await findTakeActionItem(deps.db, id);
    if (!item) throw new NotFoundError();
    return reply.page(
      h(AdminTakeActionItemPage, { staff: viewerOf(staff), id, form: form ?? formOfItem(item), errors }),
      {
        title: request.i18n.t("admin.takeAction.edit"),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      },
    );
  };

  app.get("/admin/take-action/:id", async (request, reply) => sendItem(request, reply));

  app.post("/admin/take-action/:id", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const form = readTakeActionForm(request.body);
    const outcome = await saveTakeActionItem(deps, staff.user.id, idParam(request), form);
    if (!outcome.ok) return sendItem(request, reply, form, errorsOf(request.i18n, outcome.problems));
    return reply.redirect(`${backTo(request, "/admin/take-action", "saved")}&locale=${form.locale}`, 303);
  });

  app.post("/admin/take-action/:id/delete", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const removed = await deleteTakeActionItem(deps, staff.user.id, idParam(request));
    return reply.redirect(`${backTo(request, "/admin/take-action", "deleted")}&locale=${removed.locale}`, 303);
  });
};
