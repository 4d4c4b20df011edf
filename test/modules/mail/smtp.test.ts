import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../../src/db/index.ts";
import { createMailer, type Mailer } from "../../../src/modules/mail/mailer.ts";

interface Received {
  mailFrom: string;
  rcptTo: string[];
  raw: string;
}

/** The headers of a message or part, unfolded, by lower-case name. */
function headersOf(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** A header value with its RFC 2047 encoded words (=?UTF-8?B?…?=) decoded. */
function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=(?:\s+(?==\?))?/gi, (_m, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

/** The message's headers and each part of a multipart body, decoded. */
function parse(raw: string) {
  const split = raw.indexOf("\r\n\r\n");
  const headers = headersOf(raw.slice(0, split));
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  if (!boundary) throw new Error("the message is not multipart");
  const parts = raw
    .slice(split + 4)
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const at = chunk.indexOf("\r\n\r\n");
      const partHeaders = headersOf(chunk.slice(0, at).trim());
      const body = chunk.slice(at + 4).replace(/\r\n$/, "");
      const encoding = partHeaders.get("content-transfer-encoding");
      const text =
        encoding === "quoted-printable"
          ? decodeQuotedPrintable(body)
          : encoding === "base64"
            ? Buffer.from(body, "base64").toString("utf8")
            : body;
      return { type: partHeaders.get("content-type") ?? "", text };
    });
  return { headers, parts };
}

describe("sending mail through an SMTP server", () => {
  const received: Received[] = [];
  let refuse: string | undefined;
  let server: SMTPServer;
  let mailer: Mailer;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address === refuse) callback(Object.assign(new Error("no such mailbox"), { responseCode: 550 }));
        else callback();
      },
      onData(stream, session: SMTPServerSession, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    // The database is only for the development mailbox; an SMTP mailer never touches it.
    const unusedDb = {} as Db;
    mailer = createMailer(
      { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: "iwelcome <no-reply@welcome.example>" },
      unusedDb,
    );
  });

  afterAll(async () => {
    await mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    received.length = 0;
    refuse = undefined;
  });

  it("uses SMTP, not the development mailbox, when SMTP_URL is set", () => {
    expect(mailer.kind).toBe("smtp");
  });

  it("delivers a message with its sender, recipient, subject and both text and HTML parts", async () => {
    await mailer.send({
      to: "ana@example.org",
      subject: "Please confirm your signature",
      text: "Follow this link to confirm: https://welcome.example/confirm/abc",
      html: '<p>Follow <a href="https://welcome.example/confirm/abc">this link</a> to confirm.</p>',
      headers: { "List-Unsubscribe": "<https://welcome.example/unsubscribe/abc>" },
    });

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.mailFrom).toBe("no-reply@welcome.example");
    expect(mail?.rcptTo).toEqual(["ana@example.org"]);

    const { headers, parts } = parse(mail?.raw ?? "");
    expect(headers.get("from")).toBe("iwelcome <no-reply@welcome.example>");
    expect(headers.get("to")).toBe("ana@example.org");
    expect(headers.get("subject")).toBe("Please confirm your signature");
    expect(headers.get("list-unsubscribe")).toBe("<https://welcome.example/unsubscribe/abc>");
    expect(headers.get("content-type")).toMatch(/^multipart\/alternative;/);

    expect(parts.map((p) => p.type.split(";")[0])).toEqual(["text/plain", "text/html"]);
    expect(parts[0]?.text).toBe("Follow this link to confirm: https://welcome.example/confirm/abc");
    expect(parts[1]?.text).toBe(
      '<p>Follow <a href="https://welcome.example/confirm/abc">this link</a> to confirm.</p>',
    );
  });

  it("keeps text in any language intact", async () => {
    await mailer.send({
      to: "layla@example.org",
      subject: "Merci — شكرا",
      text: "Merci d'avoir signé. شكرا لتوقيعك.",
      html: '<p>Merci d\'avoir signé. <span dir="rtl">شكرا لتوقيعك.</span></p>',
    });
    const { headers, parts } = parse(received[0]?.raw ?? "");
    expect(headers.get("subject")).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(decodeWords(headers.get("subject") ?? "")).toBe("Merci — شكرا");
    expect(parts[0]?.type).toContain("charset=utf-8");
    expect(parts[0]?.text).toBe("Merci d'avoir signé. شكرا لتوقيعك.");
    expect(parts[1]?.text).toContain("شكرا لتوقيعك.");
  });

  it("fails the send, so that it can be retried, when the server refuses the recipient", async () => {
    refuse = "gone@example.org";
    await expect(mailer.send({ to: "gone@example.org", subject: "Hello", text: "Hello." })).rejects.toThrow();
    expect(received).toHaveLength(0);
  });
});
