import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import type { DbHandle } from "../../../src/db/index.ts";
import { assembleDeps, type Deps } from "../../../src/deps.ts";
import type { MailKind } from "../../../src/modules/mail/mail-kinds.ts";
import { claimMail, markMailSent, queueMail } from "../../../src/modules/mail/outbox.repo.ts";
import { pruneMailOutbox } from "../../../src/modules/mail/outbox-retention.ts";
import { DEFAULT_LEASE_MS, messageIdOf, sendDueMail } from "../../../src/modules/mail/outbox-sender.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { freePort, type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.ts";

/** A short note to an address: the simplest email there is, written by a real composer. */
const KINDS: Record<string, MailKind> = {
  note: {
    compose: async (_deps, params) => {
      const { to, n } = params as { to: string; n: number };
      return { to, subject: `Note ${n}`, text: `Note number ${n}.\n`, html: `<p>Note number ${n}.</p>` };
    },
  },
  "personal-note": {
    personal: true,
    compose: async (_deps, params) => {
      const { to } = params as { to: string };
      return { to, subject: "Goodbye", text: "Goodbye.\n", html: "<p>Goodbye.</p>" };
    },
  },
  gone: { compose: async () => null },
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;

function depsFor(handle: DbHandle, smtpUrl: string) {
  return assembleDeps(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SMTP_URL: smtpUrl }), handle);
}

let keys = 0;
/** A cause no other test in this run has. */
const cause = (name: string) => `${name}:${process.pid}:${++keys}`;

