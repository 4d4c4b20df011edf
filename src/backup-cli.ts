import { makeBackup, restoreBackup } from "./backup.ts";
import { ConfigError, loadConfig } from "./config.ts";

const USAGE = "usage: npm run backup [-- --to DIR]   |   npm run restore -- DIR";

/** `npm run backup` and `npm run restore -- DIR`: the database and uploads, out and back. */
async function main() {
  const [command = "backup", ...rest] = process.argv.slice(2);
  const config = loadConfig();
  if (command === "backup") {
    const to = rest[0] === "--to" ? rest[1] : undefined;
    if (rest.length > 0 && !to) usage();
    const dir = await makeBackup(config, to);
    console.log(`Backed up the database and uploads to ${dir}`);
  } else if (command === "restore" && rest.length === 1 && rest[0]) {
    await restoreBackup(config, rest[0]);
    console.log(`Restored the database and uploads from ${rest[0]}`);
  } else {
    usage();
  }
}

function usage(): never {
  console.error(USAGE);
  process.exit(2);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? `iwelcome cannot back up: ${error.message}` : `iwelcome: ${String(error)}`,
  );
  process.exit(1);
});
