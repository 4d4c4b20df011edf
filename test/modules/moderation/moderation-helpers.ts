// What the moderation tests share: signing with a comment (and the consent to show it),
// confirming, and the moderator's forms.
import type { FastifyInstance } from "fastify";
import type { Db } from "../../../src/db/index.ts";
import { postForm, type TestApp } from "../../support/app.ts";
import { type Cookies, get, post } from "../admin/admin-helpers.ts";
import { mailTo, newEmail, pressConfirm, runJobs, tokenIn } from "../petitions/petition-helpers.ts";

/** A comment no script may run from: it must come out as text wherever it is shown. */
export const HOSTILE = "<img src=x onerror=alert(1)> Welcome them <script>alert(2)</script>";

export interface CommentSigner {
  slug: string;
  comment: string;
  name?: string;
  /** The language the form is in (its URL prefix); English when not given. */
  locale?: "en" | "nb" | "fr" | "es" | "ar" | "fa";
  /** Whether they tick "Show my comment publicly". */
  consent?: boolean;
  /** Whether they press the button in the confirmation email. */
  confirm?: boolean;
}

/** Signs a campaign with a comment, as a person does, and confirms it by the emailed link unless told not to. */
export async function signWithComment(t: TestApp, s: CommentSigner): Promise<{ email: string }> {
  const email = newEmail();
  const prefix = s.locale && s.locale !== "en" ? `/${s.locale}` : "";
  const fields: Record<string, string> = {
    name: s.name ?? "Amina Rahimi",
    email,
    country: "NO",
    comment: s.comment,
    ...(s.consent === false ? {} : { comment_public: "yes" }),
  };
  const res = await postForm(
    t.app,
    `${prefix}/campaigns/${s.slug}`,
    `${prefix}/campaigns/${s.slug}/signatures`,
    fields,
  );
  if (res.statusCode !== 303) throw new Error(`signing answered ${res.statusCode}`);
  if (s.confirm !== false) {
    await runJobs(t.deps);
    const token = tokenIn((await mailTo(t.deps.db, email)).at(-1));
    const confirmed = await pressConfirm(t.app, token);
    if (confirmed.statusCode !== 303) throw new Error(`confirming answered ${confirmed.statusCode}`);
  }
  return { email };
}

/** The queue item of the comment signed with this address, if any. */
export async function itemOf(db: Db, email: string) {
  return db
    .selectFrom("moderation_items")
    .innerJoin("supporters", "supporters.id", "moderation_items.supporter_id")
    .selectAll("moderation_items")
    .where("supporters.email", "=", email)
    .executeTakeFirst();
}

export async function itemIdOf(db: Db, email: string): Promise<number> {
  const item = await itemOf(db, email);
  if (!item) throw new Error(`no moderation item for ${email}`);
  return item.id;
}

export const queuePage = (app: FastifyInstance, cookies: Cookies, query = "") =>
  get(app, `/admin/moderation${query}`, cookies);

/** Presses one of an item's buttons on the queue page: approve, reject (with its fields) or undo. */
export const decide = (
  app: FastifyInstance,
  cookies: Cookies,
  id: number,
  action: "approve" | "reject" | "undo",
  fields: Record<string, string> = {},
  options: { csrf?: boolean } = {},
) => post(app, "/admin/moderation", `/admin/moderation/${id}/${action}`, fields, cookies, options);

/** The text of a page with its tags taken out, for checking what a reader sees. */
export const campaignPage = (app: FastifyInstance, slug: string) => app.inject(`/campaigns/${slug}`);
