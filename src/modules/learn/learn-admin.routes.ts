import { h } from "preact";
import type { StaffRoutes } from "../admin/staff-area.ts";
import { entryAdminRoutes } from "../content/entry-admin.ts";
import { findLearnResource, listLearnResources } from "./resources.repo.ts";
import { deleteLearnResource, formOfResource, readResourceForm, saveLearnResource } from "./resources.service.ts";
import { AdminLearnPage, LEARN_EDITOR } from "./views/AdminLearn.tsx";

/** The content area's Learn resources: courses and readings elsewhere, listed on /learn. */
export const learnAdminRoutes: StaffRoutes = (app, deps) => {
  entryAdminRoutes(app, deps, {
    path: "/admin/learn",
    read: readResourceForm,
    formOf: formOfResource,
    find: findLearnResource,
    save: saveLearnResource,
    remove: deleteLearnResource,
    list: {
      title: "admin.learn.heading",
      async page({ staff, form, errors, notice }) {
        const resources = await listLearnResources(deps.db);
        const blank = { title: "", description: "", url: "", language: "en", position: "" };
        return h(AdminLearnPage, { staff, resources, form: form ?? blank, errors, notice });
      },
    },
    one: LEARN_EDITOR,
  });
};
