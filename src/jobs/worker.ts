import type { Deps } from "../deps.ts";
import { type ClaimedJob, claimJobs, enqueueJob, markJobDone, markJobFailed, withoutAddresses } from "./jobs.repo.ts";

export interface JobLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** Does the one side effect a job is named for. Throwing means "try again later". */
export type JobHandler = (deps: Deps, payload: unknown, context: { log: JobLog }) => Promise<void>;

/** A job queued by the clock: once per period across all workers (the period is its idempotency key). */
export interface Schedule {
  name: string;
  everyMs: number;
}

export interface WorkerOptions {
  pollMs?: number;
  batchSize?: number;
  /** How long a claimed job stays this worker's before another may take it over. */
  lockMs?: number;
  log?: JobLog;
  schedules?: Schedule[];
  /** Jobs whose payload is personal data: it is dropped if they fail for good. */
  personal?: ReadonlySet<string>;
}

const SILENT: JobLog = { error: () => {}, warn: () => {} };

/** Exponential backoff with jitter: about 5 s, 10 s, 20 s … up to an hour. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(5000 * 2 ** (attempt - 1), 60 * 60 * 1000);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export interface Worker {
  /** Look for work now rather than at the next poll (after a job is queued in-process). */
  nudge(): void;
  /** Runs due jobs until none is left; for tests and the command line. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Polls the job table and runs what is due, a batch at a time. Jobs are claimed with a
 * lock that runs out, so a job whose worker died is taken up again: every side effect is
 * done at least once, and handlers make sure it is not done twice.
 */
export function startWorker(deps: Deps, handlers: Record<string, JobHandler>, options: WorkerOptions = {}): Worker {
  const { pollMs = 500, batchSize = 20, lockMs = 60_000, log = SILENT, schedules = [], personal = new Set() } = options;
  const lastPeriod = new Map<string, number>();
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | undefined;

  async function run(job: ClaimedJob): Promise<void> {
    const handler = handlers[job.name];
    try {
      if (!handler) throw new Error(`no handler for job "${job.name}"`);
      await handler(deps, JSON.parse(job.payload), { log });
      await markJobDone(deps.db, job.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = job.attempts < job.max_attempts ? new Date(Date.now() + retryDelayMs(job.attempts)) : null;
      // Called as methods: a logger such as pino needs its `this`.
      const entry = { job: job.name, id: job.id, attempt: job.attempts, err: withoutAddresses(message) };
      if (retryAt) log.warn(entry, "job failed");
      else log.error(entry, "job failed");
      await markJobFailed(deps.db, job, message, retryAt, personal.has(job.name));
    }
  }

  /** Queues each scheduled job once per period; the idempotency key keeps other workers from doubling it. */
  async function schedule(): Promise<void> {
    for (const s of schedules) {
      const period = Math.floor(Date.now() / s.everyMs);
      if (lastPeriod.get(s.name) === period) continue;
      await enqueueJob(deps.db, s.name, {}, { idempotencyKey: `${s.name}:${period}`, maxAttempts: 3 });
      lastPeriod.set(s.name, period);
    }
  }

  async function pass(): Promise<number> {
    await schedule();
    let done = 0;
    while (!stopped) {
      const jobs = await claimJobs(deps.db, deps.dialect, batchSize, lockMs);
      if (jobs.length === 0) break;
      for (const job of jobs) await run(job);
      done += jobs.length;
    }
    return done;
  }

  function tick() {
    if (stopped || running) return;
    running = pass()
      .catch((error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error) }, "job worker pass failed");
        return 0;
      })
      .finally(() => {
        running = null;
      });
  }

  timer = setInterval(tick, pollMs);
  timer.unref();

  return {
    nudge: () => setImmediate(tick),
    async drain() {
      while (running) await running;
      // Held as the running pass, so that the timer does not start another beside it.
      const own = pass().finally(() => {
        running = null;
      });
      running = own;
      return own;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      if (running) await running;
    },
  };
}
