import type { Bus } from "../../bus.ts";
import type { Db } from "../../db/index.ts";
import { listRules } from "./rules.repo.ts";
import { RuleMatcher } from "./rules.ts";

/** The bus channel on which an instance that changed the lists tells the others. */
const CHANNEL = "abuse-rules";

/**
 * The block and allow lists, kept in memory so that signing asks no database for them. Read
 * once when first needed, again at once after a change here or on another instance (the bus),
 * and in the background when older than `maxAgeMs` (in case a bus message was lost).
 */
export class AbuseGuard {
  private matcher: RuleMatcher | undefined;
  private loadedAt = 0;
  private loading: Promise<RuleMatcher> | undefined;

  constructor(
    private readonly db: Db,
    private readonly bus: Bus,
    private readonly maxAgeMs = 30_000,
  ) {}

  private listening = false;

  /** Listens for changes made on other instances (from the first read on). */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.bus
      .subscribe(CHANNEL, () => {
        this.loadedAt = 0;
      })
      .catch(() => {});
  }

  /** The lists as they stand (from memory; the first call, and one after a change, reads them). */
  async rules(): Promise<RuleMatcher> {
    const age = Date.now() - this.loadedAt;
    if (this.matcher && age < this.maxAgeMs) return this.matcher;
    if (this.matcher && this.loadedAt !== 0) {
      // Stale but usable: answer now, read again behind.
      this.load().catch(() => {});
      return this.matcher;
    }
    return this.load();
  }

  /** After this instance changed the lists: read them now, and tell the others. */
  async changed(): Promise<void> {
    this.loadedAt = 0;
    await this.load();
    this.bus.publish(CHANNEL, "changed");
  }

  private load(): Promise<RuleMatcher> {
    this.listen();
    if (this.loading) return this.loading;
    const started = Date.now();
    this.loading = listRules(this.db)
      .then((rows) => {
        this.matcher = new RuleMatcher(rows);
        this.loadedAt = started;
        return this.matcher;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
