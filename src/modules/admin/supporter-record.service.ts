import type { Deps } from "../../deps.ts";
import { CONSENT_EVIDENCE } from "../supporters/consents.repo.ts";
import { canonicalEmail, checkEmail } from "../supporters/email.ts";
import { recordAudit } from "./audit.repo.ts";

/**
 * One supporter as campaigners may see them when asked "what did this person agree to?":
 * their details, every consent record with its words, source and dates, and their
 * signatures. Looking is recorded in the audit log, as it shows personal data.
 */
export async function findSupporterRecord(deps: Deps, staffUserId: number, email: string) {
  if (checkEmail(email) !== null) return null;
  const supporter = await deps.db
    .selectFrom("supporters")
    .select(["id", "email", "name", "country", "locale", "created_at", "member_since"])
    .where("email_canonical", "=", canonicalEmail(email))
    .where("erased_at", "is", null)
    .executeTakeFirst();
  await recordAudit(deps.db, {
    staffUserId,
    action: "supporter.view",
    entity: "supporter",
    entityId: supporter?.id ?? null,
  });
  if (!supporter) return null;
  const [consents, signatures] = await Promise.all([
    deps.db
      .selectFrom("consents")
      .select(["id", ...CONSENT_EVIDENCE])
      .where("supporter_id", "=", supporter.id)
      .orderBy("given_at")
      .execute(),
    deps.db
      .selectFrom("signatures")
      .innerJoin("campaigns", "campaigns.id", "signatures.campaign_id")
      .select([
        "signatures.id",
        "campaigns.title",
        "signatures.status",
        "signatures.created_at",
        "signatures.confirmed_at",
      ])
      .where("signatures.supporter_id", "=", supporter.id)
      .orderBy("signatures.created_at")
      .execute(),
  ]);
  return { supporter, consents, signatures };
}

export type SupporterRecord = NonNullable<Awaited<ReturnType<typeof findSupporterRecord>>>;
