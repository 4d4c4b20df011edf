import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import { backTo, doneOf, idParam, WRITE_LIMIT } from "../admin/campaign-route-helpers.ts";
import { requireArea, type StaffRoutes } from "../admin/staff-area.ts";
import { entryAdminRoutes, listLocale } from "./entry-admin.ts";
import { fieldText } from "./entry-input.ts";
import { findFigure, listFigureRows } from "./figures.repo.ts";
import {
  deleteFigure,
  type FigureForm,
  formOfFigure,
  moveFigure,
  readFigureForm,
  saveFigure,
} from "./figures.service.ts";
import { AdminFiguresPage, FIGURE_EDITOR } from "./views/AdminFigures.tsx";

const blank = (locale: string): FigureForm => ({
  locale,
  value: "",
  style: "number",
  label: "",
  source: "",
  sourceUrl: "",
  asOf: "",
});

/** The content area's "in numbers" figures, one list per language, each movable up and down. */
export const figuresAdminRoutes: StaffRoutes = (app, deps) => {
  entryAdminRoutes(app, deps, {
    path: "/admin/figures",
    read: readFigureForm,
    formOf: formOfFigure,
    find: findFigure,
    save: saveFigure,
    remove: deleteFigure,
    list: {
      title: "admin.figures.heading",
      async page({ request, staff, form, errors, notice }) {
        const locale = listLocale(request, form);
        const figures = await listFigureRows(deps.db, locale);
        const said = doneOf(request) === "moved" ? request.i18n.t("admin.entry.done.moved") : notice;
        return h(AdminFiguresPage, { staff, locale, figures, form: form ?? blank(locale), errors, notice: said });
      },
    },
    one: FIGURE_EDITOR,
  });

  app.post("/admin/figures/:id/move", { config: WRITE_LIMIT }, async (request, reply) => {
    const staff = requireArea(request, "content");
    const id = idParam(request);
    const direction = fieldText(request.body, "direction");
    const figure =
      direction === "up" || direction === "down"
        ? await moveFigure(deps, staff.user.id, id, direction)
        : await findFigure(deps.db, id);
    if (!figure) throw new NotFoundError();
    return reply.redirect(`${backTo(request, "/admin/figures", "moved")}&locale=${figure.locale}#figure-${id}`, 303);
  });
};
