import nodemailer from "nodemailer";
import type { Db } from "../../db/index.ts";
import { storeDevMail } from "./dev-mailbox.repo.ts";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** "<unique@domain>": the outbox gives every attempt of one message the same. */
  messageId?: string;
}

/** DKIM signing of every message sent over SMTP (see DKIM_* in the README). */
export interface DkimKey {
  domainName: string;
  keySelector: string;
  /** PEM. */
  privateKey: string;
}

/** Sends one email. Durable queuing and retries sit in front of this (the outbox). */
export interface Mailer {
  readonly kind: "smtp" | "dev-mailbox";
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

/**
 * Bounded waits, all well inside the outbox's lease (five minutes), so that a message is
 * never taken over by another worker while this one is still sending it.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 45_000 };

export function smtpMailer(smtpUrl: string, from: string, dkim?: DkimKey): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    ...SMTP_TIMEOUTS,
    ...(dkim ? { dkim } : {}),
  });
  return {
    kind: "smtp",
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    async close() {
      transport.close();
    },
  };
}

/** While SMTP_URL is unset, mail is kept in the database and shown at /dev/mailbox. */
export function devMailbox(db: Db, from: string): Mailer {
  return {
    kind: "dev-mailbox",
    async send({ messageId, ...mail }) {
      const id: Record<string, string> = messageId ? { "Message-ID": messageId } : {};
      await storeDevMail(db, { ...mail, headers: { From: from, ...id, ...mail.headers } });
    },
    async close() {},
  };
}

export function createMailer(
  config: { smtpUrl: string | undefined; mailFrom: string; dkim?: DkimKey | undefined },
  db: Db,
): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom, config.dkim) : devMailbox(db, config.mailFrom);
}
