import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.ts";

export async function healthRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const noStore = { "cache-control": "no-store" };

  /** The process is up and serving. */
  app.get("/healthz", async (_request, reply) => reply.headers(noStore).send({ status: "ok" }));

  /** The process can do its work: the database answers. */
  app.get("/readyz", async (_request, reply) => {
    const ready = await deps.database.ping();
    return reply
      .headers(noStore)
      .code(ready ? 200 : 503)
      .send({ status: ready ? "ok" : "unavailable", database: ready ? "ok" : "unreachable" });
  });
}
