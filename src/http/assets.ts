import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Where the client build (esbuild) writes the browser's script and stylesheet. */
export const PUBLIC_DIR = resolve("dist/public");
export const ASSETS_PREFIX = "/assets/";

export interface Assets {
  script: string;
  style: string;
  /** The proof-of-work solver run as a Web Worker (absent from older builds: solved on the page). */
  powWorker?: string;
}

/**
 * The fingerprinted names of the client bundle, from the manifest the build writes. The
 * names change with the content, so browsers may keep them for a year.
 */
export function loadAssets(dir = PUBLIC_DIR): Assets {
  const file = resolve(dir, "manifest.json");
  if (!existsSync(file)) {
    throw new Error(`The client bundle is missing (${file}): run "npm run build" first.`);
  }
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { script: string; style: string; powWorker?: string };
  return {
    script: ASSETS_PREFIX + manifest.script,
    style: ASSETS_PREFIX + manifest.style,
    ...(manifest.powWorker ? { powWorker: ASSETS_PREFIX + manifest.powWorker } : {}),
  };
}
