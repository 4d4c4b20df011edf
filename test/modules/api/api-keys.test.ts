import { afterAll, beforeAll, expect, it } from "vitest";
import { hashApiKey } from "../../../src/modules/api/api-keys.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { apiGet, bearer, makeApiKey } from "./api-helpers.ts";

const PROBLEM_JSON = /^application\/problem\+json/;

describeEachDatabase("API keys", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
  });
  afterAll(async () => t.app.close());

  it("refuses people without a key with 401 and a problem document", async () => {
    const res = await apiGet(t.app, "/api/v1/people");
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(PROBLEM_JSON);
    expect(res.json()).toMatchObject({
      type: "http://localhost:3000/api/v1/docs#problem-missing-key",
      title: "An API key is needed",
      status: 401,
      instance: "/api/v1/people",
    });
    expect(res.json().request_id).toBe(res.headers["x-request-id"]);
  });

  it("refuses an unknown, a revoked and an expired key with 401, saying which", async () => {
    const revoked = await makeApiKey(t.deps.db, ["read"], { revoked: true });
    const expired = await makeApiKey(t.deps.db, ["read"], { expiresAt: new Date(Date.now() - 1000).toISOString() });
    const cases = [
      ["iwk_not-a-key-anyone-made", "No API key matches"],
      [revoked, "revoked"],
      [expired, "expired"],
    ] as const;
    for (const [key, words] of cases) {
      const res = await apiGet(t.app, "/api/v1/people", key);
      expect(res.statusCode, words).toBe(401);
      expect(res.json()).toMatchObject({ status: 401, detail: expect.stringContaining(words) });
    }
  });

  it("takes a key that expires later, and notes when it was used", async () => {
    const key = await makeApiKey(t.deps.db, ["read"], { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const res = await apiGet(t.app, "/api/v1/people", key);
    expect(res.statusCode).toBe(200);
    const row = await t.deps.db
      .selectFrom("api_keys")
      .select(["last_used_at", "key_hash"])
      .where("key_hash", "=", hashApiKey(key))
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    // Only the hash is kept: the key appears nowhere in the table.
    const all = JSON.stringify(await t.deps.db.selectFrom("api_keys").selectAll().execute());
    expect(all).not.toContain(key);
  });

  it("accepts the key in OSDI's own header too", async () => {
    const key = await makeApiKey(t.deps.db, ["read"]);
    const res = await t.app.inject({ url: "/api/v1/tags", headers: { "osdi-api-token": key } });
    expect(res.statusCode).toBe(200);
  });

  it("refuses a key without the scope a route needs with 403", async () => {
    const writeOnly = await makeApiKey(t.deps.db, ["write"]);
    const readOnly = await makeApiKey(t.deps.db, ["read"]);
    const read = await apiGet(t.app, "/api/v1/signatures", writeOnly);
    expect(read.statusCode).toBe(403);
    expect(read.json()).toMatchObject({ status: 403, detail: expect.stringContaining('"read"') });
    const write = await t.app.inject({
      method: "POST",
      url: "/api/v1/petitions/stop-returns-to-afghanistan/signatures",
      headers: bearer(readOnly),
      payload: {},
    });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ status: 403, detail: expect.stringContaining('"write"') });
  });

  it("checks the key before the body: a bad body with no key is a 401, not a 400", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/petitions/stop-returns-to-afghanistan/signatures",
      payload: { nonsense: true },
    });
    expect(res.statusCode).toBe(401);
  });

  it("keeps petitions open to anyone, without a key", async () => {
    const res = await apiGet(t.app, "/api/v1/petitions");
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe("*");
  });
});

describeEachDatabase("API rate limits", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "on" });
  });
  afterAll(async () => t.app.close());

  it("counts requests per key: one busy key is slowed down, another is not", async () => {
    const busy = await makeApiKey(t.deps.db, ["read"]);
    const calm = await makeApiKey(t.deps.db, ["read"]);
    let limited: Awaited<ReturnType<typeof apiGet>> | undefined;
    for (let i = 0; i < 601 && !limited; i++) {
      const res = await apiGet(t.app, "/api/v1/tags?per_page=1", busy);
      if (res.statusCode === 429) limited = res;
    }
    expect(limited?.statusCode).toBe(429);
    expect(limited?.headers["content-type"]).toMatch(PROBLEM_JSON);
    expect(limited?.json()).toMatchObject({ status: 429, type: expect.stringContaining("rate-limited") });
    expect((await apiGet(t.app, "/api/v1/tags?per_page=1", calm)).statusCode).toBe(200);
  });
});
