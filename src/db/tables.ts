import type { ColumnType, Generated } from "kysely";

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

export type StaffRole = "admin" | "campaigner" | "moderator";

export interface StaffUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: StaffRole;
  locale: string;
  /** argon2id; null until the invitation is taken up. */
  password_hash: string | null;
  /** The TOTP secret, encrypted with a key derived from SECRET_KEY; null until set up. */
  totp_secret: string | null;
  /** JSON array of SHA-256 hashes of the unused recovery codes. */
  recovery_codes: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  /** The TOTP time step of the last code accepted at sign-in: a code is good once. */
  totp_last_step: number | null;
}

/** Failed sign-ins to one account from one network (keyed hash), and its lock. */
export interface StaffLoginFailureTable {
  staff_user_id: number;
  network_hash: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

/** A signed-in browser: only the hash of its cookie's value is kept. */
export interface StaffSessionTable {
  id_hash: string;
  staff_user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** What a member of staff did: who, when, what, and the record before and after (JSON). */
export interface AuditLogTable {
  id: Generated<number>;
  staff_user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  at: string;
}

/** A subject the site's campaigns are about, which supporters may say they care about. */
export interface TopicTable {
  id: Generated<number>;
  slug: string;
  position: number;
}

export interface TopicNameTable {
  topic_id: number;
  locale: string;
  name: string;
}

export interface SupporterTopicTable {
  supporter_id: number;
  topic_id: number;
}

/** A join form sent and not yet confirmed by the address's owner. */
export interface JoinRequestTable {
  id: Generated<number>;
  supporter_id: number;
  name: string;
  country: string;
  locale: string;
  /** JSON array of topic slugs. */
  topics: string;
  wants_updates: number;
  network_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
}

/** A campaign's words in a language other than its own (campaigns.locale). */
export interface CampaignTranslationTable {
  campaign_id: number;
  locale: string;
  title: string;
  summary: string;
  demand: string;
  target_name: string;
  body_md: string;
  image_alt: string | null;
  image_caption: string | null;
  image_credit: string | null;
  target_office: string | null;
  updated_at: string;
}

export interface CampaignUpdateTranslationTable {
  update_id: number;
  locale: string;
  title: string;
  body_md: string;
}

export interface ContentPageTable {
  id: Generated<number>;
  slug: string;
  locale: string;
  title: string;
  summary: string;
  body_md: string;
  created_at: string;
  updated_at: string;
}

export type FigureStyle = "number" | "compact" | "percent";

/** One statistic in the home page's "in numbers" block. */
export interface FigureTable {
  id: Generated<number>;
  locale: string;
  position: number;
  /** The figure; null means "no figure given", and the block is then not shown. */
  value: number | null;
  style: FigureStyle;
  label: string;
  source: string;
  source_url: string | null;
  /** The date the figure holds for, as YYYY, YYYY-MM or YYYY-MM-DD. */
  as_of: string | null;
  created_at: string;
  updated_at: string;
}

/** What the home page shows, in order (one row, id 1); see content/home-layout.ts. */
export interface HomeLayoutTable {
  id: number;
  /** The blocks after the movement's message, in order, comma-separated; "-name" is hidden. */
  blocks: string;
  featured: "flagged" | "newest" | "chosen";
  featured_campaign_id: number | null;
  updated_at: string;
}

export type CampaignStatus = "draft" | "open" | "closed" | "won" | "delivered";

export interface CampaignTable {
  id: Generated<number>;
  slug: string;
  locale: string;
  status: CampaignStatus;
  title: string;
  summary: string;
  demand: string;
  target_name: string;
  body_md: string;
  image_alt: string | null;
  featured: number;
  created_at: string;
  updated_at: string;
  signature_policy: Generated<SignaturePolicy>;
  /** A goal the campaign fixes; null steps the goal up automatically. */
  goal: number | null;
  postcode_required: Generated<number>;
  deadline: string | null;
  /** What happened, shown when the campaign is won, delivered or closed. */
  outcome: string | null;
  /** The campaign's picture (a path on this site); its alternative text is image_alt. */
  image_url: string | null;
  image_width: number | null;
  image_height: number | null;
  image_caption: string | null;
  image_credit: string | null;
  /** When it stopped taking signatures; the retention clock for its signers' details starts then. */
  closed_at: string | null;
  /** When a draft opens by itself; a draft with one is "scheduled" (see campaign-states.ts). */
  publish_at: string | null;
  /** The target's office or role, e.g. "Minister of Justice". */
  target_office: string | null;
  topic_id: number | null;
  /** The day the petition was handed to its target (YYYY-MM-DD), and what happened. */
  delivered_on: string | null;
  delivery_note: string | null;
  /** An uploaded picture's random stored name, and the widths made of it (comma-separated). */
  image_key: string | null;
  image_widths: string | null;
}

/** "confirm": a signature counts once its email link is confirmed; "instant": at once. */
export type SignaturePolicy = "confirm" | "instant";

export interface CampaignUpdateTable {
  id: Generated<number>;
  campaign_id: number;
  title: string;
  body_md: string;
  published_at: string;
}

export interface DevMailTable {
  id: Generated<number>;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** The message's headers as a JSON object of strings. */
  headers: string;
  created_at: string;
}

/** One person, whatever they did: signed, joined or RSVPed. One per canonical email. */
export interface SupporterTable {
  id: Generated<number>;
  /** As they typed it, for writing to them. */
  email: string;
  /** Lower-cased, with the provider's own equivalences removed: the identity. */
  email_canonical: string;
  name: string;
  country: string | null;
  postcode: string | null;
  locale: string;
  created_at: string;
  updated_at: string;
  /** When they confirmed joining the community; null if they never joined. */
  member_since: string | null;
  /** When their personal data was erased at their request; the row stays, empty, so counts hold. */
  erased_at: string | null;
}

export type SignatureStatus = "pending" | "confirmed" | "invalidated";

export interface SignatureTable {
  id: Generated<number>;
  campaign_id: number;
  supporter_id: number;
  name: string;
  country: string;
  postcode: string | null;
  comment: string | null;
  /** 1 when the signer chose to show their first name publicly. */
  show_name: number;
  /** 1 when the signer agreed to their comment being shown publicly, with first name and country (once approved). */
  comment_public: Generated<number>;
  status: SignatureStatus;
  locale: string;
  /** This signature's own code, carried by the share links its signer sends. */
  referral_code: string;
  /** The referral code of the share link the signer came through. */
  referred_by: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  /** The host of the referring page (never its full address). */
  referrer_host: string | null;
  /** Keyed hash of the signer's network, for flood detection; never the address. */
  network_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
}

export interface CampaignCountTable {
  campaign_id: number;
  total: number;
  updated_at: string;
}

export interface CampaignCountryCountTable {
  campaign_id: number;
  country: string;
  total: number;
}

/** Evidence of one consent: append-only; withdrawal is recorded, never deleted. */
export interface ConsentTable {
  id: Generated<number>;
  supporter_id: number;
  purpose: string;
  /** The exact words shown beside the box. */
  wording: string;
  wording_version: string;
  locale: string;
  /** Where it was given, e.g. "petition:stop-returns-to-afghanistan". */
  source: string;
  campaign_id: number | null;
  /** How it was given, e.g. "form-checkbox". */
  method: string;
  given_at: string;
  /** When the double opt-in was confirmed. */
  confirmed_at: string | null;
  withdrawn_at: string | null;
  withdrawn_method: string | null;
}

/** A one-time token: only its SHA-256 hash is kept. */
export interface TokenTable {
  hash: string;
  purpose: string;
  subject_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type JobStatus = "queued" | "running" | "done" | "failed";

export interface JobTable {
  id: Generated<number>;
  name: string;
  /** JSON. */
  payload: string;
  idempotency_key: string | null;
  status: JobStatus;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** Where a message is on its way out (see src/modules/mail/README.md). */
export type MailState = "queued" | "sending" | "sent" | "failed" | "cancelled";

/** One email to send: what makes it (kind and params), never its body. */
export interface MailOutboxTable {
  id: Generated<number>;
  /** Which composer writes it, e.g. "signature-confirmation". */
  kind: string;
  /** The cause it answers: a second message with the same key is never made. */
  idempotency_key: string;
  /** JSON the composer reads (ids); "{}" once sent, cancelled, or failed for good when personal. */
  params: string;
  /** The supporter it goes to, when one; their rows go when they are erased. */
  supporter_id: number | null;
  /** The Message-ID's unique part, the same at every attempt. */
  message_id: string;
  state: MailState;
  attempts: Generated<number>;
  max_attempts: number;
  next_attempt_at: string;
  /** While "sending": the time after which another worker may take it over. */
  locked_until: string | null;
  /** e.g. "a•••@example.org"; only for messages to a supporter, set when composed. */
  recipient_masked: string | null;
  subject: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** The mailing it is one message of, if any (see modules/mailings). */
  mailing_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** Where a mailing is: written, waiting for its time, going out, held, or all handed over and done. */
export type MailingState = "draft" | "scheduled" | "sending" | "paused" | "sent";

/** A message a campaigner writes to the supporters who consented to email updates. */
export interface MailingTable {
  id: Generated<number>;
  subject: string;
  body_md: string;
  locale: string;
  /** The audience's filters as JSON (modules/mailings/audience.ts). */
  audience: string;
  state: MailingState;
  send_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  /** How many the list held when sending started. */
  recipients: number | null;
  /** Until when messages have been handed to the outbox at the throttled pace. */
  released_until: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A recipient of a mailing not yet handed to the mail outbox (the list fixed when sending started). */
export interface MailingRecipientTable {
  mailing_id: number;
  supporter_id: number;
}

export type SuppressionReason = "bounce" | "complaint" | "manual";

/** An address no email goes to: only the keyed hash of its canonical form is kept. */
export interface MailSuppressionTable {
  email_hash: string;
  reason: SuppressionReason;
  source: "admin" | "webhook";
  created_by: number | null;
  created_at: string;
}

export type ModerationStatus = "waiting" | "approved" | "rejected";

/** One thing the public submitted, in the moderation queue until a moderator decides (see modules/moderation). */
export interface ModerationItemTable {
  id: Generated<number>;
  /** Which kind of thing: "comment" (a signature's comment), later "story", "group", "event". */
  kind: string;
  /** The id of the thing in its own table (for a comment, the signature). */
  subject_id: number;
  /** What a public page lists approved items under (for a comment, its campaign). */
  scope_id: number | null;
  /** Who submitted it, to be told the decision; null if they are unknown. */
  supporter_id: number | null;
  /** The submitter's language, for the email about the decision. */
  locale: string;
  status: ModerationStatus;
  submitted_at: string;
  decided_at: string | null;
  decided_by: number | null;
  /** Why it was rejected: one of REJECT_REASONS. */
  reason: string | null;
  /** The moderator's own words to the submitter, with a rejection. */
  note: string | null;
}

/** Signing is paused while a row exists: scope "all" (every petition) or a campaign's id. */
export interface SigningPauseTable {
  scope: string;
  campaign_id: number | null;
  paused_by: number | null;
  paused_at: string;
}

export type InvalidationKind = "network" | "email-domain";

/** Signatures of one petition invalidated together (one network or email domain, one hour). */
export interface InvalidationBatchTable {
  id: Generated<number>;
  campaign_id: number;
  kind: InvalidationKind;
  /** The network hash or the email domain. */
  value: string;
  /** The start of the window; it ended when the batch was made. */
  since: string;
  /** How many signatures it invalidated. */
  signatures: number;
  created_by: number | null;
  created_at: string;
  restored_by: number | null;
  restored_at: string | null;
}

/** A signature in a batch, and the status it goes back to when the batch is restored. */
export interface InvalidatedSignatureTable {
  batch_id: number;
  signature_id: number;
  previous_status: "pending" | "confirmed";
}

/** Why a signature was held back quietly: never counted unless staff release it. */
export type HoldReason = "honeypot" | "too-fast" | "blocked" | "challenge";

/** A signature held back at signing (its status is "invalidated"), and what it becomes if released. */
export interface HeldSignatureTable {
  signature_id: number;
  campaign_id: number;
  reason: HoldReason;
  release_status: "pending" | "confirmed";
  held_at: string;
  released_by: number | null;
  released_at: string | null;
}

/**
 * Whether a petition's sign form carries the proof-of-work challenge: "on" from `since` until
 * `ends_at` (none: until switched off), switched by a burst or a campaigner; "off" by a
 * campaigner holds off the automatic switch until `ends_at`.
 */
export interface SigningChallengeTable {
  campaign_id: number;
  state: "on" | "off";
  reason: "burst" | "campaigner";
  since: string;
  ends_at: string | null;
  changed_by: number | null;
}

/** A challenge whose solution was taken once (its signature), kept until it expires. */
export interface UsedChallengeTable {
  signature: string;
  expires_at: string;
}

/** An entry of the block or allow list: an email domain, or a network range in CIDR form. */
export interface AbuseRuleTable {
  id: Generated<number>;
  kind: "email-domain" | "network";
  action: "block" | "allow";
  value: string;
  note: string;
  created_by: number | null;
  created_at: string;
}

export type EventStatus = "waiting" | "published" | "rejected" | "cancelled";

/** An event a host submitted; public once published (approved by a moderator). */
export interface EventTable {
  id: Generated<number>;
  slug: string;
  locale: string;
  title: string;
  description_md: string;
  starts_at: string;
  ends_at: string;
  /** IANA time zone, e.g. "Europe/Oslo". */
  time_zone: string;
  online: number;
  town: string | null;
  country: string | null;
  /** The exact address or joining link: for confirmed attendees only. */
  location: string;
  capacity: number | null;
  host_supporter_id: number | null;
  host_name: string;
  status: EventStatus;
  sequence: Generated<number>;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  /** The group that runs it, if any. */
  group_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The group the host says runs it, until that group's organiser accepts (then group_id) or declines. */
  group_claim_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export type RsvpStatus = "pending" | "going" | "waitlist" | "cancelled";

/** One supporter's answer to one event. */
export interface EventRsvpTable {
  id: Generated<number>;
  event_id: number;
  supporter_id: number;
  name: string;
  locale: string;
  status: RsvpStatus;
  reminders: number;
  created_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
  updated_at: string;
}

export type StoryStatus = "waiting" | "published" | "rejected";
export type StoryShownAs = "full" | "first" | "anonymous";

/** A story of welcome a supporter sent; public once published (approved by a moderator). */
export interface StoryTable {
  id: Generated<number>;
  slug: string;
  locale: string;
  supporter_id: number | null;
  title: string;
  body: string;
  shown_as: StoryShownAs;
  author_name: string;
  image_key: string | null;
  image_widths: string | null;
  image_width: number | null;
  image_height: number | null;
  image_alt: string | null;
  status: StoryStatus;
  created_at: string;
  published_at: string | null;
  updated_at: string;
}

/** One way to help on the take-action page, in one language. */
export interface TakeActionItemTable {
  id: Generated<number>;
  locale: string;
  position: number;
  title: string;
  text: string;
  link: string;
  link_label: string;
  created_at: string;
  updated_at: string;
}

/** A course or reading on refugees' rights, listed on the Learn page. */
export interface LearnResourceTable {
  id: Generated<number>;
  title: string;
  description: string;
  url: string;
  language: string;
  position: number;
  created_at: string;
  updated_at: string;
}

/** A key for the public API: only the SHA-256 of the key is kept, and its first characters to recognise it. */
export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  key_hash: string;
  /** Space-separated: "read", "write". */
  scopes: string;
  created_by: number | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A receiver of webhooks, with the event types it wants and its (encrypted) signing secret. */
export interface WebhookEndpointTable {
  id: Generated<number>;
  url: string;
  description: string;
  /** Space-separated event types. */
  events: string;
  secret: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

/** Something that happened, written in the transaction of the change; sent to endpoints by the worker. */
export interface WebhookEventTable {
  id: Generated<number>;
  message_id: string;
  type: string;
  /** The JSON body sent (see docs/api.md for each type's fields). */
  payload: string;
  created_at: string;
  dispatched_at: string | null;
}

export type WebhookDeliveryState = "queued" | "sending" | "delivered" | "failed";

/** One event to one endpoint: its attempts and the last answer. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  event_id: number;
  endpoint_id: number;
  state: WebhookDeliveryState;
  attempts: Generated<number>;
  max_attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  response_status: number | null;
  response_body: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

export type GroupStatus = "waiting" | "published" | "rejected" | "unpublished";

/** What a group shows the public about itself, and what an organiser's edit changes. */
export interface GroupDetails {
  name: string;
  description_md: string;
  town: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
}

/** A local welcome group; public once published (approved by a moderator). */
export interface GroupTable extends GroupDetails {
  id: Generated<number>;
  slug: string;
  locale: string;
  organiser_supporter_id: number | null;
  organiser_name: string;
  status: GroupStatus;
  created_at: string;
  updated_at: string;
}

export type GroupEditStatus = "waiting" | "approved" | "rejected" | "superseded";

/** An organiser's change to their group's public details, for a moderator to approve. */
export interface GroupEditTable extends GroupDetails {
  id: Generated<number>;
  group_id: number;
  status: GroupEditStatus;
  /** JSON of the details the approval replaced, for an undo. */
  previous: string | null;
  created_at: string;
  updated_at: string;
}

export type GroupMemberStatus = "pending" | "member" | "left";

/** One supporter in one group. */
export interface GroupMemberTable {
  id: Generated<number>;
  group_id: number;
  supporter_id: number;
  name: string;
  locale: string;
  status: GroupMemberStatus;
  wants_sharing: number;
  shares_with_organiser: number;
  created_at: string;
  confirmed_at: string | null;
  left_at: string | null;
  updated_at: string;
}
