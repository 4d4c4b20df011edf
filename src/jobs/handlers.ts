import { JOB_WATCH_BURSTS, watchBurstsJob } from "../modules/abuse/challenge-switch.ts";
import { JOB_OPEN_SCHEDULED, openDueCampaigns } from "../modules/campaigns/editor.service.ts";
import { COMMUNITY_MAIL } from "../modules/community/community-mail.ts";
import { JOB_APPLY_RETENTION, retentionJob } from "../modules/community/retention.ts";
import { EVENT_MAIL } from "../modules/events/event-mail.ts";
import { eventRemindersJob, JOB_QUEUE_EVENT_REMINDERS } from "../modules/events/reminders.ts";
import { GROUP_MAIL } from "../modules/groups/group-mail.ts";
import type { MailKind } from "../modules/mail/mail-kinds.ts";
import { JOB_PRUNE_MAIL, pruneMailJob } from "../modules/mail/outbox-retention.ts";
import { MAILING_MAIL } from "../modules/mailings/mailing-mail.ts";
import { JOB_RELEASE_MAILINGS, releaseMailingsJob } from "../modules/mailings/sending.ts";
import { MODERATION_MAIL } from "../modules/moderation/moderation-mail.ts";
import { PETITION_MAIL } from "../modules/petitions/petition-mail.ts";
import { JOB_RECONCILE_COUNTS, reconcileJob } from "../modules/petitions/reconcile.ts";
import type { JobHandler, Schedule } from "./worker.ts";

/** Every job the platform knows, by name. */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  [JOB_APPLY_RETENTION]: retentionJob,
  [JOB_RECONCILE_COUNTS]: reconcileJob,
  [JOB_WATCH_BURSTS]: watchBurstsJob,
  [JOB_PRUNE_MAIL]: pruneMailJob,
  [JOB_RELEASE_MAILINGS]: releaseMailingsJob,
  [JOB_QUEUE_EVENT_REMINDERS]: eventRemindersJob,
  [JOB_OPEN_SCHEDULED]: async (deps) => {
    await openDueCampaigns(deps);
  },
};

/** Every email the platform sends, by its kind in the mail outbox. */
export const MAIL_KINDS: Record<string, MailKind> = {
  ...PETITION_MAIL,
  ...COMMUNITY_MAIL,
  ...MODERATION_MAIL,
  ...EVENT_MAIL,
  ...MAILING_MAIL,
  ...GROUP_MAIL,
};

/** The jobs the clock queues. */
export const JOB_SCHEDULES: Schedule[] = [
  { name: JOB_RECONCILE_COUNTS, everyMs: 10 * 60 * 1000 },
  { name: JOB_OPEN_SCHEDULED, everyMs: 60 * 1000 },
  // A burst from few sources switches the sign form's proof-of-work challenge on (abuse/README.md).
  { name: JOB_WATCH_BURSTS, everyMs: 60 * 1000 },
  { name: JOB_APPLY_RETENTION, everyMs: 24 * 60 * 60 * 1000 },
  { name: JOB_PRUNE_MAIL, everyMs: 24 * 60 * 60 * 1000 },
  // Mailings go out a minute's worth at a time (each message due at its own moment).
  { name: JOB_RELEASE_MAILINGS, everyMs: 30 * 1000 },
  { name: JOB_QUEUE_EVENT_REMINDERS, everyMs: 15 * 60 * 1000 },
];