describeEachDatabase(
  "the mail outbox",
  (db) => {
    let smtp: SmtpCapture;
    let assembled: ReturnType<typeof depsFor>;
    let deps: Deps;
    beforeAll(async () => {
      smtp = await startSmtpCapture();
      assembled = depsFor(db().handle, smtp.url);
      deps = assembled.deps;
    });
    afterAll(async () => {
      await assembled.close();
      await smtp.close();
    });
    beforeEach(() => {
      smtp.received.length = 0;
      smtp.refuseWith(null);
    });

    const rowOf = (key: string) =>
      deps.db.selectFrom("mail_outbox").selectAll().where("idempotency_key", "=", key).executeTakeFirstOrThrow();
    const note = (key: string, to: string, now: Date, extra: { maxAttempts?: number } = {}) =>
      queueMail(deps.db, { kind: "note", params: { to, n: keys }, idempotencyKey: key, now, ...extra });

    it("keeps a message only if the change that causes it is kept", async () => {
      const kept = cause("kept");
      const undone = cause("undone");
      await deps.db.transaction().execute(async (trx) => {
        await queueMail(trx, { kind: "note", params: { to: "kept@example.org", n: 1 }, idempotencyKey: kept });
      });
      await expect(
        deps.db.transaction().execute(async (trx) => {
          await queueMail(trx, { kind: "note", params: { to: "undone@example.org", n: 2 }, idempotencyKey: undone });
          throw new Error("the change failed after queuing its email");
        }),
      ).rejects.toThrow("the change failed");
      const keysNow = (await deps.db.selectFrom("mail_outbox").select("idempotency_key").execute()).map(
        (r) => r.idempotency_key,
      );
      expect(keysNow).toContain(kept);
      expect(keysNow).not.toContain(undone);
      await sendDueMail(deps, KINDS);
      expect(smtp.received.flatMap((m) => m.rcptTo)).toEqual(["kept@example.org"]);
    });

    it("makes one message of one cause queued twice, and sends it once", async () => {
      const key = cause("twice");
      const now = new Date();
      await note(key, "twice@example.org", now);
      await note(key, "twice@example.org", now);
      expect(
        await deps.db.selectFrom("mail_outbox").select("id").where("idempotency_key", "=", key).execute(),
      ).toHaveLength(1);
      await sendDueMail(deps, KINDS, { now });
      await sendDueMail(deps, KINDS, { now: new Date(now.getTime() + 10 * MINUTE) });
      expect(smtp.received).toHaveLength(1);
      const row = await rowOf(key);
      expect(row).toMatchObject({
        state: "sent",
        attempts: 1,
        params: "{}",
        last_error: null,
        subject: expect.any(String),
      });
      expect(smtp.received[0]?.messageId).toBe(messageIdOf(deps, row));
    });

    it("tries again later, waiting longer each time, and then sends once with the same Message-ID", async () => {
      const key = cause("deferred");
      const t0 = new Date("2030-01-01T10:00:00.000Z");
      await note(key, "deferred@example.org", t0);

      smtp.refuseWith(451);
      expect(await sendDueMail(deps, KINDS, { now: t0 })).toBe(1);
      const first = await rowOf(key);
      expect(first).toMatchObject({ state: "queued", attempts: 1, locked_until: null });
      expect(first.last_error).toContain("451");
      expect(first.last_error).not.toContain("deferred@example.org");
      const wait1 = Date.parse(first.next_attempt_at) - t0.getTime();
      expect(wait1).toBeGreaterThanOrEqual(15 * SECOND);
      expect(wait1).toBeLessThanOrEqual(30 * SECOND);

      // Not due yet: nothing is tried.
      expect(await sendDueMail(deps, KINDS, { now: new Date(t0.getTime() + 10 * SECOND) })).toBe(0);

      const t1 = new Date(t0.getTime() + 30 * SECOND);
      expect(await sendDueMail(deps, KINDS, { now: t1 })).toBe(1);
      const second = await rowOf(key);
      expect(second).toMatchObject({ state: "queued", attempts: 2 });
      const wait2 = Date.parse(second.next_attempt_at) - t1.getTime();
      expect(wait2).toBeGreaterThanOrEqual(30 * SECOND);
      expect(wait2).toBeLessThanOrEqual(60 * SECOND);

      smtp.refuseWith(null);
      const t2 = new Date(t1.getTime() + 2 * MINUTE);
      expect(await sendDueMail(deps, KINDS, { now: t2 })).toBe(1);
      expect(await sendDueMail(deps, KINDS, { now: new Date(t2.getTime() + 60 * MINUTE) })).toBe(0);
      expect(smtp.received).toHaveLength(1);
      const sent = await rowOf(key);
      expect(sent).toMatchObject({ state: "sent", attempts: 3, last_error: null, sent_at: t2.toISOString() });
      expect(smtp.received[0]?.messageId).toBe(messageIdOf(deps, sent));
    });

    it("gives up after the last attempt, keeping the reason, and drops personal params", async () => {
      const ordinary = cause("hopeless");
      const personal = cause("hopeless-personal");
      const t0 = new Date("2030-02-01T10:00:00.000Z");
      await note(ordinary, "nobody@example.org", t0, { maxAttempts: 2 });
      await queueMail(deps.db, {
        kind: "personal-note",
        params: { to: "leaving@example.org" },
        idempotencyKey: personal,
        maxAttempts: 2,
        now: t0,
      });
      smtp.refuseWith(550);
      await sendDueMail(deps, KINDS, { now: t0 });
      await sendDueMail(deps, KINDS, { now: new Date(t0.getTime() + 2 * MINUTE) });
      expect(await sendDueMail(deps, KINDS, { now: new Date(t0.getTime() + 24 * 60 * MINUTE) })).toBe(0);
      const failed = await rowOf(ordinary);
      expect(failed).toMatchObject({ state: "failed", attempts: 2 });
      expect(failed.last_error).toContain("550");
      expect(JSON.parse(failed.params)).toMatchObject({ to: "nobody@example.org" });
      expect(await rowOf(personal)).toMatchObject({ state: "failed", attempts: 2, params: "{}" });
      expect(smtp.received).toHaveLength(0);
    });

    it("logs a failure through the server's own logger (pino), without the address", async () => {
      const key = cause("logged");
      const t0 = new Date("2030-02-15T10:00:00.000Z");
      await queueMail(deps.db, {
        kind: "note",
        params: { to: "logged@example.org", n: 1 },
        idempotencyKey: key,
        maxAttempts: 2,
        now: t0,
      });
      const lines: string[] = [];
      const log = pino(
        { level: "warn" },
        new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      );
      smtp.refuseWith(550);
      await sendDueMail(deps, KINDS, { now: t0, log });
      await sendDueMail(deps, KINDS, { now: new Date(t0.getTime() + 2 * MINUTE), log });
      expect(await rowOf(key)).toMatchObject({ state: "failed", attempts: 2 });
      const logged = lines.map((l) => JSON.parse(l) as { level: number; msg: string; mail: string });
      expect(logged.map((l) => [l.level, l.msg, l.mail])).toEqual([
        [40, "email not sent; will try again", "note"],
        [50, "email not sent; given up", "note"],
      ]);
      expect(lines.join("")).not.toContain("logged@example.org");
    });

    it("cancels a message there is nothing to send for any more", async () => {
      const key = cause("gone");
      await queueMail(deps.db, { kind: "gone", params: { signatureId: 1 }, idempotencyKey: key });
      await sendDueMail(deps, KINDS);
      expect(await rowOf(key)).toMatchObject({ state: "cancelled", attempts: 1, params: "{}" });
      expect(smtp.received).toHaveLength(0);
    });

    it("sends once, after its lease runs out, a message whose worker died before sending it", async () => {
      const key = cause("orphan");
      const t0 = new Date("2030-03-01T10:00:00.000Z");
      await note(key, "orphan@example.org", t0);
      // A worker takes it and dies at once.
      const [taken] = await claimMail(deps.db, deps.dialect, { limit: 50, leaseMs: DEFAULT_LEASE_MS, now: t0 });
      expect(taken?.id).toBe((await rowOf(key)).id);
      expect(await sendDueMail(deps, KINDS, { now: new Date(t0.getTime() + DEFAULT_LEASE_MS - SECOND) })).toBe(0);
      const after = new Date(t0.getTime() + DEFAULT_LEASE_MS + SECOND);
      expect(await sendDueMail(deps, KINDS, { now: after })).toBe(1);
      expect(await sendDueMail(deps, KINDS, { now: new Date(after.getTime() + 60 * MINUTE) })).toBe(0);
      expect(smtp.received).toHaveLength(1);
      expect(await rowOf(key)).toMatchObject({ state: "sent", attempts: 2 });
    });

    it("sends again with the same Message-ID a message whose worker stopped mid-send, and the late worker changes nothing", async () => {
      const key = cause("mid-send");
      const t0 = new Date("2030-04-01T10:00:00.000Z");
      await note(key, "midsend@example.org", t0);
      // This worker hands the message to the mail server, then freezes before recording it.
      let frozen = () => {};
      const freezing: Deps = {
        ...deps,
        mailer: {
          kind: "smtp",
          send: async (mail) => {
            await deps.mailer.send(mail);
            await new Promise<void>((resolve) => {
              frozen = resolve;
            });
          },
          close: async () => {},
        },
      };
      const stuck = sendDueMail(freezing, KINDS, { now: t0 });
      while (smtp.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));

      const later = new Date(t0.getTime() + DEFAULT_LEASE_MS + SECOND);
      expect(await sendDueMail(deps, KINDS, { now: later })).toBe(1);
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received[1]?.messageId).toBe(smtp.received[0]?.messageId);
      const sent = await rowOf(key);
      expect(sent).toMatchObject({ state: "sent", attempts: 2 });

      // The frozen worker wakes: its claim (attempt 1) is stale, so it records nothing.
      frozen();
      await stuck;
      expect(await rowOf(key)).toEqual(sent);
      expect(await markMailSent(deps.db, { ...sent, attempts: 1 }, { subject: "x", recipientMasked: null }, t0)).toBe(
        false,
      );
    });

    it("sends everything once when the mail server was down for a while and comes back", async () => {
      const port = await freePort();
      const down = depsFor(db().handle, `smtp://127.0.0.1:${port}`);
      let back: SmtpCapture | undefined;
      const t0 = new Date("2030-05-01T10:00:00.000Z");
      const queued = Array.from({ length: 5 }, () => cause("outage"));
      for (const [i, key] of queued.entries()) await note(key, `outage${i}@example.org`, t0);
      try {
        expect(await sendDueMail(down.deps, KINDS, { now: t0 })).toBe(5);
        for (const key of queued) {
          expect(await rowOf(key)).toMatchObject({
            state: "queued",
            attempts: 1,
            last_error: expect.stringMatching(/ECONNREFUSED/),
          });
        }
        back = await startSmtpCapture(port);
        expect(await sendDueMail(down.deps, KINDS, { now: new Date(t0.getTime() + 60 * MINUTE) })).toBe(5);
        expect(await sendDueMail(down.deps, KINDS, { now: new Date(t0.getTime() + 120 * MINUTE) })).toBe(0);
        expect(back.received.flatMap((m) => m.rcptTo).sort()).toEqual(
          queued.map((_k, i) => `outage${i}@example.org`).sort(),
        );
        expect(new Set(back.received.map((m) => m.messageId)).size).toBe(5);
        for (const key of queued) expect(await rowOf(key)).toMatchObject({ state: "sent", attempts: 2 });
      } finally {
        // The mailer's pooled connections first: the server waits for them before it closes.
        await down.close();
        await back?.close();
      }
    });

    it("never sends a message twice when two workers drain the outbox at once", async () => {
      const now = new Date("2030-06-01T10:00:00.000Z");
      const total = 40;
      for (let i = 0; i < total; i++) await note(cause("shared"), `shared${i}@example.org`, now);
      // On PostgreSQL the second worker has its own pool, as another process would. A second
      // SQLite connection in this process would block the one thread on the file lock (the
      // driver is synchronous), so there both workers share one connection.
      const other = db().dialect === "postgres" ? db().open() : undefined;
      const second = other ? depsFor(other, smtp.url) : undefined;
      try {
        const [a, b] = await Promise.all([
          sendDueMail(deps, KINDS, { now, batchSize: 3 }),
          sendDueMail(second?.deps ?? deps, KINDS, { now, batchSize: 3 }),
        ]);
        expect(a + b).toBe(total);
        if (second) expect(Math.min(a, b)).toBeGreaterThan(0);
        expect(smtp.received).toHaveLength(total);
        expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(total);
        const rows = await deps.db
          .selectFrom("mail_outbox")
          .select(["state", "attempts"])
          .where("idempotency_key", "like", "shared:%")
          .execute();
        expect(rows.every((r) => r.state === "sent" && r.attempts === 1)).toBe(true);
      } finally {
        await second?.close();
        await other?.close();
      }
    });

    it("forgets what a message left behind RETENTION_MAIL_DAYS after it was done with, and keeps what waits", async () => {
      const waiting = cause("still-waiting");
      await note(waiting, "later@example.org", new Date("2040-01-01T00:00:00.000Z"));
      const states = async () =>
        (await deps.db.selectFrom("mail_outbox").select("state").execute()).map((r) => r.state).sort();
      expect(await states()).toEqual(expect.arrayContaining(["sent", "failed", "cancelled", "queued"]));
      // Within ninety days of today: nothing is old enough yet.
      expect(await pruneMailOutbox(deps, new Date(Date.now() + 89 * 24 * 60 * MINUTE))).toBe(0);
      expect(await pruneMailOutbox(deps, new Date("2031-01-01T00:00:00.000Z"))).toBeGreaterThan(0);
      expect(await states()).toEqual(["queued"]);
      expect((await rowOf(waiting)).state).toBe("queued");
    });
  },
  { seedDemo: false },
);
