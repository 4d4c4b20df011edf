import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { decideItem, type ModerationItem, recentDecisions, requeueItem } from "./moderation.repo.ts";
import {
  isRejectReason,
  NOTE_MAX_LENGTH,
  REASON_NEEDING_NOTE,
  type RejectReason,
  type Submission,
} from "./moderation-kinds.ts";
import { tellSubmitter } from "./moderation-mail.ts";
import { kindNamed, MODERATION_KINDS } from "./registry.ts";

/** How many waiting items one page of the queue shows. */
export const QUEUE_PAGE = 50;
/** How many decisions the list of recent ones shows. */
export const RECENT_DECISIONS = 20;

export interface KindCount {
  name: string;
  label: MessageKey;
  waiting: number;
}

export interface RecentDecision {
  item: Pick<ModerationItem, "id" | "kind" | "status" | "reason" | "decided_at">;
  decidedBy: string | null;
  submission: Submission | undefined;
}

export interface QueueView {
  kinds: KindCount[];
  /** The kind shown, with its waiting items oldest first. */
  current: KindCount;
  items: Submission[];
  recent: RecentDecision[];
}

/** The queue page: counts of every kind, one kind's waiting items, and the latest decisions. */
export async function getQueue(deps: Deps, wanted: unknown): Promise<QueueView> {
  const kinds = await Promise.all(
    MODERATION_KINDS.map(async (k) => ({ name: k.name, label: k.label, waiting: await k.countWaiting(deps.db) })),
  );
  const current = kinds.find((k) => k.name === wanted) ?? kinds.find((k) => k.waiting > 0) ?? (kinds[0] as KindCount);
  const items = (await kindNamed(current.name)?.listWaiting(deps.db, QUEUE_PAGE)) ?? [];
  const decided = await recentDecisions(deps.db, RECENT_DECISIONS);
  const shown = new Map<number, Submission>();
  for (const kind of MODERATION_KINDS) {
    const ids = decided.filter((d) => d.kind === kind.name).map((d) => d.id);
    for (const [id, submission] of await kind.show(deps.db, ids)) shown.set(id, submission);
  }
  const recent = decided.map((d) => ({
    item: { id: d.id, kind: d.kind, status: d.status, reason: d.reason, decided_at: d.decided_at },
    decidedBy: d.decided_by_name,
    submission: shown.get(d.id),
  }));
  return { kinds, current, items, recent };
}

export interface DecisionInput {
  decision: "approve" | "reject";
  reason: string;
  note: string;
}

export interface DecisionProblem {
  field: "reason" | "note";
  message: MessageKey;
}

// Control characters other than the line breaks and tabs a note may hold.
const CONTROL = /(?![\n\t])\p{Cc}/u;

/** What the decision form sent, as text to show again if something is wrong. */
export function readDecision(body: unknown, decision: "approve" | "reject"): DecisionInput {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : "");
  return { decision, reason: text(b.reason), note: text(b.note) };
}

/** A rejection needs a reason from the list; "other" needs a note; a note is short plain text. */
export function rejectionProblems(input: DecisionInput): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (!isRejectReason(input.reason)) problems.push({ field: "reason", message: "moderation.error.reason" });
  if (input.note.length > NOTE_MAX_LENGTH) problems.push({ field: "note", message: "moderation.error.noteLong" });
  else if (CONTROL.test(input.note)) problems.push({ field: "note", message: "moderation.error.noteInvalid" });
  else if (input.reason === REASON_NEEDING_NOTE && input.note === "") {
    problems.push({ field: "note", message: "moderation.error.noteNeeded" });
  }
  return problems;
}

export type DecisionOutcome =
  | { kind: "decided"; status: "approved" | "rejected"; itemKind: string }
  | { kind: "invalid"; problems: DecisionProblem[] }
  /** Decided by someone else first, or gone: nothing changed. */
  | { kind: "stale" };

const audited = (item: Pick<ModerationItem, "kind" | "subject_id" | "status" | "reason" | "note">) => ({
  kind: item.kind,
  subject_id: item.subject_id,
  status: item.status,
  reason: item.reason,
  note: item.note,
});

/**
 * Approves or rejects a waiting item: in one transaction the decision, whatever the kind
 * does with it, the audit record and the email to the submitter.
 */
export async function decide(
  deps: Deps,
  staffUserId: number,
  itemId: number,
  input: DecisionInput,
): Promise<DecisionOutcome> {
  const approving = input.decision === "approve";
  if (!approving) {
    const problems = rejectionProblems(input);
    if (problems.length > 0) return { kind: "invalid", problems };
  }
  const status = approving ? ("approved" as const) : ("rejected" as const);
  const reason: RejectReason | null = !approving && isRejectReason(input.reason) ? input.reason : null;
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const item = await decideItem(trx, itemId, {
      status,
      staffUserId,
      reason,
      note: approving || input.note === "" ? null : input.note,
    });
    if (!item) return { kind: "stale" as const };
    await kindNamed(item.kind)?.onDecision?.(trx, item, status);
    await recordAudit(trx, {
      staffUserId,
      action: approving ? "moderation.approve" : "moderation.reject",
      entity: "moderation_item",
      entityId: item.id,
      before: audited({ ...item, status: "waiting", reason: null, note: null }),
      after: audited(item),
    });
    await tellSubmitter(trx, item);
    return { kind: "decided" as const, status, itemKind: item.kind };
  });
  deps.wakeWorker();
  return outcome;
}

/** Undoes a decision: the item waits in the queue again, as if never decided (audited). */
export async function undoDecision(deps: Deps, staffUserId: number, itemId: number): Promise<"undone" | "stale"> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("moderation_items").selectAll().where("id", "=", itemId).executeTakeFirst();
    if (!before || before.status === "waiting") return "stale";
    const item = await requeueItem(trx, itemId);
    if (!item) return "stale";
    await kindNamed(item.kind)?.onDecision?.(trx, item, "waiting");
    await recordAudit(trx, {
      staffUserId,
      action: "moderation.undo",
      entity: "moderation_item",
      entityId: item.id,
      before: audited(before),
      after: audited(item),
    });
    return "undone";
  });
}
