import type { Db } from "../../db/index.ts";
import { type CountRow, readCount } from "./counts.repo.ts";

/** How long a count read from the database is served from memory. */
const CACHE_MS = 1000;
/** How often a campaign with live viewers is checked for changes made by other processes. */
const WATCH_MS = 1000;

type Listener = (count: CountRow) => void;

interface Watch {
  listeners: Set<Listener>;
  last: number;
  timer: NodeJS.Timeout;
}

/**
 * Signature counts as people see them: read from the counts table (never by counting
 * signatures), kept in memory for a second, and pushed to live viewers when they move.
 * A change made in this process is pushed at once; one made by another process is seen
 * within WATCH_MS. Reading a count costs at most one indexed row read a second per campaign.
 */
export class LiveCounts {
  private readonly cache = new Map<number, { row: CountRow; at: number }>();
  private readonly watches = new Map<number, Watch>();

  constructor(private readonly db: Db) {}

  async current(campaignId: number): Promise<CountRow> {
    const hit = this.cache.get(campaignId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.row;
    const row = await readCount(this.db, campaignId);
    this.cache.set(campaignId, { row, at: Date.now() });
    return row;
  }

  /** A signature was confirmed here: forget the cached count and tell the viewers now. */
  changed(campaignId: number): void {
    this.cache.delete(campaignId);
    if (this.watches.has(campaignId)) void this.check(campaignId);
  }

  /** Calls the listener whenever the count moves; returns the function that stops it. */
  subscribe(campaignId: number, listener: Listener): () => void {
    let watch = this.watches.get(campaignId);
    if (!watch) {
      const timer = setInterval(() => void this.check(campaignId), WATCH_MS);
      timer.unref();
      watch = { listeners: new Set(), last: -1, timer };
      this.watches.set(campaignId, watch);
      void this.current(campaignId).then((row) => {
        if (watch && watch.last === -1) watch.last = row.total;
      });
    }
    watch.listeners.add(listener);
    return () => {
      const w = this.watches.get(campaignId);
      if (!w) return;
      w.listeners.delete(listener);
      if (w.listeners.size === 0) {
        clearInterval(w.timer);
        this.watches.delete(campaignId);
      }
    };
  }

  /** How many live viewers are connected in this process. */
  viewers(): number {
    let n = 0;
    for (const w of this.watches.values()) n += w.listeners.size;
    return n;
  }

  close(): void {
    for (const w of this.watches.values()) clearInterval(w.timer);
    this.watches.clear();
  }

  private async check(campaignId: number): Promise<void> {
    const watch = this.watches.get(campaignId);
    if (!watch) return;
    this.cache.delete(campaignId);
    let row: CountRow;
    try {
      row = await this.current(campaignId);
    } catch {
      return; // The database is away; viewers keep the last count and the next check tries again.
    }
    if (row.total === watch.last) return;
    watch.last = row.total;
    for (const listener of watch.listeners) listener(row);
  }
}
