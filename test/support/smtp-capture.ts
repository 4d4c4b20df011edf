import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  rcptTo: string[];
  raw: string;
  /** The Message-ID header as sent. */
  messageId: string | undefined;
  /** The headers of the message (not of its parts), unfolded, by lower-case name. */
  headers: Map<string, string>;
}

export interface SmtpCapture {
  port: number;
  url: string;
  received: CapturedMail[];
  /** Answer every RCPT TO with this SMTP reply (e.g. 451 to defer) until given null. */
  refuseWith(code: number | null): void;
  close(): Promise<void>;
}

/** The headers of a message, unfolded, by lower-case name. */
export function headersOf(raw: string): Map<string, string> {
  const headers = new Map<string, string>();
  const block = raw.slice(0, raw.indexOf("\r\n\r\n"));
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** A port on 127.0.0.1 where nothing listens (for now): a mail server that is down. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives: the peer the mailer talks
 * to in tests, standing for the organisation's mail server.
 */
export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const received: CapturedMail[] = [];
  let refusal: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusal === null) return callback();
      callback(Object.assign(new Error("try again later"), { responseCode: refusal }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = headersOf(raw);
        received.push({
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          headers,
          messageId: headers.get("message-id"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    received,
    refuseWith(code) {
      refusal = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
