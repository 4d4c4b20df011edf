import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { CAMPAIGN_LIMITS, type FieldProblem, textOf } from "./campaign-input.ts";
import { findUpdate } from "./editor.repo.ts";
import { requireCampaign } from "./editor.service.ts";

/** An update's form as text. */
export interface UpdateForm {
  title: string;
  body: string;
}

export function readUpdateForm(body: Record<string, unknown>): UpdateForm {
  return { title: textOf(body, "title"), body: textOf(body, "body") };
}

const CONTROL = /(?![\n\t])\p{Cc}/u;

export function checkUpdateForm(form: UpdateForm, prefix = ""): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (form.title === "" || form.title.length > CAMPAIGN_LIMITS.updateTitle || CONTROL.test(form.title))
    problems.push({ field: `${prefix}title`, message: "admin.update.error.title" });
  if (form.body === "" || form.body.length > CAMPAIGN_LIMITS.updateBody || CONTROL.test(form.body))
    problems.push({ field: `${prefix}body`, message: "admin.update.error.body" });
  return problems;
}

type Result = { ok: true } | { ok: false; problems: FieldProblem[] };

/** Posts an update to a campaign's timeline, dated now. */
export async function postUpdate(deps: Pick<Deps, "db">, staffUserId: number, campaignId: number, form: UpdateForm) {
  await requireCampaign(deps.db, campaignId);
  const problems = checkUpdateForm(form);
  if (problems.length > 0) return { ok: false, problems } satisfies Result;
  await deps.db.transaction().execute(async (trx) => {
    const values = { campaign_id: campaignId, title: form.title, body_md: form.body, published_at: now() };
    const { id } = await trx.insertInto("campaign_updates").values(values).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, {
      staffUserId,
      action: "campaign-update.create",
      entity: "campaign_update",
      entityId: id,
      after: values,
    });
  });
  return { ok: true } satisfies Result;
}

async function requireUpdate(deps: Pick<Deps, "db">, campaignId: number, updateId: number) {
  const update = Number.isSafeInteger(updateId) ? await findUpdate(deps.db, campaignId, updateId) : undefined;
  if (!update) throw new NotFoundError();
  return update;
}

export async function getUpdate(deps: Pick<Deps, "db">, campaignId: number, updateId: number) {
  await requireCampaign(deps.db, campaignId);
  return requireUpdate(deps, campaignId, updateId);
}

/** Corrects an update; its date stays the one it was posted on. */
export async function editUpdate(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  campaignId: number,
  updateId: number,
  form: UpdateForm,
): Promise<Result> {
  const update = await getUpdate(deps, campaignId, updateId);
  const problems = checkUpdateForm(form);
  if (problems.length > 0) return { ok: false, problems };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("campaign_updates")
      .set({ title: form.title, body_md: form.body })
      .where("id", "=", updateId)
      .execute();
    await recordAudit(trx, {
      staffUserId,
      action: "campaign-update.update",
      entity: "campaign_update",
      entityId: updateId,
      before: { title: update.title, body_md: update.body_md },
      after: { title: form.title, body_md: form.body },
    });
  });
  return { ok: true };
}

/** Takes an update off the timeline, with its translations. */
export async function removeUpdate(deps: Pick<Deps, "db">, staffUserId: number, campaignId: number, updateId: number) {
  const update = await getUpdate(deps, campaignId, updateId);
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("campaign_update_translations").where("update_id", "=", updateId).execute();
    await trx.deleteFrom("campaign_updates").where("id", "=", updateId).execute();
    await recordAudit(trx, {
      staffUserId,
      action: "campaign-update.delete",
      entity: "campaign_update",
      entityId: updateId,
      before: update,
    });
  });
}
