// Hostile strings reach the database only as parameters: stored as typed, matched as typed,
// never read as SQL. And a search of the code: every place that puts text into SQL other
// than as a parameter is listed here with why it is safe, so a new one fails until reviewed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff, post, STAFF_COOKIE, signIn } from "../modules/admin/admin-helpers.ts";
import { newEmail, SLUG, sign, signer } from "../modules/petitions/petition-helpers.ts";
import { buildTestApp, type TestApp } from "../support/app.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { tableCounts } from "../support/table-counts.ts";

const HOSTILE = [
  "Robert'); DROP TABLE signatures;--",
  "' OR '1'='1",
  '" OR ""="',
  "%' OR 1=1 --",
  "1; SELECT pg_sleep(5)",
  "x' UNION SELECT email FROM supporters --",
  "\\'; DELETE FROM supporters WHERE '1'='1",
];

describeEachDatabase("hostile strings through the site's inputs", (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
  });
  afterAll(async () => t.app.close());

  it("stores a signer's hostile name exactly as typed, and drops no table", async () => {
    for (const name of HOSTILE) {
      const email = newEmail();
      const res = await sign(t.app, SLUG, signer({ name, email }));
      expect(res.statusCode, name).toBe(303);
      const row = await t.deps.db
        .selectFrom("signatures")
        .innerJoin("supporters", "supporters.id", "signatures.supporter_id")
        .select(["signatures.name"])
        .where("supporters.email_canonical", "=", email)
        .executeTakeFirstOrThrow();
      expect(row.name).toBe(name);
    }
  });

  it("finds nothing and changes nothing when the searches are given hostile strings", async () => {
    const before = await tableCounts(t.deps.db);
    // The demo's groups are listed when nothing is asked for.
    expect((await t.app.inject({ url: "/groups" })).body).toContain('class="group-list"');
    for (const q of HOSTILE) {
      const query = encodeURIComponent(q);
      for (const url of [`/groups?q=${query}`, `/groups?town=${query}&country=${query}`, `/events?country=${query}`]) {
        const res = await t.app.inject({ url });
        expect(res.statusCode, url).toBeLessThan(500);
        // No group: a condition read as SQL ("OR 1=1") would list every one.
        if (url.startsWith("/groups")) expect(res.body, url).not.toContain('class="group-list"');
      }
    }
    const staff = { [STAFF_COOKIE]: await signIn(t, await makeStaff(t, "admin")) };
    const afterSignIn = await tableCounts(t.deps.db);
    for (const email of HOSTILE) {
      const res = await post(t.app, "/admin/supporters", "/admin/supporters", { email }, staff);
      expect(res.statusCode, email).toBeLessThan(500);
      expect(res.body).not.toContain("@example.org");
    }
    expect(await tableCounts(t.deps.db)).toEqual(afterSignIn);
    expect(Object.keys(afterSignIn).sort()).toEqual(Object.keys(before).sort());
  });
});

/** Every place in src/ that writes text into SQL other than as a parameter, and why it is safe. */
const REVIEWED: Record<string, string[]> = {
  "src/db/index.ts": ['CompiledQuery.raw("begin immediate")', 'pool.query("select 1")'],
  "src/db/portable.ts": [
    "sql.lit(SETUP_LOCK_KEY)", // a constant
    "sql.lit(v)", // oneOf: the values of a state's named set, in migrations' CHECKs
    "sql.lit(format)", // a format chosen from a fixed pair by the code
    'sql.lit(unit === "hour" ? 13 : 10)',
  ],
  // Channel names are the code's own, quoted; payloads go as $2.
  "src/db/notify.ts": ["c.query(`listen", 'pool.query("select pg_notify($1, $2)"'],
  "src/modules/api/osdi.repo.ts": ['sql.raw(">")', 'sql.raw("<")', 'sql.raw("=")'], // operators chosen by the code
  "src/modules/mailings/audience.ts": ["sql.lit(mailingId)"], // a number, the mailing's id
};

const UNSAFE = /sql\.(raw|lit)\(|CompiledQuery\.raw\(|\.query\(\s*`|\.query\(\s*"/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("SQL built from text in the code", () => {
  it("appears only in the reviewed places", () => {
    const unreviewed: string[] = [];
    for (const file of sourceFiles("src")) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(UNSAFE)) {
        const line = text.slice(text.lastIndexOf("\n", match.index) + 1, text.indexOf("\n", match.index));
        const known = REVIEWED[file]?.some((snippet) => line.includes(snippet));
        if (!known) unreviewed.push(`${file}: ${line.trim()}`);
      }
    }
    expect(unreviewed).toEqual([]);
  });
});
