import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { NotFoundError } from "../../errors.ts";
import { requireArea, type StaffRoutes, viewerOf } from "../admin/staff-area.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { localisedPath } from "../i18n/locales.ts";
import { listApiKeys } from "./api-keys.repo.ts";
import { type ApiKeyProblem, createApiKey, revokeKey } from "./api-keys.service.ts";
import { ApiKeysPage, type ApiKeyValues } from "./views/ApiKeysPage.tsx";
import { type EndpointValues, WebhooksPage } from "./views/WebhooksPage.tsx";
import {
  createEndpoint,
  disableWebhook,
  type EndpointProblem,
  getWebhooksOverview,
  replayDelivery,
} from "./webhooks.service.ts";

const KEY_PROBLEM: Record<ApiKeyProblem, MessageKey> = {
  name: "admin.api.error.name",
  scopes: "admin.api.error.scopes",
  expires: "admin.api.error.expires",
};

const ENDPOINT_PROBLEM: Record<EndpointProblem, { field: string; key: MessageKey }> = {
  url: { field: "url", key: "admin.webhooks.error.url" },
  https: { field: "url", key: "admin.webhooks.error.https" },
  private: { field: "url", key: "admin.webhooks.error.private" },
  description: { field: "description", key: "admin.webhooks.error.description" },
  events: { field: "events", key: "admin.webhooks.error.events" },
};

const writeLimit = { config: { rateLimit: { max: 30, timeWindow: "1 minute" } } };

const text = (request: FastifyRequest, name: string) => {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.slice(0, 600) : "";
};
const list = (request: FastifyRequest, name: string) => {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  const all = Array.isArray(value) ? value : [value];
  return all.filter((v): v is string => typeof v === "string").slice(0, 20);
};

const idOf = (request: FastifyRequest) => {
  const raw = (request.params as { id?: string }).id ?? "";
  if (!/^\d{1,12}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
};

/** API keys and webhooks, for admins: what an organisation's own tools connect with. */
export const apiAdminRoutes: StaffRoutes = (app, deps) => {
  const keysPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ApiKeyValues,
    problems: ApiKeyProblem[] = [],
    created: { name: string; key: string } | null = null,
  ) => {
    const staff = requireArea(request, "api");
    const t = request.i18n.t;
    const errors = problems.map((p) => ({ field: p, message: t(KEY_PROBLEM[p]) }));
    return reply
      .header("cache-control", "no-store")
      .page(h(ApiKeysPage, { staff: viewerOf(staff), keys: await listApiKeys(deps.db), values, errors, created }), {
        title: t("admin.api.heading"),
        status: errors.length > 0 ? 400 : 200,
        hasErrors: errors.length > 0,
      });
  };

  const webhooksPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: EndpointValues,
    problems: EndpointProblem[] = [],
    created: { url: string; secret: string } | null = null,
  ) => {
    const staff = requireArea(request, "api");
    const t = request.i18n.t;
    const errors = problems.map((p) => ({ field: ENDPOINT_PROBLEM[p].field, message: t(ENDPOINT_PROBLEM[p].key) }));
    const replayed = (request.query as Record<string, unknown>).replayed === "1";
    return reply.header("cache-control", "no-store").page(
      h(WebhooksPage, {
        staff: viewerOf(staff),
        ...(await getWebhooksOverview(deps)),
        values,
        errors,
        created,
        replayed,
      }),
      { title: t("admin.webhooks.heading"), status: errors.length > 0 ? 400 : 200, hasErrors: errors.length > 0 },
    );
  };

  const blankKey: ApiKeyValues = { name: "", scopes: ["read"], expires: "" };
  const blankEndpoint: EndpointValues = { url: "", description: "", events: [] };

  app.get("/admin/api", async (request, reply) => keysPage(request, reply, blankKey));

  app.post("/admin/api/keys", writeLimit, async (request, reply) => {
    const staff = requireArea(request, "api");
    const values = { name: text(request, "name"), scopes: list(request, "scopes"), expires: text(request, "expires") };
    const result = await createApiKey(deps, staff.user.id, values);
    if (!result.ok) return keysPage(request, reply, values, result.problems);
    // Shown on this answer only (never in a URL or a redirect), then gone.
    return keysPage(request, reply, blankKey, [], { name: values.name.trim(), key: result.key });
  });

  app.post("/admin/api/keys/:id/revoke", writeLimit, async (request, reply) => {
    const staff = requireArea(request, "api");
    await revokeKey(deps, staff.user.id, idOf(request));
    return reply.redirect(localisedPath(request.locale, "/admin/api"), 303);
  });

  app.get("/admin/api/webhooks", async (request, reply) => webhooksPage(request, reply, blankEndpoint));

  app.post("/admin/api/webhooks", writeLimit, async (request, reply) => {
    const staff = requireArea(request, "api");
    const values = {
      url: text(request, "url"),
      description: text(request, "description"),
      events: list(request, "events"),
    };
    const result = await createEndpoint(deps, staff.user.id, values);
    if (!result.ok) return webhooksPage(request, reply, values, result.problems);
    return webhooksPage(request, reply, blankEndpoint, [], { url: values.url.trim(), secret: result.secret });
  });

  app.post("/admin/api/webhooks/:id/disable", writeLimit, async (request, reply) => {
    const staff = requireArea(request, "api");
    await disableWebhook(deps, staff.user.id, idOf(request));
    return reply.redirect(localisedPath(request.locale, "/admin/api/webhooks"), 303);
  });

  app.post("/admin/api/deliveries/:id/replay", writeLimit, async (request, reply) => {
    const staff = requireArea(request, "api");
    const replayed = await replayDelivery(deps, staff.user.id, idOf(request));
    return reply.redirect(
      `${localisedPath(request.locale, "/admin/api/webhooks")}${replayed ? "?replayed=1" : ""}`,
      303,
    );
  });
};
