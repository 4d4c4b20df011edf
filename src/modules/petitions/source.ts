import type { SignatureSource } from "./signatures.repo.ts";

/** The names of the hidden fields that carry where a visit came from through the sign form. */
export const SOURCE_FIELDS = [
  "ref",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "referrer",
] as const;

const MAX_LENGTH = 100;
const PRINTABLE = /^[^\p{Cc}<>"]+$/u;

function clean(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const v = value.trim();
  return v !== "" && v.length <= MAX_LENGTH && PRINTABLE.test(v) ? v : null;
}

/**
 * Only the host of a referring page is kept: its path may say more about the visitor. The
 * site's own hosts (the Host header and the public URL's, which differ behind a proxy) are not
 * referrers.
 */
export function referrerHost(referer: string | undefined, ownHosts: readonly (string | undefined)[]): string | null {
  if (!referer) return null;
  try {
    const { host, protocol } = new URL(referer);
    if (!/^https?:$/.test(protocol) || ownHosts.includes(host)) return null;
    return clean(host);
  } catch {
    return null;
  }
}

/** The source fields of a campaign page visit (query and Referer), to put in the form. */
export function sourceFromVisit(
  query: unknown,
  referer: string | undefined,
  ownHosts: readonly (string | undefined)[],
) {
  const q = query && typeof query === "object" ? (query as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  for (const name of SOURCE_FIELDS) {
    const value = name === "referrer" ? referrerHost(referer, ownHosts) : clean(q[name]);
    if (value) fields[name] = value;
  }
  return fields;
}

/** A posted referrer is reduced to a host even when someone sends a whole address by hand. */
function hostOnly(value: string | null): string | null {
  if (!value) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  try {
    return clean(new URL(candidate).host);
  } catch {
    return null;
  }
}

/** The source as the form posted it back. */
export function sourceFromForm(body: unknown): SignatureSource {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  return {
    referredBy: clean(b.ref),
    utmSource: clean(b.utm_source),
    utmMedium: clean(b.utm_medium),
    utmCampaign: clean(b.utm_campaign),
    utmTerm: clean(b.utm_term),
    utmContent: clean(b.utm_content),
    referrerHost: hostOnly(clean(b.referrer)),
  };
}

/** The same fields again, for showing the form anew after an error. */
export function sourceFields(body: unknown): Record<string, string> {
  const b = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  for (const name of SOURCE_FIELDS) {
    const value = clean(b[name]);
    if (value) fields[name] = value;
  }
  return fields;
}
