// What the admin tests share: inviting staff, their setup page, signing in, and posting the
// admin's forms as a browser would (the page first, for its CSRF cookie and token).
import type { FastifyInstance } from "fastify";
import { Secret, TOTP } from "otpauth";
import type { StaffRole } from "../../../src/db/tables.ts";
import { inviteStaff } from "../../../src/modules/admin/staff.service.ts";
import type { TestApp } from "../../support/app.ts";

/** The staff cookie's name outside production. */
export const STAFF_COOKIE = "iw-staff";
export const PASSWORD = "a long staff passphrase";
export const LOGIN_FAILED = "The email, password or code is not right, or the account is locked for a while.";
export const ERROR_SUMMARY = "There is a problem";

export type Cookies = Record<string, string>;

export const staffEmail = (who = "staff") => `${who}.${Math.random().toString(36).slice(2)}@example.org`;

/** The code an authenticator app shows now for this base32 key. */
export const codeFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) }).generate();

const cookieHeader = (cookies: Cookies) =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");

export const get = (app: FastifyInstance, url: string, cookies: Cookies = {}) =>
  app.inject({ url, headers: { cookie: cookieHeader(cookies) } });

/**
 * Posts a form of the page at pageUrl: fetches the page (with the cookies given) for its CSRF
 * cookie and token, then posts with all of them. Without a token when `csrf` is false.
 */
export async function post(
  app: FastifyInstance,
  pageUrl: string,
  action: string,
  fields: Record<string, string> = {},
  cookies: Cookies = {},
  { csrf = true }: { csrf?: boolean } = {},
) {
  const page = await get(app, pageUrl, cookies);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no form with a CSRF token on ${pageUrl} (${page.statusCode})`);
  const all = { ...cookies, ...Object.fromEntries(page.cookies.map((c) => [c.name, c.value])) };
  return app.inject({
    method: "POST",
    url: action,
    headers: {
      cookie: cookieHeader(all),
      origin: "http://localhost:3000",
      "content-type": "application/x-www-form-urlencoded",
    },
    payload: new URLSearchParams(csrf ? { _csrf: token, ...fields } : fields).toString(),
  });
}

/** An invitation made as the command makes it: the setup link's path and token. */
export async function invite(t: TestApp, role: StaffRole, email = staffEmail(role)) {
  const link = await inviteStaff(t.deps, { email, role, invitedBy: null });
  const url = new URL(link);
  const token = url.searchParams.get("token") ?? "";
  return { email, link, path: `${url.pathname}${url.search}`, token };
}

/** The key the setup page shows (made on its first view). */
export async function keyOnSetupPage(app: FastifyInstance, path: string): Promise<string> {
  const page = await get(app, path);
  const secret = /<code dir="ltr">([A-Z2-7]+)<\/code>/.exec(page.body)?.[1];
  if (!secret) throw new Error(`no key on the setup page (${page.statusCode})`);
  return secret;
}

export function sendSetup(
  app: FastifyInstance,
  path: string,
  fields: { token: string; password: string; confirm: string; code: string },
) {
  return post(app, path, "/admin/setup", fields);
}

export interface Staff {
  id: number;
  email: string;
  password: string;
  secret: string;
  recoveryCodes: string[];
}

/** A member of staff who has taken up their invitation: password, second factor, recovery codes. */
export async function makeStaff(t: TestApp, role: StaffRole = "admin", email = staffEmail(role)): Promise<Staff> {
  const invited = await invite(t, role, email);
  const secret = await keyOnSetupPage(t.app, invited.path);
  const res = await sendSetup(t.app, invited.path, {
    token: invited.token,
    password: PASSWORD,
    confirm: PASSWORD,
    code: codeFor(secret),
  });
  if (res.statusCode !== 200) throw new Error(`setup answered ${res.statusCode}`);
  const recoveryCodes = [...res.body.matchAll(/<code>([0-9a-f]{5}-[0-9a-f]{5})<\/code>/g)].map((m) => m[1] ?? "");
  const { id } = await t.deps.db
    .selectFrom("staff_users")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return { id, email, password: PASSWORD, secret, recoveryCodes };
}

export const sendLogin = (
  app: FastifyInstance,
  fields: { email: string; password: string; code: string },
  cookies: Cookies = {},
) => post(app, "/admin/login", "/admin/login", fields, cookies);

const usedSteps = new Map<string, number>();

/**
 * A code the server has not seen from this person: the app's current one, or, once that was
 * used in this 30-second step (each is good once), one of their recovery codes.
 */
export function unusedCode(staff: Staff): string {
  const step = Math.floor(Date.now() / 30_000);
  if (usedSteps.get(staff.secret) !== step) {
    usedSteps.set(staff.secret, step);
    return codeFor(staff.secret);
  }
  const recovery = staff.recoveryCodes.shift();
  if (!recovery) throw new Error("no recovery codes left: sign in fewer times in a test");
  return recovery;
}

/** Signs in with a code not used before: the session cookie's value. */
export async function signIn(t: TestApp, staff: Staff, cookieName = STAFF_COOKIE): Promise<string> {
  const res = await sendLogin(t.app, { email: staff.email, password: staff.password, code: unusedCode(staff) });
  const cookie = res.cookies.find((c) => c.name === cookieName);
  if (res.statusCode !== 303 || !cookie) throw new Error(`signing in answered ${res.statusCode}`);
  return cookie.value;
}

/** A new staff member of `role`, signed in: the cookies their requests carry. */
export async function staffCookies(t: TestApp, role: StaffRole): Promise<Cookies> {
  return { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, role)) };
}

export const sessionsOf = (t: TestApp, staffUserId: number) =>
  t.deps.db.selectFrom("staff_sessions").selectAll().where("staff_user_id", "=", staffUserId).execute();

export const auditOf = (t: TestApp, action: string, entityId: number) =>
  t.deps.db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .where("entity_id", "=", String(entityId))
    .execute();
