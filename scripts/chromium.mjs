// Where the end-to-end tests find a Chromium, and how they launch it.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

/** Flags for a quiet, headless, offline-friendly browser (Playwright adds --headless itself). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** A one-line problem with the setup, shown without a stack trace. */
export class ChromiumError extends Error {
  name = "ChromiumError";
}

/** Playwright's own downloaded Chromium, when Playwright is installed and has downloaded one. */
function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const path = require("playwright-core").chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The Chromium to drive: CHROMIUM_PATH when set (it must exist), else the system's
 * /usr/bin/chromium, else Playwright's download; null when there is none.
 */
export function findChromium(env = process.env) {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new ChromiumError(`CHROMIUM_PATH is set to "${chosen}", but there is no file there.`);
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return playwrightChromium();
}
