// The proof-of-work challenge itself: made for one petition, solved as a browser would, and
// refused when expired, forged, cheapened, for another petition or not solved.
import { describe, expect, it } from "vitest";
import { CHALLENGE, checkChallenge, issueChallenge } from "../../../src/modules/abuse/challenge.ts";
import { solveField } from "./pow-helpers.ts";

const SECRET = "test-secret-key-that-is-long-enough-0000";

function tamper(
  field: string,
  change: (payload: { challenge: { parameters: Record<string, unknown> }; solution: { counter: number } }) => void,
) {
  const payload = JSON.parse(Buffer.from(field, "base64").toString("utf8"));
  change(payload);
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

describe("the sign form's proof-of-work challenge", () => {
  it("is signed, bound to the petition, expires, and is modest (PBKDF2, one zero byte)", async () => {
    const challenge = JSON.parse(await issueChallenge(SECRET, 7));
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters).toMatchObject({
      algorithm: "PBKDF2/SHA-256",
      cost: CHALLENGE.cost,
      keyPrefix: "00",
      data: { petition: 7 },
    });
    const ttl = challenge.parameters.expiresAt * 1000 - Date.now();
    expect(ttl).toBeGreaterThan(CHALLENGE.ttlMs - 5_000);
    expect(ttl).toBeLessThanOrEqual(CHALLENGE.ttlMs);
  });

  it("accepts a solution worked out for it", async () => {
    const field = await solveField(await issueChallenge(SECRET, 7));
    const verdict = await checkChallenge(SECRET, 7, field);
    expect(verdict.ok).toBe(true);
  });

  it("refuses a missing or malformed field", async () => {
    expect(await checkChallenge(SECRET, 7, undefined)).toEqual({ ok: false, why: "missing" });
    expect(await checkChallenge(SECRET, 7, "")).toEqual({ ok: false, why: "missing" });
    expect(await checkChallenge(SECRET, 7, "not base64 json")).toEqual({ ok: false, why: "malformed" });
    expect(await checkChallenge(SECRET, 7, ["a", "b"])).toEqual({ ok: false, why: "malformed" });
    expect(await checkChallenge(SECRET, 7, "x".repeat(10_000))).toEqual({ ok: false, why: "malformed" });
  });

  it("refuses an expired challenge, even solved", async () => {
    const old = new Date(Date.now() - CHALLENGE.ttlMs - 60_000);
    const field = await solveField(await issueChallenge(SECRET, 7, old));
    expect(await checkChallenge(SECRET, 7, field)).toEqual({ ok: false, why: "expired" });
  });

  it("refuses a challenge issued for another petition, or under another key", async () => {
    const field = await solveField(await issueChallenge(SECRET, 8));
    expect(await checkChallenge(SECRET, 7, field)).toEqual({ ok: false, why: "wrong-petition" });
    expect(await checkChallenge("another-secret-key-that-is-long-enough-1", 8, field)).toEqual({
      ok: false,
      why: "forged",
    });
  });

  it("refuses a challenge changed after it was signed, or made cheaper", async () => {
    const field = await solveField(await issueChallenge(SECRET, 8));
    const moved = tamper(field, (p) => {
      p.challenge.parameters.data = { petition: 7 };
    });
    expect(await checkChallenge(SECRET, 7, moved)).toEqual({ ok: false, why: "forged" });
    const cheaper = tamper(field, (p) => {
      p.challenge.parameters.cost = 1;
    });
    expect(await checkChallenge(SECRET, 8, cheaper)).toEqual({ ok: false, why: "malformed" });
  });

  it("refuses a wrong solution", async () => {
    const field = await solveField(await issueChallenge(SECRET, 7));
    const wrong = tamper(field, (p) => {
      p.solution.counter += 1;
    });
    expect(await checkChallenge(SECRET, 7, wrong)).toEqual({ ok: false, why: "unsolved" });
  });
});
