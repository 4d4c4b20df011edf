import { createRequire } from "node:module";

/** The longest address SMTP can carry (RFC 5321: 254 characters, 64 before the @). */
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;

// One @, no spaces, control characters or the specials a mail library reads as a display name,
// a list or a group (RFC 5322: ( ) < > [ ] : ; \ , "), a domain with a dot and no empty labels.
const EMAIL = /^[^\s@\p{Cc}()<>[\]:;\\,"]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/iu;

export type EmailProblem = "missing" | "too-long" | "invalid" | "disposable";

export function checkEmail(raw: string): EmailProblem | null {
  const email = raw.trim();
  if (email === "") return "missing";
  if (email.length > EMAIL_MAX_LENGTH) return "too-long";
  const at = email.lastIndexOf("@");
  if (!EMAIL.test(email) || at > LOCAL_MAX_LENGTH || /\.\.|^\.|\.@/.test(email)) return "invalid";
  if (isDisposable(email.slice(at + 1))) return "disposable";
  return null;
}

let disposable: Set<string> | undefined;

/** Throwaway-address services (the disposable-email-domains list), and their subdomains. */
export function isDisposable(domain: string): boolean {
  disposable ??= new Set(createRequire(import.meta.url)("disposable-email-domains") as string[]);
  const labels = domain.toLowerCase().split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (disposable.has(labels.slice(i).join("."))) return true;
  }
  return false;
}

/** Providers that deliver user+anything@ to user@. */
const PLUS_TAGS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "fastmail.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
]);

/** Providers that ignore dots in the part before the @. */
const DOTS_IGNORED = new Set(["gmail.com", "googlemail.com"]);

/** Providers known under two names. */
const SAME_AS: Record<string, string> = { "googlemail.com": "gmail.com" };

/**
 * The identity of an address: one person, one supporter. Case and surrounding spaces never
 * matter; dots and +tags only where the provider itself ignores them.
 */
export function canonicalEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  const at = email.lastIndexOf("@");
  if (at < 1) return email;
  let local = email.slice(0, at);
  let domain = email.slice(at + 1).replace(/\.$/, "");
  if (PLUS_TAGS.has(domain)) local = local.split("+")[0] || local;
  if (DOTS_IGNORED.has(domain)) local = local.replaceAll(".", "");
  domain = SAME_AS[domain] ?? domain;
  return `${local}@${domain}`;
}
