import { type Challenge, solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";

/** Works out a challenge as the sign form's script does, and returns the field's value. */
export async function solveField(challengeJson: string): Promise<string> {
  const challenge = JSON.parse(challengeJson) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("the challenge could not be solved");
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

/** The challenge a rendered sign form carries (its attribute, unescaped), or null. */
export function challengeOnPage(html: string): string | null {
  const raw = /data-pow-challenge="([^"]*)"/.exec(html)?.[1];
  if (raw === undefined) return null;
  return raw
    .replaceAll("&quot;", '"')
    .replaceAll("&#34;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
