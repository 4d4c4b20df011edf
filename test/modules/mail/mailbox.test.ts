import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DevMail } from "../../../src/modules/mail/dev-mailbox.repo.ts";
import { buildTestApp, type TestApp } from "../../support/app.ts";
import { describeEachDatabase } from "../../support/databases.ts";

const PRODUCTION = {
  NODE_ENV: "production",
  SECRET_KEY: "a-production-secret-key-of-forty-characters",
  PUBLIC_URL: "https://welcome.example",
  SMTP_URL: "smtp://127.0.0.1:9",
};

describeEachDatabase("the development mailbox", (db) => {
  let t: TestApp;
  let startedAt: number;
  beforeAll(async () => {
    t = await buildTestApp(db().handle);
    startedAt = Date.now();
    await t.deps.mailer.send({
      to: "ana@example.org",
      subject: "Please confirm your signature",
      text: "Follow this link to confirm: http://localhost:3000/confirm/abc",
      html: '<p>Follow <a href="http://localhost:3000/confirm/abc">this link</a>.</p><script>alert(1)</script>',
      headers: { "List-Unsubscribe": "<http://localhost:3000/unsubscribe/abc>" },
    });
    await t.deps.mailer.send({
      to: "ben@example.org",
      subject: "<script>alert('subject')</script> & more",
      text: "<b>not bold</b>",
    });
  });
  afterAll(async () => t.app.close());

  async function messages(): Promise<DevMail[]> {
    const res = await t.app.inject("/dev/mailbox.json");
    expect(res.statusCode).toBe(200);
    return (res.json() as { messages: DevMail[] }).messages;
  }

  it("keeps every email sent while no mail server is set, newest first, as JSON", async () => {
    const [newest, older] = await messages();
    expect(newest?.to).toBe("ben@example.org");
    expect(older).toMatchObject({
      to: "ana@example.org",
      subject: "Please confirm your signature",
      text: "Follow this link to confirm: http://localhost:3000/confirm/abc",
      html: expect.stringContaining('<a href="http://localhost:3000/confirm/abc">'),
      headers: {
        From: "iwelcome <no-reply@localhost>",
        "List-Unsubscribe": "<http://localhost:3000/unsubscribe/abc>",
      },
    });
    expect(newest?.html).toBeNull();
    for (const mail of [newest, older]) {
      const sent = Date.parse(mail?.date ?? "");
      expect(sent).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(sent).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it("tells caches not to keep the mailbox", async () => {
    const res = await t.app.inject("/dev/mailbox.json");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect((await t.app.inject("/dev/mailbox")).headers["cache-control"]).toBe("no-store");
  });

  it("lists the emails on a page, with subjects and bodies escaped", async () => {
    const res = await t.app.inject("/dev/mailbox");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<h1>Development mailbox</h1>");
    expect(res.body).toContain("Please confirm your signature");
    expect(res.body).toContain("&lt;script>alert('subject')&lt;/script> &amp; more");
    expect(res.body.match(/<script\b/g)).toHaveLength(1);
    expect(res.body).toContain("&lt;b>not bold&lt;/b>");
    expect(res.body.indexOf("ben@example.org")).toBeLessThan(res.body.indexOf("ana@example.org"));
  });

  it("links each email's HTML part, and serves it alone under a sandbox policy", async () => {
    const [, withHtml] = await messages();
    const page = await t.app.inject("/dev/mailbox");
    expect(page.body).toContain(`href="/dev/mailbox/${withHtml?.id}.html"`);

    const res = await t.app.inject(`/dev/mailbox/${withHtml?.id}.html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp.split(";")[0]).toBe("sandbox");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(res.body).toBe(withHtml?.html);
  });

  it("answers 404 for an email without an HTML part, or one that does not exist", async () => {
    const [textOnly] = await messages();
    for (const url of [`/dev/mailbox/${textOnly?.id}.html`, "/dev/mailbox/999999.html", "/dev/mailbox/abc.html"]) {
      expect((await t.app.inject(url)).statusCode, url).toBe(404);
    }
  });

  it.each(["/dev/mailbox", "/dev/mailbox.json", "/dev/mailbox/1.html"])(
    "answers %s with 404 to anyone not on this machine",
    async (url) => {
      const res = await t.app.inject({ url, remoteAddress: "203.0.113.9" });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("ana@example.org");
    },
  );

  it("refuses to clear the mailbox for anyone not on this machine", async () => {
    const res = await t.app.inject({ method: "POST", url: "/dev/mailbox/clear", remoteAddress: "203.0.113.9" });
    expect(res.statusCode).toBe(404);
    expect(await messages()).toHaveLength(2);
  });

  it("answers a peer on the IPv6 loopback", async () => {
    const res = await t.app.inject({ url: "/dev/mailbox.json", remoteAddress: "::1" });
    expect(res.statusCode).toBe(200);
  });

  it("does not believe X-Forwarded-For that claims to be local", async () => {
    const res = await t.app.inject({
      url: "/dev/mailbox.json",
      remoteAddress: "203.0.113.9",
      headers: { "x-forwarded-for": "127.0.0.1" },
    });
    expect(res.statusCode).toBe(404);
  });

  it.each([{ "x-forwarded-for": "203.0.113.9" }, { forwarded: "for=203.0.113.9" }, { "x-real-ip": "203.0.113.9" }])(
    "refuses a request a proxy on this machine forwarded (%o)",
    async (headers) => {
      const res = await t.app.inject({ url: "/dev/mailbox.json", remoteAddress: "127.0.0.1", headers });
      expect(res.statusCode).toBe(404);
    },
  );

  describe("where it does not exist", () => {
    it.each([
      ["in production", PRODUCTION],
      ["when SMTP_URL is set", { SMTP_URL: "smtp://127.0.0.1:9" }],
    ])("is not there %s", async (_when, env) => {
      const other = await buildTestApp(db().handle, env);
      try {
        expect(other.deps.mailer.kind).toBe("smtp");
        for (const url of ["/dev/mailbox", "/dev/mailbox.json", "/dev/mailbox/1.html"]) {
          expect((await other.app.inject(url)).statusCode, url).toBe(404);
        }
        expect((await other.app.inject({ method: "POST", url: "/dev/mailbox/clear" })).statusCode).toBe(404);
      } finally {
        await other.app.close();
      }
    });
  });
});
