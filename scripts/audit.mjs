// The dependency audit of `npm test`: fails on any high or critical advisory that npm's
// audit service reports. Where that service cannot be reached (a machine whose network
// lets through only the registry's package downloads), it says so plainly and does not
// fail: no answer is not the same as an advisory, but it is not a pass either, and the
// line below makes that visible in every test log.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = report?.message ?? report?.error?.summary ?? (run.stderr.trim().split("\n").pop() || "no answer");
  console.log(`npm audit could not be carried out here (${why}): dependencies NOT audited in this run.`);
  process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
if (serious > 0) {
  spawnSync("npm", ["audit", "--audit-level=high"], { stdio: "inherit" });
  process.exit(1);
}
