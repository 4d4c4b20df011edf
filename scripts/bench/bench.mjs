// `npm run bench`: the real built server in production mode, driven by autocannon from this
// machine, beside the floor (a bare Fastify route doing one prepared SQLite INSERT).
// Prints one table; `--short` runs a few seconds per scenario; `--json FILE` keeps the figures.
// BENCH_DATABASE_URL=postgres://… runs the server on a fresh PostgreSQL database beside it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runExport } from "./export.mjs";
import {
  drive,
  freshPostgres,
  openDatabase,
  rssMiB,
  spawnNode,
  startFloor,
  startServer,
  visitorOf,
  watchMemory,
} from "./lib.mjs";

const args = process.argv.slice(2);
const short = args.includes("--short");
const jsonFile = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1].split(",") : undefined;
const PLAN = short
  ? { sign: 5, page: 3, count: 3, viewers: 1000, rounds: 3, exportRows: 50_000 }
  : { sign: 60, page: 30, count: 30, viewers: 10_000, rounds: 5, exportRows: 1_000_000 };
// BENCH_VIEWERS and BENCH_EXPORT_ROWS override the number of live viewers and exported rows.
if (process.env.BENCH_VIEWERS) PLAN.viewers = Number(process.env.BENCH_VIEWERS);
if (process.env.BENCH_EXPORT_ROWS) PLAN.exportRows = Number(process.env.BENCH_EXPORT_ROWS);
const CONNECTIONS = { sign: 32, read: 64 };
const PORTS = { floor: 3301, server: 3302 };
const CONFIRM_SLUG = "stop-returns-to-afghanistan";
const INSTANT_SLUG = "safe-and-legal-routes";
const wants = (name) => !only || only.includes(name);

const dir = mkdtempSync(join(tmpdir(), "iwelcome-bench-"));
const postgres = process.env.BENCH_DATABASE_URL ? await freshPostgres(process.env.BENCH_DATABASE_URL) : undefined;
const databaseUrl = postgres?.url ?? `sqlite:${join(dir, "iwelcome.sqlite")}`;
const engine = postgres ? "PostgreSQL" : "SQLite";
const rows = [];
/** Other work on the machine shows in its load average: each row keeps the one it ran under. */
const track = async (promise) => {
  const before = loadavg()[0];
  const row = await promise;
  row.load = Math.max(before, loadavg()[0]);
  return row;
};
let tag = 0;
const runTag = Date.now().toString(36);

/** A form body with an address never used before. */
function signatureBody(token, extra = "") {
  return () =>
    `_csrf=${encodeURIComponent(token)}&name=Bench+Signer&email=s${runTag}-${tag++}%40example.org&country=NO${extra}`;
}

function note(text) {
  process.stderr.write(`bench: ${text}\n`);
}

async function floor() {
  const server = await startFloor({ port: PORTS.floor, file: join(dir, "floor.sqlite") });
  try {
    const result = await drive({
      url: `${server.url}/sign`,
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: () => `name=Bench+Signer&email=f${tag++}%40example.org`,
      seconds: PLAN.sign,
      connections: CONNECTIONS.sign,
      ok: (s) => s === 303,
      pid: server.pid,
    });
    const db = await openDatabase(`sqlite:${join(dir, "floor.sqlite")}`);
    const [{ n }] = await db.query("select count(*) as n from floor");
    await db.close();
    return { scenario: `floor: bare INSERT (SQLite), ${PLAN.sign} s`, ...result, stored: Number(n) };
  } finally {
    await server.stop();
  }
}

async function campaignId(db, slug) {
  const [row] = await db.query("select id from campaigns where slug = ?", [slug]);
  return row.id;
}

