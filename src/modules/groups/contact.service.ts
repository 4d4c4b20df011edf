import type { Deps } from "../../deps.ts";
import { queueMail } from "../mail/outbox.repo.ts";
import { type ContactField, type ContactForm, type Problem, validateContact } from "./group-input.ts";
import { findPublishedGroup, organiserOf } from "./groups.repo.ts";

/** The message relayed to a group's organiser, by its kind in the mail outbox. */
export const MAIL_GROUP_CONTACT = "group-contact";

export type ContactOutcome =
  | { kind: "invalid"; problems: Problem<ContactField>[] }
  | { kind: "sent" }
  | { kind: "not-found" }
  | { kind: "no-organiser" };

/**
 * The contact form: the message goes to the organiser by email through the outbox, with the
 * sender's address as Reply-To (the form says so), so the organiser's address is never shown
 * to anyone. The message travels only in the outbox message's params, marked personal: they
 * are emptied once it is sent, or fails for good.
 */
export async function contactOrganiser(deps: Deps, slug: string, form: ContactForm): Promise<ContactOutcome> {
  const group = await findPublishedGroup(deps.db, slug);
  if (!group) return { kind: "not-found" };
  const checked = validateContact(form);
  if (!checked.ok) return { kind: "invalid", problems: checked.problems };
  const organiser = await organiserOf(deps.db, group.id);
  if (!organiser) return { kind: "no-organiser" };
  const c = checked.value;
  await queueMail(deps.db, {
    kind: MAIL_GROUP_CONTACT,
    params: { groupId: group.id, name: c.name, email: c.email, message: c.message },
    idempotencyKey: `group-contact:${group.id}:${crypto.randomUUID()}`,
    supporterId: organiser.id,
  });
  deps.wakeWorker();
  return { kind: "sent" };
}
