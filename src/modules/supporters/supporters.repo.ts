import type { Db } from "../../db/index.ts";
import { now } from "../../db/portable.ts";

export interface NewSupporter {
  email: string;
  emailCanonical: string;
  name: string;
  country: string | null;
  postcode: string | null;
  locale: string;
}

/**
 * The supporter with this canonical email, made if there is none. Two requests racing with
 * the same address end with one supporter. What an existing record says is not changed by
 * someone who merely typed the address.
 */
export async function findOrCreateSupporter(db: Db, person: NewSupporter): Promise<{ id: number; created: boolean }> {
  const at = now();
  const inserted = await db
    .insertInto("supporters")
    .values({
      email: person.email,
      email_canonical: person.emailCanonical,
      name: person.name,
      country: person.country,
      postcode: person.postcode,
      locale: person.locale,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column("email_canonical").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom("supporters")
    .select("id")
    .where("email_canonical", "=", person.emailCanonical)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}
