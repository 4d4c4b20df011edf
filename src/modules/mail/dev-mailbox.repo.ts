import type { Selectable } from "kysely";
import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";
import type { DevMailTable } from "../../db/tables.ts";

export interface DevMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  date: string;
}

export async function storeDevMail(
  db: Db,
  mail: { to: string; subject: string; text: string; html?: string; headers: Record<string, string> },
): Promise<void> {
  await db
    .insertInto("dev_mail")
    .values({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      headers: JSON.stringify(mail.headers),
      created_at: now(),
    })
    .execute();
}

const PAGE_SIZE = 200;

/** Newest first. */
export async function listDevMail(db: Db): Promise<DevMail[]> {
  const rows = await db.selectFrom("dev_mail").selectAll().orderBy("id", "desc").limit(PAGE_SIZE).execute();
  return rows.map(toDevMail);
}

export async function findDevMail(db: Db, id: number): Promise<DevMail | undefined> {
  const row = await db.selectFrom("dev_mail").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toDevMail(row) : undefined;
}

function toDevMail({ created_at, headers, ...row }: Selectable<DevMailTable>): DevMail {
  return { ...row, headers: JSON.parse(headers) as Record<string, string>, date: created_at };
}

export async function clearDevMail(db: Db): Promise<void> {
  await db.deleteFrom("dev_mail").execute();
}
