// Where the browser tests' server listens and keeps its data. The runner makes the folder
// once; its workers load the config again and find the folder in the environment.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PORT = Number(process.env.E2E_PORT ?? 3199);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

const DIR_VARIABLE = "IWELCOME_E2E_DIR";

/** A fresh folder for this run, removed when the runner exits. */
export function dataDir(): string {
  const existing = process.env[DIR_VARIABLE];
  if (existing) return existing;
  const dir = mkdtempSync(join(tmpdir(), "iwelcome-e2e-"));
  process.env[DIR_VARIABLE] = dir;
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function databaseUrl(): string {
  return `sqlite:${join(dataDir(), "e2e.sqlite")}`;
}
