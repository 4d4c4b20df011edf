// Makes sure the end-to-end tests have a Chromium: finds one, or installs one, or says how.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { ChromiumError, findChromium } from "./chromium.mjs";

const HOW_TO =
  "No Chromium found: set CHROMIUM_PATH to a Chromium or Chrome binary, or run `apt-get install chromium` (as root), or `npx playwright install chromium`.";

/** Runs a command quietly; true when it succeeded. */
function run(command, args) {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

function isDebianLike() {
  if (existsSync("/etc/debian_version")) return true;
  try {
    return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(readFileSync("/etc/os-release", "utf8"));
  } catch {
    return false;
  }
}

/** Installs a Chromium the best way this machine allows; says how, or null when nothing worked. */
function install() {
  if (process.getuid?.() === 0 && isDebianLike() && run("sh", ["-c", "command -v apt-get"])) {
    console.log("Chromium not found; installing it with apt-get (apt-get update, apt-get install -y chromium)…");
    if (run("apt-get", ["update"]) && run("apt-get", ["install", "-y", "chromium"])) return "apt-get";
    console.log("apt-get could not install chromium; trying Playwright's own (npx playwright install chromium)…");
  } else {
    console.log("Chromium not found; downloading Playwright's own (npx playwright install chromium)…");
  }
  if (run("npx", ["--no-install", "playwright", "install", "chromium"])) return "npx playwright install chromium";
  return null;
}

try {
  let path = findChromium();
  if (!path && install()) path = findChromium();
  if (!path) {
    console.error(HOW_TO);
    process.exit(1);
  }
  console.log(`Chromium: ${path}`);
} catch (error) {
  console.error(error instanceof ChromiumError ? error.message : `Could not set up Chromium: ${String(error)}`);
  process.exit(1);
}
