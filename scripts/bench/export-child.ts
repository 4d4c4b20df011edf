// The export scenario's own process (so that its peak memory is the export's alone): the
// admin's streamed signatures CSV (exportSignatures, as /admin/campaigns/:id/signatures.csv
// sends it) written to a file; reports the time, rows and bytes.
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createDb } from "../../src/db/index.ts";
import { exportSignatures } from "../../src/modules/exports/csv-exports.service.ts";
import { i18nFor } from "../../src/modules/i18n/i18n.ts";

const [databaseUrl, campaignId, staffUserId, file] = process.argv.slice(2);
const database = createDb(databaseUrl as string);
// What the process holds before the export starts (the code and the database driver).
const baseRss = process.memoryUsage().rss;
const out = createWriteStream(file as string);
const started = performance.now();
const csv = exportSignatures(database, {
  staffUserId: Number(staffUserId),
  i18n: i18nFor("en"),
  filter: { campaignId: Number(campaignId), status: null, country: null, from: null, until: null },
});
await pipeline(csv, out);
const ms = performance.now() - started;
const [audit] = await database.db
  .selectFrom("audit_log")
  .select("after")
  .where("action", "=", "export.signatures")
  .orderBy("id", "desc")
  .limit(1)
  .execute();
await database.close();
const rows = (JSON.parse(audit?.after ?? "{}") as { rows?: number }).rows ?? -1;
process.send?.({ rows, ms, bytes: out.bytesWritten, baseRss });
