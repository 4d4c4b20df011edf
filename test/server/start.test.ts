import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, engines } from "../support/databases.ts";
import { databaseUrlFor, type RunningServer, runScript, startServer } from "../support/process.ts";

describe("starting the server", () => {
  it("refuses a bad setting with one line naming the variable, and no stack trace", async () => {
    const { code, stderr } = await runScript("dist/server.js", { PORT: "eighty" });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('iwelcome cannot start: PORT: must be a whole number (got "eighty")');
  });

  it("refuses to start in production without SECRET_KEY", async () => {
    const { code, stderr } = await runScript("dist/server.js", {
      NODE_ENV: "production",
      PUBLIC_URL: "https://welcome.example.org",
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("iwelcome cannot start: SECRET_KEY: is required when NODE_ENV=production");
  });
});

describe.each(engines())("a server process [%s]", (dialect) => {
  const servers: RunningServer[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop("SIGKILL");
    for (const drop of drops.splice(0)) await drop();
  });

  async function newDatabaseUrl() {
    const database = await createTestDatabase(dialect);
    drops.push(database.drop);
    return databaseUrlFor(database);
  }

  it("creates, migrates and fills an empty database on first start, then serves the site", async () => {
    const server = await startServer({ DATABASE_URL: await newDatabaseUrl() });
    servers.push(server);
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Refugees are welcome here");
    expect(server.output()).toContain("Applied migrations: 0001_foundation");
    expect(server.output()).toContain("Loaded the demo content");
  });

  it("comes up twice at once on the same new database, applying each migration once", async () => {
    const DATABASE_URL = await newDatabaseUrl();
    const started = await Promise.all([startServer({ DATABASE_URL }), startServer({ DATABASE_URL })]);
    servers.push(...started);
    for (const server of started) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const outputs = started.map((s) => s.output());
    expect(outputs.filter((o) => o.includes("Applied migrations"))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes("Loaded the demo content"))).toHaveLength(1);
  });

  it("migrates with `npm run migrate` and says when there is nothing to do", async () => {
    const DATABASE_URL = await newDatabaseUrl();
    const first = await runScript("dist/migrate.js", { DATABASE_URL });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Applied migrations: 0001_foundation");
    const second = await runScript("dist/migrate.js", { DATABASE_URL });
    expect(second.stdout).toContain("The database is up to date.");
  });

  it("on SIGTERM finishes the request in flight, then exits cleanly", async () => {
    const server = await startServer({ DATABASE_URL: await newDatabaseUrl() });
    servers.push(server);
    const { hostname, port } = new URL(server.url);
    // A form post whose body is still arriving when the signal comes.
    const response = new Promise<number>((resolve, reject) => {
      const req = request({
        hostname,
        port,
        method: "POST",
        path: "/dev/mailbox/clear",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "12" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("_csrf=");
      setTimeout(() => {
        void server.stop("SIGTERM").then((code) => exitCodes.push(code));
        setTimeout(() => req.end("abcdef"), 300);
      }, 200);
    });
    const exitCodes: (number | null)[] = [];
    // The request is answered (refused: it has no valid token), not cut off.
    expect(await response).toBe(403);
    await expect.poll(() => exitCodes, { timeout: 10_000 }).toEqual([0]);
  });
});
