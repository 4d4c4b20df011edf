import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import Database from "better-sqlite3";

const execFileAsync = promisify(execFile);

/**
 * Runs a PostgreSQL tool. Its failure is told by the tool's own message only: the command
 * line holds the connection URL, password and all, and stays out of every log.
 */
async function run(tool: string, args: string[]): Promise<void> {
  try {
    await execFileAsync(tool, args);
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(`${tool} failed: ${stderr.split("\n")[0] || "no message"}`);
  }
}

/** The URL as libpq reads it: its options with spaces as %20 (a "+" is not a space there). */
function libpqUrl(url: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get("options");
  if (options === null) return url;
  parsed.searchParams.delete("options");
  const rest = parsed.searchParams.toString();
  parsed.search = "";
  return `${parsed.toString()}?${rest ? `${rest}&` : ""}options=${encodeURIComponent(options)}`;
}

/** The name the database takes inside a backup folder, by engine. */
export function backupFileName(databaseUrl: string): string {
  return databaseUrl.startsWith("sqlite:") ? "database.sqlite" : "database.pgdump";
}

/** The schema a PostgreSQL URL's `options=-c search_path=…` picks, if any. */
function schemaOf(url: string): string | undefined {
  const options = new URL(url).searchParams.get("options") ?? "";
  return /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1];
}

/**
 * Copies the database to a file while it is in use: SQLite's online backup, which gives a
 * consistent copy however many writes are going on; pg_dump in its custom format, one
 * snapshot of the whole database (or of the schema the URL names).
 */
export async function backupDatabase(databaseUrl: string, file: string): Promise<void> {
  if (databaseUrl.startsWith("sqlite:")) {
    const source = new Database(databaseUrl.slice("sqlite:".length), { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return;
  }
  const schema = schemaOf(databaseUrl);
  await run("pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    ...(schema ? [`--schema=${schema}`] : []),
    `--file=${file}`,
    `--dbname=${libpqUrl(databaseUrl)}`,
  ]);
}

/**
 * Puts a backup back in place of the database's content. SQLite: the backup is copied into
 * the live file through the same online backup, so open connections see the restored data.
 * PostgreSQL: pg_restore in one transaction, dropping what the backup holds first, so a
 * restore that fails changes nothing.
 */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup at ${file}`);
  if (databaseUrl.startsWith("sqlite:")) {
    const backup = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(databaseUrl.slice("sqlite:".length));
    } finally {
      backup.close();
    }
    return;
  }
  await run("pg_restore", [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${libpqUrl(databaseUrl)}`,
    file,
  ]);
}
