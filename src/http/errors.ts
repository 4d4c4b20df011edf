import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { isDatabaseUnavailable } from "../db/unavailable.ts";
import { DomainError } from "../errors.ts";
import type { MessageKey } from "../modules/i18n/i18n.ts";
import { ErrorPage } from "../views/ErrorPage.tsx";
import type { Assets } from "./assets.ts";
import { requestI18n } from "./i18n.ts";
import { renderPage } from "./render.ts";
import { bareSecurityHeaders } from "./security.ts";

const DOMAIN_STATUS = { "not-found": 404, forbidden: 403, invalid: 400, conflict: 409 } as const;

const SERVER_ERROR_PAGE = { heading: "error.server.heading", message: "error.server.message" } as const;

/** The words a person is shown for each status; anything else is a 400 or a 500. */
const PAGES: Record<number, { heading: MessageKey; message: MessageKey }> = {
  400: { heading: "error.badRequest.heading", message: "error.badRequest.message" },
  403: { heading: "error.forbidden.heading", message: "error.forbidden.message" },
  404: { heading: "error.notFound.heading", message: "error.notFound.message" },
  405: { heading: "error.badRequest.heading", message: "error.methodNotAllowed.message" },
  409: { heading: "error.conflict.heading", message: "error.conflict.message" },
  413: { heading: "error.tooLarge.heading", message: "error.tooLarge.message" },
  415: { heading: "error.badRequest.heading", message: "error.unsupportedType.message" },
  429: { heading: "error.tooMany.heading", message: "error.tooMany.message" },
  500: SERVER_ERROR_PAGE,
  503: { heading: "error.unavailable.heading", message: "error.unavailable.message" },
};

/** Pages for refusals that deserve their own words, by the DomainError's reason. */
const REASON_PAGES: Record<string, { heading: MessageKey; message: MessageKey }> = {
  csrf: { heading: "error.csrf.heading", message: "error.csrf.message" },
  // A personal link (unsubscribe, attendance, leave a group) that opens nothing: forged,
  // cut short, or made for a row that is gone. The same words whichever it is.
  "dead-link": { heading: "confirm.invalid.heading", message: "error.deadLink.message" },
  "campaign-closed": { heading: "campaign.closed.heading", message: "campaign.closed.message" },
  "signing-paused": { heading: "petition.paused.heading", message: "petition.paused.message" },
  "batch-restored": { heading: "admin.abuse.alreadyRestored.heading", message: "admin.abuse.alreadyRestored.message" },
  "watch-choice": { heading: "admin.abuse.badChoice.heading", message: "admin.abuse.badChoice.message" },
};

/** JSON for machines (/api/… and ….json), a page in the site's layout for people. */
export function wantsJson(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  return path.startsWith("/api/") || path === "/api" || path.endsWith(".json");
}

/** Seconds a client is asked to wait when the database is away for a moment. */
export const RETRY_AFTER_SECONDS = 5;

export function statusOf(error: FastifyError | DomainError): number {
  if (error instanceof DomainError) return DOMAIN_STATUS[error.kind];
  if (isDatabaseUnavailable(error)) return 503;
  const status = error.statusCode;
  if (typeof status === "number" && status >= 400 && status < 600) return status;
  // Malformed bodies the parsers reject without a status are the client's fault.
  if (error instanceof SyntaxError) return 400;
  return 500;
}

function wordsFor(status: number, reason?: string) {
  const known = PAGES[status] ? status : status >= 500 ? 500 : 400;
  return (reason ? REASON_PAGES[reason] : undefined) ?? PAGES[known] ?? SERVER_ERROR_PAGE;
}

/**
 * For a request refused before routing (a malformed URL), when the reply has none of
 * the site's decorations: the same page, rendered directly.
 */
export function sendBareError(request: FastifyRequest, reply: FastifyReply, status: number, assets: Assets) {
  const i18n = requestI18n(request);
  const words = wordsFor(status);
  reply.raw.statusCode = status;
  reply.raw.setHeader("x-request-id", request.id);
  for (const [name, value] of Object.entries(bareSecurityHeaders())) reply.raw.setHeader(name, value);
  if (wantsJson(request)) {
    reply.raw.setHeader("content-type", "application/json; charset=utf-8");
    reply.raw.end(JSON.stringify({ error: { status, message: i18n.t(words.message), requestId: request.id } }));
    return;
  }
  const context = { i18n, path: "/", nonce: "", csrfToken: () => "", requestId: request.id, assets };
  const body = h(ErrorPage, { heading: i18n.t(words.heading), message: i18n.t(words.message) });
  reply.raw.setHeader("content-type", "text/html; charset=utf-8");
  reply.raw.end(renderPage(context, body, { title: i18n.t(words.heading) }));
}

export function sendError(request: FastifyRequest, reply: FastifyReply, status: number, reason?: string) {
  const words = wordsFor(status, reason);
  const t = requestI18n(request).t;
  if (status === 503) reply.header("retry-after", String(RETRY_AFTER_SECONDS));
  if (wantsJson(request)) {
    return reply
      .code(status)
      .type("application/json; charset=utf-8")
      .send({ error: { status, message: t(words.message), requestId: request.id } });
  }
  const back = reason === "csrf" ? { backHref: request.headers.referer, backLabel: t("error.csrf.back") } : {};
  return reply.page(
    h(ErrorPage, {
      heading: t(words.heading),
      message: t(words.message),
      showRequestId: status >= 500,
      ...(back.backHref && sameSiteReferer(request, back.backHref) ? back : {}),
    }),
    { title: t(words.heading), status },
  );
}

function sameSiteReferer(request: FastifyRequest, referer: string): boolean {
  try {
    return new URL(referer).host === request.headers.host;
  } catch {
    return false;
  }
}

export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const status = statusOf(error);
    // Only these: a database error's other fields may quote personal data (a duplicate email).
    if (status === 503) {
      request.log.warn(
        { err: { message: error.message, code: (error as { code?: unknown }).code } },
        "database unavailable",
      );
    } else if (status >= 500) {
      const { message, stack } = error;
      const code = (error as { code?: unknown }).code;
      request.log.error({ err: { message, code, stack } }, "request failed");
    } else request.log.info({ status, reason: error.message }, "request refused");
    return sendError(request, reply, status, error instanceof DomainError ? error.reason : undefined);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404));
}
