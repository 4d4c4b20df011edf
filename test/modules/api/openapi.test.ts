import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openApiPath } from "../../../src/modules/api/openapi.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";

type Document = { openapi: string; paths: Record<string, Record<string, { summary: string; security: unknown[] }>> };

describeEachDatabase("the OpenAPI document", (db) => {
  const routes: { method: string; url: string }[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(
      db().handle,
      {},
      {
        onRoute: ({ method, url }) => {
          for (const m of [method].flat())
            if (m !== "HEAD" && url.startsWith("/api/v1")) routes.push({ method: m, url });
        },
      },
    );
  });
  afterAll(async () => t.app.close());

  const fetchDocument = async () => {
    const res = await t.app.inject("/api/v1/openapi.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    return res.json() as Document;
  };

  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("describes every route the API really registers, and nothing else", async () => {
    const document = await fetchDocument();
    expect(routes.length).toBeGreaterThan(15);
    const registered = routes.map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`).sort();
    const described = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
      .sort();
    expect(described).toEqual(registered);
  });

  it("says which routes need a key and which scope, from the routes' own settings", async () => {
    const { paths } = await fetchDocument();
    expect(paths["/api/v1/people"]?.get?.security).toEqual([{ bearer: ["read"] }, { osdiToken: ["read"] }]);
    expect(paths["/api/v1/petitions/{slug}/signatures"]?.post?.security).toEqual([
      { bearer: ["write"] },
      { osdiToken: ["write"] },
    ]);
    expect(paths["/api/v1/petitions"]?.get?.security).toEqual([]);
  });

  it("is shown as a readable page made from the same document, with no script", async () => {
    const res = await t.app.inject("/api/v1/docs");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    const { paths } = await fetchDocument();
    for (const [path, methods] of Object.entries(paths)) {
      for (const method of Object.keys(methods)) expect(res.body).toContain(`${method.toUpperCase()} ${path}`);
    }
    expect(res.body).toContain('id="problem-missing-key"');
    expect(res.body).not.toMatch(/<script(?![^>]*nonce)/);
  });
});
