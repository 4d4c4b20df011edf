// What the export tests share: staff signed in without the sign-in form, campaigns with
// signers written straight to the database (thousands at a time), and posting the export
// forms as a browser does.
import type { FastifyInstance } from "fastify";
import type { Db } from "../../../src/db/index.ts";
import type { SignatureStatus, StaffRole } from "../../../src/db/tables.ts";
import { startSession } from "../../../src/modules/admin/sessions.ts";
import { inviteStaff } from "../../../src/modules/admin/staff.service.ts";
import type { TestApp } from "../../support/app.ts";

/** A signed-in member of staff with this role: the Cookie header of their browser. */
export async function staffCookie(t: TestApp, role: StaffRole): Promise<string> {
  const email = `${role}.${Math.random().toString(36).slice(2)}@example.org`;
  await inviteStaff(t.deps, { email, role, invitedBy: null });
  const { id } = await t.deps.db
    .selectFrom("staff_users")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return `iw-staff=${await startSession(t.deps.db, id)}`;
}

/**
 * Posts a form of an admin page as the browser would: the page first (for the CSRF cookie
 * and token), then the form. `csrf: false` leaves the token out.
 */
export async function postAdminForm(
  app: FastifyInstance,
  cookie: string,
  pageUrl: string,
  action: string,
  fields: Record<string, string>,
  { csrf = true }: { csrf?: boolean } = {},
) {
  const page = await app.inject({ url: pageUrl, headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no form with a CSRF token on ${pageUrl} (${page.statusCode})`);
  const csrfCookie = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return app.inject({
    method: "POST",
    url: action,
    headers: {
      cookie: `${cookie}; ${csrfCookie}`,
      origin: "http://localhost:3000",
      "content-type": "application/x-www-form-urlencoded",
    },
    payload: new URLSearchParams(csrf ? { _csrf: token, ...fields } : fields).toString(),
  });
}

let campaigns = 0;

/** A campaign of its own for a test. */
export async function addCampaign(
  db: Db,
  fields: { title?: string; locale?: string; target?: string; office?: string; body?: string } = {},
): Promise<{ id: number; slug: string }> {
  campaigns += 1;
  const slug = `export-test-${process.pid}-${campaigns}`;
  const at = new Date().toISOString();
  const { id } = await db
    .insertInto("campaigns")
    .values({
      slug,
      locale: fields.locale ?? "en",
      status: "open",
      title: fields.title ?? `Export test ${campaigns}`,
      summary: "A campaign made by a test.",
      demand: "Stop returning people to danger.",
      target_name: fields.target ?? "The Minister of Justice",
      target_office: fields.office ?? null,
      body_md: fields.body ?? "Why it matters.",
      image_alt: null,
      featured: 0,
      created_at: at,
      updated_at: at,
      goal: null,
      deadline: null,
      outcome: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, slug };
}

export interface Signer {
  name?: string;
  email?: string;
  country?: string;
  status?: SignatureStatus;
  comment?: string | null;
  postcode?: string | null;
  locale?: string;
  createdAt?: string;
  utmSource?: string | null;
  memberSince?: string | null;
}

let people = 0;

/**
 * Supporters and their signatures on a campaign, written in chunks as one statement each
 * (fast enough for tens of thousands). Returns the supporters' ids, in order.
 */
export async function addSigners(db: Db, campaignId: number, signers: Signer[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < signers.length; start += 500) {
    const chunk = signers.slice(start, start + 500);
    const at = new Date().toISOString();
    const supporters = await db
      .insertInto("supporters")
      .values(
        chunk.map((s) => {
          people += 1;
          const email =
            s.email ?? `signer.${process.pid}.${people}.${Math.random().toString(36).slice(2, 8)}@example.org`;
          return {
            email,
            email_canonical: email.toLowerCase(),
            name: s.name ?? `Signer ${people}`,
            country: s.country ?? "NO",
            postcode: s.postcode ?? null,
            locale: s.locale ?? "en",
            created_at: s.createdAt ?? at,
            updated_at: at,
            member_since: s.memberSince ?? null,
            erased_at: null,
          };
        }),
      )
      .returning("id")
      .execute();
    await db
      .insertInto("signatures")
      .values(
        chunk.map((s, i) => ({
          campaign_id: campaignId,
          supporter_id: supporters[i]?.id as number,
          name: s.name ?? `Signer ${start + i}`,
          country: s.country ?? "NO",
          postcode: s.postcode ?? null,
          comment: s.comment ?? null,
          show_name: 0,
          status: s.status ?? "confirmed",
          locale: s.locale ?? "en",
          referral_code: `r${campaignId}x${supporters[i]?.id}`,
          referred_by: null,
          utm_source: s.utmSource ?? null,
          utm_medium: null,
          utm_campaign: null,
          utm_term: null,
          utm_content: null,
          referrer_host: null,
          network_hash: null,
          created_at: s.createdAt ?? at,
          confirmed_at: (s.status ?? "confirmed") === "confirmed" ? (s.createdAt ?? at) : null,
        })),
      )
      .execute();
    ids.push(...supporters.map((s) => s.id));
  }
  return ids;
}

export { csvObjects, parseCsv } from "./csv-reader.ts";
