import { sql, type Transaction } from "kysely";
import type { Tables } from "./tables.ts";

/** The most units of work that share one commit. */
const MAX_BATCH = 50;

/** What a unit of work may leave to the end of its batch. */
export interface Unit {
  /**
   * Leaves work for the end of the batch: `apply` runs once per key, in the batch's
   * transaction just before its commit, with the values of every unit that was kept (none
   * of one rolled back). For writes every unit makes to the same row (a count): one update
   * for the batch, and the row's lock held only from there to the commit.
   */
  later<V>(key: string, value: V, apply: (trx: Transaction<Tables>, values: V[]) => Promise<void>): void;
}

export type Work<T> = (trx: Transaction<Tables>, unit: Unit) => Promise<T>;

type Later = { apply: (trx: Transaction<Tables>, values: unknown[]) => Promise<void>; values: unknown[] };

interface Queued {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  tries: number;
}

type Runner = <T>(work: Work<T>) => Promise<T>;
type Transact = <T>(work: (trx: Transaction<Tables>) => Promise<T>) => Promise<T>;

export interface BatchOptions {
  /**
   * Errors after which a unit is tried once more, in the next batch (PostgreSQL's deadlock
   * and serialization failures: the other party goes on once this batch has committed).
   */
  retryable?: (error: unknown) => boolean;
}

/**
 * Group commit for SQLite. SQLite has one writer, and a commit costs more than the writes
 * before it (each commit appends every page it touched to the WAL). Units of work that
 * arrive together run one after another in one transaction, each inside a savepoint of
 * its own, and share its commit:
 * - each unit is atomic: one that throws is rolled back to its savepoint, and its caller
 *   gets the error, while the others go on;
 * - no caller hears of success before the commit: what is acknowledged is stored;
 * - if the commit fails, every caller of the batch gets the error and nothing is stored;
 * - units see each other's writes in order, as they would one transaction after another.
 */
export function batchedTransactions(transaction: Transact, options: BatchOptions = {}): Runner {
  const queue: Queued[] = [];
  let running = false;

  const drain = async () => {
    const settled: { job: Queued; ok: boolean; value: unknown }[] = [];
    const again: Queued[] = [];
    const later = new Map<string, Later>();
    const batch = queue.splice(0, MAX_BATCH);
    try {
      await transaction(async (trx) => {
        for (let i = 0; i < batch.length; i++) {
          const job = batch[i] as Queued;
          // Units queued while this batch runs join it, up to the limit.
          if (i === batch.length - 1 && batch.length < MAX_BATCH) {
            batch.push(...queue.splice(0, MAX_BATCH - batch.length));
          }
          await sql`savepoint unit`.execute(trx);
          const mine: [string, unknown, Later["apply"]][] = [];
          const unit: Unit = {
            later: (key, value, apply) => mine.push([key, value, apply as Later["apply"]]),
          };
          try {
            const value = await job.work(trx, unit);
            await sql`release unit`.execute(trx);
            for (const [key, v, apply] of mine) {
              const entry = later.get(key) ?? { apply, values: [] };
              entry.values.push(v);
              later.set(key, entry);
            }
            settled.push({ job, ok: true, value });
          } catch (error) {
            await sql`rollback to unit`.execute(trx);
            await sql`release unit`.execute(trx);
            if (job.tries === 0 && options.retryable?.(error)) {
              job.tries++;
              again.push(job);
            } else settled.push({ job, ok: false, value: error });
          }
        }
        // In the order of their keys, so that batches running at once take row locks in one order.
        for (const key of [...later.keys()].sort()) {
          const { apply, values } = later.get(key) as Later;
          await apply(trx, values);
        }
      });
      for (const { job, ok, value } of settled) {
        if (ok) job.resolve(value);
        else job.reject(value);
      }
      queue.unshift(...again);
    } catch (error) {
      // Not committed: nobody's work is stored, so nobody is told it was.
      for (const job of batch) job.reject(error);
    } finally {
      running = false;
      if (queue.length > 0) start();
    }
  };

  const start = () => {
    running = true;
    // On the next turn, so that units arriving together share the commit.
    setImmediate(() => void drain());
  };

  return <T>(work: Work<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject, tries: 0 });
      if (!running) start();
    });
}

/**
 * Several batches at once, each on a connection of its own (PostgreSQL takes many writers).
 * Units with the same key (a signer's address) always share a lane, so that a double
 * submission waits behind itself rather than racing in another transaction.
 */
export function batchLanes(count: number, lane: () => Runner): <T>(work: Work<T>, key?: string) => Promise<T> {
  const lanes = Array.from({ length: count }, lane);
  let next = 0;
  return (work, key) => {
    let at = next++ % count;
    if (key !== undefined) {
      let hash = 0;
      for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
      at = Math.abs(hash) % count;
    }
    return (lanes[at] as Runner)(work);
  };
}
