import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";

const FORM = "application/x-www-form-urlencoded";
const ORIGIN = "http://localhost:3000";
const BOOM = "the database password is hunter2";

function scriptNonce(res: LightMyRequestResponse): string {
  const csp = String(res.headers["content-security-policy"] ?? "");
  const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(csp)?.[1];
  if (!nonce) throw new Error(`no script nonce in ${csp}`);
  return nonce;
}

/** A route that fails the way a bug would, registered before the app is ready. */
function addFailingRoutes(app: FastifyInstance) {
  const fail = async () => {
    throw new Error(BOOM);
  };
  app.get("/test-boom", fail);
  app.get("/api/test-boom", fail);
}

describeEachDatabase("security", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
    addFailingRoutes(t.app);
  });
  afterAll(async () => t.app.close());

  const mailCount = async () => (await t.deps.db.selectFrom("dev_mail").select("id").execute()).length;

  beforeEach(async () => {
    if ((await mailCount()) === 0) await t.deps.mailer.send({ to: "ana@example.org", subject: "Hi", text: "Hello." });
  });

  /** A visitor's cookie and the token the mailbox's form carries for it. */
  async function formSession() {
    const page = await t.app.inject("/dev/mailbox");
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error("the mailbox shows no form");
    return { cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join("; "), token };
  }

  function clearMailbox(headers: Record<string, string>, fields: Record<string, string>) {
    const payload = new URLSearchParams(fields).toString();
    return t.app.inject({
      method: "POST",
      url: "/dev/mailbox/clear",
      headers: { "content-type": FORM, ...headers },
      payload,
    });
  }

  describe("Content-Security-Policy", () => {
    it.each([
      "/",
      "/campaigns",
      "/campaigns/stop-returns-to-afghanistan",
      "/calling-for",
      "/dev/mailbox",
      "/no-such-page",
    ])("gives %s a nonce-based policy that its script tag carries, with no 'unsafe-inline'", async (url) => {
      const res = await t.app.inject(url);
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      const nonce = scriptNonce(res);
      expect(nonce).toMatch(/^[0-9a-f]{32}$/);
      const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    });

    it("gives each response a nonce of its own", async () => {
      const nonces = await Promise.all([1, 2, 3].map(async () => scriptNonce(await t.app.inject("/"))));
      expect(new Set(nonces).size).toBe(3);
    });

    it("puts the refusal page for a forged form under the same policy", async () => {
      const res = await clearMailbox({ origin: ORIGIN }, {});
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain(`nonce="${scriptNonce(res)}"`);
    });
  });

  describe("the CSRF cookie", () => {
    it("is HttpOnly, SameSite=Lax and, outside production, not Secure", async () => {
      const page = await t.app.inject("/dev/mailbox");
      const cookie = page.cookies.find((c) => c.name === "csrf");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
      expect(cookie?.secure).toBeFalsy();
    });

    it("is set only on pages with a form", async () => {
      const res = await t.app.inject("/");
      expect(res.headers["set-cookie"]).toBeUndefined();
    });

    it("is kept, not replaced, when the visitor already has one", async () => {
      const first = await formSession();
      const again = await t.app.inject({ url: "/dev/mailbox", headers: { cookie: first.cookie } });
      expect(again.headers["set-cookie"]).toBeUndefined();
      expect(again.body).toContain(`value="${first.token}"`);
    });
  });

  describe("CSRF protection", () => {
    it("refuses a form post without a CSRF token with the friendly expired-form page and deletes nothing", async () => {
      const { cookie } = await formSession();
      const headers = { cookie, host: "localhost:3000", origin: ORIGIN, referer: `${ORIGIN}/dev/mailbox` };
      const res = await clearMailbox(headers, {});
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain("<h1>This form has expired</h1>");
      expect(res.body).toContain('<a href="http://localhost:3000/dev/mailbox">Go back to the form</a>');
      expect(await mailCount()).toBeGreaterThan(0);
    });

    it("refuses a token that belongs to another visitor's cookie", async () => {
      const mine = await formSession();
      const theirs = await formSession();
      expect(theirs.token).not.toBe(mine.token);
      const res = await clearMailbox({ cookie: mine.cookie, origin: ORIGIN }, { _csrf: theirs.token });
      expect(res.statusCode).toBe(403);
      expect(await mailCount()).toBeGreaterThan(0);
    });

    it("refuses a token without its cookie", async () => {
      const { token } = await formSession();
      const res = await clearMailbox({ origin: ORIGIN }, { _csrf: token });
      expect(res.statusCode).toBe(403);
      expect(await mailCount()).toBeGreaterThan(0);
    });

    it.each([
      ["a foreign Origin", { origin: "https://evil.example" }],
      ['Origin "null"', { origin: "null" }],
      ["a foreign Referer and no Origin", { referer: "https://evil.example/page" }],
      ["a malformed Referer and no Origin", { referer: "not a url" }],
    ])("refuses a correct token sent with %s", async (_what, headers) => {
      const { cookie, token } = await formSession();
      const res = await clearMailbox({ cookie, ...headers }, { _csrf: token });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain("This form has expired");
      expect(res.body).not.toContain("evil.example");
      expect(await mailCount()).toBeGreaterThan(0);
    });

    it("accepts the site's own form: a 303 back to the mailbox, and the mail is gone", async () => {
      const { cookie, token } = await formSession();
      const res = await clearMailbox({ cookie, origin: ORIGIN }, { _csrf: token });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/dev/mailbox");
      expect(await mailCount()).toBe(0);
    });

    it("accepts the token in the X-CSRF-Token header for scripts on the site's pages", async () => {
      const { cookie, token } = await formSession();
      const res = await clearMailbox({ cookie, origin: ORIGIN, "x-csrf-token": token }, {});
      expect(res.statusCode).toBe(303);
      expect(await mailCount()).toBe(0);
    });
  });

  describe("request ids", () => {
    it("puts a fresh x-request-id on every response, whatever its kind", async () => {
      const responses = await Promise.all(
        ["/", "/no-such-page", "/api/nope", "/healthz", "/dev/mailbox.json", "/%E0%A4%A", "/test-boom"].map((url) =>
          t.app.inject(url),
        ),
      );
      const ids = responses.map((r) => r.headers["x-request-id"]);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("ignores a request id the client makes up", async () => {
      const res = await t.app.inject({ url: "/", headers: { "x-request-id": "<script>forged</script>" } });
      expect(res.headers["x-request-id"]).not.toBe("<script>forged</script>");
    });
  });

  describe("a failing route", () => {
    it("shows the server-error page with the request id and nothing of the error itself", async () => {
      const res = await t.app.inject("/test-boom");
      expect(res.statusCode).toBe(500);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain("Sorry, something went wrong on our side");
      expect(res.body).toContain(`<code>${res.headers["x-request-id"]}</code>`);
      expect(res.body).not.toContain(BOOM);
      expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(res.body).not.toContain("Error:");
    });

    it("answers an API caller with a JSON 500 that names the request and not the error", async () => {
      const res = await t.app.inject("/api/test-boom");
      expect(res.statusCode).toBe(500);
      const body = res.json() as { error: { status: number; message: string; requestId: string } };
      expect(body.error).toEqual({
        status: 500,
        message: "Nothing you did caused this. Please try again in a moment.",
        requestId: res.headers["x-request-id"],
      });
      expect(res.body).not.toContain(BOOM);
    });
  });
});
