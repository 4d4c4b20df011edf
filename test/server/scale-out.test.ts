import { randomBytes } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/databases.ts";
import { databaseUrlFor, type RunningServer, startServer } from "../support/process.ts";

const postgresUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
/** Signatures count once confirmed by email (the demo's default policy). */
const CONFIRM_SLUG = "stop-returns-to-afghanistan";
/** Signatures count at once: quick to sign many times. */
const SLUG = "safe-and-legal-routes";

/** The CSRF cookie and token a visitor gets from the campaign page of one instance. */
async function visitorOf(server: RunningServer, slug = SLUG) {
  const page = await fetch(`${server.url}/campaigns/${slug}`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token, cookie };
}

let signed = 0;
/** A form post from a visitor of one instance; the answer's status. */
async function post(server: RunningServer, path: string, visitor: { token: string; cookie: string }, fields = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: visitor.cookie, origin: server.url },
    body: new URLSearchParams({ _csrf: visitor.token, ...fields }),
  });
  return response.status;
}

/** Signs a petition on one instance; the answer's status. */
function sign(server: RunningServer, visitor: { token: string; cookie: string }, slug = SLUG, email = newEmail()) {
  return post(server, `/campaigns/${slug}/signatures`, visitor, { name: "Two Instances", email, country: "NO" });
}

function newEmail() {
  return `scale-out-${process.pid}-${signed++}@example.org`;
}

/** Opens the live count of the petition on one instance; `reaches(n)` resolves when it shows n. */
function liveCount(server: RunningServer, slug = SLUG) {
  let latest = -1;
  const waiting: { total: number; resolve: () => void }[] = [];
  const request = http.get(`${server.url}/campaigns/${slug}/live`, (response) => {
    let buffer = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
        const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
        buffer = buffer.slice(end + 2);
        if (!data) continue;
        latest = (JSON.parse(data) as { total_signatures: number }).total_signatures;
        for (const w of waiting.filter((w) => latest >= w.total)) w.resolve();
      }
    });
  });
  request.on("error", () => {});
  return {
    latest: () => latest,
    reaches(total: number) {
      return new Promise<void>((resolve) => {
        if (latest >= total) resolve();
        else waiting.push({ total, resolve });
      });
    },
    close: () => request.destroy(),
  };
}

describe.runIf(postgresUrl && redisUrl)("two instances sharing PostgreSQL and Redis", () => {
  let database: TestDatabase & { drop(): Promise<void> };
  let a: RunningServer;
  let b: RunningServer;
  let client: pg.Client;

  /** The token in the confirmation email to an address, once a worker has sent it. */
  async function confirmationTokenFor(email: string): Promise<string> {
    for (;;) {
      const { rows } = await client.query<{ text: string }>('select text from dev_mail where "to" = $1', [email]);
      const token = /\/signatures\/confirm\?token=([\w-]{43})/.exec(rows[0]?.text ?? "")?.[1];
      if (token) return token;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const env = {
      DATABASE_URL: databaseUrlFor(database),
      REDIS_URL: redisUrl ?? "",
      // One site: the same key signs CSRF tokens and keys the network hashes on every instance.
      SECRET_KEY: randomBytes(32).toString("base64url"),
      // The test signs the moment it has the form; the minimum time is tested in test/modules/abuse.
      SIGN_MIN_SECONDS: "0",
    };
    a = await startServer(env);
    b = await startServer(env);
    client = new pg.Client({ connectionString: database.url, options: `-c search_path=${database.schema}` });
    await client.connect();
    await client.query("update campaigns set signature_policy = 'instant' where slug = $1", [SLUG]);
  });

  afterAll(async () => {
    await client?.end();
    await a?.stop();
    await b?.stop();
    await database?.drop();
  });

  it("shows a signature confirmed on one instance on the other's live count within 2 seconds", async () => {
    const email = newEmail();
    expect(await sign(a, await visitorOf(a, CONFIRM_SLUG), CONFIRM_SLUG, email)).toBe(303);
    const token = await confirmationTokenFor(email);
    const live = liveCount(b, CONFIRM_SLUG);
    try {
      await live.reaches(0);
      const before = live.latest();
      expect(await post(a, "/signatures/confirm", await visitorOf(a, CONFIRM_SLUG), { token })).toBe(303);
      const late = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("the other instance did not show the new count within 2 s")), 2000),
      );
      await Promise.race([live.reaches(before + 1), late]);
      expect(live.latest()).toBe(before + 1);
    } finally {
      live.close();
    }
  });

  it("holds a rate limit reached on one instance on the other too", async () => {
    // Signing allows 20 a minute per network and petition; here they are shared between two.
    const visitor = await visitorOf(a);
    const statuses: number[] = [];
    while (statuses.length < 40 && !statuses.includes(429)) {
      statuses.push(await sign(statuses.length % 2 === 0 ? a : b, visitor));
    }
    // Ten on each instance made twenty: each instance alone would have let forty through.
    expect(statuses.indexOf(429)).toBe(20);
    expect(await sign(a, visitor)).toBe(429);
    expect(await sign(b, visitor)).toBe(429);
  });
});
