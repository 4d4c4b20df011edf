import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { PUBLIC_CACHE } from "../../http/cache.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { CountRow } from "./counts.repo.ts";
import { goalFor } from "./goal.ts";
import { countBody, getCount } from "./petition-api.service.ts";

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

/** A comment line that keeps proxies from closing an idle event stream. */
const HEARTBEAT_MS = 25_000;

/** One count as a Server-Sent Event. */
function countEvent(body: object): string {
  return `event: count\ndata: ${JSON.stringify(body)}\n\n`;
}

export function etagOf(body: unknown): string {
  return `"${createHash("sha1").update(JSON.stringify(body)).digest("base64url").slice(0, 16)}"`;
}

/**
 * The count of an open page, kept current: polled as JSON, or pushed as Server-Sent Events
 * (the page uses the events and falls back to polling where they fail).
 */
export async function liveRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  /** The last count event written per campaign and language, with the count it was made from. */
  const lastEvents = new Map<string, { count: CountRow; text: string }>();
  app.get("/campaigns/:slug/count.json", async (request: SlugRequest, reply) => {
    const { campaign: _campaign, ...body } = await getCount(deps, request.params.slug, request.i18n);
    const etag = etagOf(body);
    reply.header("etag", etag).header("cache-control", PUBLIC_CACHE.count);
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return reply.send(body);
  });

  /** Open event streams: one timer keeps them all alive. */
  const streams = new Set<ServerResponse>();
  let heartbeat: NodeJS.Timeout | undefined;
  const keepAlive = (res: ServerResponse) => {
    streams.add(res);
    if (heartbeat) return;
    heartbeat = setInterval(() => {
      for (const stream of streams) stream.write(": keep-alive\n\n");
    }, HEARTBEAT_MS);
    heartbeat.unref();
  };
  const letGo = (res: ServerResponse) => {
    streams.delete(res);
    if (streams.size > 0 || !heartbeat) return;
    clearInterval(heartbeat);
    heartbeat = undefined;
  };

  /**
   * Streams one viewer's count. It keeps hold of no more than it needs (its response, the
   * campaign's id and goal, and the shared catalog of its language): a viral petition may
   * have ten thousand of these open at once.
   */
  const stream = (res: ServerResponse, campaignId: number, goal: number | null, i18n: I18n) => {
    const key = `${campaignId}:${i18n.locale}`;
    const unsubscribe = deps.counts.subscribe(campaignId, (count) => {
      // Thousands of viewers of one petition in one language share one rendering of the event.
      let shared = lastEvents.get(key);
      if (shared?.count !== count) {
        shared = { count, text: countEvent(countBody(count.total, goalFor(count.total, goal), count.updatedAt, i18n)) };
        lastEvents.set(key, shared);
      }
      res.write(shared.text);
    });
    keepAlive(res);
    const end = () => {
      letGo(res);
      unsubscribe();
    };
    res.on("close", end);
    res.on("error", end);
  };

  app.get("/campaigns/:slug/live", async (request: SlugRequest, reply) => {
    const { campaign, ...first } = await getCount(deps, request.params.slug, request.i18n);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-request-id": request.id,
    });
    res.write("retry: 5000\n\n");
    res.write(countEvent(first));
    stream(res, campaign.id, campaign.goal, request.i18n);
  });
}
