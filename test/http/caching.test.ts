import cookie from "@fastify/cookie";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_CACHE, publicCaching } from "../../src/http/cache.ts";
import { buildTestApp, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";

/** What a CDN needs to keep a copy, serve it stale while refreshing, and fall back to it. */
function expectShared(cacheControl: string | undefined) {
  expect(cacheControl).toMatch(/^public\b/);
  expect(cacheControl).toMatch(/\bs-maxage=\d+/);
  expect(cacheControl).toMatch(/\bstale-while-revalidate=\d+/);
  expect(cacheControl).toMatch(/\bstale-if-error=\d+/);
}

describeEachDatabase("caching by browsers and a CDN", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  describe.each([
    "/",
    "/calling-for",
    "/ar/learn",
    "/campaigns",
    "/api/v1/petitions",
    "/api/v1/petitions/stop-returns-to-afghanistan",
    "/api/v1/petitions/stop-returns-to-afghanistan/count",
    "/campaigns/stop-returns-to-afghanistan/count.json",
  ])("%s, the same for every visitor", (url) => {
    it("may be kept by a CDN, and sets no cookie", async () => {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(200);
      expectShared(res.headers["cache-control"] as string);
      expect(res.headers["set-cookie"]).toBeUndefined();
    });

    it("answers 304 without a body when the copy held is still current", async () => {
      const first = await t.app.inject(url);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await t.app.inject({ url, headers: { "if-none-match": etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe("");
      expect(again.headers.etag).toBe(etag);
    });
  });

  it("gives a page the same ETag on every answer, though each has its own CSP nonce", async () => {
    const a = await t.app.inject("/calling-for");
    const b = await t.app.inject("/calling-for");
    expect(a.body).not.toBe(b.body);
    expect(a.headers.etag).toBe(b.headers.etag);
  });

  it("answers 200 in full to a copy that is out of date", async () => {
    const res = await t.app.inject({ url: "/calling-for", headers: { "if-none-match": '"out-of-date"' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<h2>Resettlement for those most at risk</h2>");
  });

  it("lets a share card be kept by a CDN, with a validator", async () => {
    const res = await t.app.inject("/campaigns/stop-returns-to-afghanistan/share.png");
    expect(res.statusCode).toBe(200);
    expectShared(res.headers["cache-control"] as string);
    const again = await t.app.inject({
      url: "/campaigns/stop-returns-to-afghanistan/share.png",
      headers: { "if-none-match": res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it("the count's validator changes when the count does", async () => {
    const url = "/api/v1/petitions/safe-and-legal-routes/count";
    const before = await t.app.inject(url);
    const id = (
      await t.deps.db
        .selectFrom("campaigns")
        .select("id")
        .where("slug", "=", "safe-and-legal-routes")
        .executeTakeFirstOrThrow()
    ).id;
    await t.deps.db
      .insertInto("campaign_counts")
      .values({ campaign_id: id, total: 41, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column("campaign_id").doUpdateSet({ total: 41 }))
      .execute();
    t.deps.counts.changed(id);
    const after = await t.app.inject({ url, headers: { "if-none-match": before.headers.etag as string } });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ total_signatures: 41 });
  });

  describe("pages with a form or a visitor's own content are never shared", () => {
    it.each(["/campaigns/stop-returns-to-afghanistan", "/join"])(
      "%s carries its visitor's CSRF cookie and is not public",
      async (url) => {
        const res = await t.app.inject(url);
        expect(res.statusCode).toBe(200);
        expect(res.headers["set-cookie"]).toBeDefined();
        expect(res.headers["cache-control"]).not.toMatch(/public|s-maxage/);
        expect(res.headers.etag).toBeUndefined();
      },
    );

    it("a thank-you page is private", async () => {
      const res = await t.app.inject("/campaigns/stop-returns-to-afghanistan/thank-you?code=abc");
      expect(res.headers["cache-control"]).toMatch(/private/);
    });
  });
});

describe("a public answer that sets a cookie after all", () => {
  it("is turned private, and gets no validator", async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(publicCaching);
    app.get("/public-with-cookie", async (_request, reply) =>
      reply.header("cache-control", PUBLIC_CACHE.page).setCookie("who", "me").send("hello"),
    );
    const res = await app.inject("/public-with-cookie");
    expect(res.headers["cache-control"]).toBe("private, no-cache");
    expect(res.headers.etag).toBeUndefined();
    await app.close();
  });
});
