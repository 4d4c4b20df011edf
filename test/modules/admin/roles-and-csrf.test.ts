import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  codeFor,
  get,
  invite,
  keyOnSetupPage,
  makeStaff,
  PASSWORD,
  post,
  STAFF_COOKIE,
  type Staff,
  sessionsOf,
  signIn,
} from "./admin-helpers.ts";

describeEachDatabase("who may read the audit log", (db) => {
  let t: TestApp;
  let admin: Staff;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    admin = await makeStaff(t, "admin");
  });
  afterAll(async () => t.app.close());

  const actionsIn = (body: string) => [...body.matchAll(/<td dir="ltr">(staff\.[a-z-]+) staff_user/g)].map((m) => m[1]);

  for (const role of ["campaigner", "moderator"] as const) {
    it(`refuses a ${role} with the 403 page, and does not offer the link`, async () => {
      const cookie = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, role)) };
      const res = await get(t.app, "/admin/audit", cookie);
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain("You cannot do that here");
      expect(res.body).not.toContain("staff.login");
      expect((await get(t.app, "/admin/audit?action=staff.login", cookie)).statusCode).toBe(403);
      const dashboard = await get(t.app, "/admin", cookie);
      expect(dashboard.statusCode).toBe(200);
      expect(dashboard.body).not.toContain('href="/admin/audit"');
    });
  }

  it("shows an admin the log, newest first, and filters it by action", async () => {
    const cookie = { [STAFF_COOKIE]: await signIn(t, admin) };
    const all = await get(t.app, "/admin/audit", cookie);
    expect(all.statusCode).toBe(200);
    expect(all.headers["cache-control"]).toBe("no-store");
    const actions = actionsIn(all.body);
    expect(actions[0]).toBe("staff.login");
    expect(actions).toEqual(expect.arrayContaining(["staff.invite", "staff.setup", "staff.login"]));
    expect(all.body).toContain(admin.email);

    const setups = await get(t.app, "/admin/audit?action=staff.setup", cookie);
    expect(setups.statusCode).toBe(200);
    expect(setups.body).toContain('value="staff.setup"');
    const filtered = actionsIn(setups.body);
    expect(filtered.length).toBeGreaterThanOrEqual(3);
    expect(new Set(filtered)).toEqual(new Set(["staff.setup"]));

    const none = await get(t.app, "/admin/audit?action=no.such.action", cookie);
    expect(actionsIn(none.body)).toEqual([]);
  });
});

describeEachDatabase("CSRF protection of the admin's forms", (db) => {
  let t: TestApp;
  let staff: Staff;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    staff = await makeStaff(t, "admin");
  });
  afterAll(async () => t.app.close());

  it("refuses a sign-in posted without a token, with the right details", async () => {
    const fields = { email: staff.email, password: staff.password, code: codeFor(staff.secret) };
    const res = await post(t.app, "/admin/login", "/admin/login", fields, {}, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === STAFF_COOKIE)).toBeUndefined();
  });

  it("refuses a setup posted without a token, and saves nothing", async () => {
    const invited = await invite(t, "campaigner");
    const secret = await keyOnSetupPage(t.app, invited.path);
    const fields = { token: invited.token, password: PASSWORD, confirm: PASSWORD, code: codeFor(secret) };
    const res = await post(t.app, invited.path, "/admin/setup", fields, {}, { csrf: false });
    expect(res.statusCode).toBe(403);
    const user = await t.deps.db
      .selectFrom("staff_users")
      .select("password_hash")
      .where("email", "=", invited.email)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
    expect((await get(t.app, invited.path)).statusCode).toBe(200);
  });

  for (const action of ["/admin/logout", "/admin/logout-everywhere"]) {
    it(`refuses ${action} posted without a token, or from another site; the session lives on`, async () => {
      const cookie = { [STAFF_COOKIE]: await signIn(t, staff) };
      const before = await sessionsOf(t, staff.id);
      expect((await post(t.app, "/admin", action, {}, cookie, { csrf: false })).statusCode).toBe(403);
      const page = await get(t.app, "/admin", cookie);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
      const csrfCookie = page.cookies.find((c) => c.name === "csrf")?.value ?? "";
      const foreign = await t.app.inject({
        method: "POST",
        url: action,
        headers: {
          cookie: `${STAFF_COOKIE}=${cookie[STAFF_COOKIE]}; csrf=${csrfCookie}`,
          origin: "https://evil.example",
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: new URLSearchParams({ _csrf: token }).toString(),
      });
      expect(foreign.statusCode).toBe(403);
      expect(await sessionsOf(t, staff.id)).toHaveLength(before.length);
      expect((await get(t.app, "/admin", cookie)).statusCode).toBe(200);
    });
  }
});

describeEachDatabase("the sign-in's rate limit", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "on" });
  });
  afterAll(async () => t.app.close());

  it("answers 429 after ten tries in ten minutes from one network", async () => {
    const fields = { email: "nobody@example.org", password: "whatever it is", code: "123456" };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(t.app, "/admin/login", "/admin/login", fields)).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});
