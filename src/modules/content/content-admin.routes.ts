import { h } from "preact";
import type { StaffRoutes } from "../admin/staff-area.ts";
import { entryAdminRoutes, listLocale } from "./entry-admin.ts";
import { findTakeActionItem, listTakeActionItems } from "./take-action.repo.ts";
import {
  deleteTakeActionItem,
  formOfItem,
  readTakeActionForm,
  saveTakeActionItem,
  type TakeActionForm,
} from "./take-action.service.ts";
import { AdminTakeActionPage, TAKE_ACTION_EDITOR } from "./views/AdminTakeAction.tsx";

export { noticeOf } from "./entry-admin.ts";

const blank = (locale: string): TakeActionForm => ({
  locale,
  position: "",
  title: "",
  text: "",
  link: "",
  linkLabel: "",
});

/** The content area: the take-action hub's items, per language. */
export const contentAdminRoutes: StaffRoutes = (app, deps) => {
  entryAdminRoutes(app, deps, {
    path: "/admin/take-action",
    read: readTakeActionForm,
    formOf: formOfItem,
    find: findTakeActionItem,
    save: saveTakeActionItem,
    remove: deleteTakeActionItem,
    list: {
      title: "admin.takeAction.heading",
      async page({ request, staff, form, errors, notice }) {
        const locale = listLocale(request, form);
        const items = await listTakeActionItems(deps.db, locale);
        return h(AdminTakeActionPage, { staff, locale, items, form: form ?? blank(locale), errors, notice });
      },
    },
    one: TAKE_ACTION_EDITOR,
  });
};
