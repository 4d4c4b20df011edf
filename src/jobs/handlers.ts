import { COMMUNITY_JOBS } from "../modules/community/community-mail.ts";
import { JOB_APPLY_RETENTION, retentionJob } from "../modules/community/retention.ts";
import { JOB_SEND_ERASURE_RECEIPT } from "../modules/community/your-data.service.ts";
import { PETITION_JOBS } from "../modules/petitions/petition-mail.ts";
import { JOB_RECONCILE_COUNTS, reconcileJob } from "../modules/petitions/reconcile.ts";
import type { JobHandler, Schedule } from "./worker.ts";

/** Every job the platform knows, by name. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  ...PETITION_JOBS,
  ...COMMUNITY_JOBS,
  [JOB_APPLY_RETENTION]: retentionJob,
  [JOB_RECONCILE_COUNTS]: reconcileJob,
};

/** Jobs whose payload is itself personal data (dropped if they fail for good). */
export const PERSONAL_JOBS: ReadonlySet<string> = new Set([JOB_SEND_ERASURE_RECEIPT]);

/** The jobs the clock queues. */
export const JOB_SCHEDULES: Schedule[] = [
  { name: JOB_RECONCILE_COUNTS, everyMs: 10 * 60 * 1000 },
  { name: JOB_APPLY_RETENTION, everyMs: 24 * 60 * 60 * 1000 },
];
