import type { Db } from "../../db/index.ts";
import { forUpdate, isUniqueViolation, now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import {
  CAMPAIGN_LIMITS,
  type CampaignForm,
  type CampaignValues,
  checkCampaignForm,
  type FieldProblem,
  isDay,
  textOf,
} from "./campaign-input.ts";
import { editorialState, mayMove, TRANSITION_TARGET, type Transition } from "./campaign-states.ts";
import { type EditorCampaign, findCampaignForEditor, findTopicId, listDueCampaigns, slugTaken } from "./editor.repo.ts";

export type SaveResult = { ok: true; id: number } | { ok: false; problems: FieldProblem[]; form: CampaignForm };

/** The fields of a and b that differ, as { before, after }: what the audit log keeps of a change. */
export function changes<T extends Record<string, unknown>>(a: T, b: Partial<T>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(b)) {
    if (a[key] !== value) {
      before[key] = a[key] ?? null;
      after[key] = value ?? null;
    }
  }
  return { before, after };
}

export async function requireCampaign(db: Db, id: number): Promise<EditorCampaign> {
  const campaign = Number.isSafeInteger(id) && id > 0 ? await findCampaignForEditor(db, id) : undefined;
  if (!campaign) throw new NotFoundError();
  return campaign;
}

/** The table's columns for valid values, the topic found by its slug (or a problem). */
async function columnsOf(db: Db, values: CampaignValues, problems: FieldProblem[]) {
  const { topicSlug, ...columns } = values;
  let topic_id: number | null = null;
  if (topicSlug) {
    const found = await findTopicId(db, topicSlug);
    if (found === undefined) problems.push({ field: "topic", message: "admin.campaign.error.topic" });
    else topic_id = found;
  }
  return { ...columns, topic_id };
}

/** A new draft. Nothing is written unless the whole form is right. */
export async function createCampaign(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  form: CampaignForm,
): Promise<SaveResult> {
  const checked = checkCampaignForm(form);
  if (!checked.ok) return checked;
  const problems: FieldProblem[] = [];
  const columns = await columnsOf(deps.db, checked.values, problems);
  if (await slugTaken(deps.db, columns.slug))
    problems.push({ field: "slug", message: "admin.campaign.error.slugTaken" });
  const kept = { ...form, slug: columns.slug };
  if (problems.length > 0) return { ok: false, problems, form: kept };
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const at = now();
      const row = { ...columns, status: "draft" as const, featured: 0, created_at: at, updated_at: at };
      const { id } = await trx.insertInto("campaigns").values(row).returning("id").executeTakeFirstOrThrow();
      await recordAudit(trx, {
        staffUserId,
        action: "campaign.create",
        entity: "campaign",
        entityId: id,
        after: columns,
      });
      return id;
    });
    return { ok: true, id };
  } catch (error) {
    // Another campaign took the address between the check and the insert.
    if (isUniqueViolation(error))
      return { ok: false, problems: [{ field: "slug", message: "admin.campaign.error.slugTaken" }], form: kept };
    throw error;
  }
}

/** Saves the editor's form over a campaign, and records what changed. */
export async function updateCampaign(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  id: number,
  form: CampaignForm,
): Promise<SaveResult> {
  const current = await requireCampaign(deps.db, id);
  const checked = checkCampaignForm(form, { currentDeadline: current.deadline?.slice(0, 10) ?? "" });
  if (!checked.ok) return checked;
  const problems: FieldProblem[] = [];
  const columns = await columnsOf(deps.db, checked.values, problems);
  if (current.deadline?.slice(0, 10) === form.deadline) columns.deadline = current.deadline;
  if (await slugTaken(deps.db, columns.slug, id))
    problems.push({ field: "slug", message: "admin.campaign.error.slugTaken" });
  const kept = { ...form, slug: columns.slug };
  if (problems.length > 0) return { ok: false, problems, form: kept };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("campaigns")
        .set({ ...columns, updated_at: now() })
        .where("id", "=", id)
        .execute();
      const { before, after } = changes(current, columns);
      await recordAudit(trx, {
        staffUserId,
        action: "campaign.update",
        entity: "campaign",
        entityId: id,
        before,
        after,
      });
    });
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, problems: [{ field: "slug", message: "admin.campaign.error.slugTaken" }], form: kept };
    throw error;
  }
}

/** What a transition asks for besides itself, as the form sent it. */
export interface TransitionForm {
  publishAt: string;
  outcome: string;
  deliveredOn: string;
  note: string;
}

