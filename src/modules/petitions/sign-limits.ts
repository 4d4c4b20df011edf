import { createHmac } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { networkHash } from "../../http/network.ts";
import { extraLimit, quietLimit } from "../../http/rate-limit.ts";
import { CHALLENGE_FIELD } from "../abuse/challenge.ts";
import { checkSignForm } from "../abuse/form-guard.ts";

/**
 * The limits on signing, one fact each. Per network (its keyed hash) and petition: a burst
 * (per minute) and a sustained rate (per hour), refused with the 429 page. Per email address
 * and petition: counted quietly, and a submission over it is answered as usual but changes
 * nothing (so nobody learns anything about an address by typing it again and again).
 */
export const SIGN_LIMITS = {
  burst: { max: 20, timeWindow: "1 minute" },
  sustained: { max: 200, timeWindow: "1 hour" },
  perEmail: { max: 5, timeWindow: "1 hour" },
} as const;

const slugOf = (request: FastifyRequest) => (request.params as { slug?: string }).slug ?? "";

/** The route options and checks of a route that takes signatures (the form and the embed). */
export function signingGuards(app: FastifyInstance, deps: Deps) {
  const secret = deps.config.secretKey;
  const network = (request: FastifyRequest) => networkHash(secret, request.ip);
  // A network on the allow list (a stall or office where many sign on one connection) is not limited.
  const allowList = async (request: FastifyRequest) => (await deps.abuse.rules()).network(request.ip) === "allow";
  const overEmailLimit = quietLimit(app, SIGN_LIMITS.perEmail);
  return {
    /** For the route's config: the burst limit. */
    rateLimit: {
      ...SIGN_LIMITS.burst,
      keyGenerator: (request: FastifyRequest) => `${network(request)}:${slugOf(request)}`,
      allowList,
    },
    /** For the route's onRequest: the sustained limit. */
    onRequest: extraLimit(app, {
      ...SIGN_LIMITS.sustained,
      keyGenerator: (request) => `sustained:${network(request)}:${slugOf(request)}`,
      allowList,
    }),
    /** What the signing service needs to know of the request beyond the form. */
    async screen(request: FastifyRequest, slug: string, body: Record<string, unknown>) {
      const rules = await deps.abuse.rules();
      return {
        networkHash: network(request),
        network: rules.network(request.ip),
        formCheck: checkSignForm(body, { secretKey: secret, slug, minSeconds: deps.config.signMinSeconds }),
        // Checked by the service, and only when the challenge is on for the petition.
        challenge: { solution: body[CHALLENGE_FIELD] },
        // Counted only once the form is valid, by the canonical address the service found.
        overLimit: (address: string) => overEmailLimit(request, `email:${keyedEmail(secret, address)}:${slug}`),
      };
    },
  };
}

/** An address as the limits count it: a keyed hash, so that no address sits in memory or Redis. */
function keyedEmail(secret: string, address: string): string {
  return createHmac("sha256", secret).update(`email-limit:${address}`).digest("base64url").slice(0, 22);
}
