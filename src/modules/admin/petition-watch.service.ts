import type { Deps } from "../../deps.ts";
import { DomainError, NotFoundError } from "../../errors.ts";
import { detectBurst } from "../abuse/burst.ts";
import { readChallengeState } from "../abuse/challenge-switch.ts";
import { countHeld } from "../abuse/holds.repo.ts";
import { readCount, readCountryCounts } from "../petitions/counts.repo.ts";
import { invalidateBatch, listBatches, NETWORK_SHOWN, restoreBatch } from "../petitions/invalidation.repo.ts";
import { type PauseScope, readPause, setPause } from "../petitions/pause.repo.ts";
import {
  busiestDomains,
  busiestNetworks,
  findCampaignSummary,
  newSupporters,
  signaturesPerDay,
  signaturesPerHour,
  statusTotals,
  topReferrals,
  topSources,
} from "../petitions/watch.repo.ts";
import { recordAudit } from "./audit.repo.ts";

/** The abuse view looks at, and invalidates, this much of the recent past. */
export const ABUSE_WINDOW_MS = 3_600_000;

/** A campaign id from a URL: a positive whole number, or the page does not exist. */
export function campaignIdFrom(raw: unknown): number {
  const id = typeof raw === "string" && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new NotFoundError();
  return id;
}

async function campaignOrNotFound(deps: Deps, campaignId: number) {
  const campaign = await findCampaignSummary(deps.db, campaignId);
  if (!campaign) throw new NotFoundError();
  return campaign;
}

/**
 * How long the figures that read a petition's every signature (per day, sources, referral
 * codes, new supporters) are kept, once it has WHOLE_PETITION_CACHED_FROM signatures: with a
 * million they take seconds, and a dashboard open in several browsers asks every ten. Below
 * that they are read afresh (tens of milliseconds), as are the live parts always (the last
 * 48 hours, the totals, the count, the countries), from indexes.
 */
export const WHOLE_PETITION_FIGURES_MS = 60_000;
export const WHOLE_PETITION_CACHED_FROM = 20_000;

type WholeFigures = Awaited<ReturnType<typeof readWholePetition>>;
/** Per database (a test process holds several), per campaign: the figures and when they were read. */
const wholeFigures = new WeakMap<object, Map<number, { at: number; figures: Promise<WholeFigures> }>>();

function readWholePetition(deps: Deps, campaignId: number, at: Date) {
  const { db, dialect } = deps;
  return Promise.all([
    signaturesPerDay(db, dialect, campaignId, at),
    topSources(db, campaignId),
    topReferrals(db, campaignId),
    newSupporters(db, campaignId),
  ]).then(([daily, sources, referrals, gained]) => ({ daily, sources, referrals, gained, at: at.toISOString() }));
}

function wholePetition(deps: Deps, campaignId: number, at: Date, cached: boolean): Promise<WholeFigures> {
  if (!cached) return readWholePetition(deps, campaignId, at);
  const byCampaign = wholeFigures.get(deps.db) ?? new Map();
  wholeFigures.set(deps.db, byCampaign);
  const kept = byCampaign.get(campaignId);
  if (kept && at.getTime() - kept.at < WHOLE_PETITION_FIGURES_MS && at.getTime() >= kept.at) return kept.figures;
  const figures = readWholePetition(deps, campaignId, at);
  byCampaign.set(campaignId, { at: at.getTime(), figures });
  figures.catch(() => byCampaign.delete(campaignId));
  return figures;
}

/** After signatures change status here, the kept figures are read again at the next view. */
function forgetWholePetition(deps: Deps, campaignId: number) {
  wholeFigures.get(deps.db)?.delete(campaignId);
}

/** Everything the per-petition dashboard shows, each part one grouped query. */
export async function getPetitionWatch(
  deps: Deps,
  campaignId: number,
  at = new Date(),
  { cachedFrom = WHOLE_PETITION_CACHED_FROM }: { cachedFrom?: number } = {},
) {
  const campaign = await campaignOrNotFound(deps, campaignId);
  const { db, dialect } = deps;
  const totals = await statusTotals(db, campaignId);
  const cached = totals.confirmed + totals.pending + totals.invalidated >= cachedFrom;
  const [hourly, whole, byCountry, pause, count] = await Promise.all([
    signaturesPerHour(db, dialect, campaignId, at),
    wholePetition(deps, campaignId, at, cached),
    readCountryCounts(db, campaignId),
    readPause(db, campaignId),
    readCount(db, campaignId),
  ]);
  const { daily, sources, referrals, gained } = whole;
  const decided = totals.confirmed + totals.pending;
  return {
    campaign,
    hourly,
    daily,
    byCountry,
    sources,
    referrals,
    totals,
    /** The count people see (campaign_counts); equals totals.confirmed unless it drifted. */
    counted: count.total,
    confirmationRate: decided === 0 ? null : totals.confirmed / decided,
    newSupporters: gained,
    /** When the per-day, source, referral and new-supporter figures were read, if kept a while. */
    wholeAt: cached ? whole.at : null,
    pause,
    at: at.toISOString(),
  };
}

