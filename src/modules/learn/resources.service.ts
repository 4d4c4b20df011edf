import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import { type EntryProblem, fieldText, isLinkTarget, plainText, positionOf } from "../content/entry-input.ts";
import { findLearnResource, type LearnResource } from "./resources.repo.ts";

export const RESOURCE_LIMITS = { title: 150, description: 600, url: 500 } as const;

/** A language tag as resources are marked: "en", "ar", "pt-BR"… */
const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** What the editor's form sent, as text, to be shown again when something is wrong. */
export interface ResourceForm {
  title: string;
  description: string;
  url: string;
  language: string;
  position: string;
}

export function readResourceForm(body: unknown): ResourceForm {
  return {
    title: fieldText(body, "title").replace(/\s+/g, " "),
    description: fieldText(body, "description").replace(/\s+/g, " "),
    url: fieldText(body, "url"),
    language: fieldText(body, "language"),
    position: fieldText(body, "position"),
  };
}

export function formOfResource(r: LearnResource): ResourceForm {
  return {
    title: r.title,
    description: r.description,
    url: r.url,
    language: r.language,
    position: String(r.position),
  };
}

function check(form: ResourceForm) {
  const problems: EntryProblem[] = [];
  const add = (field: string, message: EntryProblem["message"] | null) => {
    if (message) problems.push({ field, message });
  };
  add("title", plainText(form.title, RESOURCE_LIMITS.title));
  add("description", plainText(form.description, RESOURCE_LIMITS.description));
  if (!isLinkTarget(form.url)) add("url", "admin.entry.error.link");
  if (!LANGUAGE.test(form.language)) add("language", "admin.entry.error.language");
  const position = positionOf(form.position);
  if (position === null) add("position", "admin.entry.error.position");
  if (problems.length > 0 || position === null) return { ok: false as const, problems };
  return {
    ok: true as const,
    row: { title: form.title, description: form.description, url: form.url, language: form.language, position },
  };
}

export type SaveOutcome = { ok: true; id: number } | { ok: false; problems: EntryProblem[] };

/** Adds a resource (id null) or changes one; audited with before and after in the same transaction. */
export async function saveLearnResource(
  deps: Pick<Deps, "db">,
  staffUserId: number,
  id: number | null,
  form: ResourceForm,
): Promise<SaveOutcome> {
  const checked = check(form);
  if (!checked.ok) return checked;
  const before = id === null ? null : await findLearnResource(deps.db, id);
  if (id !== null && !before) throw new NotFoundError();
  return deps.db.transaction().execute(async (trx) => {
    const at = now();
    let savedId: number;
    if (id === null) {
      const row = await trx
        .insertInto("learn_resources")
        .values({ ...checked.row, created_at: at, updated_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      savedId = row.id;
    } else {
      await trx
        .updateTable("learn_resources")
        .set({ ...checked.row, updated_at: at })
        .where("id", "=", id)
        .execute();
      savedId = id;
    }
    await recordAudit(trx, {
      staffUserId,
      action: id === null ? "learn-resource.add" : "learn-resource.edit",
      entity: "learn_resource",
      entityId: savedId,
      before: before ?? null,
      after: checked.row,
    });
    return { ok: true as const, id: savedId };
  });
}

export async function deleteLearnResource(deps: Pick<Deps, "db">, staffUserId: number, id: number) {
  const before = await findLearnResource(deps.db, id);
  if (!before) throw new NotFoundError();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("learn_resources").where("id", "=", id).execute();
    await recordAudit(trx, {
      staffUserId,
      action: "learn-resource.delete",
      entity: "learn_resource",
      entityId: id,
      before,
      after: null,
    });
  });
}