export function readTransitionForm(body: Record<string, unknown>): TransitionForm {
  return {
    publishAt: textOf(body, "publishAt"),
    outcome: textOf(body, "outcome"),
    deliveredOn: textOf(body, "deliveredOn"),
    note: textOf(body, "note"),
  };
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The columns a transition sets, or the problems with what it was given. */
function transitionColumns(
  transition: Transition,
  form: TransitionForm,
  campaign: EditorCampaign,
  at: Date,
): { ok: true; set: Record<string, unknown> } | { ok: false; problems: FieldProblem[] } {
  const status = TRANSITION_TARGET[transition];
  // Leaving "open" starts the retention clock of its signers' details.
  const closing = status === "closed" || status === "won" || status === "delivered";
  const closedAt = closing ? (campaign.closed_at ?? at.toISOString()) : campaign.closed_at;
  switch (transition) {
    case "schedule": {
      // The time is typed in UTC (datetime-local has no zone).
      const when = DATETIME.test(form.publishAt) ? new Date(`${form.publishAt}:00Z`) : null;
      if (!when || Number.isNaN(when.getTime()))
        return { ok: false, problems: [{ field: "publishAt", message: "admin.campaign.error.publishAt" }] };
      if (when <= at)
        return { ok: false, problems: [{ field: "publishAt", message: "admin.campaign.error.publishAtPast" }] };
      return { ok: true, set: { status, publish_at: when.toISOString() } };
    }
    case "unschedule":
      return { ok: true, set: { status, publish_at: null } };
    case "publish":
      return { ok: true, set: { status, publish_at: at.toISOString() } };
    case "close":
      return { ok: true, set: { status, closed_at: closedAt } };
    case "declare-victory":
      if (form.outcome === "" || form.outcome.length > CAMPAIGN_LIMITS.outcome)
        return { ok: false, problems: [{ field: "outcome", message: "admin.campaign.error.outcome" }] };
      return { ok: true, set: { status, outcome: form.outcome, closed_at: closedAt } };
    case "mark-delivered":
      if (!isDay(form.deliveredOn) || form.deliveredOn > at.toISOString().slice(0, 10))
        return { ok: false, problems: [{ field: "deliveredOn", message: "admin.campaign.error.deliveredOn" }] };
      if (form.note.length > CAMPAIGN_LIMITS.note)
        return { ok: false, problems: [{ field: "note", message: "admin.campaign.error.tooLong" }] };
      return {
        ok: true,
        set: { status, delivered_on: form.deliveredOn, delivery_note: form.note || null, closed_at: closedAt },
      };
  }
}

/**
 * Moves a campaign to another state, if its state allows that move; a move it does not
 * allow (an old page, a forged form) is refused with a 409 and changes nothing.
 */
export async function changeState(
  deps: Pick<Deps, "db" | "dialect">,
  staffUserId: number,
  id: number,
  transition: Transition,
  form: TransitionForm,
  at = new Date(),
): Promise<{ ok: true } | { ok: false; problems: FieldProblem[] }> {
  return deps.db.transaction().execute(async (trx) => {
    // Two campaigners pressing buttons at once: the second sees the first's result.
    await forUpdate(trx.selectFrom("campaigns").select("id").where("id", "=", id), deps.dialect).execute();
    const campaign = await requireCampaign(trx, id);
    if (!mayMove(editorialState(campaign), transition)) return { ok: false as const, problems: [] };
    const result = transitionColumns(transition, form, campaign, at);
    if (!result.ok) return result;
    await trx
      .updateTable("campaigns")
      .set({ ...result.set, updated_at: at.toISOString() })
      .where("id", "=", id)
      .execute();
    const { before, after } = changes(campaign as Record<string, unknown>, result.set);
    await recordAudit(trx, {
      staffUserId,
      action: `campaign.${transition}`,
      entity: "campaign",
      entityId: id,
      before,
      after,
    });
    return { ok: true as const };
  });
}

export const JOB_OPEN_SCHEDULED = "open-scheduled-campaigns";

/** Opens every scheduled campaign whose time has come; the audit log says the clock did it. */
export async function openDueCampaigns(deps: Pick<Deps, "db">, at = new Date()): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const due = await listDueCampaigns(trx, at.toISOString());
    for (const campaign of due) {
      await trx
        .updateTable("campaigns")
        .set({ status: "open", updated_at: at.toISOString() })
        .where("id", "=", campaign.id)
        .where("status", "=", "draft")
        .execute();
      await recordAudit(trx, {
        staffUserId: null,
        action: "campaign.open-scheduled",
        entity: "campaign",
        entityId: campaign.id,
        before: { status: "draft", publish_at: campaign.publish_at },
        after: { status: "open" },
      });
    }
    return due.length;
  });
}
