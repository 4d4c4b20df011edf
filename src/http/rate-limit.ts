import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
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
