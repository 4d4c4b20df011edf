import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../../src/db/index.ts";
import { tableNames } from "../../../src/db/portable.ts";
import type { Deps } from "../../../src/deps.ts";
import { mailTo, newEmail, runJobs } from "../petitions/petition-helpers.ts";

export interface T {
  app: FastifyInstance;
  deps: Deps;
}

/** Form fields; a list is sent as the same name repeated (checkboxes). */
export type Fields = Record<string, string | string[]>;

/** The exact words beside the join form's updates box, in English (version join-updates-1). */
export const JOIN_UPDATES_WORDING = "Email me about campaigns and ways to help. I can unsubscribe at any time.";

/** The demo's topics, by slug. */
export const TOPICS = ["resettlement", "safe-routes", "local-welcome", "refugee-rights"] as const;

/** What a person types into the join form, with a fresh address unless given one. */
export function joiner(fields: Fields = {}): Fields & { email: string } {
  const email = typeof fields.email === "string" ? fields.email : newEmail();
  return { name: "Zarmina Qaderi", country: "NO", language: "en", ...fields, email };
}

function encode(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  return params.toString();
}

const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");

/**
 * Posts a form as a browser would: fetches the page first (with the cookies it already
 * has) for its CSRF cookie and token.
 */
export async function submit(
  app: FastifyInstance,
  pageUrl: string,
  action: string,
  fields: Fields = {},
  cookies: Record<string, string> = {},
) {
  const page = await app.inject({ url: pageUrl, headers: { cookie: cookieHeader(cookies) } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no form with a CSRF token on ${pageUrl} (${page.statusCode})`);
  const all = { ...cookies, ...Object.fromEntries(page.cookies.map((c) => [c.name, c.value])) };
  return app.inject({
    method: "POST",
    url: action,
    headers: {
      cookie: cookieHeader(all),
      origin: "http://localhost:3000",
      "content-type": "application/x-www-form-urlencoded",
    },
    payload: encode({ _csrf: token, ...fields }),
  });
}

export const join = (app: FastifyInstance, fields: Fields) => submit(app, "/join", "/join", fields);

/** The raw token in the link of a join confirmation email. */
export function joinTokenIn(mail: { text: string } | undefined): string {
  const token = /\/join\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1];
  if (!token) throw new Error(`no join link in:\n${mail?.text}`);
  return token;
}

/** Presses the button on the page the join link opens. */
export const pressJoinConfirm = (app: FastifyInstance, token: string) =>
  submit(app, "/join", "/join/confirm", { token });

export const findSupporter = (db: Db, email: string) =>
  db.selectFrom("supporters").selectAll().where("email", "=", email).executeTakeFirstOrThrow();

/** Joins, confirms from the email and runs the jobs (the welcome email goes out): the supporter. */
export async function joinAndConfirm(t: T, fields: Fields) {
  const sent = await join(t.app, fields);
  if (sent.statusCode !== 303) throw new Error(`joining answered ${sent.statusCode}`);
  await runJobs(t.deps);
  const email = String(fields.email);
  const confirmation = (await mailTo(t.deps.db, email)).filter((m) => m.text.includes("/join/confirm?token=")).at(-1);
  const confirmed = await pressJoinConfirm(t.app, joinTokenIn(confirmation));
  if (confirmed.statusCode !== 303) throw new Error(`confirming answered ${confirmed.statusCode}`);
  await runJobs(t.deps);
  return findSupporter(t.deps.db, email);
}

export const WELCOME_SUBJECT = "Welcome to the community";

export async function welcomeMailsTo(db: Db, email: string) {
  return (await mailTo(db, email)).filter((m) => m.subject === WELCOME_SUBJECT);
}

/** Asks for a manage link by email, follows it and presses its button: the signed `manage` cookie. */
export async function signInByEmail(t: T, email: string, target: "preferences" | "your-data" = "preferences") {
  await submit(t.app, `/${target}`, `/${target}/link`, { email });
  await runJobs(t.deps);
  const link = manageLinkIn((await mailTo(t.deps.db, email)).at(-1));
  const res = await submit(t.app, link, "/manage", {
    token: new URL(link).searchParams.get("token") ?? "",
    next: target,
  });
  const cookie = res.cookies.find((c) => c.name === "manage");
  if (res.statusCode !== 303 || !cookie) throw new Error(`signing in answered ${res.statusCode}`);
  return cookie.value;
}

export function manageLinkIn(mail: { text: string } | undefined): string {
  const link = /http:\/\/localhost:3000\/manage\?token=[A-Za-z0-9_-]{43}&next=[a-z-]+/.exec(mail?.text ?? "")?.[0];
  if (!link) throw new Error(`no manage link in:\n${mail?.text}`);
  return link;
}

/** How many rows each table holds. */
export async function rowCounts(db: Db, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

/** The tables of this database (on PostgreSQL, of the test's own schema only). */
export async function tablesOf(db: Db): Promise<{ name: string }[]> {
  return (await tableNames(db)).map((name) => ({ name }));
}

/** Every place (table, column, row) where any of these words appears in any text, in any table. */
export async function findEverywhere(db: Db, words: string[]): Promise<string[]> {
  const needles = words.map((w) => w.toLowerCase());
  const found: string[] = [];
  for (const table of await tablesOf(db)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    for (const [index, row] of rows.entries()) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== "string") continue;
        const text = value.toLowerCase();
        for (const needle of needles) {
          if (text.includes(needle)) found.push(`${table.name}.${column}[${index}] has ${needle}`);
        }
      }
    }
  }
  return found;
}
