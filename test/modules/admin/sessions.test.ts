import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, get, makeStaff, post, STAFF_COOKIE, type Staff, sessionsOf, signIn } from "./admin-helpers.ts";

const MINUTE = 60_000;
const hashOf = (value: string) => createHash("sha256").update(value).digest("base64url");

describeEachDatabase("staff sessions", (db) => {
  let t: TestApp;
  let staff: Staff;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    staff = await makeStaff(t, "campaigner");
  });
  afterAll(async () => t.app.close());

  const admin = (value: string) => get(t.app, "/admin", { [STAFF_COOKIE]: value });
  const sessionRow = (value: string) =>
    t.deps.db.selectFrom("staff_sessions").selectAll().where("id_hash", "=", hashOf(value)).executeTakeFirst();
  const backdate = (value: string, changes: { last_seen_at?: string; expires_at?: string }) =>
    t.deps.db.updateTable("staff_sessions").set(changes).where("id_hash", "=", hashOf(value)).execute();

  function expectSentToLogin(res: { statusCode: number; headers: Record<string, unknown> }) {
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/login");
  }

  it("sends a visitor without a session, or with a made-up one, to the sign-in page", async () => {
    expectSentToLogin(await get(t.app, "/admin"));
    expectSentToLogin(await get(t.app, "/admin/audit"));
    expectSentToLogin(await admin("x".repeat(43)));
    expectSentToLogin(await admin("not even the right shape"));
  });

  it("ends a session idle for more than 30 minutes, and removes its row", async () => {
    const value = await signIn(t, staff);
    await backdate(value, { last_seen_at: new Date(Date.now() - 29 * MINUTE).toISOString() });
    expect((await admin(value)).statusCode).toBe(200);
    // The visit just made counts as activity.
    expect(Date.parse((await sessionRow(value))?.last_seen_at ?? "")).toBeGreaterThan(Date.now() - MINUTE);

    await backdate(value, { last_seen_at: new Date(Date.now() - 31 * MINUTE).toISOString() });
    expectSentToLogin(await admin(value));
    expect(await sessionRow(value)).toBeUndefined();
  });

  it("ends a session past its expiry (12 hours) even if it was in use, and removes its row", async () => {
    const value = await signIn(t, staff);
    const row = await sessionRow(value);
    expect(Date.parse(row?.expires_at ?? "") - Date.parse(row?.created_at ?? "")).toBe(12 * 60 * MINUTE);
    await backdate(value, { expires_at: new Date(Date.now() - 1000).toISOString() });
    expectSentToLogin(await admin(value));
    expect(await sessionRow(value)).toBeUndefined();
  });

  it("signing out ends this session only, clears its cookie, and is audited", async () => {
    const s = await makeStaff(t, "moderator");
    const here = await signIn(t, s);
    const elsewhere = await signIn(t, s);
    const res = await post(t.app, "/admin", "/admin/logout", {}, { [STAFF_COOKIE]: here });
    expectSentToLogin(res);
    const cleared = res.cookies.find((c) => c.name === STAFF_COOKIE);
    expect(cleared?.value).toBe("");
    expect(cleared?.path).toBe("/");
    expect(await sessionRow(here)).toBeUndefined();
    expectSentToLogin(await admin(here));
    expect((await admin(elsewhere)).statusCode).toBe(200);
    expect(await auditOf(t, "staff.logout", s.id)).toHaveLength(1);
  });

  it("signing out everywhere ends every session of this member of staff, not others', and is audited", async () => {
    const s = await makeStaff(t, "admin");
    const first = await signIn(t, s);
    const second = await signIn(t, s);
    const someoneElse = await signIn(t, staff);
    expect(await sessionsOf(t, s.id)).toHaveLength(2);
    const res = await post(t.app, "/admin", "/admin/logout-everywhere", {}, { [STAFF_COOKIE]: second });
    expectSentToLogin(res);
    expect(res.cookies.find((c) => c.name === STAFF_COOKIE)?.value).toBe("");
    expect(await sessionsOf(t, s.id)).toEqual([]);
    expectSentToLogin(await admin(first));
    expectSentToLogin(await admin(second));
    expect((await admin(someoneElse)).statusCode).toBe(200);
    expect(await auditOf(t, "staff.logout-everywhere", s.id)).toHaveLength(1);
  });
});
