import { now } from "../../db/portable.ts";
import type { Deps } from "../../deps.ts";
import { recordAudit } from "../admin/audit.repo.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { EMAIL_MESSAGES, nameProblem } from "../petitions/signature-input.ts";
import { canonicalEmail, checkEmail } from "../supporters/email.ts";
import { findOrCreateSupporter } from "../supporters/supporters.repo.ts";
import { type GroupDetailsForm, groupColumns, type Problem, validateGroupDetails } from "./group-input.ts";

const DETAILS = ["name", "description_md", "town", "country", "latitude", "longitude"] as const;

/** A group staff may edit (published or taken off the site), with its organiser's name and address. */
export async function groupForStaff(deps: Deps, groupId: number) {
  return deps.db
    .selectFrom("groups as g")
    .leftJoin("supporters as s", (j) => j.onRef("s.id", "=", "g.organiser_supporter_id").on("s.erased_at", "is", null))
    .select([
      "g.id",
      "g.slug",
      "g.status",
      "g.organiser_name",
      "s.email as organiser_email",
      ...DETAILS.map((c) => `g.${c}` as const),
    ])
    .where("g.id", "=", groupId)
    .where("g.status", "in", ["published", "unpublished"])
    .executeTakeFirst();
}

export type StaffEditOutcome =
  | { kind: "not-found" }
  | { kind: "invalid"; problems: Problem<keyof GroupDetailsForm>[] }
  | { kind: "done" };

/**
 * Staff change a group's public details: on the site at once (staff are the moderators),
 * audited as `group.edit` with before and after, in one transaction.
 */
export async function editGroupAsStaff(
  deps: Deps,
  staffUserId: number,
  groupId: number,
  form: GroupDetailsForm,
): Promise<StaffEditOutcome> {
  const checked = validateGroupDetails(form);
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("groups")
      .select(DETAILS)
      .where("id", "=", groupId)
      .where("status", "in", ["published", "unpublished"])
      .executeTakeFirst();
    if (!before) return { kind: "not-found" as const };
    if (!checked.ok) return { kind: "invalid" as const, problems: checked.problems };
    const after = groupColumns(checked.value);
    await trx
      .updateTable("groups")
      .set({ ...after, updated_at: now() })
      .where("id", "=", groupId)
      .execute();
    await recordAudit(trx, { staffUserId, action: "group.edit", entity: "group", entityId: groupId, before, after });
    return { kind: "done" as const };
  });
}

export interface OrganiserForm {
  name: string;
  email: string;
}

export function readOrganiserForm(body: unknown): OrganiserForm {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, " ").trim() : "");
  return { name: text(b.organiser_name), email: text(b.organiser_email) };
}

export type OrganiserOutcome =
  | { kind: "not-found" }
  | { kind: "invalid"; problems: { field: "organiserName" | "organiserEmail"; message: MessageKey }[] }
  | { kind: "done" };

/**
 * Staff set or replace a group's organiser by name and address (a supporter found or added
 * by that address), audited as `group.organiser`. The new organiser asks for their link on
 * the group's page, as any organiser does.
 */
export async function setGroupOrganiser(
  deps: Deps,
  staffUserId: number,
  groupId: number,
  form: OrganiserForm,
): Promise<OrganiserOutcome> {
  const problems: { field: "organiserName" | "organiserEmail"; message: MessageKey }[] = [];
  const name = nameProblem(form.name);
  if (name) problems.push({ field: "organiserName", message: name });
  const email = checkEmail(form.email);
  if (email) problems.push({ field: "organiserEmail", message: EMAIL_MESSAGES[email] });
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("groups")
      .select(["organiser_supporter_id", "organiser_name", "country", "locale"])
      .where("id", "=", groupId)
      .where("status", "in", ["published", "unpublished"])
      .executeTakeFirst();
    if (!before) return { kind: "not-found" as const };
    if (problems.length > 0) return { kind: "invalid" as const, problems };
    const organiser = await findOrCreateSupporter(trx, {
      email: form.email,
      emailCanonical: canonicalEmail(form.email),
      name: form.name,
      country: before.country,
      postcode: null,
      locale: before.locale,
    });
    await trx
      .updateTable("groups")
      .set({ organiser_supporter_id: organiser.id, organiser_name: form.name, updated_at: now() })
      .where("id", "=", groupId)
      .execute();
    await recordAudit(trx, {
      staffUserId,
      action: "group.organiser",
      entity: "group",
      entityId: groupId,
      before: { organiser_supporter_id: before.organiser_supporter_id, organiser_name: before.organiser_name },
      after: { organiser_supporter_id: organiser.id, organiser_name: form.name },
    });
    return { kind: "done" as const };
  });
}
