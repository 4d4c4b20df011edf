import { createHmac, timingSafeEqual } from "node:crypto";
import type { SuppressionReason } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { checkEmail } from "../supporters/email.ts";
import { suppressAddress, unsuppressAddress } from "./suppressions.repo.ts";

export const SUPPRESSION_REASONS: readonly SuppressionReason[] = ["bounce", "complaint", "manual"];

const isReason = (value: unknown): value is SuppressionReason =>
  typeof value === "string" && (SUPPRESSION_REASONS as readonly string[]).includes(value);

/** A usable address (throwaway domains included: they bounce too). */
const isAddress = (value: unknown): value is string => {
  if (typeof value !== "string") return false;
  const problem = checkEmail(value);
  return problem === null || problem === "disposable";
};

export type SuppressOutcome = { ok: true; added: boolean } | { ok: false; field: "email" | "reason" };

/**
 * A member of staff puts an address on the suppression list (a bounce or complaint they
 * were told of). The audit record says why, never the address.
 */
export async function suppressFromAdmin(
  deps: Deps,
  staffUserId: number,
  input: { email: unknown; reason: unknown },
): Promise<SuppressOutcome> {
  if (!isAddress(input.email)) return { ok: false, field: "email" };
  if (!isReason(input.reason)) return { ok: false, field: "reason" };
  const { email, reason } = input;
  const added = await deps.db.transaction().execute(async (trx) => {
    const isNew = await suppressAddress(trx, deps.config.secretKey, email, { reason, source: "admin", staffUserId });
    if (isNew) {
      await recordAudit(trx, { staffUserId, action: "mail.suppress", entity: "mail_suppression", after: { reason } });
    }
    return isNew;
  });
  return { ok: true, added };
}

/** Takes an address off the list (it was a mistake, or the mailbox works again). Audited. */
export async function unsuppressFromAdmin(
  deps: Deps,
  staffUserId: number,
  email: unknown,
): Promise<{ ok: true; removed: boolean } | { ok: false; field: "email" }> {
  if (!isAddress(email)) return { ok: false, field: "email" };
  const removed = await deps.db.transaction().execute(async (trx) => {
    const gone = await unsuppressAddress(trx, deps.config.secretKey, email);
    if (gone) await recordAudit(trx, { staffUserId, action: "mail.unsuppress", entity: "mail_suppression" });
    return gone;
  });
  return { ok: true, removed };
}

/** The header that carries the webhook's signature: "sha256=" and the hex HMAC of the raw body. */
export const MAIL_EVENTS_SIGNATURE_HEADER = "x-mail-events-signature";

/** The signature a provider sends with a body (for its documentation and the tests). */
export function signMailEvents(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

function signatureIsRight(secret: string, rawBody: string, header: unknown): boolean {
  if (typeof header !== "string") return false;
  const expected = Buffer.from(signMailEvents(secret, rawBody));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const EVENT_REASON = { bounce: "bounce", complaint: "complaint" } as const;

export type MailEventsOutcome = "unsigned" | "invalid" | { suppressed: number };

/**
 * The mail provider tells of bounces and complaints: {"type": "bounce"|"complaint",
 * "email": "…", "at": "ISO-8601"}, or a list of them, signed with MAIL_EVENTS_SECRET. A
 * wrong signature changes nothing; so does a body with any event that is not understood.
 */
export async function recordMailEvents(
  deps: Deps,
  secret: string,
  rawBody: string,
  signature: unknown,
): Promise<MailEventsOutcome> {
  if (!signatureIsRight(secret, rawBody, signature)) return "unsigned";
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return "invalid";
  }
  const events = Array.isArray(parsed) ? parsed : [parsed];
  if (events.length === 0 || events.length > 1000) return "invalid";
  const valid: { reason: SuppressionReason; email: string; at: Date }[] = [];
  for (const event of events) {
    const { type, email, at } = (event ?? {}) as Record<string, unknown>;
    const when = typeof at === "string" ? new Date(at) : new Date();
    if ((type !== "bounce" && type !== "complaint") || !isAddress(email) || Number.isNaN(when.getTime())) {
      return "invalid";
    }
    valid.push({ reason: EVENT_REASON[type], email, at: when });
  }
  const suppressed = await deps.db.transaction().execute(async (trx) => {
    let added = 0;
    for (const e of valid) {
      if (
        await suppressAddress(trx, deps.config.secretKey, e.email, { reason: e.reason, source: "webhook", now: e.at })
      ) {
        added++;
      }
    }
    return added;
  });
  return { suppressed };
}
