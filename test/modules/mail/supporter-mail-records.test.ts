import { afterAll, beforeAll, expect, it } from "vitest";
import { requestManageLink } from "../../../src/modules/community/manage.service.ts";
import { eraseSupporter, exportSupporterData } from "../../../src/modules/community/your-data.service.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";
import { type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.ts";
import { findSupporter } from "../community/community-helpers.ts";
import { newEmail, runJobs, SLUG, sign, signer } from "../petitions/petition-helpers.ts";

describeEachDatabase("what the outbox holds about a supporter, with a real mail server", (db) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp(db().handle, { RATE_LIMITS: "off", SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t.app.close();
    await smtp.close();
  });

  it("lists the emails sent to them in their export, masked and without content, and forgets them on erasure", async () => {
    const email = newEmail();
    await sign(t.app, SLUG, signer({ email }));
    await runJobs(t.deps);
    const supporter = await findSupporter(t.deps.db, email);
    await requestManageLink(t.deps, email, "your-data");
    await runJobs(t.deps);
    expect(smtp.received.filter((m) => m.rcptTo.includes(email))).toHaveLength(2);

    const data = await exportSupporterData(t.deps, supporter.id);
    expect(data?.emails_sent).toEqual([
      expect.objectContaining({ kind: "signature-confirmation", to: "a•••@example.org", sent_at: expect.any(String) }),
      expect.objectContaining({ kind: "manage-link", subject: "Your link to see or erase your data" }),
    ]);
    expect(data?.emails_sent[0]?.subject).toMatch(/^Please confirm your signature: /);
    expect(data?.emails_waiting).toEqual([]);
    expect(JSON.stringify(data?.emails_sent)).not.toContain("token");

    expect(await eraseSupporter(t.deps, supporter.id)).toBe(true);
    const left = await t.deps.db.selectFrom("mail_outbox").selectAll().execute();
    expect(left.filter((m) => m.supporter_id === supporter.id)).toEqual([]);
    expect(left.filter((m) => m.kind === "erasure-receipt" && m.params.includes(email))).toHaveLength(1);
  });
});
