import type { FastifyInstance } from "fastify";
import { h } from "preact";
import type { Deps } from "../../deps.ts";
import { type ApiRoute, openApiDocument } from "./openapi.ts";
import { PROBLEMS } from "./problem.ts";
import { ApiReferencePage } from "./views/ApiReferencePage.tsx";

export type { ApiRoute };

/** The OpenAPI document and the reference page, both made from the routes' own schemas. */
export async function docsRoutes(app: FastifyInstance, { deps, routes }: { deps: Deps; routes: ApiRoute[] }) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  const documentOf = () => {
    document ??= openApiDocument(routes, deps.config.publicUrl);
    return document;
  };
  const open = { config: { apiScope: "public" as const } };

  app.get(
    "/openapi.json",
    { ...open, schema: { tags: ["reference"], summary: "This API's OpenAPI 3.1 document" } },
    async (_request, reply) =>
      reply
        .headers({ "access-control-allow-origin": "*", "cache-control": "public, max-age=300" })
        .type("application/json; charset=utf-8")
        .send(documentOf()),
  );

  app.get(
    "/docs",
    { ...open, schema: { tags: ["reference"], summary: "The API reference as a page" } },
    async (request, reply) =>
      reply.page(h(ApiReferencePage, { document: documentOf(), problems: PROBLEMS }), {
        title: request.i18n.t("api.docs.heading"),
      }),
  );
}
