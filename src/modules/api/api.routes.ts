import { Ajv } from "ajv";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { DomainError } from "../../errors.ts";
import { PUBLIC_CACHE } from "../../http/cache.ts";
import { statusOf } from "../../http/errors.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { authenticate } from "./api-auth.ts";
import type { ApiScope } from "./api-keys.ts";
import { type ApiRoute, docsRoutes } from "./docs.routes.ts";
import { ApiProblem, type ProblemField, problemTypeFor, sendProblem } from "./problem.ts";
import { v1Routes } from "./v1.routes.ts";

/** Refusals that the site explains in words of their own, in the language of the URL's prefix. */
const DOMAIN_DETAIL: Record<string, MessageKey> = {
  "campaign-closed": "campaign.closed.message",
  "signing-paused": "petition.paused.message",
};

/** Validation errors as a problem's fields: a JSON Pointer into the body, or the query parameter. */
function fieldsOf(error: FastifyError): ProblemField[] {
  const context = (error as { validationContext?: string }).validationContext ?? "body";
  return (error.validation ?? []).slice(0, 20).map((v) => {
    const extra = (v.params as { additionalProperty?: string }).additionalProperty;
    const path = `${v.instancePath}${extra ? `/${extra}` : ""}`;
    const pointer = context === "body" ? path || "/" : path.replace(/^\//, "") || context;
    const detail = extra ? "is not a known field" : (v.message ?? "is not valid");
    return { pointer, detail };
  });
}

/**
 * The API at /api/v1: its own validation (unknown fields and wrong types are refused, never
 * dropped or coerced in a body), keys checked before anything else, every error a problem
 * document, and every route recorded for the OpenAPI document.
 */
export async function apiRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const routes: ApiRoute[] = [];
  const strict = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
  const lenient = new Ajv({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true });
  for (const ajv of [strict, lenient]) {
    ajv.addFormat("uri", true);
    ajv.addFormat("email", true);
    ajv.addFormat("date-time", true);
  }
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === "body" ? strict : lenient).compile(schema as object),
  );
  // The response schemas document the answers; the answers are written as they are.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.decorateRequest("apiKey", null);
  app.decorateRequest("apiScopes", null as unknown as readonly ApiScope[]);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      routes.push({
        method,
        url: route.url ?? "",
        schema: (route.schema ?? {}) as Record<string, unknown>,
        scope: route.config?.apiScope,
      });
    }
  });
  app.addHook("onRequest", async (request) => authenticate(deps, request));

  app.setErrorHandler((error: FastifyError | DomainError | ApiProblem, request, reply) => {
    const url = deps.config.publicUrl;
    if (error instanceof ApiProblem) {
      return sendProblem(request, reply, url, { type: error.type, detail: error.detail, errors: error.errors });
    }
    if (!(error instanceof DomainError) && error.validation) {
      return sendProblem(request, reply, url, {
        type: "invalid-request",
        detail: "Some of what was sent is not valid; see errors.",
        errors: fieldsOf(error),
      });
    }
    const status = statusOf(error as FastifyError);
    if (status >= 500) {
      const { message, stack } = error;
      request.log.error({ err: { message, code: (error as { code?: unknown }).code, stack } }, "request failed");
    }
    const type = problemTypeFor(status);
    const reason = error instanceof DomainError ? error.reason : undefined;
    const detail =
      (reason && DOMAIN_DETAIL[reason] ? request.i18n.t(DOMAIN_DETAIL[reason]) : undefined) ??
      (status === 400 ? "The request could not be read (is the body valid JSON?)." : undefined) ??
      (status >= 500 ? `Something failed; quote request id ${request.id} when you ask about it.` : error.message);
    return sendProblem(request, reply, url, { type, detail: status >= 500 ? detail : detail || type });
  });
  app.setNotFoundHandler((request: FastifyRequest, reply) =>
    sendProblem(request, reply, deps.config.publicUrl, {
      type: "not-found",
      detail: "No route of the API matches this method and path; see /api/v1/openapi.json.",
    }),
  );

  await app.register(v1Routes, { deps });
  await app.register(docsRoutes, { deps, routes });
}

/** Reads of what is public anyway (petitions, their counts) are open to any site and cacheable. */
export const PUBLIC_READ_HEADERS = { "access-control-allow-origin": "*", "cache-control": PUBLIC_CACHE.api };
