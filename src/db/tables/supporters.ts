import type { Generated } from "kysely";

/* Supporters, what they care about, their consents, join requests and one-time tokens. */

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
