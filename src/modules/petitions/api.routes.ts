import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { PUBLIC_CACHE } from "../../http/cache.ts";
import { networkHash } from "../../http/network.ts";
import { etagOf } from "./live.routes.ts";
import { formFromOsdi, OSDI_FIELD } from "./osdi.ts";
import { getCount, getPetition, listPetitions } from "./petition-api.service.ts";
import { signPetition } from "./signing.service.ts";
import { sourceFromForm } from "./source.ts";

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

/** Reads are open to any site (CORS), and cacheable by a CDN for a few seconds. */
const READ_HEADERS = {
  "access-control-allow-origin": "*",
  "cache-control": PUBLIC_CACHE.api,
};

export async function petitionApiRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const secret = deps.config.secretKey;

  /**
   * Records a signature sent by a partner's server or app (OSDI record signature helper).
   * The same rules and confirmation as the form; no cookie, so no CSRF token, but the same
   * limits per network and petition. The answer never says whether the address had signed.
   */
  app.post<{ Params: { slug: string } }>(
    "/api/v1/petitions/:slug/signatures",
    {
      config: {
        csrf: false,
        rateLimit: {
          max: 60,
          timeWindow: "1 minute",
          keyGenerator: (request: FastifyRequest) =>
            `api:${networkHash(secret, request.ip)}:${(request.params as { slug?: string }).slug ?? ""}`,
        },
      },
    },
    async (request, reply) => {
      const { form, source } = formFromOsdi(request.body);
      const outcome = await signPetition(deps, {
        slug: request.params.slug,
        form,
        i18n: request.i18n,
        source: sourceFromForm(source),
        networkHash: networkHash(secret, request.ip),
      });
      if (outcome.kind === "invalid") {
        const fields = outcome.problems.map((p) => ({
          field: OSDI_FIELD[p.field],
          message: request.i18n.t(p.message),
        }));
        return reply.code(400).send({
          error: { status: 400, message: request.i18n.t("error.badRequest.heading"), requestId: request.id, fields },
        });
      }
      return reply.code(202).send({ status: "received" });
    },
  );
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
    reply.headers(READ_HEADERS).header("etag", etag).header("cache-control", PUBLIC_CACHE.count);
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return reply.send(body);
  });
}
