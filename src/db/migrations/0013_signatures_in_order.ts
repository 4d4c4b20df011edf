import type { Kysely } from "kysely";

/**
 * A petition's signatures in id order: exports walk them in batches by id (keyset), and
 * with this index each batch starts where the last ended instead of sorting the petition again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("signatures_campaign_id").on("signatures").columns(["campaign_id", "id"]).execute();
}