async function signing(server, db, slug, policy) {
  const page = `${server.url}/campaigns/${slug}`;
  const visitor = await visitorOf(page);
  const id = await campaignId(db, slug);
  const before = Number((await db.query("select count(*) as n from signatures where campaign_id = ?", [id]))[0].n);
  const result = await drive({
    url: `${page}/signatures`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: visitor.cookie, origin: server.url },
    body: signatureBody(visitor.token, policy === "instant" ? "&updates=yes" : ""),
    seconds: PLAN.sign,
    connections: CONNECTIONS.sign,
    ok: (s) => s === 303,
    pid: server.pid,
  });
  // Requests cut off when the time ran out may still land: wait for the server to settle.
  await sleep(1000);
  const after = Number((await db.query("select count(*) as n from signatures where campaign_id = ?", [id]))[0].n);
  const counted =
    policy === "instant"
      ? Number((await db.query("select total from campaign_counts where campaign_id = ?", [id]))[0]?.total ?? 0)
      : undefined;
  return {
    scenario: `sign, policy ${policy}, ${PLAN.sign} s`,
    ...result,
    stored: after - before,
    ...(counted !== undefined ? { counted } : {}),
  };
}

async function read(server, name, path, seconds) {
  const result = await drive({ url: `${server.url}${path}`, seconds, connections: CONNECTIONS.read, pid: server.pid });
  return { scenario: `${name}, ${seconds} s`, ...result };
}

/** N live viewers on one petition while signatures arrive; how long a new count takes to reach all. */
async function liveViewers(server, db) {
  const slug = INSTANT_SLUG;
  const id = await campaignId(db, slug);
  const memory = watchMemory(server.pid);
  const rssBefore = rssMiB(server.pid);
  const viewers = spawnNode(
    [
      new URL("./sse-viewers.mjs", import.meta.url).pathname,
      `${server.url}/campaigns/${slug}/live`,
      String(PLAN.viewers),
    ],
    { stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  const messages = [];
  let notify;
  viewers.on("message", (m) => {
    messages.push(m);
    notify?.();
  });
  const next = async (kind, timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = messages.findIndex((m) => m.kind === kind);
      if (at !== -1) return messages.splice(at, 1)[0];
      if (Date.now() > deadline) return undefined;
      await Promise.race([new Promise((r) => (notify = r)), sleep(200)]);
    }
  };
  const opened = await next("open", 120_000);
  if (!opened) throw new Error("the viewers did not all connect within two minutes");
  note(`${PLAN.viewers} viewers connected in ${opened.ms} ms (${opened.errors} failed)`);
  const rssConnected = rssMiB(server.pid);

  // Signatures keep arriving in the background (instant policy: every one moves the count).
  const visitor = await visitorOf(`${server.url}/campaigns/${slug}`);
  const arrivals = drive({
    url: `${server.url}/campaigns/${slug}/signatures`,
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: visitor.cookie, origin: server.url },
    body: signatureBody(visitor.token),
    seconds: PLAN.rounds * 3 + 2,
    connections: 4,
    overallRate: 200,
    ok: (s) => s === 303,
  });
  const times = [];
  for (let round = 0; round < PLAN.rounds; round++) {
    await sleep(1500);
    const response = await fetch(`${server.url}/campaigns/${slug}/signatures`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: visitor.cookie, origin: server.url },
      body: signatureBody(visitor.token)(),
    });
    const acknowledgedAt = Date.now();
    if (response.status !== 303) throw new Error(`a signature got ${response.status}`);
    const [{ total }] = await db.query("select total from campaign_counts where campaign_id = ?", [id]);
    viewers.send({ kind: "await", total: Number(total), startedAt: acknowledgedAt });
    const reached = await next("reached", 10_000);
    times.push(reached ? reached.ms : Number.POSITIVE_INFINITY);
  }
  const background = await arrivals;
  viewers.send({ kind: "stats" });
  const stats = await next("stats", 5000);
  viewers.send({ kind: "close" });
  const peak = memory.stop();
  times.sort((a, b) => a - b);
  return {
    scenario: `${PLAN.viewers} live viewers (SSE), ${background.acknowledged} signatures arriving`,
    rps: undefined,
    p50: times[Math.floor(times.length / 2)],
    p99: times[times.length - 1],
    failed: opened.errors + (stats?.errors ?? 0),
    rssMiB: peak,
    extra: `RSS ${rssBefore.toFixed(0)} MiB before, ${rssConnected.toFixed(0)} MiB with viewers; p50/p99 = ms for a new count to reach every viewer`,
  };
}

