import { type Bus, noBus } from "../../bus.ts";
import type { Db } from "../../db/index.ts";
import { type CountRow, readCount } from "./counts.repo.ts";

/** How long a count read from the database is served from memory. */
const CACHE_MS = 1000;
/** How often a campaign with live viewers is checked for changes made by other processes. */
const WATCH_MS = 1000;
/**
 * The least time between two pushes of one campaign's count (and two messages about it to
 * the other instances): at 2,000 signatures a second, 10,000 viewers get four updates a
 * second, not twenty million.
 */
const PUSH_MS = 250;
/** The bus channel on which instances say that a campaign's count moved. */
const CHANNEL = "counts";

type Listener = (count: CountRow) => void;

interface Watch {
  listeners: Set<Listener>;
  last: number;
  timer: NodeJS.Timeout;
}

/**
 * Signature counts as people see them: read from the counts table (never by counting
 * signatures), kept in memory for a second, and pushed to live viewers when they move.
 * A change made in this process is pushed at once, then at most every PUSH_MS, and told
 * to the other instances on the bus (Redis or PostgreSQL), which forget their cached count
 * and push it to their own viewers. Without a bus, or should a message be lost, another
 * process's change is seen within WATCH_MS. Reading a count costs at most one indexed row
 * read a second per campaign.
 */
export class LiveCounts {
  private readonly cache = new Map<number, { row: CountRow; at: number }>();
  private readonly watches = new Map<number, Watch>();
  /** Campaigns whose change waits to be pushed (and, if made here, told to the others). */
  private readonly pending = new Map<number, { tell: boolean; timer: NodeJS.Timeout }>();
  private readonly lastPush = new Map<number, number>();

  private listening = false;

  constructor(
    private readonly db: Db,
    private readonly bus: Bus = noBus,
  ) {}

  /**
   * Hears the other instances from the first time a count is read or watched here (a
   * process that only changes counts, like a job worker, needs no ear on the bus).
   */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const heard = this.bus.subscribe(CHANNEL, (message) => {
      const id = Number(message);
      if (!Number.isSafeInteger(id)) return;
      this.cache.delete(id);
      this.schedule(id, false);
    });
    // Not heard yet (or the bus is down): the watch timer still sees other processes' changes.
    heard.catch(() => {});
  }

  async current(campaignId: number): Promise<CountRow> {
    this.listen();
    const hit = this.cache.get(campaignId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.row;
    const row = await readCount(this.db, campaignId);
    this.cache.set(campaignId, { row, at: Date.now() });
    return row;
  }

  /** A signature was confirmed here: forget the cached count, tell the viewers and the other instances. */
  changed(campaignId: number): void {
    this.cache.delete(campaignId);
    this.schedule(campaignId, true);
  }

  /** One push per campaign at a time: changes arriving meanwhile ride on the next one. */
  private schedule(campaignId: number, tell: boolean): void {
    const waiting = this.pending.get(campaignId);
    if (waiting) {
      waiting.tell ||= tell;
      return;
    }
    const wait = Math.max(0, (this.lastPush.get(campaignId) ?? 0) + PUSH_MS - Date.now());
    const timer = setTimeout(() => this.push(campaignId), wait);
    timer.unref();
    this.pending.set(campaignId, { tell, timer });
  }

  private push(campaignId: number): void {
    const waiting = this.pending.get(campaignId);
    this.pending.delete(campaignId);
    this.lastPush.set(campaignId, Date.now());
    if (waiting?.tell) this.bus.publish(CHANNEL, String(campaignId));
    this.cache.delete(campaignId);
    if (this.watches.has(campaignId)) void this.check(campaignId);
  }

  /** Calls the listener whenever the count moves; returns the function that stops it. */
  subscribe(campaignId: number, listener: Listener): () => void {
    this.listen();
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
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
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
