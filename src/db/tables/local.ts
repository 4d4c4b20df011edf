import type { ColumnType, Generated } from "kysely";

/* Local action and what the public submits: moderation, events and RSVPs, stories, groups. */

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
