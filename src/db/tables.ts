import type { Generated } from "kysely";

/**
 * The shape of every table, as both engines return it: timestamps are ISO-8601 strings,
 * ids are numbers, and flags are integers 0 or 1 (SQLite has no boolean type; one
 * representation on both engines keeps the repositories free of dialect checks).
 */
export interface Tables {
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
  campaign_translations: CampaignTranslationTable;
  campaign_update_translations: CampaignUpdateTranslationTable;
  topics: TopicTable;
  topic_names: TopicNameTable;
  supporter_topics: SupporterTopicTable;
  join_requests: JoinRequestTable;
  staff_users: StaffUserTable;
  staff_sessions: StaffSessionTable;
  audit_log: AuditLogTable;
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
