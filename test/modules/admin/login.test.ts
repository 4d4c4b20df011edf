import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MAX_FAILED_LOGINS_ANYWHERE } from "../../../src/modules/admin/sign-in.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import {
  auditOf,
  codeFor,
  get,
  LOGIN_FAILED,
  makeStaff,
  post,
  STAFF_COOKIE,
  type Staff,
  sendLogin,
  sessionsOf,
  signIn,
  staffEmail,
  unusedCode,
} from "./admin-helpers.ts";

/** A code that is not the one the app shows now (nor the one before or after). */
const wrongCodeFor = (secret: string) => String((Number(codeFor(secret)) + 500_000) % 1_000_000).padStart(6, "0");

/** A page with what changes from one response to the next taken out: nonce, CSRF token, the typed email. */
const normalised = (body: string, email: string) =>
  body
    .replaceAll(/nonce="[^"]*"/g, 'nonce=""')
    .replaceAll(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""')
    .replaceAll(email, "EMAIL");

describeEachDatabase("signing in to the admin", (db) => {
  let t: TestApp;
  let staff: Staff;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    staff = await makeStaff(t, "campaigner");
  });
  afterAll(async () => t.app.close());

  const userOf = (s: Staff) =>
    t.deps.db.selectFrom("staff_users").selectAll().where("id", "=", s.id).executeTakeFirstOrThrow();
  const rightFields = (s: Staff) => ({ email: s.email, password: s.password, code: unusedCode(s) });
  /** The current code with a wrong password: a failure that uses up no code. */
  const guess = (s: Staff, password: string) => ({ email: s.email, password, code: codeFor(s.secret) });

  it("with email (in any case), password and the current code: 303 to /admin with an HttpOnly, SameSite=Lax cookie", async () => {
    const res = await sendLogin(t.app, { ...rightFields(staff), email: `  ${staff.email.toUpperCase()} ` });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin");
    const cookie = res.cookies.find((c) => c.name === STAFF_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const dashboard = await get(t.app, "/admin", { [STAFF_COOKIE]: cookie?.value ?? "" });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain("Dashboard");
    expect(await auditOf(t, "staff.login", staff.id)).not.toHaveLength(0);
  });

  it("keeps only a hash of the session id: the cookie's value is nowhere in staff_sessions", async () => {
    const value = await signIn(t, staff);
    const rows = await t.deps.db.selectFrom("staff_sessions").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(value);
    const hash = createHash("sha256").update(value).digest("base64url");
    expect(rows.filter((row) => row.id_hash === hash)).toHaveLength(1);
  });

  it("accepts each recovery code once instead of the app's code", async () => {
    const s = await makeStaff(t, "moderator");
    const [code] = s.recoveryCodes;
    const fields = { email: s.email, password: s.password, code: code ?? "" };
    const first = await sendLogin(t.app, { ...fields, code: ` ${code?.toUpperCase()} ` });
    expect(first.statusCode).toBe(303);
    expect(JSON.parse((await userOf(s)).recovery_codes)).toHaveLength(9);
    expect(await auditOf(t, "staff.login-recovery-code", s.id)).toHaveLength(1);
    const second = await sendLogin(t.app, fields);
    expect(second.statusCode).toBe(401);
    expect((await sendLogin(t.app, { ...fields, code: s.recoveryCodes[1] ?? "" })).statusCode).toBe(303);
  });

  it("answers a wrong password, a wrong code and an unknown email with the same 401 page", async () => {
    const s = await makeStaff(t, "campaigner");
    const pages: string[] = [];
    const tries = [
      { email: s.email, password: "not the right passphrase", code: codeFor(s.secret) },
      { email: s.email, password: s.password, code: wrongCodeFor(s.secret) },
      { email: s.email, password: s.password, code: "" },
      { email: staffEmail("nobody"), password: s.password, code: codeFor(s.secret) },
    ];
    for (const fields of tries) {
      const res = await sendLogin(t.app, fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(401);
      expect(res.cookies.find((c) => c.name === STAFF_COOKIE)).toBeUndefined();
      expect(res.body).toContain(LOGIN_FAILED);
      pages.push(normalised(res.body, fields.email));
    }
    expect(new Set(pages).size).toBe(1);
    expect(await auditOf(t, "staff.login-failed", s.id)).toHaveLength(3);
  });

  const failuresOf = (s: Staff) =>
    t.deps.db.selectFrom("staff_login_failures").selectAll().where("staff_user_id", "=", s.id).execute();
  /** A sign-in posted from another network (the address the server sees). */
  const loginFrom = async (remoteAddress: string, fields: { email: string; password: string; code: string }) => {
    const page = await t.app.inject({ url: "/admin/login", remoteAddress });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    return t.app.inject({
      method: "POST",
      url: "/admin/login",
      remoteAddress,
      headers: { cookie, origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    });
  };

  it("locks the account from that network after five failures, even to the right details, until the lock has passed", async () => {
    const s = await makeStaff(t, "campaigner");
    for (let i = 0; i < 5; i++) {
      expect((await sendLogin(t.app, guess(s, `wrong passphrase ${i}`))).statusCode).toBe(401);
    }
    const [lock] = await failuresOf(s);
    expect(Date.parse(lock?.locked_until ?? "")).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(JSON.stringify(lock)).not.toContain("127.0.0.1");
    const refused = await sendLogin(t.app, rightFields(s));
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain(LOGIN_FAILED);
    expect(refused.cookies.find((c) => c.name === STAFF_COOKIE)).toBeUndefined();
    expect(await sessionsOf(t, s.id)).toEqual([]);

    await t.deps.db
      .updateTable("staff_login_failures")
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where("staff_user_id", "=", s.id)
      .execute();
    expect((await sendLogin(t.app, rightFields(s))).statusCode).toBe(303);
    expect(await failuresOf(s)).toEqual([]);
    expect(await userOf(s)).toMatchObject({ failed_logins: 0, locked_until: null });
  });

  it("a stranger's failures on another network do not lock the owner out", async () => {
    const s = await makeStaff(t, "campaigner");
    for (let i = 0; i < 7; i++) {
      const res = await loginFrom("203.0.113.9", guess(s, `a guess ${i}`));
      expect(res.statusCode).toBe(401);
    }
    expect((await loginFrom("203.0.113.9", rightFields(s))).statusCode).toBe(401);
    expect((await loginFrom("198.51.100.20", rightFields(s))).statusCode).toBe(303);
  });

  it(`locks the account everywhere after ${MAX_FAILED_LOGINS_ANYWHERE} failures in a row from many networks`, async () => {
    const s = await makeStaff(t, "campaigner");
    for (let i = 0; i < MAX_FAILED_LOGINS_ANYWHERE; i++) {
      const res = await loginFrom(`192.0.2.${i + 1}`, guess(s, `guess ${i}`));
      expect(res.statusCode).toBe(401);
    }
    expect((await userOf(s)).locked_until).not.toBeNull();
    expect((await loginFrom("198.51.100.77", rightFields(s))).statusCode).toBe(401);
  });

  it("accepts each code from the app once: the same code again is refused", async () => {
    const s = await makeStaff(t, "campaigner");
    const fields = rightFields(s);
    expect((await sendLogin(t.app, fields)).statusCode).toBe(303);
    const replayed = await sendLogin(t.app, fields);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.body).toContain(LOGIN_FAILED);
    expect(await auditOf(t, "staff.login-failed", s.id)).toHaveLength(1);
  });

  it("four failures and then success start the count again", async () => {
    const s = await makeStaff(t, "campaigner");
    const fail = () => sendLogin(t.app, { email: s.email, password: s.password, code: wrongCodeFor(s.secret) });
    for (let i = 0; i < 4; i++) expect((await fail()).statusCode).toBe(401);
    expect((await sendLogin(t.app, rightFields(s))).statusCode).toBe(303);
    for (let i = 0; i < 4; i++) expect((await fail()).statusCode).toBe(401);
    expect((await failuresOf(s))[0]?.locked_until).toBeNull();
    expect((await sendLogin(t.app, rightFields(s))).statusCode).toBe(303);
  });

  it("refuses a disabled account, and its sessions stop working", async () => {
    const s = await makeStaff(t, "campaigner");
    const value = await signIn(t, s);
    await t.deps.db
      .updateTable("staff_users")
      .set({ disabled_at: new Date().toISOString() })
      .where("id", "=", s.id)
      .execute();
    const refused = await sendLogin(t.app, rightFields(s));
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain(LOGIN_FAILED);
    const res = await get(t.app, "/admin", { [STAFF_COOKIE]: value });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/login");
    expect(await sessionsOf(t, s.id)).toEqual([]);
  });

  it("refuses an account whose invitation was never taken up", async () => {
    const email = staffEmail("invited");
    await t.deps.db
      .insertInto("staff_users")
      .values({
        email,
        name: "Invited",
        role: "admin",
        locale: "en",
        password_hash: null,
        totp_secret: null,
        locked_until: null,
        disabled_at: null,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    const res = await sendLogin(t.app, { email, password: "", code: "" });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain(LOGIN_FAILED);
  });

  it("rotates the session at sign-in: a cookie held before is not the one after, and its row is gone", async () => {
    const planted = await signIn(t, staff);
    const plantedHash = createHash("sha256").update(planted).digest("base64url");
    const res = await sendLogin(t.app, rightFields(staff), { [STAFF_COOKIE]: planted });
    expect(res.statusCode).toBe(303);
    const after = res.cookies.find((c) => c.name === STAFF_COOKIE)?.value;
    expect(after).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(after).not.toBe(planted);
    const rows = await t.deps.db.selectFrom("staff_sessions").select("id_hash").execute();
    expect(rows.map((row) => row.id_hash)).not.toContain(plantedHash);
    expect((await get(t.app, "/admin", { [STAFF_COOKIE]: planted })).statusCode).toBe(303);
    expect((await get(t.app, "/admin", { [STAFF_COOKIE]: after ?? "" })).statusCode).toBe(200);

    // A value an attacker made up is not taken over either.
    const madeUp = "x".repeat(43);
    const again = await sendLogin(t.app, rightFields(staff), { [STAFF_COOKIE]: madeUp });
    expect(again.cookies.find((c) => c.name === STAFF_COOKIE)?.value).not.toBe(madeUp);
  });
});

describeEachDatabase("signing in to the admin in production", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, {
      NODE_ENV: "production",
      SECRET_KEY: "a-production-secret-key-of-forty-characters",
      PUBLIC_URL: "http://localhost:3000",
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
  });
  afterAll(async () => t.app.close());

  it("sets the session cookie as __Host-iw-staff: Secure, HttpOnly, SameSite=Lax, for the whole site", async () => {
    const s = await makeStaff(t, "admin");
    const res = await sendLogin(t.app, { email: s.email, password: s.password, code: codeFor(s.secret) });
    expect(res.statusCode).toBe(303);
    const cookie = res.cookies.find((c) => c.name === "__Host-iw-staff");
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.domain).toBeUndefined();
    expect(res.cookies.find((c) => c.name === STAFF_COOKIE)).toBeUndefined();
    const dashboard = await get(t.app, "/admin", { "__Host-iw-staff": cookie?.value ?? "" });
    expect(dashboard.statusCode).toBe(200);
    // The development name is not read in production.
    expect((await get(t.app, "/admin", { [STAFF_COOKIE]: cookie?.value ?? "" })).statusCode).toBe(303);
  });

  // A browser ignores a __Host- cookie set without Secure, so a clearing cookie without it would clear nothing.
  for (const action of ["/admin/logout", "/admin/logout-everywhere"]) {
    it(`clears the __Host- cookie at ${action} with the attributes a browser accepts`, async () => {
      const s = await makeStaff(t, "campaigner");
      const value = await signIn(t, s, "__Host-iw-staff");
      const res = await post(t.app, "/admin", action, {}, { "__Host-iw-staff": value });
      expect(res.statusCode).toBe(303);
      const cleared = res.cookies.find((c) => c.name === "__Host-iw-staff");
      expect(cleared).toMatchObject({ value: "", secure: true, path: "/" });
      expect(cleared?.domain).toBeUndefined();
      expect(Number(cleared?.maxAge ?? 0)).toBeLessThanOrEqual(0);
    });
  }
});
