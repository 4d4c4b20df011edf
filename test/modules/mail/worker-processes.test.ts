import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MAIL_ERASURE_RECEIPT } from "../../../src/modules/community/your-data.service.ts";
import { queueMail } from "../../../src/modules/mail/outbox.repo.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { databaseUrlFor, serverEnv } from "../../support/process.ts";
import { type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.ts";

/** `npm run worker` as built: the job worker and the mail sender, alone in a process. */
function startWorkerProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["dist/worker.js"], { env: serverEnv(env), stdio: ["ignore", "pipe", "pipe"] });
}

describeEachDatabase(
  "two `npm run worker` processes sharing one outbox",
  (db) => {
    let smtp: SmtpCapture;
    beforeAll(async () => {
      smtp = await startSmtpCapture();
    });
    afterAll(async () => smtp.close());

    it("send every message once between them", async () => {
      const total = 50;
      const handle = db().handle;
      for (let i = 0; i < total; i++) {
        await queueMail(handle.db, {
          kind: MAIL_ERASURE_RECEIPT,
          params: { email: `receipt${i}@example.org`, locale: "fr" },
          idempotencyKey: `erased:test-${i}`,
        });
      }
      const env = { DATABASE_URL: databaseUrlFor(db()), SMTP_URL: smtp.url, DEMO_CONTENT: "off" };
      const workers = [startWorkerProcess(env), startWorkerProcess(env)];
      let output = "";
      for (const w of workers) {
        w.stdout?.on("data", (d) => (output += d));
        w.stderr?.on("data", (d) => (output += d));
      }
      try {
        const deadline = Date.now() + 30_000;
        const waiting = async () =>
          Number(
            (
              await handle.db
                .selectFrom("mail_outbox")
                .select((eb) => eb.fn.countAll().as("n"))
                .where("state", "in", ["queued", "sending"])
                .executeTakeFirstOrThrow()
            ).n,
          );
        while ((await waiting()) > 0) {
          if (Date.now() > deadline) throw new Error(`the workers did not send everything:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } finally {
        for (const w of workers) {
          if (w.exitCode !== null) continue;
          const exited = once(w, "exit");
          w.kill("SIGTERM");
          await exited;
        }
      }
      expect(smtp.received).toHaveLength(total);
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(total);
      expect(new Set(smtp.received.flatMap((m) => m.rcptTo)).size).toBe(total);
      const rows = await handle.db.selectFrom("mail_outbox").select(["state", "attempts", "params"]).execute();
      expect(rows.every((r) => r.state === "sent" && r.attempts === 1 && r.params === "{}")).toBe(true);
      expect(workers.map((w) => w.exitCode)).toEqual([0, 0]);
    }, 60_000);
  },
  { seedDemo: false },
);
