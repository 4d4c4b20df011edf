import { type Expression, type Selectable, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/index.ts";
import type { GroupDetails, GroupTable } from "../../db/tables.ts";

/** A group as the public sees it: never the organiser's name or address. */
export interface PublicGroup extends Pick<Selectable<GroupTable>, "id" | "slug" | "locale" | "status">, GroupDetails {
  /** Whether someone organises it (so messages can reach them). */
  hasOrganiser: boolean;
}

export interface GroupFilters {
  /** Words to find in the name, description or town. */
  q: string | null;
  country: string | null;
  town: string | null;
}

function publicColumns(db: Db) {
  return db
    .selectFrom("groups as g")
    .select([
      "g.id",
      "g.slug",
      "g.locale",
      "g.name",
      "g.description_md",
      "g.town",
      "g.country",
      "g.latitude",
      "g.longitude",
      "g.status",
      "g.organiser_supporter_id",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof publicColumns>["execute"]>>[number];

function asPublic({ organiser_supporter_id, latitude, longitude, ...row }: Row): PublicGroup {
  return {
    ...row,
    latitude: latitude === null ? null : Number(latitude),
    longitude: longitude === null ? null : Number(longitude),
    hasOrganiser: organiser_supporter_id !== null,
  };
}

/** A LIKE pattern that finds the text anywhere, its own % and _ taken literally. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const lowerLike = (column: string, pattern: string): Expression<SqlBool> =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

/** Published groups matching the filters, by country then town then name. */
export async function listPublishedGroups(db: Db, filters: GroupFilters, limit = 200): Promise<PublicGroup[]> {
  let query = publicColumns(db).where("g.status", "=", "published");
  if (filters.country) query = query.where("g.country", "=", filters.country);
  if (filters.town) {
    const town = filters.town.toLowerCase();
    query = query.where(sql<SqlBool>`lower(${sql.ref("g.town")}) = ${town}`);
  }
  if (filters.q) {
    const pattern = containing(filters.q);
    query = query.where((eb) =>
      eb.or([lowerLike("g.name", pattern), lowerLike("g.description_md", pattern), lowerLike("g.town", pattern)]),
    );
  }
  const rows = await query.orderBy("g.country").orderBy("g.town").orderBy("g.name").limit(limit).execute();
  return rows.map(asPublic);
}

/** The countries that have a published group, for the filter. */
export async function groupCountries(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("groups").select("country").distinct().where("status", "=", "published").execute();
  return rows.map((r) => r.country);
}

/** A published group by its slug (waiting, rejected and unpublished ones are not public). */
export async function findPublishedGroup(db: Db, slug: string): Promise<PublicGroup | undefined> {
  const row = await publicColumns(db).where("g.slug", "=", slug).where("g.status", "=", "published").executeTakeFirst();
  return row ? asPublic(row) : undefined;
}

export async function findGroupById(db: Db, id: number): Promise<PublicGroup | undefined> {
  const row = await publicColumns(db).where("g.id", "=", id).executeTakeFirst();
  return row ? asPublic(row) : undefined;
}

/** The group's organiser: for the emails they get only. */
export async function organiserOf(db: Db, groupId: number) {
  return db
    .selectFrom("groups as g")
    .innerJoin("supporters as s", "s.id", "g.organiser_supporter_id")
    .select(["s.id", "s.email", "s.email_canonical", "s.locale", "g.organiser_name as name"])
    .where("g.id", "=", groupId)
    .where("s.erased_at", "is", null)
    .executeTakeFirst();
}

/** Confirmed members who agreed to share their name and email with the organiser, first joined first. */
export async function sharingMembers(db: Db, groupId: number) {
  return db
    .selectFrom("group_members as m")
    .innerJoin("supporters as s", "s.id", "m.supporter_id")
    .select(["m.name", "s.email", "m.confirmed_at"])
    .where("m.group_id", "=", groupId)
    .where("m.status", "=", "member")
    .where("m.shares_with_organiser", "=", 1)
    .where("s.erased_at", "is", null)
    .orderBy("m.confirmed_at")
    .orderBy("m.id")
    .execute();
}

/** How many confirmed members a group has (sharing or not). */
export async function countMembers(db: Db, groupId: number): Promise<number> {
  const row = await db
    .selectFrom("group_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("group_id", "=", groupId)
    .where("status", "=", "member")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every group that is not waiting or rejected, with its member count (the groups admin). */
export async function listGroupsForStaff(db: Db, limit = 500) {
  const rows = await db
    .selectFrom("groups as g")
    .select(["g.id", "g.slug", "g.name", "g.town", "g.country", "g.status", "g.organiser_supporter_id"])
    .select((eb) =>
      eb
        .selectFrom("group_members as m")
        .select((eb2) => eb2.fn.countAll<number>().as("n"))
        .whereRef("m.group_id", "=", "g.id")
        .where("m.status", "=", "member")
        .as("members"),
    )
    .where("g.status", "in", ["published", "unpublished"])
    .orderBy("g.country")
    .orderBy("g.town")
    .orderBy("g.name")
    .limit(limit)
    .execute();
  return rows.map(({ organiser_supporter_id, members, ...r }) => ({
    ...r,
    members: Number(members ?? 0),
    hasOrganiser: organiser_supporter_id !== null,
  }));
}

/** Published groups that run an upcoming event, by name: the events list's group filter. */
export async function groupsWithUpcomingEvents(db: Db, nowIso: string): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom("groups as g")
    .select(["g.slug", "g.name"])
    .where("g.status", "=", "published")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("events as e")
          .select("e.id")
          .whereRef("e.group_id", "=", "g.id")
          .where("e.status", "=", "published")
          .where("e.ends_at", ">", nowIso),
      ),
    )
    .orderBy("g.name")
    .execute();
}
