import { execFileSync } from "node:child_process";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server every database test also runs on, or null for SQLite only. */
    postgresUrl: string | null;
  }
}

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Before any test: builds the server and the browser bundle the pages link to (the
 * process tests start dist/server.js), and decides whether the
 * database tests run on PostgreSQL too. On CI a PostgreSQL that is missing or down
 * fails the run instead of being skipped quietly.
 */
export default async function setup(project: TestProject) {
  // TEST_SKIP_BUILD=1 reuses the dist/ there is, for a quick run of in-process tests while
  // other work in the tree does not build yet; CI always builds.
  const ci = process.env.CI === "true" || process.env.CI === "1";
  if (ci || process.env.TEST_SKIP_BUILD !== "1") {
    execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
  }

  const url = process.env.TEST_DATABASE_URL?.trim() || null;
  if (!url) {
    if (ci) throw new Error("CI=true but TEST_DATABASE_URL is not set: the database tests must run on PostgreSQL too.");
    console.warn("TEST_DATABASE_URL is not set: database tests run on SQLite only.");
    project.provide("postgresUrl", null);
    return;
  }
  const problem = await reachable(url);
  if (problem) {
    if (ci) throw new Error(`PostgreSQL at TEST_DATABASE_URL is unreachable (${problem}); CI does not skip it.`);
    console.warn(`PostgreSQL at TEST_DATABASE_URL is unreachable (${problem}): database tests run on SQLite only.`);
    project.provide("postgresUrl", null);
    return;
  }
  project.provide("postgresUrl", url);
}
