// The export scenario: a campaign with N confirmed signatures (written straight into the
// database), exported to CSV in a process of its own whose memory is watched.
import { fork } from "node:child_process";
import { join } from "node:path";
import { build } from "esbuild";
import { own, watchMemory } from "./lib.mjs";

const DOMAIN = "export.example.org";

/** Adds `rows` supporters and their confirmed signatures of one campaign, in the database. */
async function seed(db, campaignId, rows) {
  const at = new Date().toISOString();
  if (db.sqlite) {
    db.sqlite.exec("begin");
    db.sqlite
      .prepare(
        `with recursive s(n) as (select 1 union all select n + 1 from s where n < ?)
         insert into supporters (email, email_canonical, name, country, locale, created_at, updated_at)
         select 'x' || n || '@${DOMAIN}', 'x' || n || '@${DOMAIN}', 'Export Signer ' || n, 'NO', 'en', ?, ? from s`,
      )
      .run(rows, at, at);
    db.sqlite
      .prepare(
        `insert into signatures (campaign_id, supporter_id, name, country, status, locale, referral_code, show_name, created_at, confirmed_at)
         select ?, id, name, 'NO', 'confirmed', 'en', 'x' || id, 0, ?, ? from supporters where email_canonical like '%@${DOMAIN}'`,
      )
      .run(campaignId, at, at);
    db.sqlite.exec("commit");
    return;
  }
  await db.query(
    `insert into supporters (email, email_canonical, name, country, locale, created_at, updated_at)
     select 'x' || n || '@${DOMAIN}', 'x' || n || '@${DOMAIN}', 'Export Signer ' || n, 'NO', 'en', ?, ? from generate_series(1, ?) n`,
    [at, at, rows],
  );
  await db.query(
    `insert into signatures (campaign_id, supporter_id, name, country, status, locale, referral_code, show_name, created_at, confirmed_at)
     select ?, id, name, 'NO', 'confirmed', 'en', 'x' || id, 0, ?, ? from supporters where email_canonical like '%@${DOMAIN}'`,
    [campaignId, at, at],
  );
  await db.query("analyze");
}

export async function runExport({ databaseUrl, dir, rows, slug, db }) {
  const [{ id }] = await db.query("select id from campaigns where slug = ?", [slug]);
  const seededAt = Date.now();
  await seed(db, id, rows);
  const seedMs = Date.now() - seededAt;
  const [{ n }] = await db.query("select count(*) as n from signatures where campaign_id = ?", [id]);
  // Built inside dist/ so that its packages resolve from the repository's node_modules.
  const entry = join(process.cwd(), "dist", "bench", "export-child.mjs");
  await build({
    entryPoints: [new URL("./export-child.ts", import.meta.url).pathname],
    outfile: entry,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    packages: "external",
    logLevel: "warning",
  });
  // The export is recorded in the audit log under a staff member: one made for the bench.
  const at = new Date().toISOString();
  await db.query(
    "insert into staff_users (email, name, role, locale, created_at, updated_at) values (?, ?, 'admin', 'en', ?, ?)",
    ["bench@example.org", "Bench", at, at],
  );
  const [staff] = await db.query("select id from staff_users where email = ?", ["bench@example.org"]);
  const child = own(fork(entry, [databaseUrl, String(id), String(staff.id), join(dir, "export.csv")]));
  const memory = watchMemory(child.pid, 50);
  const report = await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => code !== 0 && reject(new Error(`the export exited with ${code}`)));
  });
  const peak = memory.stop();
  return {
    scenario: `CSV export of ${Number(n).toLocaleString("en")} signatures`,
    rps: report.rows / (report.ms / 1000),
    perRequest: false,
    // Every row must be in the file: the audit record counts what was written.
    failed: Number(n) - report.rows,
    rssMiB: peak,
    extra: `${(report.ms / 1000).toFixed(1)} s, ${(report.bytes / 2 ** 20).toFixed(0)} MiB of CSV, peak RSS ${peak.toFixed(0)} MiB (${(report.baseRss / 2 ** 20).toFixed(0)} MiB before it began; rows/s in the req/s column; seeding took ${(seedMs / 1000).toFixed(1)} s)`,
    exportSeconds: report.ms / 1000,
  };
}
