// `npm test`: the whole suite, in the order that fails fastest on a broken tree. Every step
// runs even when one before it failed, so one run shows everything that is wrong.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const STEPS = [
  { name: "type check", command: "npx", args: ["tsc", "-p", "."] },
  { name: "lint", command: "npx", args: ["biome", "check", "."] },
  { name: "dependency audit (npm audit, high and critical)", command: process.execPath, args: ["scripts/audit.mjs"] },
  { name: "build", command: process.execPath, args: ["scripts/build.mjs"] },
  {
    name: "unit, database and server tests (vitest)",
    command: "npx",
    args: ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"],
  },
  { name: "find a Chromium", command: process.execPath, args: ["scripts/ensure-chromium.mjs"] },
  { name: "browser tests (Playwright)", command: "npx", args: ["playwright", "test"], needs: "find a Chromium" },
];

mkdirSync("test-results", { recursive: true });
const failed = [];
for (const step of STEPS) {
  if (step.needs && failed.includes(step.needs)) {
    console.log(`\n▶ ${step.name}: not run (${step.needs} failed)`);
    failed.push(step.name);
    continue;
  }
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command, step.args, { stdio: "inherit" });
  if (result.status !== 0) failed.push(step.name);
}

/** Test counts from the runners' JSON reports, for one closing line. */
function counts() {
  let passed = 0;
  let failedTests = 0;
  let skipped = 0;
  if (existsSync("test-results/vitest.json")) {
    const v = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
    passed += v.numPassedTests ?? 0;
    failedTests += v.numFailedTests ?? 0;
    skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  if (existsSync("test-results/e2e.json")) {
    const e = JSON.parse(readFileSync("test-results/e2e.json", "utf8"));
    passed += e.stats?.expected ?? 0;
    failedTests += (e.stats?.unexpected ?? 0) + (e.stats?.flaky ?? 0);
    skipped += e.stats?.skipped ?? 0;
  }
  return { passed, failedTests, skipped };
}

const { passed, failedTests, skipped } = counts();
console.log("");
if (failed.length > 0) console.log(`Failed steps: ${failed.join(", ")}`);
console.log(`tests: ${passed} passed, ${failedTests} failed, ${skipped} skipped`);
process.exit(failed.length > 0 ? 1 : 0);
