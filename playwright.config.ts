// The real-browser tests: Chromium, with JavaScript and without, against the built server
// on a fresh SQLite database that lives only as long as the run.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, ChromiumError, findChromium } from "./scripts/chromium.mjs";
import { BASE_URL, databaseUrl, dataDir, PORT } from "./test/e2e/support/environment.ts";

function chromiumPath(): string {
  try {
    const path = findChromium();
    if (path) return path;
    console.error("No Chromium found: run `node scripts/ensure-chromium.mjs` (or set CHROMIUM_PATH).");
  } catch (error) {
    console.error(error instanceof ChromiumError ? error.message : String(error));
  }
  process.exit(1);
}

if (!existsSync("dist/server.js")) {
  console.error("dist/server.js is missing: run `npm run build` before the browser tests.");
  process.exit(1);
}

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: false,
  // One at a time: every test shares one server and database (the mailbox test empties it).
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // The JSON report gives `npm test` its closing count; artifacts go in a folder of their own,
  // since Playwright empties its output folder first and test-results/ holds Vitest's report.
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  outputDir: "test-results/e2e",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    ...devices["Desktop Chrome"],
    baseURL: BASE_URL,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "javascript", use: { javaScriptEnabled: true } },
    { name: "no-javascript", use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: `"${process.execPath}" dist/server.js`,
    url: `${BASE_URL}/readyz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      NODE_ENV: "development",
      LOG_LEVEL: "warn",
      RATE_LIMITS: "off",
      HOST: "127.0.0.1",
      PORT: String(PORT),
      PUBLIC_URL: BASE_URL,
      DATA_DIR: dataDir(),
      DATABASE_URL: databaseUrl(),
      SMTP_URL: "", // the development mailbox, whatever the shell says
      REDIS_URL: "",
      DEMO_CONTENT: "on",
      WEB_CONCURRENCY: "1",
    },
  },
});
