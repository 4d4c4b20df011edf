import type { Db } from "../../db/index.ts";
import type { ModerationStatus } from "../../db/tables.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import type { Locale } from "../i18n/locales.ts";
import type { ModerationItem } from "./moderation.repo.ts";

/**
 * What a moderator reads of one submission, as plain text: the page escapes every part of
 * it, and shows what the public would see (a first name, never an address).
 */
export interface Submission {
  itemId: number;
  /** The heading of what was sent, if it has one (a story's title). */
  title: string | null;
  /** What was sent. */
  text: string;
  /** Who sent it, as the public would see them. */
  author: string;
  country: string | null;
  /** What it was sent about: the campaign a comment was signed on, a story's page… */
  about: { label: string; href: string } | null;
  locale: string;
  submittedAt: string;
}

/** The words of the one email about a decision, in the submitter's language. */
export interface DecisionMail {
  /** Values for the kind's messages, e.g. { title } of the campaign. */
  values: Record<string, string>;
  /** Where the approved item can be seen, as a path on the site. */
  path: string;
}

/**
 * One kind of thing the public submits. Adding a kind (a story, a group, an event) is
 * writing one of these and listing it in MODERATION_KINDS: the queue, the counts, the
 * decisions, their audit and undo, the email and the supporter's export and erasure
 * come with it.
 */
export interface ModerationKind {
  /** Stored as moderation_items.kind. */
  name: string;
  /** Its name in the admin, plural ("Comments on petitions"). */
  label: MessageKey;
  /** How many wait for a decision that a moderator can take now. */
  countWaiting(db: Db): Promise<number>;
  /** Those, oldest first. */
  listWaiting(db: Db, limit: number): Promise<Submission[]>;
  /** Any items of this kind, by item id, for the list of recent decisions. */
  show(db: Db, itemIds: number[]): Promise<Map<number, Submission>>;
  /**
   * What changes in the kind's own records when an item is decided, or put back as
   * "waiting" by an undo. Kinds whose public pages read the item's status need nothing.
   */
  onDecision?(db: Db, item: ModerationItem, status: ModerationStatus): Promise<void>;
  /** The email's words: keys with {title}-like values, or null when there is nobody to tell. */
  mail: {
    approvedSubject: MessageKey;
    approvedBody: MessageKey;
    rejectedSubject: MessageKey;
    rejectedBody: MessageKey;
    button: MessageKey;
  };
  mailValues(db: Db, item: ModerationItem, locale: Locale): Promise<DecisionMail | null>;
  /** Drops queue items whose submission is gone or blanked (retention, erasure elsewhere). */
  forgetOrphans(db: Db): Promise<number>;
}

/** Why something is rejected: a short list, each with its words for the moderator and the submitter. */
export const REJECT_REASONS = {
  abusive: "moderation.reason.abusive",
  personal: "moderation.reason.personal",
  advertising: "moderation.reason.advertising",
  "off-topic": "moderation.reason.offTopic",
  other: "moderation.reason.other",
} as const satisfies Record<string, MessageKey>;

export type RejectReason = keyof typeof REJECT_REASONS;

export function isRejectReason(value: unknown): value is RejectReason {
  return typeof value === "string" && Object.hasOwn(REJECT_REASONS, value);
}

/** The reason that says nothing by itself: its note must explain. */
export const REASON_NEEDING_NOTE: RejectReason = "other";

export const NOTE_MAX_LENGTH = 500;
