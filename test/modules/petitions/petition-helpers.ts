import type { FastifyInstance } from "fastify";
import type { Db } from "../../../src/db/index.ts";
import type { CampaignStatus, SignaturePolicy } from "../../../src/db/tables.ts";
import type { Deps } from "../../../src/deps.ts";
import { startBackgroundWork } from "../../../src/jobs/background.ts";
import { postForm } from "../../support/app.ts";

/** The demo campaign most tests sign. */
export const SLUG = "stop-returns-to-afghanistan";

/** An address no one else in this run has signed with. */
export function newEmail(): string {
  return `amina.${Math.random().toString(36).slice(2)}@example.org`;
}

/** What a person types into the sign form, with a fresh address unless given one. */
export function signer(fields: Record<string, string> = {}): Record<string, string> {
  return { name: "Amina Rahimi", email: newEmail(), country: "NO", ...fields };
}

/** Fills in and sends the sign form of a campaign page (fetched with `pageQuery`, for its source fields). */
export function sign(app: FastifyInstance, slug: string, fields: Record<string, string>, pageQuery = "") {
  return postForm(app, `/campaigns/${slug}${pageQuery}`, `/campaigns/${slug}/signatures`, fields);
}

/** Runs every job that is due and sends every email in the outbox, as the worker would, then stops it. */
export async function runJobs(deps: Deps): Promise<number> {
  const worker = startBackgroundWork(deps, { schedules: [] });
  try {
    return await worker.drain();
  } finally {
    await worker.stop();
  }
}

/** The development mailbox's messages to one address, oldest first. */
export function mailTo(db: Db, to: string) {
  return db.selectFrom("dev_mail").selectAll().where("to", "=", to).orderBy("id").execute();
}

/** The raw token in the confirmation link of an email. */
export function tokenIn(mail: { text: string } | undefined): string {
  const token = /\/signatures\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error(`no confirmation link in:\n${mail?.text}`);
  return token;
}

/** Presses the Confirm button for a token (the CSRF token comes from a campaign page). */
export function pressConfirm(app: FastifyInstance, token: string) {
  return postForm(app, `/campaigns/${SLUG}`, "/signatures/confirm", { token });
}

/** Signs, runs the jobs and returns the token from the confirmation email. */
export async function signAndGetToken(
  t: { app: FastifyInstance; deps: Deps },
  slug: string,
  fields: Record<string, string>,
) {
  const res = await sign(t.app, slug, fields);
  if (res.statusCode !== 303) throw new Error(`signing answered ${res.statusCode}`);
  await runJobs(t.deps);
  const mails = await mailTo(t.deps.db, fields.email ?? "");
  return tokenIn(mails.at(-1));
}

/** The count as the page's live counter reads it. */
export async function countOf(app: FastifyInstance, slug: string): Promise<number> {
  const res = await app.inject(`/campaigns/${slug}/count.json`);
  if (res.statusCode !== 200) throw new Error(`count.json answered ${res.statusCode}`);
  return (res.json() as { total_signatures: number }).total_signatures;
}

let campaigns = 0;

/** A slug no other campaign in this run has. */
export function uniqueSlug(prefix = "test"): string {
  campaigns += 1;
  return `${prefix}-${process.pid}-${campaigns}`;
}

/** Adds a campaign of its own to the test database, for a test that changes its state. */
export async function addCampaign(
  db: Db,
  slug: string,
  options: { status?: CampaignStatus; policy?: SignaturePolicy; postcodeRequired?: boolean; goal?: number } = {},
): Promise<number> {
  const at = new Date().toISOString();
  const row = await db
    .insertInto("campaigns")
    .values({
      slug,
      locale: "en",
      status: options.status ?? "open",
      title: `Test campaign ${slug}`,
      summary: "A campaign made by a test.",
      demand: "Welcome refugees.",
      target_name: "The test government",
      body_md: "Why it matters.",
      image_alt: null,
      featured: 0,
      created_at: at,
      updated_at: at,
      signature_policy: options.policy ?? "confirm",
      goal: options.goal ?? null,
      postcode_required: options.postcodeRequired ? 1 : 0,
      deadline: null,
      outcome: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Rows of a table that belong to one campaign. */
export async function signaturesOf(db: Db, campaignSlug: string) {
  return db
    .selectFrom("signatures")
    .innerJoin("campaigns", "campaigns.id", "signatures.campaign_id")
    .selectAll("signatures")
    .where("campaigns.slug", "=", campaignSlug)
    .orderBy("signatures.id")
    .execute();
}

/** One visitor's session on a page: its CSRF cookie and token, for posting many forms at once. */
export async function formSession(app: FastifyInstance, pageUrl: string) {
  const page = await app.inject(pageUrl);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no form with a CSRF token on ${pageUrl}`);
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return (action: string, fields: Record<string, string>) =>
    app.inject({
      method: "POST",
      url: action,
      headers: { cookie, origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    });
}

/** The supporters whose canonical address is this one. */
export function supportersWith(db: Db, emailCanonical: string) {
  return db.selectFrom("supporters").selectAll().where("email_canonical", "=", emailCanonical).execute();
}
