import nodemailer from "nodemailer";
import type { Db } from "../../db/index.ts";
import { storeDevMail } from "./dev-mailbox.repo.ts";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** Sends one email. Durable queuing and retries sit in front of this (the outbox). */
export interface Mailer {
  readonly kind: "smtp" | "dev-mailbox";
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
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
    async send(mail) {
      await storeDevMail(db, { ...mail, headers: { From: from, ...mail.headers } });
    },
    async close() {},
  };
}

export function createMailer(config: { smtpUrl: string | undefined; mailFrom: string }, db: Db): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : devMailbox(db, config.mailFrom);
}
