// What the benchmark's scenarios share: starting the built server as production runs it,
// watching a process's memory, reading the database afterwards, and driving load.
import { fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";

/** Every child process the bench starts, so that none outlives it, however it ends. */
const children = new Set();
function own(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => process.exit(130));

/**
 * Runs node through sh, with the soft limit on open files raised to the hard one first:
 * 10,000 live viewers are 10,000 sockets in the server and as many in the viewers' process.
 * An IPC channel, if asked for, passes through (sh execs node in its place).
 */
export function spawnNode(args, options = {}) {
  const raise = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';
  return own(spawn("sh", ["-c", raise, process.execPath, ...args], options));
}

/** Resident memory of a process, in MiB (Linux /proc). */
export function rssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** CPU time a process has used so far (user + system), in milliseconds (Linux /proc). */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** Samples a process's resident memory until stopped; stop() gives the peak in MiB. */
export function watchMemory(pid, everyMs = 200) {
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMiB(pid));
    },
  };
}

async function waitForHttp(url, child, timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

/**
 * The real built server (dist/server.js) in production mode, as a child process. Rate
 * limits are off (all load comes from one address); the job worker is off, so the figures
 * are the web process's own (the confirmation emails wait in the jobs table).
 */
export async function startServer({ port, dataDir, databaseUrl, extraEnv = {} }) {
  const env = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SECRET_KEY: randomBytes(32).toString("base64url"),
    // Required in production; never reached, as the worker is off.
    SMTP_URL: "smtp://127.0.0.1:2525",
    DATA_DIR: dataDir,
    RATE_LIMITS: "off",
    WORKER: "off",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extraEnv,
  };
  // Logs go nowhere, but are still written: production logs every request.
  // BENCH_SERVER_ARGS passes flags to the server's node, e.g. "--cpu-prof --cpu-prof-dir=prof".
  const nodeArgs = process.env.BENCH_SERVER_ARGS?.split(" ").filter(Boolean) ?? [];
  const entry = process.env.BENCH_SERVER ?? "dist/server.js";
  const child = spawnNode([...nodeArgs, entry], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, child);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${error.message}\n${stderr}`);
  }
  return {
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The floor server (floor-server.mjs) on its own SQLite file. */
export async function startFloor({ port, file }) {
  const child = own(fork(new URL("./floor-server.mjs", import.meta.url), [file, String(port)], { stdio: "ignore" }));
  await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`the floor server exited with ${code}`)));
  });
  return {
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A plain connection to the benchmark's database, to prepare data and count rows. */
export async function openDatabase(databaseUrl) {
  if (databaseUrl.startsWith("sqlite:")) {
    const db = new Database(databaseUrl.slice("sqlite:".length));
    db.pragma("busy_timeout = 5000");
    return {
      async query(sql, params = []) {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all(...params);
        statement.run(...params);
        return [];
      },
      sqlite: db,
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    async query(sql, params = []) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await client.query(text, params)).rows;
    },
    pg: client,
    async close() {
      await client.end();
    },
  };
}

/** A new, empty PostgreSQL database beside the one named, dropped by drop(). */
export async function freshPostgres(url) {
  const name = `iwelcome_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The CSRF cookie and form token a visitor gets from a page with a form. */
export async function visitorOf(pageUrl) {
  const response = await fetch(pageUrl);
  const html = await response.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!token || !cookie) throw new Error(`no CSRF token or cookie on ${pageUrl}`);
  return { token, cookie };
}

/**
 * Runs autocannon and tallies answers by status. `body` (optional) makes each request's
 * form body; `ok` says which statuses count as acknowledged.
 */
export { own };

export async function drive({
  url,
  method = "GET",
  headers = {},
  body,
  seconds,
  connections,
  ok = (s) => s < 300,
  pid,
  overallRate,
}) {
  const byStatus = new Map();
  const memory = pid ? watchMemory(pid) : undefined;
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const requests = [
    {
      method,
      headers,
      ...(body ? { setupRequest: (request) => ({ ...request, body: body() }) } : {}),
    },
  ];
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    requests,
    ...(overallRate ? { overallRate } : {}),
    timeout: 10,
  });
  instance.on("response", (_client, status) => byStatus.set(status, (byStatus.get(status) ?? 0) + 1));
  const result = await instance;
  const peak = memory?.stop();
  const cpu = pid ? cpuMs(pid) - cpuBefore : undefined;
  let acknowledged = 0;
  let refused = 0;
  for (const [status, n] of byStatus) {
    if (ok(status)) acknowledged += n;
    else refused += n;
  }
  return {
    rps: acknowledged / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    acknowledged,
    failed: refused + result.errors + result.timeouts,
    statuses: Object.fromEntries(byStatus),
    rssMiB: peak,
    // The server's own CPU per answer: unlike requests a second, it holds when others load the machine.
    cpuPerRequestMs: cpu !== undefined && acknowledged > 0 ? cpu / acknowledged : undefined,
  };
}
