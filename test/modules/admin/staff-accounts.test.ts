import { afterAll, beforeAll, expect, it } from "vitest";
import { changeRole, setDisabled } from "../../../src/modules/admin/staff-admin.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  auditOf,
  type Cookies,
  codeFor,
  ERROR_SUMMARY,
  get,
  keyOnSetupPage,
  LOGIN_FAILED,
  makeStaff,
  PASSWORD,
  post,
  STAFF_COOKIE,
  type Staff,
  sendLogin,
  sendSetup,
  sessionsOf,
  signIn,
  staffEmail,
} from "./admin-helpers.ts";

const linkIn = (body: string) => /value="(https?:\/\/[^"]+\/admin\/setup\?token=[\w-]{43})"/.exec(body)?.[1];

describeEachDatabase("an admin manages staff accounts", (db) => {
  let t: TestApp;
  let admin: Staff;
  let cookie: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    admin = await makeStaff(t, "admin");
    cookie = { [STAFF_COOKIE]: await signIn(t, admin) };
  });
  afterAll(async () => t.app.close());

  const userOf = (id: number) =>
    t.deps.db.selectFrom("staff_users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const invitePost = (fields: Record<string, string>) =>
    post(t.app, "/admin/staff", "/admin/staff/invite", fields, cookie);

  it("lists everyone with their role and state, and offers the page in the bar", async () => {
    const moderator = await makeStaff(t, "moderator");
    const res = await get(t.app, "/admin/staff", cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toContain('href="/admin/staff"');
    expect(res.body).toContain(moderator.email);
    expect(res.body).toContain(`href="/admin/staff/${moderator.id}"`);
    expect(res.body).toContain("Moderator");
  });

  it("invites someone: the setup link is shown once and lets them set up their account", async () => {
    const email = staffEmail("newcomer");
    const res = await invitePost({ name: "Layla <b>Haddad</b>", email, role: "campaigner" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Layla &lt;b");
    expect(res.body).not.toContain("<b>Haddad");
    const link = linkIn(res.body);
    expect(link).toBeDefined();
    const path = new URL(link as string).pathname + new URL(link as string).search;
    const secret = await keyOnSetupPage(t.app, path);
    const token = new URL(link as string).searchParams.get("token") ?? "";
    const setup = await sendSetup(t.app, path, { token, password: PASSWORD, confirm: PASSWORD, code: codeFor(secret) });
    expect(setup.statusCode).toBe(200);
    const row = await t.deps.db
      .selectFrom("staff_users")
      .selectAll()
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: "campaigner", name: "Layla <b>Haddad</b>" });
    const [audit] = await auditOf(t, "staff.invite", row.id);
    expect(audit?.staff_user_id).toBe(admin.id);
  });

  it("refuses a bad invitation with an error summary and makes nothing", async () => {
    const before = await t.deps.db.selectFrom("staff_users").select("id").execute();
    const cases = [
      { fields: { name: "Sam", email: "not-an-address", role: "campaigner" }, message: "Enter an email address" },
      { fields: { name: "", email: staffEmail("x"), role: "campaigner" }, message: "Enter their name" },
      { fields: { name: "Sam", email: staffEmail("x"), role: "owner" }, message: "Choose a role" },
      {
        fields: { name: "Sam", email: admin.email.toUpperCase(), role: "moderator" },
        message: "has this email address already",
      },
    ];
    for (const { fields, message } of cases) {
      const res = await invitePost(fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body).toContain(ERROR_SUMMARY);
      expect(res.body).toContain(message);
      expect(linkIn(res.body)).toBeUndefined();
    }
    expect(await t.deps.db.selectFrom("staff_users").select("id").execute()).toHaveLength(before.length);
  });

  it("changes a role, recorded with before and after; the new role applies at once", async () => {
    const s = await makeStaff(t, "campaigner");
    const theirs = { [STAFF_COOKIE]: await signIn(t, s) };
    expect((await get(t.app, "/admin/supporters", theirs)).statusCode).toBe(200);
    const res = await post(t.app, `/admin/staff/${s.id}`, `/admin/staff/${s.id}/role`, { role: "moderator" }, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("The change is saved.");
    expect((await userOf(s.id)).role).toBe("moderator");
    const [audit] = await auditOf(t, "staff.role", s.id);
    expect(JSON.parse(audit?.before ?? "{}")).toEqual({ role: "campaigner" });
    expect(JSON.parse(audit?.after ?? "{}")).toEqual({ role: "moderator" });
    expect((await get(t.app, "/admin/supporters", theirs)).statusCode).toBe(403);
  });

  it("disables an account: its sessions end and it cannot sign in until enabled again", async () => {
    const s = await makeStaff(t, "campaigner");
    const theirs = { [STAFF_COOKIE]: await signIn(t, s) };
    const res = await post(t.app, `/admin/staff/${s.id}`, `/admin/staff/${s.id}/disable`, {}, cookie);
    expect(res.statusCode).toBe(200);
    expect(await sessionsOf(t, s.id)).toEqual([]);
    expect((await get(t.app, "/admin", theirs)).headers.location).toBe("/admin/login");
    const refused = await sendLogin(t.app, { email: s.email, password: s.password, code: s.recoveryCodes[0] ?? "" });
    expect(refused.body).toContain(LOGIN_FAILED);
    expect(await auditOf(t, "staff.disable", s.id)).toHaveLength(1);

    await post(t.app, `/admin/staff/${s.id}`, `/admin/staff/${s.id}/enable`, {}, cookie);
    expect((await userOf(s.id)).disabled_at).toBeNull();
    expect(await auditOf(t, "staff.enable", s.id)).toHaveLength(1);
    await signIn(t, s);
  });

  it("makes a new setup link for someone locked out: old password, sessions and links stop working", async () => {
    const s = await makeStaff(t, "campaigner");
    const theirs = { [STAFF_COOKIE]: await signIn(t, s) };
    const first = await post(t.app, `/admin/staff/${s.id}`, `/admin/staff/${s.id}/reset`, {}, cookie);
    const firstLink = linkIn(first.body);
    const second = await post(t.app, `/admin/staff/${s.id}`, `/admin/staff/${s.id}/reset`, {}, cookie);
    const secondLink = linkIn(second.body);
    expect(firstLink && secondLink).toBeTruthy();
    expect((await get(t.app, "/admin", theirs)).headers.location).toBe("/admin/login");
    expect((await userOf(s.id)).password_hash).toBeNull();
    const stale = new URL(firstLink as string);
    expect((await get(t.app, stale.pathname + stale.search)).statusCode).toBe(403);
    const fresh = new URL(secondLink as string);
    expect((await get(t.app, fresh.pathname + fresh.search)).statusCode).toBe(200);
    const refused = await sendLogin(t.app, { email: s.email, password: s.password, code: s.recoveryCodes[0] ?? "" });
    expect(refused.statusCode).toBe(401);
    expect(await auditOf(t, "staff.reset-access", s.id)).toHaveLength(2);
  });

  it("refuses changes to the admin's own account, and removing the last admin who can sign in", async () => {
    for (const action of ["role", "disable", "reset"]) {
      const res = await post(
        t.app,
        `/admin/staff/${admin.id}`,
        `/admin/staff/${admin.id}/${action}`,
        { role: "moderator" },
        cookie,
      );
      expect(res.statusCode, action).toBe(400);
      expect(res.body).toContain("You cannot change your own account here");
    }
    const me = await userOf(admin.id);
    expect(me).toMatchObject({ role: "admin", disabled_at: null });
    expect(me.password_hash).not.toBeNull();
  });

  it("answers an unknown or malformed account with 404, never a 500", async () => {
    expect((await get(t.app, "/admin/staff/999999", cookie)).statusCode).toBe(404);
    expect((await get(t.app, "/admin/staff/abc", cookie)).statusCode).toBe(404);
  });
});

describeEachDatabase("the last admin", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  it("of two admins removing each other at once, the second change is refused", async () => {
    const first = await makeStaff(t, "admin");
    const second = await makeStaff(t, "admin");
    expect(await changeRole(t.deps, first.id, second.id, "campaigner")).toEqual({ ok: true, value: null });
    // The second admin's request was already past the role check when the first one's landed.
    expect(await changeRole(t.deps, second.id, first.id, "moderator")).toEqual({ ok: false, problem: "last-admin" });
    expect(await setDisabled(t.deps, second.id, first.id, true)).toEqual({ ok: false, problem: "last-admin" });
    const row = await t.deps.db
      .selectFrom("staff_users")
      .selectAll()
      .where("id", "=", first.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: "admin", disabled_at: null });
  });
});
