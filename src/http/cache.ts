import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

/**
 * Cache-Control for answers that are the same for every visitor, so that a CDN can shield
 * the site: browsers keep them max-age (then revalidate with the ETag), a shared cache
 * s-maxage, and both may serve a stale copy while fetching a fresh one and while the site
 * is failing. Never for a page with a form (its CSRF token and cookie are the visitor's own)
 * or anything personal: see docs/operations.md, "Caching and a CDN".
 */
export const PUBLIC_CACHE = {
  /** Content pages and the campaign list: a minute at the CDN, a day of fallback. */
  page: "public, max-age=0, s-maxage=60, stale-while-revalidate=600, stale-if-error=86400",
  /** Live counts: a second, so that a count seen through the CDN is at most a second or two old. */
  count: "public, max-age=1, s-maxage=1, stale-while-revalidate=5, stale-if-error=60",
  /** The public API's other reads. */
  api: "public, max-age=5, s-maxage=5, stale-while-revalidate=30, stale-if-error=300",
  /** Share cards. */
  image: "public, max-age=300, s-maxage=300, stale-while-revalidate=3600, stale-if-error=86400",
} as const;

/** A strong validator for a body: 16 characters of its SHA-1. */
export function etagOf(body: string | Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url").slice(0, 16)}"`;
}

function matches(request: FastifyRequest, etag: string): boolean {
  const header = request.headers["if-none-match"];
  if (!header) return false;
  return header === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/** The CSP nonces in a page differ on every answer; the validator must not see them. */
function withoutNonces(reply: FastifyReply, html: string): string {
  const nonces = (reply as unknown as { cspNonce?: { script: string; style: string } }).cspNonce;
  if (!nonces) return html;
  return html.replaceAll(nonces.script, "").replaceAll(nonces.style, "");
}

/**
 * Gives every public answer (Cache-Control "public…") an ETag and answers a matching
 * If-None-Match with 304. An answer that sets a cookie is never public: its Cache-Control
 * becomes private, whatever the route said, so that no shared cache hands one visitor's
 * cookie to another.
 */
export const publicCaching = fp(
  async (app: FastifyInstance) => {
    app.addHook("onSend", async (request, reply, payload) => {
      const control = reply.getHeader("cache-control");
      if (typeof control !== "string" || !control.startsWith("public")) return payload;
      if (reply.hasHeader("set-cookie")) {
        reply.header("cache-control", "private, no-cache");
        return payload;
      }
      if (reply.statusCode !== 200 || !(request.method === "GET" || request.method === "HEAD")) return payload;
      let etag = reply.getHeader("etag");
      if (typeof etag !== "string") {
        if (typeof payload === "string") etag = etagOf(withoutNonces(reply, payload));
        else if (Buffer.isBuffer(payload)) etag = etagOf(payload);
        else return payload;
        reply.header("etag", etag);
      }
      if (!matches(request, etag)) return payload;
      reply.code(304);
      return "";
    });
  },
  { name: "public-caching" },
);
