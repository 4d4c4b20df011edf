import { now } from "../../db/portable.ts";
import type { GroupDetails } from "../../db/tables.ts";
import type { Deps } from "../../deps.ts";
import type { Locale } from "../i18n/locales.ts";
import { GROUP_EDIT_KIND, submitGroupEditForModeration } from "./group-edit-kind.ts";
import {
  type GroupDetailsForm,
  groupColumns,
  type Problem,
  type ValidGroupDetails,
  validateGroupDetails,
} from "./group-input.ts";
import { findGroupById, type PublicGroup } from "./groups.repo.ts";

/** A group's details as its edit form shows them. */
export function detailsForm(g: GroupDetails): GroupDetailsForm {
  const point = g.latitude !== null && g.longitude !== null;
  return {
    groupName: g.name,
    description: g.description_md,
    town: g.town,
    country: g.country,
    place: point ? "point" : "country",
    latitude: point ? String(g.latitude) : "",
    longitude: point ? String(g.longitude) : "",
  };
}

/** The organiser's change still waiting for a moderator, if any. */
export async function waitingGroupEdit(deps: Deps, groupId: number) {
  return deps.db
    .selectFrom("group_edits")
    .select(["id", "name", "description_md", "town", "country", "latitude", "longitude", "created_at"])
    .where("group_id", "=", groupId)
    .where("status", "=", "waiting")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export type GroupEditOutcome =
  | { kind: "invalid"; problems: Problem<keyof GroupDetailsForm>[] }
  | { kind: "unchanged" }
  /** Only the map point changed: no words to read, so it is on the site at once. */
  | { kind: "published" }
  /** The name, description, town or country changed: the old version stays public until a moderator approves. */
  | { kind: "waiting" };

const sameText = (a: ValidGroupDetails, g: PublicGroup) =>
  a.groupName === g.name && a.description === g.description_md && a.town === g.town && a.country === g.country;

/**
 * An organiser's change to their group's public details. Changed words go to a moderator
 * (a newer change replaces one still waiting); a new map point alone is published at once.
 */
export async function submitGroupEdit(
  deps: Deps,
  groupId: number,
  form: GroupDetailsForm,
  context: { shownIn: Locale },
): Promise<GroupEditOutcome | { kind: "not-found" }> {
  const group = await findGroupById(deps.db, groupId);
  const organiser = group
    ? await deps.db.selectFrom("groups").select("organiser_supporter_id").where("id", "=", groupId).executeTakeFirst()
    : undefined;
  if (!group || !organiser?.organiser_supporter_id) return { kind: "not-found" };
  const checked = validateGroupDetails(form);
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const d = checked.value;
  const samePoint = d.latitude === group.latitude && d.longitude === group.longitude;
  const waiting = await waitingGroupEdit(deps, groupId);
  const at = now();
  if (sameText(d, group)) {
    if (samePoint && !waiting) return { kind: "unchanged" };
    await deps.db.transaction().execute(async (trx) => {
      // Back to the public words: a change still waiting is withdrawn.
      await withdrawWaiting(trx, groupId);
      if (!samePoint) {
        await trx
          .updateTable("groups")
          .set({ latitude: d.latitude, longitude: d.longitude, updated_at: at })
          .where("id", "=", groupId)
          .execute();
      }
    });
    return { kind: "published" };
  }
  await deps.db.transaction().execute(async (trx) => {
    await withdrawWaiting(trx, groupId);
    const edit = await trx
      .insertInto("group_edits")
      .values({
        group_id: groupId,
        ...groupColumns(d),
        status: "waiting",
        previous: null,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await submitGroupEditForModeration(trx, {
      editId: edit.id,
      supporterId: organiser.organiser_supporter_id as number,
      locale: context.shownIn,
    });
  });
  return { kind: "waiting" };
}

/** Deletes the group's edits still waiting, with their places in the queue. */
async function withdrawWaiting(db: Deps["db"], groupId: number) {
  const waiting = await db
    .selectFrom("group_edits")
    .select("id")
    .where("group_id", "=", groupId)
    .where("status", "=", "waiting")
    .execute();
  if (waiting.length === 0) return;
  const ids = waiting.map((w) => w.id);
  await db
    .deleteFrom("moderation_items")
    .where("kind", "=", GROUP_EDIT_KIND)
    .where("subject_id", "in", ids)
    .where("status", "=", "waiting")
    .execute();
  await db.deleteFrom("group_edits").where("id", "in", ids).execute();
}
