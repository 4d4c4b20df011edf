import type { Db } from "../../db/index.ts";

/** A supporter's memberships and the groups they organise, for their own export. */
export async function groupDataOf(db: Db, supporterId: number) {
  const [memberships, organised] = await Promise.all([
    db
      .selectFrom("group_members as m")
      .innerJoin("groups as g", "g.id", "m.group_id")
      .select([
        "g.name as group",
        "g.slug as group_slug",
        "m.name",
        "m.status",
        "m.wants_sharing",
        "m.shares_with_organiser",
        "m.locale",
        "m.created_at",
        "m.confirmed_at",
        "m.left_at",
      ])
      .where("m.supporter_id", "=", supporterId)
      .orderBy("m.created_at")
      .execute(),
    db
      .selectFrom("groups")
      .select([
        "name",
        "slug",
        "status",
        "description_md",
        "town",
        "country",
        "latitude",
        "longitude",
        "organiser_name",
        "created_at",
      ])
      .where("organiser_supporter_id", "=", supporterId)
      .orderBy("created_at")
      .execute(),
  ]);
  return {
    group_memberships: memberships.map((m) => ({
      ...m,
      wants_sharing: m.wants_sharing === 1,
      shares_with_organiser: m.shares_with_organiser === 1,
    })),
    groups_organised: organised,
  };
}

/**
 * Erasure's part here: the supporter's memberships go (with their confirmation tokens); groups
 * they asked for that were never published go; a group that was published (or taken off the
 * site) loses its organiser (link and name) and is taken off the site, so nobody writes to a
 * person who is gone, until staff find a new organiser. Its members stay.
 */
export async function forgetGroupDataOf(db: Db, supporterId: number): Promise<void> {
  const memberIds = (
    await db.selectFrom("group_members").select("id").where("supporter_id", "=", supporterId).execute()
  ).map((m) => m.id);
  if (memberIds.length > 0) {
    await db
      .deleteFrom("tokens")
      .where("purpose", "=", "confirm-group-join")
      .where("subject_id", "in", memberIds)
      .execute();
    await db.deleteFrom("group_members").where("supporter_id", "=", supporterId).execute();
  }
  const organised = await db
    .selectFrom("groups")
    .select(["id", "status"])
    .where("organiser_supporter_id", "=", supporterId)
    .execute();
  const neverPublished = organised.filter((g) => g.status === "waiting" || g.status === "rejected").map((g) => g.id);
  if (neverPublished.length > 0) {
    await db.updateTable("events").set({ group_id: null }).where("group_id", "in", neverPublished).execute();
    await db.deleteFrom("groups").where("id", "in", neverPublished).execute();
  }
  const kept = organised.filter((g) => !neverPublished.includes(g.id)).map((g) => g.id);
  if (kept.length > 0) {
    await db.deleteFrom("tokens").where("purpose", "=", "organise-group").where("subject_id", "in", kept).execute();
    await db
      .updateTable("groups")
      .set({
        organiser_supporter_id: null,
        organiser_name: "",
        status: "unpublished",
        updated_at: new Date().toISOString(),
      })
      .where("id", "in", kept)
      .execute();
  }
}

/**
 * Retention's part here: memberships never confirmed go after the unconfirmed period, with
 * their tokens (their consents go with the other unconfirmed consents).
 */
export async function applyGroupRetention(db: Db, unconfirmedBefore: string) {
  const stale = (
    await db
      .selectFrom("group_members")
      .select("id")
      .where("status", "=", "pending")
      .where("created_at", "<", unconfirmedBefore)
      .execute()
  ).map((m) => m.id);
  if (stale.length > 0) {
    await db
      .deleteFrom("tokens")
      .where("purpose", "=", "confirm-group-join")
      .where("subject_id", "in", stale)
      .execute();
    await db.deleteFrom("group_members").where("id", "in", stale).execute();
  }
  return { unconfirmedGroupMembers: stale.length };
}
