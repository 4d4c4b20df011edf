// Thousands of malformed requests at every route the site registers: wrong content types,
// invalid UTF-8, null bytes, huge fields, arrays where strings belong, __proto__ keys, broken
// multipart. None may get a 5xx, the app keeps answering, and no table changes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { tableCounts } from "../support/table-counts.ts";

const HUGE = "x".repeat(300 * 1024);

/** What a path parameter may be made of by someone hostile. */
const PARAMS = ["%00", "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "9".repeat(40), "-1", "1e309", "__proto__", "%E2%80%AE"];

function bodies(csrf: string): { type: string; body: string }[] {
  const form = (rest: string) => `_csrf=${encodeURIComponent(csrf)}&${rest}`;
  return [
    { type: "application/json", body: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}' },
    { type: "application/json", body: '{"email": ["a@example.org", "b@example.org"], "name": {"first": 1}}' },
    { type: "application/json", body: "{not json" },
    { type: "application/x-www-form-urlencoded", body: form("email=a%40example.org&email=b%40example.org&name[]=x") },
    { type: "application/x-www-form-urlencoded", body: form("name=%C3%28%FF%FE&email=%E0%80%80%40example.org") },
    { type: "application/x-www-form-urlencoded", body: form("name=a%00b&email=x%00%40example.org&comment=%00") },
    { type: "application/x-www-form-urlencoded", body: form("__proto__[polluted]=1&constructor[prototype][x]=1") },
    { type: "application/x-www-form-urlencoded", body: form(`name=${HUGE}`) },
    {
      type: "multipart/form-data; boundary=zzz",
      body: '--zzz\r\nContent-Disposition: form-data; name="x"\r\n\r\nunterminated',
    },
    { type: "multipart/form-data", body: "no boundary at all" },
    { type: "text/plain", body: "just some text" },
    {
      type: "application/xml",
      body: "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
    },
    { type: "application/octet-stream", body: "\u0000\u0001\u0002\uffff" },
  ];
}

describeEachDatabase("malformed requests at every route", (db) => {
  const routes: { method: string; url: string }[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(
      db().handle,
      { RATE_LIMITS: "off" },
      {
        onRoute: ({ method, url }) => {
          for (const m of [method].flat()) if (["GET", "POST"].includes(m)) routes.push({ method: m, url });
        },
      },
    );
  });
  afterAll(async () => t.app.close());

  it("answers every one below 500, keeps answering, and writes nothing", async () => {
    const page = await t.app.inject({ url: "/join" });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const before = await tableCounts(t.deps.db);
    const failures: string[] = [];
    let sent = 0;
    for (const { method, url } of routes) {
      // The development mailbox is not part of the site in production, and the live stream never ends.
      if (url.startsWith("/dev/") || url.endsWith("/live")) continue;
      const paths = url.includes(":") ? PARAMS.map((p) => url.replaceAll(/:[A-Za-z]+/g, p)) : [url];
      for (const path of paths) {
        const requests =
          method === "GET"
            ? [
                { url: `${path}?q=%FF&page[]=1&__proto__[x]=1&per_page=99999999` },
                { url: `${path}?token=%00&email=${"a".repeat(5000)}` },
              ]
            : bodies(csrf).map(({ type, body }) => ({
                url: path,
                method: "POST" as const,
                headers: { "content-type": type, cookie, origin: "http://localhost:3000" },
                payload: body,
              }));
        for (const request of requests) {
          const res = await t.app.inject(request);
          sent++;
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ${method} ${request.url}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    expect((await t.app.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect(await tableCounts(t.deps.db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 240_000);
});