const results = { machine: machine(), engine, short, plan: PLAN, rows };

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
  };
}

function cell(value, digits = 0) {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value.toFixed(digits) : "∞";
  return String(value);
}

function printTable() {
  const floorRps = rows.find((r) => r.scenario.startsWith("floor"))?.rps;
  const header = [
    "scenario",
    "req/s",
    "p50 ms",
    "p99 ms",
    "errors/non-2xx",
    "RSS MiB",
    "ack / stored",
    "× floor",
    "CPU ms/req",
    "load",
  ];
  const body = rows.map((r) => [
    r.scenario,
    cell(r.rps),
    cell(r.p50, 1),
    cell(r.p99, 1),
    cell(r.failed),
    cell(r.rssMiB),
    r.stored !== undefined
      ? `${r.acknowledged} / ${r.stored}${r.counted !== undefined ? ` (count ${r.counted})` : ""}`
      : "",
    floorRps && r.perRequest !== false && r.rps !== undefined ? (r.rps / floorRps).toFixed(2) : "",
    cell(r.cpuPerRequestMs, 3),
    cell(r.load, 1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  const m = results.machine;
  console.log(
    `\niwelcome bench on ${engine}${short ? " (short)" : ""}: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node}`,
  );
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const b of body) console.log(line(b));
  for (const r of rows) if (r.extra) console.log(`- ${r.scenario}: ${r.extra}`);
  console.log(
    "- CPU ms/req: the server process's own CPU time (user + system) per answer; it holds when others load the machine",
  );
  console.log(
    "- load: the machine's 1-minute load average during the scenario (2 cores: above 2, others were using the CPU too)",
  );
}

let server;
try {
  if (wants("floor")) {
    note("floor");
    rows.push(await track(floor()));
  }
  server = await startServer({ port: PORTS.server, dataDir: dir, databaseUrl });
  const db = await openDatabase(databaseUrl);
  await db.query("update campaigns set signature_policy = 'instant' where slug = ?", [INSTANT_SLUG]);
  await db.query("update campaigns set signature_policy = 'confirm' where slug = ?", [CONFIRM_SLUG]);
  if (wants("sign")) {
    note("signing, policy confirm");
    rows.push(await track(signing(server, db, CONFIRM_SLUG, "confirm")));
    note("signing, policy instant");
    rows.push(await track(signing(server, db, INSTANT_SLUG, "instant")));
  }
  if (wants("page")) {
    note("campaign page");
    rows.push(await track(read(server, "campaign page", `/campaigns/${CONFIRM_SLUG}`, PLAN.page)));
  }
  if (wants("count")) {
    note("count API");
    rows.push(await track(read(server, "count API", `/api/v1/petitions/${CONFIRM_SLUG}/count`, PLAN.count)));
  }
  if (wants("live")) {
    // A fresh process, so that the figure is what the viewers cost, not the heap the load
    // before them left behind (V8 gives memory back slowly); that peak is in the rows above.
    await server.stop();
    server = await startServer({ port: PORTS.server, dataDir: dir, databaseUrl });
    note("live viewers");
    rows.push(await track(liveViewers(server, db)));
  }
  await server.stop();
  server = undefined;
  if (wants("export")) {
    note(`export of ${PLAN.exportRows} signatures`);
    rows.push(await track(runExport({ databaseUrl, dir, rows: PLAN.exportRows, slug: CONFIRM_SLUG, db })));
  }
  await db.close();
  printTable();
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
} catch (error) {
  if (server) process.stderr.write(server.stderr());
  throw error;
} finally {
  await server?.stop();
  await postgres?.drop();
  rmSync(dir, { recursive: true, force: true });
}
