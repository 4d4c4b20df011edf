import { Redis } from "ioredis";

/**
 * The Redis connection shared by the features that scale out (rate limits now; live
 * counts later). Short timeouts: a slow or missing Redis must not hold requests up.
 */
export function createRedis(url: string): Redis {
  const redis = new Redis(url, { connectTimeout: 1000, maxRetriesPerRequest: 1, lazyConnect: false });
  // Errors are reported where a command fails; an idle reconnect must not crash the process.
  redis.on("error", () => {});
  return redis;
}
