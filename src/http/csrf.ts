import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ForbiddenError } from "../errors.ts";
import { CSRF_FIELD, csrfTokenFor, isValidCsrfToken, newCsrfSecret } from "./csrf-token.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface CsrfOptions {
  secretKey: string;
  publicOrigin: string;
  secureCookies: boolean;
}

/** The origins a form may be posted from: the public URL's, and the one the browser used. */
function sameOrigin(request: FastifyRequest, origin: string, publicOrigin: string): boolean {
  if (origin === publicOrigin) return true;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

function originOf(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (origin) return origin;
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "null";
  }
}

/**
 * Every state-changing request must come from one of the site's own pages: the Origin
 * (or Referer) must be the site's, and the form must carry the token that matches the
 * CSRF cookie. The cookie is set only when a page with a form is rendered.
 */
export const csrf = fp(
  async (app: FastifyInstance, options: CsrfOptions) => {
    const cookieName = options.secureCookies ? "__Host-csrf" : "csrf";

    app.decorateReply("csrfToken", function (this: FastifyReply) {
      let secret = this.request.cookies[cookieName];
      if (!secret || !/^[\w-]{32}$/.test(secret)) {
        secret = newCsrfSecret();
        this.request.cookies[cookieName] = secret;
        this.setCookie(cookieName, secret, {
          path: "/",
          httpOnly: true,
          sameSite: "lax",
          secure: options.secureCookies,
        });
      }
      return csrfTokenFor(options.secretKey, secret);
    });

    app.addHook("preHandler", async (request) => {
      // Nothing to protect where no route answers: the request ends in a 404.
      if (SAFE_METHODS.has(request.method) || !request.routeOptions.url) return;
      if (request.routeOptions.config.csrf === false) return;
      const origin = originOf(request);
      if (origin !== undefined && !sameOrigin(request, origin, options.publicOrigin)) {
        throw new ForbiddenError("csrf");
      }
      const body = request.body as Record<string, unknown> | undefined;
      const token = body?.[CSRF_FIELD] ?? request.headers["x-csrf-token"];
      if (!isValidCsrfToken(options.secretKey, request.cookies[cookieName], token)) {
        throw new ForbiddenError("csrf");
      }
    });
  },
  { name: "csrf", dependencies: ["@fastify/cookie"] },
);
