import { cp, mkdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Config } from "./config.ts";
import { backupDatabase, backupFileName, restoreDatabase } from "./db/backup.ts";

const UPLOADS = "uploads";

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/**
 * A backup of everything the site keeps: the database and the uploaded pictures, in a new
 * folder (by default DATA_DIR/backups/<UTC time>). Returns the folder.
 */
export async function makeBackup(config: Pick<Config, "databaseUrl" | "dataDir">, into?: string): Promise<string> {
  const stamp = new Date().toISOString().replaceAll(/[:.]/g, "-");
  const dir = resolve(into ?? join(config.dataDir, "backups", stamp));
  await mkdir(dir, { recursive: true });
  await backupDatabase(config.databaseUrl, join(dir, backupFileName(config.databaseUrl)));
  const uploads = join(config.dataDir, UPLOADS);
  if (await isDirectory(uploads)) await cp(uploads, join(dir, UPLOADS), { recursive: true });
  return dir;
}

/** Puts a backup folder made by makeBackup back: the database, then the uploaded pictures. */
export async function restoreBackup(config: Pick<Config, "databaseUrl" | "dataDir">, from: string): Promise<void> {
  const dir = resolve(from);
  await restoreDatabase(config.databaseUrl, join(dir, backupFileName(config.databaseUrl)));
  const uploads = join(config.dataDir, UPLOADS);
  if (await isDirectory(join(dir, UPLOADS))) {
    await rm(uploads, { recursive: true, force: true });
    await cp(join(dir, UPLOADS), uploads, { recursive: true });
  }
}
