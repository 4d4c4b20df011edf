import { afterAll, beforeAll, expect, it } from "vitest";
import type { StaffRole } from "../../../src/db/tables.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type Cookies, get, makeStaff, post, STAFF_COOKIE, signIn } from "../admin/admin-helpers.ts";
import { addCampaign, uniqueSlug } from "../petitions/petition-helpers.ts";
import { decide, itemIdOf, itemOf, signWithComment } from "./moderation-helpers.ts";

const ROLES: StaffRole[] = ["admin", "campaigner", "moderator"];

describeEachDatabase("who may moderate", (db) => {
  let t: TestApp;
  let slug: string;
  const cookies = new Map<StaffRole, Cookies>();
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    slug = uniqueSlug("access");
    await addCampaign(t.deps.db, slug);
    for (const role of ROLES) cookies.set(role, { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, role)) });
  });
  afterAll(async () => t.app.close());

  it("sends anyone without a session to the sign-in page, and lets them change nothing", async () => {
    const { email } = await signWithComment(t, { slug, comment: "Nobody signed in may decide this" });
    const id = await itemIdOf(t.deps.db, email);
    const page = await get(t.app, "/admin/moderation");
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe("/admin/login");
    for (const action of ["approve", "reject", "undo"]) {
      const res = await post(t.app, "/admin/login", `/admin/moderation/${id}/${action}`, { reason: "abusive" });
      expect(res.statusCode, action).toBe(303);
      expect(res.headers.location, action).toBe("/admin/login");
    }
    expect((await itemOf(t.deps.db, email))?.status).toBe("waiting");
  });

  for (const role of ROLES) {
    it(`lets a signed-in ${role} see the queue, from the admin bar, and decide`, async () => {
      const cookie = cookies.get(role) as Cookies;
      const queue = await get(t.app, "/admin/moderation", cookie);
      expect(queue.statusCode).toBe(200);
      expect(queue.body).toContain('<li><a href="/admin/moderation">Moderation</a></li>');
      const { email } = await signWithComment(t, { slug, comment: `Decided by a ${role}` });
      const res = await decide(t.app, cookie, await itemIdOf(t.deps.db, email), "approve");
      expect(res.statusCode).toBe(303);
      expect((await itemOf(t.deps.db, email))?.status).toBe("approved");
    });
  }

  it("refuses every decision without the CSRF token, or from another site, and changes nothing", async () => {
    const cookie = cookies.get("moderator") as Cookies;
    const { email } = await signWithComment(t, { slug, comment: "Forged decisions must fail" });
    const id = await itemIdOf(t.deps.db, email);
    for (const action of ["approve", "reject"] as const) {
      const res = await decide(t.app, cookie, id, action, { reason: "abusive" }, { csrf: false });
      expect(res.statusCode, action).toBe(403);
    }
    const page = await get(t.app, "/admin/moderation", cookie);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const csrfCookie = page.cookies.find((c) => c.name === "csrf")?.value ?? "";
    const foreign = await t.app.inject({
      method: "POST",
      url: `/admin/moderation/${id}/approve`,
      headers: {
        cookie: `${STAFF_COOKIE}=${cookie[STAFF_COOKIE]}; csrf=${csrfCookie}`,
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({ _csrf: token }).toString(),
    });
    expect(foreign.statusCode).toBe(403);
    expect((await itemOf(t.deps.db, email))?.status).toBe("waiting");
    const audits = await t.deps.db
      .selectFrom("audit_log")
      .select("id")
      .where("entity", "=", "moderation_item")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audits).toEqual([]);
  });
});

describeEachDatabase("the moderation's rate limit", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "on" });
  });
  afterAll(async () => t.app.close());

  it("answers 429 once a network has sent 120 decisions in a minute", async () => {
    const cookie = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "moderator")) };
    const page = await get(t.app, "/admin/moderation", cookie);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const all = `${STAFF_COOKIE}=${cookie[STAFF_COOKIE]}; ${page.cookies.map((c) => `${c.name}=${c.value}`).join("; ")}`;
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/admin/moderation/999999/approve",
        headers: { cookie: all, origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ _csrf: token }).toString(),
      });
      statuses.push(res.statusCode);
    }
    expect(new Set(statuses.slice(0, 120))).toEqual(new Set([303]));
    expect(statuses[120]).toBe(429);
  });
});
