import type { FastifyInstance } from "fastify";
import type { Db } from "../../../src/db/index.ts";
import type { GroupStatus } from "../../../src/db/tables.ts";
import type { Deps } from "../../../src/deps.ts";
import { postForm } from "../../support/app.ts";
import { mailTo, newEmail, runJobs } from "../petitions/petition-helpers.ts";

/** Stores a group as if a moderator had approved it (unless told a status), with its organiser. */
export async function addGroup(
  db: Db,
  g: { name?: string; town?: string; country?: string; status?: GroupStatus; description?: string } = {},
) {
  const at = new Date().toISOString();
  const organiserEmail = newEmail();
  const organiser = await db
    .insertInto("supporters")
    .values({
      email: organiserEmail,
      email_canonical: organiserEmail,
      name: "Solveig Organiser",
      country: "NO",
      postcode: null,
      locale: "en",
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const slug = `group-${Math.random().toString(36).slice(2, 10)}`;
  const row = await db
    .insertInto("groups")
    .values({
      slug,
      locale: "en",
      name: g.name ?? "Welcome Tromsø",
      description_md: g.description ?? "We meet on **Thursdays**.",
      town: g.town ?? "Tromsø",
      country: g.country ?? "NO",
      latitude: null,
      longitude: null,
      organiser_supporter_id: organiser.id,
      organiser_name: "Solveig Organiser",
      status: g.status ?? "published",
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, slug, organiserEmail, organiserId: organiser.id };
}

export const joinGroup = (app: FastifyInstance, slug: string, fields: Record<string, string>) =>
  postForm(app, `/groups/${slug}`, `/groups/${slug}/join`, fields);

/** The raw token in a "join this group" confirmation email. */
export function groupTokenIn(mail: { text: string } | undefined): string {
  const token = /\/groups\/join\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error(`no join link in:\n${mail?.text}`);
  return token;
}

/** Joins and confirms by the emailed button; returns the member's address and the welcome email. */
export async function joinAndConfirm(
  t: { app: FastifyInstance; deps: Deps },
  slug: string,
  fields: Record<string, string> = {},
) {
  const email = fields.email ?? newEmail();
  const res = await joinGroup(t.app, slug, { name: "Amina Rahimi", ...fields, email });
  if (res.statusCode !== 303) throw new Error(`joining answered ${res.statusCode}`);
  await runJobs(t.deps);
  const token = groupTokenIn((await mailTo(t.deps.db, email)).at(-1));
  const confirmed = await postForm(t.app, `/groups/${slug}`, "/groups/join/confirm", { token });
  if (confirmed.statusCode !== 303) throw new Error(`confirming answered ${confirmed.statusCode}`);
  await runJobs(t.deps);
  return { email, welcome: (await mailTo(t.deps.db, email)).at(-1) };
}

/** Asks for the organiser's link, follows it and presses its button: the organiser's cookie. */
export async function signInAsOrganiser(t: { app: FastifyInstance; deps: Deps }, slug: string, organiserEmail: string) {
  await postForm(t.app, `/groups/${slug}`, `/groups/${slug}/organiser-link`, { email: organiserEmail });
  await runJobs(t.deps);
  const mail = (await mailTo(t.deps.db, organiserEmail)).at(-1);
  const token = /\/groups\/organiser\/continue\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error(`no organiser link in:\n${mail?.text}`);
  const res = await postForm(t.app, `/groups/${slug}`, "/groups/organiser/continue", { token });
  const cookie = res.cookies.find((c) => c.name === "organiser");
  if (res.statusCode !== 303 || !cookie) throw new Error(`the organiser link answered ${res.statusCode}`);
  return `organiser=${cookie.value}`;
}
