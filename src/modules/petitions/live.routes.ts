import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { goalFor } from "./goal.ts";
import { countBody, getCount } from "./petition-api.service.ts";

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

/** A comment line that keeps proxies from closing an idle event stream. */
const HEARTBEAT_MS = 25_000;

export function etagOf(body: unknown): string {
  return `"${createHash("sha1").update(JSON.stringify(body)).digest("base64url").slice(0, 16)}"`;
}

/**
 * The count of an open page, kept current: polled as JSON, or pushed as Server-Sent Events
 * (the page uses the events and falls back to polling where they fail).
 */
export async function liveRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get("/campaigns/:slug/count.json", async (request: SlugRequest, reply) => {
    const { campaign: _campaign, ...body } = await getCount(deps, request.params.slug, request.i18n);
    const etag = etagOf(body);
    reply
      .header("etag", etag)
      .header("cache-control", "public, max-age=1, stale-while-revalidate=5, stale-if-error=60");
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return reply.send(body);
  });

  app.get("/campaigns/:slug/live", async (request: SlugRequest, reply) => {
    const { campaign, ...first } = await getCount(deps, request.params.slug, request.i18n);
    const i18n = request.i18n;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-request-id": request.id,
    });
    const send = (body: object) => res.write(`event: count\ndata: ${JSON.stringify(body)}\n\n`);
    res.write("retry: 5000\n\n");
    send(first);
    const unsubscribe = deps.counts.subscribe(campaign.id, (count) => {
      send(countBody(count.total, goalFor(count.total, campaign.goal), count.updatedAt, i18n));
    });
    const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    heartbeat.unref();
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    request.raw.on("close", end);
    res.on("error", end);
  });
}
