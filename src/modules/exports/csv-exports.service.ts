// The CSV exports: a file streamed from the database one batch at a time, never held whole.
// Each export is recorded in the audit log when it ends (or is cut off): who, which
// filters, how many rows.
import { Readable } from "node:stream";
import type { Db } from "../../db/index.ts";
import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import type { I18n, MessageKey } from "../i18n/i18n.ts";
import { type CsvValue, csvLine, UTF8_BOM } from "./csv.ts";
import { type SignatureFilter, type SupporterFilter, signatureBatches, supporterBatches } from "./exports.repo.ts";

type BatchOf<G> = G extends AsyncGenerator<infer B> ? (B extends readonly (infer R)[] ? R : never) : never;
type SignatureRow = BatchOf<ReturnType<typeof signatureBatches>>;
type SupporterRow = BatchOf<ReturnType<typeof supporterBatches>>;

interface Column<Row> {
  /** The heading, in the staff member's language. */
  heading: MessageKey;
  value(row: Row): CsvValue;
}

/** A signer erased at their request keeps an anonymous row (their signature still counts). */
const personal = (row: SignatureRow, value: string | null) => (row.erased_at ? null : value);

/** The signature file's columns, in order (docs/exports.md describes each). */
export const SIGNATURE_COLUMNS: readonly Column<SignatureRow>[] = [
  { heading: "export.column.id", value: (r) => r.id },
  { heading: "export.column.status", value: (r) => r.status },
  { heading: "export.column.signedAt", value: (r) => r.created_at },
  { heading: "export.column.confirmedAt", value: (r) => r.confirmed_at },
  { heading: "export.column.name", value: (r) => personal(r, r.name) },
  { heading: "export.column.email", value: (r) => personal(r, r.email) },
  { heading: "export.column.country", value: (r) => r.country },
  { heading: "export.column.postcode", value: (r) => personal(r, r.postcode) },
  { heading: "export.column.comment", value: (r) => personal(r, r.comment) },
  { heading: "export.column.showName", value: (r) => r.show_name },
  { heading: "export.column.language", value: (r) => r.locale },
  { heading: "export.column.referralCode", value: (r) => r.referral_code },
  { heading: "export.column.referredBy", value: (r) => r.referred_by },
  { heading: "export.column.utmSource", value: (r) => r.utm_source },
  { heading: "export.column.utmMedium", value: (r) => r.utm_medium },
  { heading: "export.column.utmCampaign", value: (r) => r.utm_campaign },
  { heading: "export.column.utmTerm", value: (r) => r.utm_term },
  { heading: "export.column.utmContent", value: (r) => r.utm_content },
  { heading: "export.column.referrerHost", value: (r) => r.referrer_host },
];

/** The supporter file's columns, in order (docs/exports.md describes each). */
export const SUPPORTER_COLUMNS: readonly Column<SupporterRow>[] = [
  { heading: "export.column.id", value: (r) => r.id },
  { heading: "export.column.email", value: (r) => r.email },
  { heading: "export.column.name", value: (r) => r.name },
  { heading: "export.column.country", value: (r) => r.country },
  { heading: "export.column.postcode", value: (r) => r.postcode },
  { heading: "export.column.language", value: (r) => r.locale },
  { heading: "export.column.knownSince", value: (r) => r.created_at },
  { heading: "export.column.memberSince", value: (r) => r.member_since },
  // true on PostgreSQL, 1 on SQLite: written as 1 or 0 on both.
  { heading: "export.column.emailConsent", value: (r) => (Number(r.email_consent) ? 1 : 0) },
];

interface ExportRun<Row> {
  db: Db;
  staffUserId: number;
  i18n: I18n;
  columns: readonly Column<Row>[];
  batches: AsyncGenerator<Row[]>;
  audit: { action: string; entity: string; entityId: number | null; filters: unknown };
}

/**
 * The file as a stream: the byte order mark and headings, then one chunk per batch. The
 * stream pulls the next batch only when the client has taken the last (backpressure), so
 * memory stays flat whatever the number of rows.
 */
function csvStream<Row>(run: ExportRun<Row>): Readable {
  async function* chunks() {
    let rows = 0;
    let completed = false;
    try {
      yield UTF8_BOM + csvLine(run.columns.map((c) => run.i18n.t(c.heading)));
      for await (const batch of run.batches) {
        let chunk = "";
        for (const row of batch) chunk += csvLine(run.columns.map((c) => c.value(row)));
        rows += batch.length;
        yield chunk;
      }
      completed = true;
    } finally {
      await recordAudit(run.db, {
        staffUserId: run.staffUserId,
        action: run.audit.action,
        entity: run.audit.entity,
        entityId: run.audit.entityId,
        after: { filters: run.audit.filters, rows, completed },
      });
    }
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}

/** A campaign's signatures as CSV, filtered. */
export function exportSignatures(
  deps: Pick<Deps, "db" | "dialect">,
  input: { staffUserId: number; i18n: I18n; filter: SignatureFilter; batchSize?: number },
): Readable {
  return csvStream({
    db: deps.db,
    staffUserId: input.staffUserId,
    i18n: input.i18n,
    columns: SIGNATURE_COLUMNS,
    batches: signatureBatches(deps, input.filter, input.batchSize),
    audit: {
      action: "export.signatures",
      entity: "campaign",
      entityId: input.filter.campaignId,
      filters: input.filter,
    },
  });
}

/** Supporters (never erased ones) as CSV, filtered. */
export function exportSupporters(
  deps: Pick<Deps, "db">,
  input: { staffUserId: number; i18n: I18n; filter: SupporterFilter; batchSize?: number },
): Readable {
  return csvStream({
    db: deps.db,
    staffUserId: input.staffUserId,
    i18n: input.i18n,
    columns: SUPPORTER_COLUMNS,
    batches: supporterBatches(deps.db, input.filter, input.batchSize),
    audit: { action: "export.supporters", entity: "supporter", entityId: null, filters: input.filter },
  });
}
