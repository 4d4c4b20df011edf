import type { SignatureForm } from "./signature-input.ts";
import type { SignatureSource } from "./signatures.repo.ts";

/**
 * A signature in the shape of OSDI's record signature helper: the person (names, email
 * addresses, postal addresses with country and postal code), comments and referrer_data.
 * Three extensions carry the choices the form offers: `updates` (keep me updated, a consent
 * the partner must have asked for in the same words), `public` (show my first name) and
 * `comment_public` (show my comment, once a moderator approves it).
 */
interface OsdiSignature {
  person?: {
    given_name?: unknown;
    family_name?: unknown;
    email_addresses?: { address?: unknown }[];
    postal_addresses?: { country?: unknown; postal_code?: unknown }[];
  };
  comments?: unknown;
  referrer_data?: { source?: unknown; referrer?: unknown; website?: unknown };
  updates?: unknown;
  public?: unknown;
  comment_public?: unknown;
}

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** The same form the web page sends, read out of an OSDI body. Nothing is trusted: it is validated as a form. */
export function formFromOsdi(body: unknown): { form: SignatureForm; source: Partial<Record<string, string>> } {
  const b = (body && typeof body === "object" ? body : {}) as OsdiSignature;
  const person = b.person && typeof b.person === "object" ? b.person : {};
  const email = Array.isArray(person.email_addresses) ? person.email_addresses[0] : undefined;
  const address = Array.isArray(person.postal_addresses) ? person.postal_addresses[0] : undefined;
  const name = [str(person.given_name).trim(), str(person.family_name).trim()].filter(Boolean).join(" ");
  const referrer = b.referrer_data && typeof b.referrer_data === "object" ? b.referrer_data : {};
  return {
    form: {
      name,
      email: str(email?.address).trim(),
      country: str(address?.country).trim().toUpperCase(),
      postcode: str(address?.postal_code).trim(),
      comment: str(b.comments).trim(),
      updates: b.updates === true,
      public: b.public === true,
      commentPublic: b.comment_public === true,
    },
    source: { ref: str(referrer.referrer), utm_source: str(referrer.source), referrer: str(referrer.website) },
  };
}

/** OSDI names the form's fields differently; errors point at the OSDI field. */
export const OSDI_FIELD: Record<keyof SignatureForm, string> = {
  name: "person.given_name",
  email: "person.email_addresses[0].address",
  country: "person.postal_addresses[0].country",
  postcode: "person.postal_addresses[0].postal_code",
  comment: "comments",
  updates: "updates",
  public: "public",
  commentPublic: "comment_public",
};

export type { SignatureSource };
