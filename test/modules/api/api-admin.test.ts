import { afterAll, beforeAll, expect, it } from "vitest";
import { hashApiKey } from "../../../src/modules/api/api-keys.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { auditOf, type Cookies, ERROR_SUMMARY, get, post, staffCookies } from "../admin/admin-helpers.ts";
import { apiGet } from "./api-helpers.ts";

const keyIn = (html: string) => /id="new-api-key"[^>]*value="(iwk_[A-Za-z0-9_-]+)"/.exec(html)?.[1];

describeEachDatabase("API keys and webhooks in the admin", (db) => {
  let t: TestApp;
  let admin: Cookies;
  let campaigner: Cookies;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    admin = await staffCookies(t, "admin");
    campaigner = await staffCookies(t, "campaigner");
  });
  afterAll(async () => t.app.close());

  it("makes a key that is shown once, kept only as its hash, audited, and works until revoked", async () => {
    const res = await post(t.app, "/admin/api", "/admin/api/keys", { name: "CRM sync", scopes: "read" }, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const key = keyIn(res.body);
    expect(key).toMatch(/^iwk_[A-Za-z0-9_-]{43}$/);
    const row = await t.deps.db
      .selectFrom("api_keys")
      .selectAll()
      .where("key_hash", "=", hashApiKey(key ?? ""))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "CRM sync", scopes: "read", revoked_at: null });
    expect(JSON.stringify(row)).not.toContain(key);
    const [audit] = await auditOf(t, "api-key.create", row.id);
    expect(audit?.after).not.toContain(key);

    // The list shows its name and first characters, never the key again.
    const list = await get(t.app, "/admin/api", admin);
    expect(list.body).toContain("CRM sync");
    expect(list.body).toContain(row.prefix);
    expect(list.body).not.toContain(key);

    expect((await apiGet(t.app, "/api/v1/people", key)).statusCode).toBe(200);
    const revoked = await post(t.app, "/admin/api", `/admin/api/keys/${row.id}/revoke`, {}, admin);
    expect(revoked.statusCode).toBe(303);
    expect((await apiGet(t.app, "/api/v1/people", key)).statusCode).toBe(401);
    expect(await auditOf(t, "api-key.revoke", row.id)).toHaveLength(1);
  });

  it("refuses a key without a name or scope, or expiring in the past, and makes nothing", async () => {
    const before = await t.deps.db.selectFrom("api_keys").select("id").execute();
    const res = await post(
      t.app,
      "/admin/api",
      "/admin/api/keys",
      { name: "", scopes: "everything", expires: "2020-01-01" },
      admin,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(ERROR_SUMMARY);
    expect(res.body).toContain("Give the key a name");
    expect(res.body).toContain("Choose at least one scope");
    expect(res.body).toContain("Enter a date after today");
    expect(await t.deps.db.selectFrom("api_keys").select("id").execute()).toHaveLength(before.length);
  });

  it("registers a webhook endpoint with its secret shown once, and refuses a bad address", async () => {
    const bad = await post(
      t.app,
      "/admin/api/webhooks",
      "/admin/api/webhooks",
      { url: "http://crm.example.org/hook", events: "signature.created" },
      admin,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("The address must start with https://");
    const res = await post(
      t.app,
      "/admin/api/webhooks",
      "/admin/api/webhooks",
      { url: "https://crm.example.org/hook", description: "CRM", events: "signature.created" },
      admin,
    );
    expect(res.statusCode).toBe(200);
    const secret = /id="new-webhook-secret"[^>]*value="(whsec_[^"]+)"/.exec(res.body)?.[1];
    expect(secret).toMatch(/^whsec_/);
    expect((await get(t.app, "/admin/api/webhooks", admin)).body).not.toContain(secret);
  });

  it("keeps the API's admin to admins", async () => {
    expect((await get(t.app, "/admin/api", campaigner)).statusCode).toBe(403);
    expect((await get(t.app, "/admin/api/webhooks", campaigner)).statusCode).toBe(403);
    expect((await get(t.app, "/admin", admin)).body).toContain('href="/admin/api"');
    expect((await get(t.app, "/admin", campaigner)).body).not.toContain('href="/admin/api"');
  });
});
