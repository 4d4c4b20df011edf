import type { Deps } from "../../deps.ts";
import type { JobHandler } from "../../jobs/worker.ts";
import { applyEventRetention } from "../events/event-privacy.ts";
import { applyGroupRetention } from "../groups/group-privacy.ts";
import { forgetOrphanedSubmissions } from "../moderation/registry.ts";
import { ANONYMOUS_SIGNATURE } from "../petitions/signatures.repo.ts";
import { applyStoryRetention } from "../stories/story-privacy.ts";

export const JOB_APPLY_RETENTION = "apply-retention";

const DAY_MS = 24 * 60 * 60 * 1000;

function daysAgo(days: number, now: Date): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

function monthsAgo(months: number, now: Date): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

/**
 * Keeps personal data no longer than the privacy notice says, run daily:
 * - signatures and join requests never confirmed (or held back and never released) are deleted
 *   after RETENTION_UNCONFIRMED_DAYS,
 *   with their unconfirmed consents and tokens;
 * - network hashes are dropped after RETENTION_NETWORK_DAYS;
 * - the signers of a petition closed RETENTION_SIGNERS_MONTHS ago become anonymous rows
 *   (country and date only), so its counts stay;
 * - a signer left with only anonymous signatures (no membership, request or current consent)
 *   is blanked like an erasure, the row kept for the counts;
 * - RSVPs never confirmed go after RETENTION_UNCONFIRMED_DAYS, and every RSVP of an event
 *   that ended 12 months ago goes (events/event-privacy.ts);
 * - a supporter left with nothing (no signature, request, consent, membership, RSVP,
 *   hosted event, story, group membership or organised group) is deleted;
 * - group memberships never confirmed go after RETENTION_UNCONFIRMED_DAYS (groups/group-privacy.ts);
 * - rejected stories go after RETENTION_UNCONFIRMED_DAYS, with their photos
 *   (stories/story-privacy.ts, run by the same job after this).
 * Returns how many rows each step touched.
 */
