import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../../src/app.ts";
import { buildTestApp, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";

const FORM = "application/x-www-form-urlencoded";
const ORIGIN = "http://localhost:3000";

describeEachDatabase("bad input", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  const mailCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom("dev_mail")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeEach(async () => {
    if ((await mailCount()) === 0) {
      await t.deps.mailer.send({ to: "ana@example.org", subject: "Keep me", text: "Still here." });
      await t.deps.mailer.send({ to: "ben@example.org", subject: "Keep me too", text: "Still here." });
    }
  });

  /** Sends a request and checks it was refused with a 4xx and that no mail was deleted. */
  async function expectRefusedAndNothingWritten(request: InjectOptions) {
    const before = await mailCount();
    expect(before).toBeGreaterThan(0);
    const res = await t.app.inject(request);
    expect(res.statusCode, `${request.method} ${request.url}`).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, `${request.method} ${request.url}`).toBeLessThan(500);
    expect(await mailCount()).toBe(before);
    return res;
  }

  describe("unknown addresses", () => {
    it("answers an unknown page with the 404 page in the site's layout", async () => {
      const res = await t.app.inject("/no-such-page");
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toMatch(/^<!doctype html>/);
      expect(res.body).toContain("<h1>Page not found</h1>");
      expect(res.body).toContain('class="site-nav"');
    });

    it.each(["/api/no-such-thing", "/no-such-feed.json", "/campaigns/nope.json"])(
      "answers %s with a JSON error that carries the status and request id",
      async (url) => {
        const res = await t.app.inject(url);
        expect(res.statusCode).toBe(404);
        expect(res.headers["content-type"]).toMatch(/^application\/json/);
        const body = res.json() as { error: { status: number; message: string; requestId: string } };
        expect(body.error.status).toBe(404);
        expect(body.error.message).toContain("There is no page at this address");
        expect(body.error.requestId).toBe(res.headers["x-request-id"]);
      },
    );
  });

  it.each([
    ["PATCH", "/"],
    ["DELETE", "/campaigns"],
    ["PUT", "/campaigns/stop-returns-to-afghanistan"],
    ["OPTIONS", "/"],
    ["GET", "/dev/mailbox/clear"],
  ] as const)("refuses %s %s with a 4xx, never a server error", async (method, url) => {
    const res = await t.app.inject({ method, url });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  describe("refused posts change nothing", () => {
    it("refuses a form body over the size limit with the 413 page", async () => {
      const payload = `_csrf=x&text=${"a".repeat(BODY_LIMIT_BYTES + 1)}`;
      const res = await expectRefusedAndNothingWritten({
        method: "POST",
        url: "/dev/mailbox/clear",
        headers: { "content-type": FORM, origin: ORIGIN },
        payload,
      });
      expect(res.statusCode).toBe(413);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain("That was too large");
    });

    it("refuses a JSON body over the size limit with a 413", async () => {
      const payload = JSON.stringify({ text: "a".repeat(BODY_LIMIT_BYTES + 1) });
      const res = await expectRefusedAndNothingWritten({
        method: "POST",
        url: "/dev/mailbox/clear",
        headers: { "content-type": "application/json", origin: ORIGIN },
        payload,
      });
      expect(res.statusCode).toBe(413);
    });

    it.each([
      ["malformed JSON", "application/json", "{bad json"],
      ["JSON that tries to set __proto__", "application/json", '{"__proto__":{"admin":true}}'],
      ["a JSON array", "application/json", "[1,2,3]"],
      ["JSON null", "application/json", "null"],
      ["a malformed urlencoded body", FORM, "a=%zz&&=&%%%&_csrf"],
      ["a repeated token field", FORM, "_csrf=one&_csrf=two"],
      ["an unsupported content type", "application/xml", "<clear/>"],
      ["plain text", "text/plain", "_csrf=x"],
    ])("refuses %s with a 4xx", async (_what, contentType, payload) => {
      await expectRefusedAndNothingWritten({
        method: "POST",
        url: "/dev/mailbox/clear",
        headers: { "content-type": contentType, origin: ORIGIN },
        payload,
      });
    });

    it("says a malformed JSON body is a bad request", async () => {
      const res = await expectRefusedAndNothingWritten({
        method: "POST",
        url: "/dev/mailbox/clear",
        headers: { "content-type": "application/json", origin: ORIGIN },
        payload: "{bad json",
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain("Something was wrong with that request");
    });

    it.each(["csrf=%zz; ;;==; csrf", "csrf=x".repeat(500), 'a=1; csrf="unterminated', "csrf==="])(
      "refuses a post with the garbage cookie %#",
      async (cookie) => {
        await expectRefusedAndNothingWritten({
          method: "POST",
          url: "/dev/mailbox/clear",
          headers: { "content-type": FORM, origin: ORIGIN, cookie },
          payload: "_csrf=whatever",
        });
      },
    );
  });

  it.each(["csrf=%zz; ;;==; csrf", "csrf=x".repeat(500), 'a=1; csrf="unterminated', "__proto__=1; constructor=2"])(
    "serves the home page whatever the cookie header holds (%#)",
    async (cookie) => {
      const res = await t.app.inject({ url: "/", headers: { cookie } });
      expect(res.statusCode).toBe(200);
    },
  );

  it.each([
    "/?a[=%zz&&&",
    `/?${"q=x&".repeat(5000)}`,
    `/?q=${"%".repeat(4000)}`,
    "/campaigns?page=-1&page=x&sort[]=%00",
    "/?__proto__[admin]=1&constructor[prototype][x]=1",
  ])("answers odd query strings with 200 or a 4xx (%#)", async (url) => {
    const res = await t.app.inject(url);
    expect([200, 400, 404, 414]).toContain(res.statusCode);
  });

  it("refuses a NUL character in a query string with a 400 page", async () => {
    const res = await t.app.inject("/campaigns?q=a%00b");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Something was wrong with that request");
  });

  it("refuses a NUL character in a form field with a 400, before anything runs", async () => {
    await expectRefusedAndNothingWritten({
      method: "POST",
      url: "/dev/mailbox/clear",
      headers: { "content-type": FORM, origin: ORIGIN },
      payload: "_csrf=x&name=a%00b",
    });
  });

  it("answers malformed percent-encoding in the path with the 400 page", async () => {
    const res = await t.app.inject("/%E0%A4%A");
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain("Something was wrong with that request");
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("answers malformed percent-encoding under /api/ with a JSON 400", async () => {
    const res = await t.app.inject("/api/%E0%A4%A");
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({ error: { status: 400, requestId: res.headers["x-request-id"] } });
  });

  it("answers a campaign address with an absurdly long name with a 4xx", async () => {
    const res = await t.app.inject(`/campaigns/${"a".repeat(5000)}`);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it.each([
    "/campaigns/%00",
    "/campaigns/stop%00returns",
    "/pages/%00",
    "/campaigns/%C3%A9t%C3%A9",
    "/campaigns/UPPER",
  ])("answers %s, which cannot name anything, with the 404 page", async (url) => {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("Page not found");
  });

  describe("properties", () => {
    const nasty = fc.constantFrom("%", "%zz", "%E0%A4%A", "%00", "%2F", "..", "/", "//", "?", "&", "=", "[", "]", "#");
    const segment = fc.oneof(fc.webSegment(), fc.string({ unit: "grapheme", maxLength: 20 }), nasty);
    const path = fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join("")}`);
    const query = fc.oneof(
      fc.webQueryParameters(),
      fc
        .array(fc.oneof(fc.string({ unit: "binary-ascii", maxLength: 30 }), nasty), { maxLength: 10 })
        .map((p) => p.join("")),
    );
    const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS") as fc.Arbitrary<
      InjectOptions["method"]
    >;

    it("never answers an arbitrary path or query string with a server error, and deletes no mail", async () => {
      const before = await mailCount();
      await fc.assert(
        fc.asyncProperty(method, path, query, async (m, p, q) => {
          const res = await t.app.inject({ method: m, url: `${p}?${q}` });
          expect(res.statusCode, `${m} ${p}?${q}`).toBeLessThan(500);
          expect(res.headers["x-request-id"]).toBeTruthy();
        }),
        { numRuns: 300 },
      );
      expect(await mailCount()).toBe(before);
    });

    it("never answers under a locale prefix or on a real page with a server error", async () => {
      const known = fc.constantFrom(
        "/",
        "/campaigns",
        "/campaigns/",
        "/pages/",
        "/dev/mailbox",
        "/en",
        "/ar",
        "/healthz",
      );
      await fc.assert(
        fc.asyncProperty(known, path, query, async (k, p, q) => {
          const res = await t.app.inject(`${k}${p}?${q}`);
          expect(res.statusCode, `${k}${p}?${q}`).toBeLessThan(500);
        }),
        { numRuns: 200 },
      );
    });
  });
});
