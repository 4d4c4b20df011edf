import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from "fastify";
import type { Redis } from "ioredis";
import { networkHash } from "./network.ts";

export interface RateLimitOptions {
  enabled: boolean;
  secretKey: string;
  /** Shared counters across instances when Redis is configured. */
  redis?: Redis;
}

/**
 * Limits are declared per route (config.rateLimit); none applies globally. Clients are
 * told apart by a keyed hash of their network, never by their raw address.
 */
export async function registerRateLimits(app: FastifyInstance, options: RateLimitOptions) {
  if (!options.enabled) return;
  await app.register(rateLimit, {
    global: false,
    // With Redis, every instance counts together; if Redis fails, requests are let through
    // rather than refused (the limits are a brake on abuse, not a gate).
    ...(options.redis ? { redis: options.redis, nameSpace: "iwelcome:rl:", skipOnError: true } : {}),
    keyGenerator: (request) => networkHash(options.secretKey, request.ip),
    // Thrown, so that the error handler shows the site's own page in the visitor's language.
    errorResponseBuilder: (_request, context) => {
      const error = new Error("rate limited") as Error & { statusCode: number };
      error.statusCode = context.statusCode;
      return error;
    },
  });
}

export interface ExtraLimit {
  max: number;
  timeWindow: string | number;
  keyGenerator: (request: FastifyRequest) => string | Promise<string>;
  /** Requests it does not count (an allow-listed network). */
  allowList?: (request: FastifyRequest, key: string) => boolean | Promise<boolean>;
}

type Limiter = (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean }>;

function limiterOf(app: FastifyInstance, options: ExtraLimit): Limiter | undefined {
  const create = (app as unknown as { createRateLimit?: (o: ExtraLimit) => Limiter }).createRateLimit;
  return create ? create.call(app, options) : undefined;
}

/**
 * A second limit on a route beside the one in its config (the plugin runs only one per
 * request): an onRequest hook that refuses with 429 like the first, or none while limits
 * are off. Counted in the same store (Redis when configured).
 */
export function extraLimit(app: FastifyInstance, options: ExtraLimit): onRequestHookHandler[] {
  const limit = limiterOf(app, options);
  if (!limit) return [];
  return [
    async (request) => {
      const result = await limit(request);
      if (!result.isAllowed && result.isExceeded) {
        const error = new Error("rate limited") as Error & { statusCode: number };
        error.statusCode = 429;
        throw error;
      }
    },
  ];
}

/**
 * A limit that refuses nothing out loud: counts a request and says whether it is over (the
 * caller then answers as usual and does nothing). Never over while limits are off.
 */
export function quietLimit(
  app: FastifyInstance,
  options: Omit<ExtraLimit, "keyGenerator">,
): (request: FastifyRequest, key: string) => Promise<boolean> {
  const keys = new WeakMap<FastifyRequest, string>();
  const limit = limiterOf(app, { ...options, keyGenerator: (request) => keys.get(request) ?? "" });
  return async (request, key) => {
    if (!limit) return false;
    keys.set(request, key);
    const result = await limit(request);
    return !result.isAllowed && result.isExceeded === true;
  };
}
