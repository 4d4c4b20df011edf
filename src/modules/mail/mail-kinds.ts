import type { Deps } from "../../deps.ts";

/** One email, written and ready to go: the address, the subject, both parts, and any headers. */
export interface ComposedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * Writes the email a message of the outbox stands for, from its params (ids), at the time
 * it is sent: a link's token is made here and goes only into the email. Null means there
 * is nothing to send any more (the signature was confirmed or erased meanwhile). Throwing
 * means "try again later".
 */
export type MailComposer = (deps: Deps, params: unknown) => Promise<ComposedMail | null>;

export interface MailKind {
  compose: MailComposer;
  /** Its params are personal data (an address): they are dropped when it fails for good, too. */
  personal?: boolean;
}