export type PetitionWatch = Awaited<ReturnType<typeof getPetitionWatch>>;

/** The busiest networks and email domains of the last hour, and the batches invalidated so far. */
export async function getAbuseView(deps: Deps, campaignId: number, at = new Date()) {
  const campaign = await campaignOrNotFound(deps, campaignId);
  const since = new Date(at.getTime() - ABUSE_WINDOW_MS).toISOString();
  const [networks, domains, batches, held, burst, challenge] = await Promise.all([
    busiestNetworks(deps.db, campaignId, since),
    busiestDomains(deps.db, deps.dialect, campaignId, since),
    listBatches(deps.db, campaignId),
    countHeld(deps.db, campaignId),
    detectBurst(deps.db, campaignId, at),
    readChallengeState(deps.db, campaignId, at),
  ]);
  return { campaign, since, networks, domains, batches, held, burst, challenge };
}

export type AbuseView = Awaited<ReturnType<typeof getAbuseView>>;

const NETWORK_HASH = /^[A-Za-z0-9_-]{8,64}$/;
const DOMAIN = /^[a-z0-9.-]{1,253}$/i;

/** The posted choice of what to invalidate, or an "invalid" refusal that changes nothing. */
export function readInvalidation(body: unknown): { kind: "network" | "email-domain"; value: string } {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const value = typeof b.value === "string" ? b.value.trim() : "";
  if (b.kind === "network" && NETWORK_HASH.test(value)) return { kind: "network", value };
  if (b.kind === "email-domain" && DOMAIN.test(value)) return { kind: "email-domain", value: value.toLowerCase() };
  throw new DomainError("invalid", "watch-choice");
}

/**
 * Invalidates this petition's signatures of the last hour from one network or email domain,
 * corrects the counts and records it, all in one transaction. Returns how many.
 */
export async function invalidateRecent(
  deps: Deps,
  staffUserId: number,
  campaignId: number,
  choice: { kind: "network" | "email-domain"; value: string },
  at = new Date(),
): Promise<number> {
  await campaignOrNotFound(deps, campaignId);
  const since = new Date(at.getTime() - ABUSE_WINDOW_MS).toISOString();
  const result = await deps.db.transaction().execute(async (trx) => {
    const done = await invalidateBatch(trx, deps.dialect, { campaignId, ...choice, since }, staffUserId);
    if (done.batchId === null) return done;
    const counted = done.counted.reduce((sum, c) => sum + c.change, 0);
    await recordAudit(trx, {
      staffUserId,
      action: "signatures.invalidate",
      entity: "campaign",
      entityId: campaignId,
      before: { confirmed: counted, pending: done.signatures - counted },
      after: {
        batch: done.batchId,
        invalidated: done.signatures,
        kind: choice.kind,
        // A network hash only by its start, as everywhere staff see it.
        value: choice.kind === "network" ? `${choice.value.slice(0, NETWORK_SHOWN)}…` : choice.value,
        since,
      },
    });
    return done;
  });
  if (result.signatures > 0) forgetWholePetition(deps, campaignId);
  if (result.counted.length > 0) deps.counts.changed(campaignId);
  return result.signatures;
}

/** Brings a batch back exactly as it was; null when there is no such batch left to restore. */
export async function restoreInvalidated(
  deps: Deps,
  staffUserId: number,
  campaignId: number,
  rawBatchId: unknown,
): Promise<number> {
  const batchId = typeof rawBatchId === "string" && /^[1-9]\d{0,15}$/.test(rawBatchId) ? Number(rawBatchId) : null;
  if (batchId === null) throw new DomainError("invalid", "watch-choice");
  const result = await deps.db.transaction().execute(async (trx) => {
    const done = await restoreBatch(trx, deps.dialect, campaignId, batchId, staffUserId);
    if (!done) return null;
    const counted = done.counted.reduce((sum, c) => sum + c.change, 0);
    await recordAudit(trx, {
      staffUserId,
      action: "signatures.restore",
      entity: "campaign",
      entityId: campaignId,
      before: { batch: batchId, invalidated: done.signatures },
      after: { batch: batchId, restored: done.signatures, confirmed: counted, pending: done.signatures - counted },
    });
    return done;
  });
  if (!result) throw new DomainError("conflict", "batch-restored");
  forgetWholePetition(deps, campaignId);
  if (result.counted.length > 0) deps.counts.changed(campaignId);
  return result.signatures;
}

/** Pauses or resumes signing (one petition, or all); recorded when it changes anything. */
export async function switchSigning(
  deps: Deps,
  staffUserId: number,
  scope: PauseScope,
  paused: boolean,
): Promise<void> {
  if (scope !== "all") await campaignOrNotFound(deps, scope);
  await deps.db.transaction().execute(async (trx) => {
    const changed = await setPause(trx, scope, paused, staffUserId);
    if (!changed) return;
    await recordAudit(trx, {
      staffUserId,
      action: paused ? "signing.pause" : "signing.resume",
      entity: scope === "all" ? "site" : "campaign",
      entityId: scope === "all" ? null : scope,
      before: { paused: !paused },
      after: { paused },
    });
  });
}
