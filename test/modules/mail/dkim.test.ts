import { createVerify, generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.ts";
import type { Db } from "../../../src/db/index.ts";
import { createMailer } from "../../../src/modules/mail/mailer.ts";
import { type SmtpCapture, startSmtpCapture } from "../../support/smtp-capture.ts";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PEM = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const DKIM = { DKIM_DOMAIN: "welcome.example", DKIM_SELECTOR: "mail2030" };

/** The tags of a DKIM-Signature header (v=1; a=rsa-sha256; d=…). */
function tagsOf(header: string): Record<string, string> {
  return Object.fromEntries(
    header.split(";").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).replace(/\s+/g, "")];
    }),
  );
}

/**
 * Checks the signature as a receiving server would (RFC 6376, relaxed header
 * canonicalisation): each header named in h=, the last one not used yet, then the
 * DKIM-Signature header itself with b= emptied, verified with the public key.
 */
function verifies(raw: string, signature: string): boolean {
  const lines = raw.slice(0, raw.indexOf("\r\n\r\n")).split(/\r\n(?![ \t])/);
  const relaxed = (line: string) => {
    const colon = line.indexOf(":");
    const value = line
      .slice(colon + 1)
      .replace(/\r\n/g, "")
      .replace(/[ \t]+/g, " ")
      .trim();
    return `${line.slice(0, colon).trim().toLowerCase()}:${value}`;
  };
  const unused = [...lines];
  let data = "";
  for (const name of (tagsOf(signature).h ?? "").split(":")) {
    const index = unused.findLastIndex((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
    if (index >= 0) data += `${relaxed(unused.splice(index, 1)[0] ?? "")}\r\n`;
  }
  const own = lines.find((l) => l.toLowerCase().startsWith("dkim-signature:")) ?? "";
  data += relaxed(own).replace(/(;\s*b=)[^;]*$/, "$1");
  const verifier = createVerify("RSA-SHA256");
  verifier.update(data);
  return verifier.verify(publicKey, tagsOf(signature).b ?? "", "base64");
}

describe("DKIM signing of mail sent over SMTP", () => {
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(async () => smtp.close());

  // The database is only for the development mailbox; an SMTP mailer never touches it.
  const unusedDb = {} as Db;
  const send = async (env: Record<string, string>) => {
    const config = loadConfig({
      NODE_ENV: "test",
      SMTP_URL: smtp.url,
      MAIL_FROM: "iwelcome <no-reply@welcome.example>",
      ...env,
    });
    const mailer = createMailer(config, unusedDb);
    try {
      await mailer.send({
        to: "amina@example.org",
        subject: "Please confirm your signature",
        text: "Confirm here.\n",
        html: "<p>Confirm here.</p>",
        messageId: "<abc@welcome.example>",
      });
    } finally {
      await mailer.close();
    }
    const mail = smtp.received.at(-1);
    if (!mail) throw new Error("nothing arrived");
    return mail;
  };

  it("signs every message with the configured domain, selector and key", async () => {
    const mail = await send({ ...DKIM, DKIM_PRIVATE_KEY: PEM.replace(/\n/g, "\\n") });
    const header = mail.headers.get("dkim-signature");
    expect(header).toBeDefined();
    const tags = tagsOf(header ?? "");
    expect(tags).toMatchObject({ v: "1", a: "rsa-sha256", d: "welcome.example", s: "mail2030" });
    expect(tags.h?.toLowerCase().split(":")).toEqual(expect.arrayContaining(["from", "to", "subject", "message-id"]));
    expect(tags.bh).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(verifies(mail.raw, header ?? "")).toBe(true);
    // A subject changed on the way no longer matches the signature.
    expect(verifies(mail.raw.replace("Please confirm", "Please ignore"), header ?? "")).toBe(false);
  });

  it("reads the key from a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "iwelcome-dkim-"));
    writeFileSync(join(dir, "dkim.pem"), PEM);
    const mail = await send({ ...DKIM, DKIM_PRIVATE_KEY_FILE: join(dir, "dkim.pem") });
    expect(tagsOf(mail.headers.get("dkim-signature") ?? "").s).toBe("mail2030");
  });

  it("sends unsigned when no key is configured", async () => {
    const mail = await send({});
    expect(mail.headers.has("dkim-signature")).toBe(false);
    expect(mail.messageId).toBe("<abc@welcome.example>");
  });
});

describe("the DKIM settings", () => {
  const load = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: "test", ...env });

  it("are all or none, each missing one named", () => {
    expect(loadConfig({ NODE_ENV: "test" }).dkim).toBeUndefined();
    expect(load({ DKIM_SELECTOR: "s", DKIM_PRIVATE_KEY: PEM })).toThrow(
      new ConfigError("DKIM_DOMAIN", "is required when another DKIM_ setting is set"),
    );
    expect(load({ DKIM_DOMAIN: "welcome.example", DKIM_PRIVATE_KEY: PEM })).toThrow(/^DKIM_SELECTOR: is required/);
    expect(load(DKIM)).toThrow(/^DKIM_PRIVATE_KEY: or DKIM_PRIVATE_KEY_FILE is required/);
  });

  it("refuse a key that is not a PEM private key, a file that cannot be read, and a bad domain", () => {
    expect(load({ ...DKIM, DKIM_PRIVATE_KEY: "not a key" })).toThrow("DKIM_PRIVATE_KEY: is not a PEM private key");
    expect(load({ ...DKIM, DKIM_PRIVATE_KEY_FILE: "/no/such/dkim.pem" })).toThrow(
      /^DKIM_PRIVATE_KEY_FILE: cannot read/,
    );
    expect(load({ ...DKIM, DKIM_DOMAIN: "not a domain", DKIM_PRIVATE_KEY: PEM })).toThrow(
      /^DKIM_DOMAIN: must be a domain/,
    );
  });

  it("take the key with \\n for line breaks, as one line of an environment file", () => {
    const config = loadConfig({ NODE_ENV: "test", ...DKIM, DKIM_PRIVATE_KEY: PEM.trim().replace(/\n/g, "\\n") });
    expect(config.dkim).toEqual({ domainName: "welcome.example", keySelector: "mail2030", privateKey: PEM.trim() });
  });
});