export async function applyRetention(deps: Deps, now = new Date()) {
  const { unconfirmedDays, networkDays, signersMonths } = deps.config.retention;
  const unconfirmedBefore = daysAgo(unconfirmedDays, now);
  return deps.db.transaction().execute(async (trx) => {
    const stale = await trx
      .selectFrom("signatures")
      .select("id")
      // Held back quietly and never released counts as never confirmed (abuse/holds.repo.ts).
      .where((eb) =>
        eb.or([
          eb("status", "=", "pending"),
          eb("id", "in", eb.selectFrom("held_signatures").select("signature_id").where("released_at", "is", null)),
        ]),
      )
      .where("created_at", "<", unconfirmedBefore)
      .execute();
    const staleIds = stale.map((s) => s.id);
    if (staleIds.length > 0) {
      await trx
        .deleteFrom("tokens")
        .where("purpose", "=", "confirm-signature")
        .where("subject_id", "in", staleIds)
        .execute();
      await trx.deleteFrom("signatures").where("id", "in", staleIds).execute();
    }
    const staleJoins = await trx
      .selectFrom("join_requests")
      .select("id")
      .where("confirmed_at", "is", null)
      .where("created_at", "<", unconfirmedBefore)
      .execute();
    const joinIds = staleJoins.map((j) => j.id);
    if (joinIds.length > 0) {
      await trx.deleteFrom("tokens").where("purpose", "=", "confirm-join").where("subject_id", "in", joinIds).execute();
      await trx.deleteFrom("join_requests").where("id", "in", joinIds).execute();
    }
    const consents = await trx
      .deleteFrom("consents")
      .where("confirmed_at", "is", null)
      .where("given_at", "<", unconfirmedBefore)
      .executeTakeFirst();

    const networkBefore = daysAgo(networkDays, now);
    const network = await trx
      .updateTable("signatures")
      .set({ network_hash: null })
      .where("network_hash", "is not", null)
      .where("created_at", "<", networkBefore)
      .executeTakeFirst();
    await trx
      .updateTable("join_requests")
      .set({ network_hash: null })
      .where("network_hash", "is not", null)
      .where("created_at", "<", networkBefore)
      .execute();

    const closedBefore = monthsAgo(signersMonths, now);
    const anonymised = await trx
      .updateTable("signatures")
      .set(ANONYMOUS_SIGNATURE)
      .where("name", "!=", "")
      .where("campaign_id", "in", (eb) =>
        // Closed by a campaigner (closed_at), or by its deadline passing.
        eb
          .selectFrom("campaigns")
          .select("id")
          .where((c) =>
            c.or([
              c.and([c("closed_at", "is not", null), c("closed_at", "<", closedBefore)]),
              c.and([c("deadline", "is not", null), c("deadline", "<", closedBefore)]),
            ]),
          ),
      )
      .executeTakeFirst();

    const events = await applyEventRetention(trx, now, unconfirmedBefore);
    const groups = await applyGroupRetention(trx, unconfirmedBefore);

    // Comments (and other submissions) blanked or deleted above leave the moderation queue.
    const submissions = await forgetOrphanedSubmissions(trx);

    // A signer left with only anonymous signatures (not a member, no request, no current
    // consent to emails) keeps no details either: the row stays, blank, for the counts.
    const forgotten = await trx
      .selectFrom("supporters")
      .select("id")
      .where("member_since", "is", null)
      .where("erased_at", "is", null)
      .where((eb) => {
        const signatures = eb
          .selectFrom("signatures")
          .select("signatures.id")
          .whereRef("signatures.supporter_id", "=", "supporters.id");
        return eb.and([
          eb.exists(signatures),
          eb.not(eb.exists(signatures.where("signatures.name", "!=", ""))),
          eb.not(
            eb.exists(
              eb.selectFrom("join_requests").select("id").whereRef("join_requests.supporter_id", "=", "supporters.id"),
            ),
          ),
          eb.not(
            eb.exists(
              eb.selectFrom("event_rsvps").select("id").whereRef("event_rsvps.supporter_id", "=", "supporters.id"),
            ),
          ),
          eb.not(
            eb.exists(eb.selectFrom("stories").select("id").whereRef("stories.supporter_id", "=", "supporters.id")),
          ),
          eb.not(
            eb.exists(
              eb.selectFrom("group_members").select("id").whereRef("group_members.supporter_id", "=", "supporters.id"),
            ),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom("consents")
                .select("id")
                .whereRef("consents.supporter_id", "=", "supporters.id")
                .where("confirmed_at", "is not", null)
                .where("withdrawn_at", "is", null),
            ),
          ),
        ]);
      })
      .execute();
    const at = now.toISOString();
    for (const { id } of forgotten) {
      await trx
        .updateTable("supporters")
        .set({
          email: `erased-${id}@invalid`,
          email_canonical: `erased:${id}`,
          name: "",
          country: null,
          postcode: null,
          erased_at: at,
          updated_at: at,
        })
        .where("id", "=", id)
        .execute();
    }

    // Their links die with them: ids can be used again on SQLite.
    const orphanIds = (
      await trx
        .selectFrom("supporters")
        .select("id")
        .where("member_since", "is", null)
        .where("created_at", "<", unconfirmedBefore)
        .where((eb) =>
          eb.and([
            eb.not(
              eb.exists(
                eb.selectFrom("signatures").select("id").whereRef("signatures.supporter_id", "=", "supporters.id"),
              ),
            ),
            eb.not(
              eb.exists(
                eb
                  .selectFrom("join_requests")
                  .select("id")
                  .whereRef("join_requests.supporter_id", "=", "supporters.id"),
              ),
            ),
            eb.not(
              eb.exists(eb.selectFrom("consents").select("id").whereRef("consents.supporter_id", "=", "supporters.id")),
            ),
            // Attendees and hosts of events are kept while their RSVPs and events are.
            eb.not(
              eb.exists(
                eb.selectFrom("event_rsvps").select("id").whereRef("event_rsvps.supporter_id", "=", "supporters.id"),
              ),
            ),
            eb.not(
              eb.exists(
                eb.selectFrom("events").select("id").whereRef("events.host_supporter_id", "=", "supporters.id"),
              ),
            ),
            // So are groups' members and organisers (groups/group-privacy.ts).
            eb.not(
              eb.exists(
                eb
                  .selectFrom("group_members")
                  .select("id")
                  .whereRef("group_members.supporter_id", "=", "supporters.id"),
              ),
            ),
            eb.not(
              eb.exists(
                eb.selectFrom("groups").select("id").whereRef("groups.organiser_supporter_id", "=", "supporters.id"),
              ),
            ),
            // So are the tellers of stories (stories/story-privacy.ts).
            eb.not(
              eb.exists(eb.selectFrom("stories").select("id").whereRef("stories.supporter_id", "=", "supporters.id")),
            ),
          ]),
        )
        .execute()
    ).map((r) => r.id);
    if (orphanIds.length > 0) {
      await trx.deleteFrom("tokens").where("purpose", "=", "manage").where("subject_id", "in", orphanIds).execute();
      await trx.deleteFrom("supporters").where("id", "in", orphanIds).execute();
    }

    return {
      unconfirmedSignatures: staleIds.length,
      unconfirmedJoins: joinIds.length,
      unconfirmedConsents: Number(consents.numDeletedRows),
      networkHashes: Number(network.numUpdatedRows),
      anonymisedSigners: Number(anonymised.numUpdatedRows),
      emptySupporters: orphanIds.length,
      forgottenSigners: forgotten.length,
      orphanedSubmissions: submissions,
      ...events,
      ...groups,
    };
  });
}

export const retentionJob: JobHandler = async (deps) => {
  await applyRetention(deps);
  // Rejected stories and their photos' files: the files go once the rows have.
  await applyStoryRetention(deps);
};
