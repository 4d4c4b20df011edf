import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.ts";
import { createDb } from "./db/index.ts";
import { assembleDeps } from "./deps.ts";
import { inviteStaff, StaffInputError } from "./modules/admin/staff.service.ts";
import { prepareDatabase } from "./setup.ts";

const USAGE = "usage: npm run admin -- create-user --email EMAIL --role admin|campaigner|moderator [--name NAME]";

/**
 * `npm run admin -- create-user …`: makes a staff account (the very first admin too) and
 * prints the one-time link that sets its password and second factor.
 */
async function main() {
  const { positionals, values } = parsedArgs();
  if (positionals[0] !== "create-user" || !values.email || !values.role) usage();
  const config = loadConfig();
  const database = createDb(config.databaseUrl);
  const { deps, close } = assembleDeps(config, database);
  try {
    await prepareDatabase(database, { seedDemo: config.seedDemo });
    const link = await inviteStaff(deps, {
      email: values.email,
      role: values.role,
      ...(values.name ? { name: values.name } : {}),
      invitedBy: null,
    });
    console.log(`Made a staff account (${values.role}) for ${values.email}.`);
    console.log(`Open this link within 3 days to set its password and second factor (it works once):\n${link}`);
  } finally {
    await close();
    await database.close();
  }
}

function usage(): never {
  console.error(USAGE);
  process.exit(2);
}

/** The arguments; an unknown option or one without its value is a usage error too, not a crash. */
function parsedArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    });
  } catch {
    return usage();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StaffInputError) {
    console.error(`iwelcome admin: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
