// What the mailing tests share: supporters made straight in the database with exactly the
// consent, membership, signature, topic and date a test needs.
import { loadConfig } from "../../../src/config.ts";
import type { Db, DbHandle } from "../../../src/db/index.ts";
import { assembleDeps } from "../../../src/deps.ts";
import { canonicalEmail } from "../../../src/modules/supporters/email.ts";

let n = 0;
/** An address no other test in this run uses. */
export const freshEmail = (who = "reader") =>
  `${who}.${process.pid}.${++n}.${Math.random().toString(36).slice(2, 8)}@example.org`;

export interface PersonSpec {
  email?: string;
  consent?: "confirmed" | "unconfirmed" | "withdrawn" | "none";
  country?: string;
  locale?: string;
  member?: boolean;
  /** Campaign ids this person signed (confirmed). */
  signed?: number[];
  topicIds?: number[];
  createdAt?: string;
}

/** A supporter as a test wants them; returns id and address. */
export async function makePerson(db: Db, spec: PersonSpec = {}): Promise<{ id: number; email: string }> {
  const email = spec.email ?? freshEmail();
  const at = spec.createdAt ?? new Date().toISOString();
  const { id } = await db
    .insertInto("supporters")
    .values({
      email,
      email_canonical: canonicalEmail(email),
      name: "Amina Test",
      country: spec.country ?? "NO",
      postcode: null,
      locale: spec.locale ?? "en",
      created_at: at,
      updated_at: at,
      member_since: spec.member ? at : null,
      erased_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const consent = spec.consent ?? "confirmed";
  if (consent !== "none") {
    await db
      .insertInto("consents")
      .values({
        supporter_id: id,
        purpose: "email-updates",
        wording: "Email me about campaigns.",
        wording_version: "test-1",
        locale: "en",
        source: "test",
        campaign_id: null,
        method: "form-checkbox",
        given_at: at,
        confirmed_at: consent === "unconfirmed" ? null : at,
        withdrawn_at: consent === "withdrawn" ? at : null,
        withdrawn_method: consent === "withdrawn" ? "one-click" : null,
      })
      .execute();
  }
  for (const campaignId of spec.signed ?? []) {
    await db
      .insertInto("signatures")
      .values({
        campaign_id: campaignId,
        supporter_id: id,
        name: "Amina Test",
        country: spec.country ?? "NO",
        postcode: null,
        comment: null,
        show_name: 0,
        status: "confirmed",
        locale: spec.locale ?? "en",
        referral_code: `r${process.pid}${++n}`,
        referred_by: null,
        utm_source: null,
        utm_medium: null,
        utm_campaign: null,
        utm_term: null,
        utm_content: null,
        referrer_host: null,
        network_hash: null,
        created_at: at,
        confirmed_at: at,
      })
      .execute();
  }
  for (const topicId of spec.topicIds ?? []) {
    await db.insertInto("supporter_topics").values({ supporter_id: id, topic_id: topicId }).execute();
  }
  return { id, email };
}

/** Open petitions made for the test (people can be made to have signed them). */
export async function makeCampaigns(db: Db, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date().toISOString();
    const { id } = await db
      .insertInto("campaigns")
      .values({
        slug: `mailing-test-${process.pid}-${++n}`,
        locale: "en",
        status: "open",
        title: `Petition ${n}`,
        summary: "A petition for a test.",
        demand: "Welcome refugees.",
        target_name: "The government",
        body_md: "Please sign.",
        image_alt: null,
        featured: 0,
        created_at: at,
        updated_at: at,
        goal: null,
        deadline: null,
        outcome: null,
        image_url: null,
        image_width: null,
        image_height: null,
        image_caption: null,
        image_credit: null,
        closed_at: null,
        publish_at: null,
        target_office: null,
        topic_id: null,
        delivered_on: null,
        delivery_note: null,
        image_key: null,
        image_widths: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}

/** A draft mailing written straight into the database. */
export async function makeMailing(
  db: Db,
  fields: { subject?: string; body?: string; locale?: string; audience?: object } = {},
): Promise<number> {
  const at = new Date().toISOString();
  const { id } = await db
    .insertInto("mailings")
    .values({
      subject: fields.subject ?? "News from the campaign",
      body_md: fields.body ?? "Hello!\n\n**Thank you** for standing with refugees.",
      locale: fields.locale ?? "en",
      audience: JSON.stringify(fields.audience ?? {}),
      state: "draft",
      send_at: null,
      started_at: null,
      finished_at: null,
      recipients: null,
      released_until: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The dependencies the services take, on a test database, without the web app. */
export function testDeps(handle: DbHandle, env: Record<string, string> = {}) {
  return assembleDeps(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env }), handle);
}

/** A campaigner's row, for the audit records of what a test does in their name (no sign-in). */
export async function makeCampaignerRow(db: Db, email = freshEmail("campaigner")): Promise<number> {
  const at = new Date().toISOString();
  const { id } = await db
    .insertInto("staff_users")
    .values({
      email,
      name: "Cam Paigner",
      role: "campaigner",
      locale: "en",
      password_hash: null,
      totp_secret: null,
      locked_until: null,
      disabled_at: null,
      created_at: at,
      updated_at: at,
      totp_last_step: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
