import { createHmac } from "node:crypto";
import { type Challenge, createChallenge, type Solution, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";

/**
 * The proof-of-work challenge of the sign form (altcha-lib, computed in the signer's browser;
 * no third party, nothing tracked). The form carries a challenge signed with a key derived from
 * SECRET_KEY, bound to one petition and with an expiry; the browser finds a counter whose
 * PBKDF2 key starts with `keyPrefix` and sends it back in CHALLENGE_FIELD.
 */
export const CHALLENGE = {
  algorithm: "PBKDF2/SHA-256",
  /**
   * PBKDF2 iterations per attempt. A key must start with one zero byte: 256 attempts on
   * average, about half a million iterations, a second or so on a cheap phone (native
   * WebCrypto), about as long for a script on a server.
   */
  cost: 2_000,
  keyPrefix: "00",
  /** How long a challenge may be answered after the form was shown. */
  ttlMs: 60 * 60_000,
  /** How long the challenge stays on after the last reading of a burst. */
  afterBurstMs: 60 * 60_000,
} as const;

/** The hidden field that carries the challenge and, once solved, its solution. */
export const CHALLENGE_FIELD = "_pow";

/** What the browser sends back: the challenge as it was given and the solution found. */
export interface ChallengePayload {
  challenge: Challenge;
  solution: Solution;
}

/** The HMAC key of the challenges, derived from SECRET_KEY (never the key itself). */
function hmacKey(secretKey: string): string {
  return createHmac("sha256", secretKey).update("proof-of-work-challenge").digest("hex");
}

const MAX_FIELD = 4_000;

/** A new challenge for one petition's sign form, as the JSON the form carries. */
export async function issueChallenge(secretKey: string, campaignId: number, at: Date = new Date()): Promise<string> {
  const challenge = await createChallenge({
    algorithm: CHALLENGE.algorithm,
    cost: CHALLENGE.cost,
    keyPrefix: CHALLENGE.keyPrefix,
    deriveKey,
    data: { petition: campaignId },
    expiresAt: new Date(at.getTime() + CHALLENGE.ttlMs),
    hmacSignatureSecret: hmacKey(secretKey),
  });
  return JSON.stringify(challenge);
}

export type ChallengeVerdict =
  | { ok: true; signature: string; expiresAt: Date }
  | { ok: false; why: "missing" | "malformed" | "expired" | "forged" | "wrong-petition" | "unsolved" };

/** Reads the field's value (base64 of the JSON payload, as the form's script writes it). */
function readPayload(value: unknown): ChallengePayload | null {
  if (typeof value !== "string" || value.length > MAX_FIELD) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64").toString("utf8")) as Partial<ChallengePayload>;
    const c = parsed?.challenge;
    const s = parsed?.solution;
    if (!c || typeof c !== "object" || !c.parameters || typeof c.parameters !== "object") return null;
    if (typeof c.signature !== "string" || !s || typeof s !== "object") return null;
    return { challenge: c as Challenge, solution: s as Solution };
  } catch {
    return null;
  }
}

/**
 * Whether the field holds a solved challenge this site issued for this petition and not yet
 * expired. Whether it was used before is the caller's to ask (see used-challenges.repo.ts).
 */
export async function checkChallenge(
  secretKey: string,
  campaignId: number,
  value: unknown,
  at: Date = new Date(),
): Promise<ChallengeVerdict> {
  if (value === undefined || value === "") return { ok: false, why: "missing" };
  const payload = readPayload(value);
  if (!payload) return { ok: false, why: "malformed" };
  const { parameters } = payload.challenge;
  // Only our own kind of challenge: nobody chooses a cheaper algorithm or cost.
  if (
    parameters.algorithm !== CHALLENGE.algorithm ||
    parameters.cost !== CHALLENGE.cost ||
    parameters.keyPrefix !== CHALLENGE.keyPrefix ||
    typeof parameters.expiresAt !== "number"
  ) {
    return { ok: false, why: "malformed" };
  }
  if (parameters.expiresAt * 1000 < at.getTime()) return { ok: false, why: "expired" };
  let result: Awaited<ReturnType<typeof verifySolution>>;
  try {
    result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: hmacKey(secretKey),
    });
  } catch {
    return { ok: false, why: "malformed" };
  }
  if (result.expired) return { ok: false, why: "expired" };
  if (result.invalidSignature) return { ok: false, why: "forged" };
  if (parameters.data?.petition !== campaignId) return { ok: false, why: "wrong-petition" };
  if (!result.verified) return { ok: false, why: "unsolved" };
  return {
    ok: true,
    signature: payload.challenge.signature ?? "",
    expiresAt: new Date(parameters.expiresAt * 1000),
  };
}
