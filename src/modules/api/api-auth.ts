import type { FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { networkHash } from "../../http/network.ts";
import type { ApiKeyRow } from "./api-keys.repo.ts";
import { checkApiKey } from "./api-keys.service.ts";
import type { ApiScope } from "./api-keys.ts";
import { hashApiKey } from "./api-keys.ts";
import { ApiProblem } from "./problem.ts";

declare module "fastify" {
  /** What the OpenAPI document says of a route, beside the schemas Fastify validates with. */
  interface FastifySchema {
    summary?: string;
    tags?: string[];
  }
  interface FastifyContextConfig {
    /** The scope an /api/v1 route needs; "public" for what anyone may read (petitions, the docs). */
    apiScope?: ApiScope | "public";
  }
  interface FastifyRequest {
    /** The API key that authenticated the request, on /api/v1 routes that need one. */
    apiKey: ApiKeyRow | null;
    apiScopes: readonly ApiScope[];
  }
}

/** The key sent as `Authorization: Bearer …` or OSDI's `OSDI-API-Token: …` header. */
export function presentedKey(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  if (typeof auth === "string") {
    const match = /^Bearer\s+(\S{1,200})$/i.exec(auth.trim());
    return match?.[1] ?? null;
  }
  const token = request.headers["osdi-api-token"];
  return typeof token === "string" && token.length > 0 && token.length <= 200 ? token.trim() : null;
}

/** Rate limits count per key (its hash), and per network for requests without one. */
export function rateLimitKey(secretKey: string) {
  return (request: FastifyRequest) => {
    const key = presentedKey(request);
    return key ? `api-key:${hashApiKey(key).slice(0, 32)}` : `api-net:${networkHash(secretKey, request.ip)}`;
  };
}

const REASON_DETAIL = {
  unknown: "No API key matches the one sent.",
  revoked: "This API key was revoked.",
  expired: "This API key has expired.",
} as const;

/** Checks the key a route needs before anything else is read: 401 without a good one, 403 without the scope. */
export async function authenticate(deps: Deps, request: FastifyRequest): Promise<void> {
  const needed = request.routeOptions.config.apiScope;
  if (!needed || needed === "public") return;
  const check = await checkApiKey(deps, presentedKey(request));
  if (!check.ok) {
    if (check.reason === "missing") {
      throw new ApiProblem(
        "missing-key",
        "Send an API key as `Authorization: Bearer <key>` (or an OSDI-API-Token header).",
      );
    }
    throw new ApiProblem("bad-key", REASON_DETAIL[check.reason]);
  }
  if (!check.scopes.includes(needed)) {
    throw new ApiProblem("missing-scope", `This needs a key with the "${needed}" scope.`);
  }
  request.apiKey = check.key;
  request.apiScopes = check.scopes;
}
