// The server is killed with SIGKILL while a mailing goes out through a real SMTP server.
// After a restart every recipient has the mailing, as one message: a copy the killed
// server had handed to the mail server but not yet recorded goes again with the same
// Message-ID (the outbox sends at least once), and nobody gets a second, different message.
import { afterAll, beforeAll, expect, it } from "vitest";
import { MAIL_KINDS } from "../../src/jobs/handlers.ts";
import { DEFAULT_LEASE_MS, sendDueMail } from "../../src/modules/mail/outbox-sender.ts";
import { sendMailing } from "../../src/modules/mailings/mailings.service.ts";
import { makeCampaignerRow, makeMailing, makePerson, testDeps } from "../modules/mailings/mailing-helpers.ts";
import { describeEachDatabase } from "../support/databases.ts";
import { databaseUrlFor, type RunningServer, startServer } from "../support/process.ts";
import { type SmtpCapture, startSmtpCapture } from "../support/smtp-capture.ts";

const RECIPIENTS = 30;
const RATE = "600"; // one every 100 ms: the mailing takes three seconds

const until = async (what: string, done: () => Promise<boolean> | boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describeEachDatabase(
  "the server killed with SIGKILL in the middle of a mailing",
  (db) => {
    let smtp: SmtpCapture;
    let server: RunningServer | null = null;
    beforeAll(async () => {
      smtp = await startSmtpCapture();
    });
    afterAll(async () => {
      await server?.stop("SIGKILL");
      await smtp.close();
    });

    it("gets the mailing to every recipient exactly once after a restart", async () => {
      const assembled = testDeps(db().handle, { SMTP_URL: smtp.url, MAILING_RATE_PER_MINUTE: RATE });
      const { deps } = assembled;
      try {
        const people = [];
        for (let i = 0; i < RECIPIENTS; i++) people.push(await makePerson(deps.db, { country: "SE" }));
        const id = await makeMailing(deps.db, { audience: { countries: ["SE"] }, subject: "Mid-mailing" });
        const env = {
          DATABASE_URL: databaseUrlFor(db()),
          SMTP_URL: smtp.url,
          MAILING_RATE_PER_MINUTE: RATE,
          RATE_LIMITS: "off",
          DEMO_CONTENT: "off",
        };
        server = await startServer(env);
        expect(await sendMailing(deps, await makeCampaignerRow(deps.db), id, { at: "now" })).toBeNull();
        await until("some of the mailing to go out", () => smtp.received.length >= 8);
        await server.stop("SIGKILL");
        const sentBeforeKill = smtp.received.length;
        expect(sentBeforeKill).toBeLessThan(RECIPIENTS);

        const waiting = async () =>
          deps.db
            .selectFrom("mail_outbox")
            .select(["state"])
            .where("mailing_id", "=", id)
            .where("state", "in", ["queued", "sending"])
            .execute();
        server = await startServer(env);
        await until("the restarted server to send the rest", async () =>
          (await waiting()).every((r) => r.state === "sending"),
        );
        await server.stop();
        server = null;
        // A message the killed server held is sent again once its lease runs out.
        const held = (await waiting()).length;
        expect(held).toBeLessThanOrEqual(10);
        if (held > 0) await sendDueMail(deps, MAIL_KINDS, { now: new Date(Date.now() + DEFAULT_LEASE_MS + 1000) });

        for (const p of people) {
          const copies = smtp.received.filter((m) => m.rcptTo.includes(p.email));
          expect(copies.length, p.email).toBeGreaterThanOrEqual(1);
          expect(new Set(copies.map((m) => m.messageId)).size, p.email).toBe(1);
        }
        expect(smtp.received.length).toBeLessThanOrEqual(RECIPIENTS + held);
        const states = await deps.db.selectFrom("mail_outbox").select("state").where("mailing_id", "=", id).execute();
        expect(states.map((s) => s.state)).toEqual(Array(RECIPIENTS).fill("sent"));
      } finally {
        await assembled.close();
      }
    }, 90_000);
  },
  { seedDemo: false },
);
