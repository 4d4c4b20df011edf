import { afterAll, beforeAll, expect, it } from "vitest";
import { MAIL_KINDS } from "../../../src/jobs/handlers.ts";
import { COMMUNITY_MAIL } from "../../../src/modules/community/community-mail.ts";
import { PETITION_MAIL } from "../../../src/modules/petitions/petition-mail.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { joinAndConfirm, joiner, submit } from "../community/community-helpers.ts";
import { mailTo, newEmail, runJobs, SLUG, signer } from "../petitions/petition-helpers.ts";

const ARABIC = /[\u0600-\u06FF]/;

/**
 * The emails of signing and joining, made here by their own flows; the other modules'
 * emails (moderation, events) are made and checked by those modules' tests.
 */
const KINDS = Object.keys({ ...PETITION_MAIL, ...COMMUNITY_MAIL });

/** Emails a supporter may turn off: they carry the one-click unsubscribe (RFC 8058). */
const NOT_TRANSACTIONAL = new Set(["welcome"]);

describeEachDatabase("every email the platform sends", (db) => {
  let t: TestApp;
  const email = newEmail();
  /** Each kind of email as the development mailbox received it, for a supporter who reads Arabic. */
  const received = new Map<string, { subject: string; text: string; html: string | null; headers: string }>();

  beforeAll(async () => {
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off" });
    const kindsSent = async () => {
      await runJobs(t.deps);
      const rows = await t.deps.db
        .selectFrom("mail_outbox")
        .select(["kind", "message_id", "state"])
        .orderBy("id")
        .execute();
      const mails = await mailTo(t.deps.db, email);
      for (const row of rows) {
        const mail = mails.find((m) => JSON.parse(m.headers)["Message-ID"]?.startsWith(`<${row.message_id}@`));
        if (mail && !received.has(row.kind)) received.set(row.kind, mail);
      }
    };
    // Joining and confirming in Arabic: the join confirmation, then the welcome.
    await joinAndConfirm(t, joiner({ email, language: "ar" }));
    // Signing on the Arabic page, then signing again: the confirmation, then "already signed".
    for (let i = 0; i < 2; i++) {
      await submit(t.app, `/ar/campaigns/${SLUG}`, `/ar/campaigns/${SLUG}/signatures`, signer({ email }));
      await kindsSent();
    }
    // Asking for a link to one's data, following it and erasing: the link, then the receipt.
    await submit(t.app, "/ar/your-data", "/ar/your-data/link", { email });
    await kindsSent();
    const link = /http:\/\/localhost:3000\/ar\/manage\?token=[\w-]{43}&next=your-data/.exec(
      received.get("manage-link")?.text ?? "",
    )?.[0];
    if (!link) throw new Error("no manage link in the email");
    const signedIn = await submit(t.app, link, "/ar/manage", {
      token: new URL(link).searchParams.get("token") ?? "",
      next: "your-data",
    });
    const manage = signedIn.cookies.find((c) => c.name === "manage")?.value ?? "";
    await submit(t.app, "/ar/your-data?erase=1", "/ar/your-data/erase", { confirm: "yes" }, { manage });
    await kindsSent();
  });
  afterAll(async () => t.app.close());

  it("covers every kind of email of signing and joining, each known to the outbox", () => {
    expect([...received.keys()].sort()).toEqual([...KINDS].sort());
    for (const kind of KINDS) expect(MAIL_KINDS[kind]).toBeDefined();
  });

  it.each(KINDS)("writes %s in the supporter's language, right to left, in HTML and plain text", (kind) => {
    const mail = received.get(kind);
    expect(mail).toBeDefined();
    expect(mail?.subject).toMatch(ARABIC);
    expect(mail?.text).toMatch(ARABIC);
    expect(mail?.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail?.html).toMatch(ARABIC);
  });

  it.each(KINDS)("gives %s a one-click unsubscribe only when it is not transactional", (kind) => {
    const mail = received.get(kind);
    const headers = JSON.parse(mail?.headers ?? "{}") as Record<string, string>;
    if (NOT_TRANSACTIONAL.has(kind)) {
      const link = /^<(http:\/\/localhost:3000\/ar\/unsubscribe\?u=[\w.-]+)>$/.exec(
        headers["List-Unsubscribe"] ?? "",
      )?.[1];
      expect(link).toBeDefined();
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(mail?.text).toContain(link);
      expect(mail?.html).toContain(link);
    } else {
      expect(headers["List-Unsubscribe"]).toBeUndefined();
      expect(mail?.text).not.toContain("/unsubscribe");
    }
  });
});
