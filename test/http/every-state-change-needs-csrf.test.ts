// Every route that changes state, from the routes the app really registers: without the CSRF
// token, or with it but sent from another site, it is refused and nothing is written. The few
// routes that cannot use the token are named here with the credential that replaces it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeStaff, STAFF_COOKIE, signIn } from "../modules/admin/admin-helpers.ts";
import { buildTestApp, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { tableCounts } from "../support/table-counts.ts";

/** Routes without the token, each for a reason; anything else without it fails this test. */
const WITHOUT_TOKEN: Record<string, string> = {
  // RFC 8058: the mail program posts with no page and no cookie; the signed token in the URL is the proof.
  "POST /unsubscribe": "signed unsubscribe token in the URL",
  // The mail provider's bounces and complaints, signed with MAIL_EVENTS_SECRET.
  "POST /webhooks/mail-events": "HMAC signature of the body",
  // Programs with an API key in a header, never a cookie.
  "POST /api/v1/petitions/:slug/signatures": "API key with the write scope",
  // The form framed on other sites, where the site's cookie would be a third-party one: a signed, dated token of its own.
  "POST /embed/petitions/:slug/signatures": "signed embed token",
};

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const concrete = (url: string) => url.replaceAll(/:[a-zA-Z]+/g, "1");

describeEachDatabase("CSRF on every state-changing route", (db) => {
  const routes: { method: string; url: string; exempt: boolean }[] = [];
  let t: TestApp;
  let cookie = "";
  let token = "";
  beforeAll(async () => {
    t = await buildTestApp(
      db().handle,
      { RATE_LIMITS: "off" },
      {
        onRoute: ({ method, url, config }) => {
          const exempt = (config as { csrf?: boolean } | undefined)?.csrf === false;
          for (const m of [method].flat()) if (STATE_CHANGING.has(m)) routes.push({ method: m, url, exempt });
        },
      },
    );
    // An admin, so that the staff session check lets every admin route reach the CSRF check.
    const session = await signIn(t, await makeStaff(t, "admin"));
    const page = await t.app.inject({ url: "/join", headers: { cookie: `${STAFF_COOKIE}=${session}` } });
    token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    cookie = [`${STAFF_COOKIE}=${session}`, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join("; ");
  });
  afterAll(async () => t.app.close());

  it("lets only the named routes go without the token", () => {
    expect(routes.length).toBeGreaterThan(50);
    const exempt = routes.filter((r) => r.exempt).map((r) => `${r.method} ${r.url}`);
    expect(exempt.sort()).toEqual(Object.keys(WITHOUT_TOKEN).sort());
  });

  it("refuses each of the others without the token, or from another site, and writes nothing", async () => {
    const before = await tableCounts(t.deps.db);
    const attempts: { why: string; headers: Record<string, string>; fields: Record<string, string> }[] = [
      { why: "no token", headers: { origin: "http://localhost:3000" }, fields: {} },
      { why: "another site's Origin", headers: { origin: "https://attacker.example" }, fields: { _csrf: token } },
      {
        why: "another site's Referer",
        headers: { referer: "https://attacker.example/page" },
        fields: { _csrf: token },
      },
      {
        why: "a token of another cookie",
        headers: { origin: "http://localhost:3000" },
        fields: { _csrf: `${token}x` },
      },
    ];
    const failures: string[] = [];
    for (const { method, url } of routes.filter((r) => !r.exempt)) {
      for (const { why, headers, fields } of attempts) {
        const res = await t.app.inject({
          method: method as "POST",
          url: concrete(url),
          headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...headers },
          payload: new URLSearchParams({ name: "Amal", email: "amal@example.org", ...fields }).toString(),
        });
        if (res.statusCode !== 403) failures.push(`${res.statusCode} ${method} ${url} (${why})`);
      }
    }
    expect(failures).toEqual([]);
    expect(await tableCounts(t.deps.db)).toEqual(before);
  });

  it("still takes the site's own form with its token and Origin", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/join",
      headers: { cookie, origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: token }).toString(),
    });
    // An empty form: the error summary, not the CSRF refusal.
    expect(res.statusCode).toBe(400);
  });
});
