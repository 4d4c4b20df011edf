import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { etagOf } from "./live.routes.ts";
import { getCount, getPetition, listPetitions } from "./petition-api.service.ts";

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

/** Reads are open to any site (CORS), and cacheable by a CDN for a few seconds. */
const READ_HEADERS = {
  "access-control-allow-origin": "*",
  "cache-control": "public, max-age=5, stale-while-revalidate=30, stale-if-error=300",
};

export async function petitionApiRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  app.get("/api/v1/petitions", async (_request, reply) => {
    return reply.headers(READ_HEADERS).send({ petitions: await listPetitions(deps, deps.config.publicUrl) });
  });

  app.get("/api/v1/petitions/:slug", async (request: SlugRequest, reply) => {
    const petition = await getPetition(deps, request.params.slug, deps.config.publicUrl, request.i18n);
    return reply.headers(READ_HEADERS).send(petition);
  });

  app.get("/api/v1/petitions/:slug/count", async (request: SlugRequest, reply) => {
    const { total_signatures, updated_at } = await getCount(deps, request.params.slug, request.i18n);
    const body = { total_signatures, updated_at };
    const etag = etagOf(body);
    reply
      .headers(READ_HEADERS)
      .header("etag", etag)
      .header("cache-control", "public, max-age=1, stale-while-revalidate=5, stale-if-error=60");
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return reply.send(body);
  });
}
