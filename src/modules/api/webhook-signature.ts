import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";

/** A new signing secret in the Standard Webhooks form: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * The webhook-signature header: "v1," and the base64 HMAC-SHA256, keyed with the secret's
 * bytes, of "<webhook-id>.<webhook-timestamp>.<body>" (Standard Webhooks).
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

// The secret must be read back to sign, so it is kept encrypted rather than hashed.
function keyOf(secretKey: string): Buffer {
  return createHash("sha256").update(`webhook-secret-encryption:${secretKey}`).digest();
}

export function encryptSecret(secretKey: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secretKey), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
}

export function decryptSecret(secretKey: string, stored: string): string | null {
  try {
    const [iv, tag, data] = stored.split(".").map((p) => Buffer.from(p, "base64url"));
    if (!iv || !tag || !data) return null;
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secretKey), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
