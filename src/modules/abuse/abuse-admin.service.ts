import type { HoldReason } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import { DomainError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { findCampaignSummary } from "../petitions/watch.repo.ts";
import { HOLD_REASONS, releaseHeld } from "./holds.repo.ts";
import { deleteRule, findRule, insertRule, listRulesForAdmin } from "./rules.repo.ts";
import { normaliseDomain, normaliseRange, type RuleAction, type RuleKind } from "./rules.ts";

export const NOTE_MAX = 200;

/** The add-an-entry form as sent, kept to be shown again. */
export interface RuleForm {
  kind: string;
  action: string;
  value: string;
  note: string;
}

export interface RuleProblem {
  field: keyof RuleForm;
  message: MessageKey;
}

const text = (body: Record<string, unknown>, field: string) =>
  typeof body[field] === "string" ? (body[field] as string).trim() : "";

export function readRuleForm(body: unknown): RuleForm {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  return { kind: text(b, "kind"), action: text(b, "action"), value: text(b, "value"), note: text(b, "note") };
}

export const blankRuleForm = (): RuleForm => ({ kind: "email-domain", action: "block", value: "", note: "" });

/** The lists for the admin page. */
export function getRules(deps: Deps) {
  return listRulesForAdmin(deps.db);
}

/**
 * Adds an entry to the block or allow list and records it, in one transaction; every
 * instance reads the lists again at once. Bad input changes nothing and says what is wrong.
 */
export async function addRule(
  deps: Deps,
  staffUserId: number,
  form: RuleForm,
): Promise<{ ok: true } | { ok: false; problems: RuleProblem[] }> {
  const problems: RuleProblem[] = [];
  const kind: RuleKind | null = form.kind === "email-domain" || form.kind === "network" ? form.kind : null;
  const action: RuleAction | null = form.action === "block" || form.action === "allow" ? form.action : null;
  if (!kind) problems.push({ field: "kind", message: "admin.rules.error.kind" });
  if (!action) problems.push({ field: "action", message: "admin.rules.error.action" });
  const value = kind === "network" ? normaliseRange(form.value) : kind ? normaliseDomain(form.value) : null;
  if (kind && !value) {
    problems.push({
      field: "value",
      message: kind === "network" ? "admin.rules.error.range" : "admin.rules.error.domain",
    });
  }
  if (form.note.length > NOTE_MAX) problems.push({ field: "note", message: "admin.rules.error.note" });
  if (problems.length > 0 || !kind || !action || !value) return { ok: false, problems };
  const added = await deps.db.transaction().execute(async (trx) => {
    const row = await insertRule(trx, { kind, action, value, note: form.note }, staffUserId);
    if (!row) return false;
    await recordAudit(trx, {
      staffUserId,
      action: "abuse-rule.add",
      entity: "abuse_rule",
      entityId: row.id,
      after: { kind, action, value, note: form.note },
    });
    return true;
  });
  if (!added) return { ok: false, problems: [{ field: "value", message: "admin.rules.error.duplicate" }] };
  await deps.abuse.changed();
  return { ok: true };
}

/** Takes an entry off its list and records it; a missing entry is a 404 that changes nothing. */
export async function removeRule(deps: Deps, staffUserId: number, rawId: unknown): Promise<void> {
  const id = typeof rawId === "string" && /^[1-9]\d{0,15}$/.test(rawId) ? Number(rawId) : null;
  if (id === null) throw new NotFoundError();
  const removed = await deps.db.transaction().execute(async (trx) => {
    const rule = await findRule(trx, id);
    if (!rule || !(await deleteRule(trx, id))) return false;
    await recordAudit(trx, {
      staffUserId,
      action: "abuse-rule.remove",
      entity: "abuse_rule",
      entityId: id,
      before: { kind: rule.kind, action: rule.action, value: rule.value, note: rule.note },
    });
    return true;
  });
  if (!removed) throw new NotFoundError();
  await deps.abuse.changed();
}

/**
 * Counts (or sends for confirmation) a petition's signatures held back for one reason, and
 * records it, in one transaction. Returns how many were released.
 */
export async function releaseHeldSignatures(
  deps: Deps,
  staffUserId: number,
  campaignId: number,
  rawReason: unknown,
): Promise<number> {
  const reason = HOLD_REASONS.find((r) => r === rawReason) as HoldReason | undefined;
  if (!reason) throw new DomainError("invalid", "watch-choice");
  if (!(await findCampaignSummary(deps.db, campaignId))) throw new NotFoundError();
  const result = await deps.db.transaction().execute(async (trx) => {
    const done = await releaseHeld(trx, deps.dialect, campaignId, reason, staffUserId);
    if (done.released > 0) {
      await recordAudit(trx, {
        staffUserId,
        action: "signatures.release",
        entity: "campaign",
        entityId: campaignId,
        before: { held: done.released, reason },
        after: { released: done.released, confirmed: done.counted, pending: done.released - done.counted },
      });
    }
    return done;
  });
  if (result.counted > 0) deps.counts.changed(campaignId);
  if (result.released > result.counted) deps.wakeWorker();
  return result.released;
}
