// PostgreSQL goes away for a moment while people use the site, as in a restart: every
// connection cut, new ones refused. Requests get 503 with Retry-After, never a 500; the
// server does not crash, and serves again by itself once the database is back. A TCP relay
// in the test stands between the server and PostgreSQL, so the shared server is untouched.
import { once } from "node:events";
import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prepareDatabase } from "../../src/setup.ts";
import { createTestDatabase, type TestDatabase } from "../support/databases.ts";
import { databaseUrlFor, type RunningServer, startServer } from "../support/process.ts";

const SLUG = "stop-returns-to-afghanistan";
const OUTAGE_MS = 2500;

/** A relay to PostgreSQL that can be cut: while down, it drops every connection at once. */
async function startRelay(target: URL) {
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return {
    port,
    cut() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!inject("postgresUrl"))("PostgreSQL restarting while people sign", () => {
  let database: TestDatabase & { drop(): Promise<void> };
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const handle = database.open();
    await prepareDatabase(handle, { seedDemo: true });
    await handle.db.updateTable("campaigns").set({ signature_policy: "instant" }).where("slug", "=", SLUG).execute();
    await handle.close();
    relay = await startRelay(new URL(database.url));
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    relay.cut();
    await relay.close();
    await database.drop();
  });

  it("answers 503 with Retry-After while it is away, never 500, and recovers by itself", async () => {
    const url = new URL(databaseUrlFor(database));
    url.host = `127.0.0.1:${relay.port}`;
    server = await startServer({ DATABASE_URL: url.toString(), RATE_LIMITS: "off", DEMO_CONTENT: "off" });
    const base = server.url;
    const page = await fetch(`${base}/campaigns/${SLUG}`);
    expect(page.status).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    let n = 0;
    const sign = () =>
      fetch(`${base}/campaigns/${SLUG}/signatures`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          _csrf: token,
          name: "Rita Restart",
          email: `restart-${process.pid}-${n++}@example.org`,
          country: "NO",
        }).toString(),
      });
    expect((await sign()).status).toBe(303);

    relay.cut();
    const signs: { status: number; retryAfter: string | null }[] = [];
    const ready: number[] = [];
    const outageEnds = Date.now() + OUTAGE_MS;
    while (Date.now() < outageEnds) {
      const [signed, readyz] = await Promise.all([sign(), fetch(`${base}/readyz`)]).catch((e) => {
        throw new Error(`${e}\n${server?.output().slice(-3000)}`);
      });
      signs.push({ status: signed.status, retryAfter: signed.headers.get("retry-after") });
      ready.push(readyz.status);
      await Promise.all([signed.body?.cancel(), readyz.body?.cancel()]);
      await sleep(100);
    }
    relay.restore();
    expect(signs.length).toBeGreaterThan(2);
    expect(signs).toEqual(signs.map(() => ({ status: 503, retryAfter: "5" })));
    expect(ready).toEqual(ready.map(() => 503));
    expect(server.process.exitCode).toBeNull();

    // Back by itself: within a bounded wait, signing works again and the server never restarted.
    let back = 0;
    for (let i = 0; i < 50 && back !== 303; i++) {
      const res = await sign();
      back = res.status;
      if (back !== 303) await sleep(200);
    }
    expect(back).toBe(303);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/"level":(50|60).*request failed/);
  }, 60_000);
});
