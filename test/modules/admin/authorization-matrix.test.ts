// Every admin route × anonymous and every role: the whole matrix, from the routes the app
// really registers, so a route added later without a place in AREA_OF fails here.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { StaffRole } from "../../../src/db/tables.ts";
import { type AdminArea, mayUse } from "../../../src/modules/admin/admin.policy.ts";
import { STAFF_ROLES } from "../../../src/modules/admin/staff.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "./admin-helpers.ts";

/** Which part of the admin each route belongs to: the first pattern that matches its path. */
const AREA_OF: [pattern: RegExp, area: AdminArea][] = [
  [/^\/admin$/, "dashboard"],
  [/^\/admin\/logout(-everywhere)?$/, "dashboard"],
  [/^\/admin\/campaigns\/:id\/(dashboard|abuse|pause)(\/|$)/, "watch"],
  [/^\/admin\/campaigns\/:id\/(export|signatures\.csv|delivery|delivery\.pdf)$/, "exports"],
  [/^\/admin\/campaigns(\/|$)/, "campaigns"],
  [/^\/admin\/(exports|supporters\.csv)(\/|$)/, "exports"],
  [/^\/admin\/supporters(\/|$)/, "supporters"],
  [/^\/admin\/mail(\/|$)/, "mail"],
  [/^\/admin\/mailings(\/|$)/, "mailings"],
  [/^\/admin\/moderation(\/|$)/, "moderation"],
  [/^\/admin\/events(\/|$)/, "events"],
  [/^\/admin\/groups(\/|$)/, "groups"],
  [/^\/admin\/(take-action|learn|pages|figures|home-page)(\/|$)/, "content"],
  [/^\/admin\/signing(\/|$)/, "signing"],
  [/^\/admin\/abuse(\/|$)/, "abuse"],
  [/^\/admin\/staff(\/|$)/, "staff"],
  [/^\/admin\/audit(\/|$)/, "audit"],
  [/^\/admin\/api(\/|$)/, "api"],
];

/** Reached without a session: signing in itself. */
const PUBLIC = new Set(["/admin/login", "/admin/setup"]);

function areaOf(url: string): AdminArea | undefined {
  return AREA_OF.find(([pattern]) => pattern.test(url))?.[1];
}

const concrete = (url: string) => url.replaceAll(/:[a-zA-Z]+/g, "1");

describeEachDatabase("who may use each admin route", (db) => {
  const routes: { method: string; url: string }[] = [];
  let t: TestApp;
  const cookies = new Map<StaffRole, Cookies>();
  beforeAll(async () => {
    t = await buildTestApp(
      db().handle,
      { RATE_LIMITS: "off" },
      {
        onRoute: ({ method, url }) => {
          for (const m of [method].flat()) if (m === "GET" || m === "POST") routes.push({ method: m, url });
        },
      },
    );
    for (const role of STAFF_ROLES) cookies.set(role, { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, role)) });
  });
  afterAll(async () => t.app.close());

  const adminRoutes = () =>
    routes.filter((r) => (r.url === "/admin" || r.url.startsWith("/admin/")) && !PUBLIC.has(r.url));
  const auditCount = async () => (await t.deps.db.selectFrom("audit_log").select("id").execute()).length;

  it("knows which area every admin route belongs to", () => {
    expect(adminRoutes().length).toBeGreaterThan(5);
    expect(
      adminRoutes()
        .filter((r) => !areaOf(r.url))
        .map((r) => r.url),
    ).toEqual([]);
  });

  it("sends anyone without a session to the sign-in page, whatever the route", async () => {
    for (const { method, url } of adminRoutes()) {
      const res =
        method === "GET" ? await get(t.app, concrete(url)) : await post(t.app, "/admin/login", concrete(url), {});
      expect(res.statusCode, `${method} ${url}`).toBe(303);
      expect(res.headers.location, `${method} ${url}`).toBe("/admin/login");
    }
  });

  it("refuses each role the areas it may not use with 403, and lets it into the others", async () => {
    for (const role of STAFF_ROLES) {
      const cookie = cookies.get(role) as Cookies;
      for (const { method, url } of adminRoutes()) {
        const area = areaOf(url) as AdminArea;
        const allowed = mayUse(role, area);
        if (method === "GET") {
          const res = await get(t.app, concrete(url), cookie);
          expect(res.statusCode, `${role} GET ${url}`).toBeLessThan(500);
          if (allowed) expect(res.statusCode, `${role} GET ${url}`).not.toBe(403);
          else expect(res.statusCode, `${role} GET ${url}`).toBe(403);
        } else if (!allowed) {
          const before = await auditCount();
          const res = await post(t.app, "/admin", concrete(url), {}, cookie);
          expect(res.statusCode, `${role} POST ${url}`).toBe(403);
          expect(await auditCount(), `${role} POST ${url} changed nothing`).toBe(before);
        }
      }
    }
  });

  it("refuses every state change without the CSRF token, even for an admin, and records nothing", async () => {
    const cookie = cookies.get("admin") as Cookies;
    for (const { url } of adminRoutes().filter((r) => r.method === "POST")) {
      const before = await auditCount();
      const res = await post(t.app, "/admin", concrete(url), {}, cookie, { csrf: false });
      expect(res.statusCode, `POST ${url}`).toBe(403);
      expect(await auditCount(), `POST ${url} changed nothing`).toBe(before);
    }
  });
});
