import type { ApiKeyTable, WebhookDeliveryTable, WebhookEndpointTable, WebhookEventTable } from "./tables/api.ts";
import type {
  CampaignTable,
  CampaignTranslationTable,
  CampaignUpdateTable,
  CampaignUpdateTranslationTable,
} from "./tables/campaigns.ts";
import type {
  ContentPageTable,
  FigureTable,
  HomeLayoutTable,
  LearnResourceTable,
  TakeActionItemTable,
} from "./tables/content.ts";
import type {
  EventRsvpTable,
  EventTable,
  GroupEditTable,
  GroupMemberTable,
  GroupTable,
  ModerationItemTable,
  StoryTable,
} from "./tables/local.ts";
import type {
  DevMailTable,
  JobTable,
  MailingRecipientTable,
  MailingTable,
  MailOutboxTable,
  MailSuppressionTable,
} from "./tables/mail.ts";
import type {
  AbuseRuleTable,
  CampaignCountryCountTable,
  CampaignCountTable,
  HeldSignatureTable,
  InvalidatedSignatureTable,
  InvalidationBatchTable,
  SignatureTable,
  SigningChallengeTable,
  SigningPauseTable,
  UsedChallengeTable,
} from "./tables/petitions.ts";
import type { AuditLogTable, StaffLoginFailureTable, StaffSessionTable, StaffUserTable } from "./tables/staff.ts";
import type {
  ConsentTable,
  JoinRequestTable,
  SupporterTable,
  SupporterTopicTable,
  TokenTable,
  TopicNameTable,
  TopicTable,
} from "./tables/supporters.ts";

export type * from "./tables/api.ts";
export type * from "./tables/campaigns.ts";
export type * from "./tables/content.ts";
export type * from "./tables/local.ts";
export type * from "./tables/mail.ts";
export type * from "./tables/petitions.ts";
/* The types of each table live beside the others of their part of the site, in tables/. */
export type * from "./tables/staff.ts";
export type * from "./tables/supporters.ts";

/**
 * The shape of every table, as both engines return it: timestamps are ISO-8601 strings,
 * ids are numbers, and flags are integers 0 or 1 (SQLite has no boolean type; one
 * representation on both engines keeps the repositories free of dialect checks).
 */
export interface Tables {
  api_keys: ApiKeyTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_events: WebhookEventTable;
  webhook_deliveries: WebhookDeliveryTable;
  content_pages: ContentPageTable;
  figures: FigureTable;
  campaigns: CampaignTable;
  dev_mail: DevMailTable;
  campaign_updates: CampaignUpdateTable;
  supporters: SupporterTable;
  signatures: SignatureTable;
  campaign_counts: CampaignCountTable;
  campaign_country_counts: CampaignCountryCountTable;
  consents: ConsentTable;
  tokens: TokenTable;
  jobs: JobTable;
  mail_outbox: MailOutboxTable;
  mailings: MailingTable;
  mailing_recipients: MailingRecipientTable;
  mail_suppressions: MailSuppressionTable;
  campaign_translations: CampaignTranslationTable;
  campaign_update_translations: CampaignUpdateTranslationTable;
  topics: TopicTable;
  topic_names: TopicNameTable;
  supporter_topics: SupporterTopicTable;
  join_requests: JoinRequestTable;
  staff_users: StaffUserTable;
  staff_sessions: StaffSessionTable;
  staff_login_failures: StaffLoginFailureTable;
  audit_log: AuditLogTable;
  signing_pauses: SigningPauseTable;
  invalidation_batches: InvalidationBatchTable;
  invalidated_signatures: InvalidatedSignatureTable;
  held_signatures: HeldSignatureTable;
  abuse_rules: AbuseRuleTable;
  signing_challenges: SigningChallengeTable;
  used_challenges: UsedChallengeTable;
  moderation_items: ModerationItemTable;
  events: EventTable;
  event_rsvps: EventRsvpTable;
  groups: GroupTable;
  group_members: GroupMemberTable;
  group_edits: GroupEditTable;
  stories: StoryTable;
  take_action_items: TakeActionItemTable;
  learn_resources: LearnResourceTable;
  home_layout: HomeLayoutTable;
}
