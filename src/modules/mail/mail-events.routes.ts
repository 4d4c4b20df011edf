import type { FastifyInstance } from "fastify";
import type { Deps } from "../../deps.ts";
import { NotFoundError } from "../../errors.ts";
import { MAIL_EVENTS_SIGNATURE_HEADER, recordMailEvents } from "./suppression.service.ts";

/**
 * POST /webhooks/mail-events: the mail provider's bounces and complaints, signed with
 * MAIL_EVENTS_SECRET (see docs/operations.md). Unset: the address does not exist.
 */
export async function mailEventsRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  // The signature is over the body exactly as sent, so it is read as text here.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));

  app.post(
    "/webhooks/mail-events",
    { config: { csrf: false, rateLimit: { max: 120, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const secret = deps.config.mailEventsSecret;
      if (!secret) throw new NotFoundError();
      const raw = typeof request.body === "string" ? request.body : "";
      const outcome = await recordMailEvents(deps, secret, raw, request.headers[MAIL_EVENTS_SIGNATURE_HEADER]);
      if (outcome === "unsigned") return reply.code(401).send({ error: "bad-signature" });
      if (outcome === "invalid") return reply.code(400).send({ error: "invalid-events" });
      return reply.send({ suppressed: outcome.suppressed });
    },
  );
}
