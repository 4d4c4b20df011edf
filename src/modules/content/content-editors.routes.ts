import type { StaffRoutes } from "../admin/staff-area.ts";
import { figuresAdminRoutes } from "./figures-admin.routes.ts";
import { homeAdminRoutes } from "./home-admin.routes.ts";
import { pagesAdminRoutes } from "./pages-admin.routes.ts";

/** The content area's editors of the site's own words: pages, the "in numbers" figures, the home page. */
export const contentEditorRoutes: StaffRoutes = async (app, deps) => {
  await pagesAdminRoutes(app, deps);
  await figuresAdminRoutes(app, deps);
  await homeAdminRoutes(app, deps);
};
