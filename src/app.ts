import { randomUUID } from "node:crypto";
import { join } from "node:path";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Deps } from "./deps.ts";
import { ASSETS_PREFIX, type Assets, loadAssets, PUBLIC_DIR } from "./http/assets.ts";
import { publicCaching } from "./http/cache.ts";
import { csrf } from "./http/csrf.ts";
import { registerErrorHandlers, sendBareError } from "./http/errors.ts";
import { i18n, withoutLocale } from "./http/i18n.ts";
import { registerInputGuard } from "./http/input-guard.ts";
import { loggerOptions } from "./http/logging.ts";
import { registerRateLimits } from "./http/rate-limit.ts";
import { render } from "./http/render.ts";
import { registerSecurityHeaders } from "./http/security.ts";
import "./http/types.ts";
import { adminRoutes } from "./modules/admin/admin.routes.ts";
import { apiRoutes } from "./modules/api/api.routes.ts";
import { campaignRoutes } from "./modules/campaigns/campaigns.routes.ts";
import { uploadRoutes } from "./modules/campaigns/uploads.routes.ts";
import { communityRoutes } from "./modules/community/community.routes.ts";
import { manageRoutes } from "./modules/community/manage.routes.ts";
import { contentRoutes } from "./modules/content/content.routes.ts";
import { eventRoutes } from "./modules/events/events.routes.ts";
import { groupRoutes } from "./modules/groups/groups.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { learnRoutes } from "./modules/learn/learn.routes.ts";
import { mailEventsRoutes } from "./modules/mail/mail-events.routes.ts";
import { mailboxRoutes } from "./modules/mail/mailbox.routes.ts";
import { commentRoutes } from "./modules/petitions/comments.routes.ts";
import { embedRoutes } from "./modules/petitions/embed.routes.ts";
import { liveRoutes } from "./modules/petitions/live.routes.ts";
import { petitionRoutes } from "./modules/petitions/petitions.routes.ts";
import { shareImageRoutes } from "./modules/petitions/share-image.routes.ts";
import { storyRoutes } from "./modules/stories/stories.routes.ts";

/** Forms and JSON are small; uploads (later) set their own limits. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface AppOptions {
  /** The client bundle's file names; read from the build's manifest when not given. */
  assets?: Assets;
  /** Told of every route as it is registered (the tests check every admin route this way). */
  onRoute?: (route: { method: string | string[]; url: string; config?: unknown }) => void;
}

/** Builds the whole site on the given dependencies, ready to listen or to inject into. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const production = config.nodeEnv === "production";
  const assets = options.assets ?? loadAssets();
  const app = Fastify({
    logger: loggerOptions(config),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // A hop count is accepted at run time though the type leaves it out.
    trustProxy: config.trustProxy as boolean,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200, ignoreDuplicateSlashes: true },
    // Routes are written without a locale: /ar/campaigns is served by /campaigns.
    rewriteUrl: (req) => withoutLocale(req.url ?? "/"),
    frameworkErrors: (error, request, reply) => {
      request.log.info({ code: error.code }, "malformed request");
      sendBareError(request, reply, 400, assets);
    },
  });
  const { onRoute } = options;
  if (onRoute)
    app.addHook("onRoute", (route) => onRoute({ method: route.method, url: route.url, config: route.config }));

  // First, so that every route (the language switcher in the i18n plugin too) answers with them.
  registerErrorHandlers(app);
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  await registerSecurityHeaders(app, { production });
  await app.register(i18n, { secureCookies: production });
  await app.register(csrf, {
    secretKey: config.secretKey,
    publicOrigin: config.publicUrl.origin,
    secureCookies: production,
  });
  await app.register(render, { assets });
  await app.register(publicCaching);
  await registerRateLimits(app, {
    enabled: config.rateLimits,
    secretKey: config.secretKey,
    ...(deps.redis ? { redis: deps.redis } : {}),
  });
  registerInputGuard(app);

  // While shutting down, each answer closes its connection, so that the process can
  // exit as soon as the requests in flight are done rather than when clients let go.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });

  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-request-id", request.id);
    if (closing) reply.header("connection", "close");
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-cache");
    return payload;
  });

  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: ASSETS_PREFIX,
    index: false,
    decorateReply: false,
    immutable: true,
    maxAge: "365d",
  });

  // Pictures that keep their names (the database refers to them), cached for a day.
  await app.register(fastifyStatic, {
    root: join(PUBLIC_DIR, "illustrations"),
    prefix: "/illustrations/",
    index: false,
    decorateReply: false,
    maxAge: "1d",
  });

  await app.register(healthRoutes, { deps });
  await app.register(contentRoutes, { deps });
  await app.register(campaignRoutes, { deps });
  await app.register(uploadRoutes, { deps });
  await app.register(petitionRoutes, { deps });
  await app.register(commentRoutes, { deps });
  await app.register(eventRoutes, { deps });
  await app.register(groupRoutes, { deps });
  await app.register(storyRoutes, { deps });
  await app.register(learnRoutes, { deps });
  await app.register(liveRoutes, { deps });
  await app.register(apiRoutes, { deps, prefix: "/api/v1" });
  await app.register(embedRoutes, { deps });
  await app.register(shareImageRoutes, { deps });
  await app.register(communityRoutes, { deps });
  await app.register(manageRoutes, { deps });
  await app.register(adminRoutes, { deps });
  await app.register(mailEventsRoutes, { deps });
  if (!production && deps.mailer.kind === "dev-mailbox") await app.register(mailboxRoutes, { deps });

  return app;
}
