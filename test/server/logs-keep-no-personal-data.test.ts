// What the server writes to its log while people sign, confirm, sign in and call the API:
// never an address, a password, a token, a cookie, an authorisation header or a client IP.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { databaseUrlFor, type RunningServer, startServer } from "../support/process.ts";

const SLUG = "stop-returns-to-afghanistan";
const EMAIL = "log.watcher.7731@example.org";
const PASSWORD = "a passphrase that must never be logged";
const TOKEN = "Tk9UX0FfUkVBTF9UT0tFTl9CVVRfTE9PS1NfTElLRV8x";
const BEARER = "api-key-that-must-not-appear-9f8e7d";
const CLIENT_IP = "198.51.100.73";

async function formOf(base: string, path: string) {
  const page = await fetch(`${base}${path}`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token, cookie };
}

async function postForm(base: string, from: string, to: string, fields: Record<string, string>) {
  const { token, cookie } = await formOf(base, from);
  return fetch(`${base}${to}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie,
      origin: base,
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": CLIENT_IP,
    },
    body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}

describeEachDatabase("the server's log", (db) => {
  let server: RunningServer;
  let cookieValues: string[] = [];
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: databaseUrlFor(db()), RATE_LIMITS: "off", LOG_LEVEL: "debug" });
    const base = server.url;
    const signed = await postForm(base, `/campaigns/${SLUG}`, `/campaigns/${SLUG}/signatures`, {
      name: "Log Watcher",
      email: EMAIL,
      country: "NO",
      comment: `my address is ${EMAIL}`,
    });
    expect(signed.status).toBe(303);
    await fetch(`${base}/signatures/confirm?token=${TOKEN}`, { headers: { "x-forwarded-for": CLIENT_IP } });
    await fetch(`${base}/preferences?token=${TOKEN}`);
    await postForm(base, "/admin/login", "/admin/login", { email: EMAIL, password: PASSWORD, code: "123456" });
    const join = await postForm(base, "/join", "/join", { name: "Log Watcher", email: EMAIL, country: "NO" });
    cookieValues = join.headers.getSetCookie().map((c) => c.split(";")[0]?.split("=")[1] ?? "");
    await fetch(`${base}/api/campaigns/${SLUG}?email=${encodeURIComponent(EMAIL)}`, {
      headers: { authorization: `Bearer ${BEARER}`, cookie: `iw-staff=${TOKEN}` },
    });
    await fetch(`${base}/no-such-page?email=${encodeURIComponent(EMAIL)}`);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it("logs the requests it served", () => {
    expect(server.output()).toContain(`/campaigns/${SLUG}/signatures`);
    expect(server.output()).toContain("/admin/login");
  });

  it("holds no email address, password, token, authorisation, cookie or client address", () => {
    const log = server.output();
    for (const secret of [EMAIL, encodeURIComponent(EMAIL), PASSWORD, TOKEN, BEARER, CLIENT_IP, ...cookieValues]) {
      if (secret) expect(log, secret).not.toContain(secret);
    }
    // The server's own address shows once, where it says it is listening; no client's does.
    const requestLines = log.split("\n").filter((line) => line.includes('"reqId"'));
    expect(requestLines.length).toBeGreaterThan(5);
    expect(requestLines.filter((line) => /127\.0\.0\.1|::1|remoteAddress/.test(line))).toEqual([]);
  });
});
