import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";

const FORM = "application/x-www-form-urlencoded";
const BOOM = "the database password is hunter2";

describeEachDatabase("security in production", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, {
      NODE_ENV: "production",
      SECRET_KEY: "a-production-secret-key-of-forty-characters",
      PUBLIC_URL: "https://welcome.example",
      SMTP_URL: "smtp://127.0.0.1:9",
    });
    // Production has no form yet; these stand in for one.
    t.app.get("/test-form", async (_request, reply) => reply.send({ token: reply.csrfToken() }));
    t.app.post("/test-form", async (_request, reply) => reply.send({ done: true }));
    t.app.get("/test-boom", async () => {
      throw new Error(BOOM);
    });
  });
  afterAll(async () => t.app.close());

  it("sets the CSRF cookie as __Host-csrf: Secure, HttpOnly, SameSite=Lax, for the whole site", async () => {
    const res = await t.app.inject("/test-form");
    expect(res.cookies).toHaveLength(1);
    expect(res.cookies[0]).toMatchObject({
      name: "__Host-csrf",
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
    });
    expect(res.cookies[0]?.domain).toBeUndefined();
  });

  it("accepts a post from the public origin with the secure cookie's token, and refuses the rest", async () => {
    const page = await t.app.inject("/test-form");
    const { token } = page.json() as { token: string };
    const secret = page.cookies[0]?.value ?? "";
    const post = (cookie: string, origin: string) =>
      t.app.inject({
        method: "POST",
        url: "/test-form",
        headers: { cookie, origin, "content-type": FORM },
        payload: `_csrf=${encodeURIComponent(token)}`,
      });
    expect((await post(`__Host-csrf=${secret}`, "https://welcome.example")).statusCode).toBe(200);
    expect((await post(`csrf=${secret}`, "https://welcome.example")).statusCode).toBe(403);
    expect((await post(`__Host-csrf=${secret}`, "https://evil.example")).statusCode).toBe(403);
  });

  it("tells browsers to use HTTPS only", async () => {
    const res = await t.app.inject("/");
    expect(res.headers["strict-transport-security"]).toContain("max-age=31536000");
    expect(res.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("shows no error detail in production either", async () => {
    const res = await t.app.inject("/test-boom");
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(BOOM);
  });
});
