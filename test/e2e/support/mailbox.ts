// Puts a message in the development mailbox the way the site's own mailer does.
import { createDb } from "../../../src/db/index.ts";
import { storeDevMail } from "../../../src/modules/mail/dev-mailbox.repo.ts";
import { databaseUrl } from "./environment.ts";

export async function deliverToDevMailbox(mail: { to: string; subject: string; text: string; html?: string }) {
  const database = createDb(databaseUrl());
  try {
    await storeDevMail(database.db, { ...mail, headers: {} });
  } finally {
    await database.close();
  }
}
