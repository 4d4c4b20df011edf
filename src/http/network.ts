import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import type { FastifyRequest } from "fastify";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * True when the request comes from this machine itself: the TCP peer is loopback and no
 * proxy forwarded it (a reverse proxy on the same host would otherwise pass for local).
 */
export function isLoopbackPeer(request: FastifyRequest): boolean {
  const h = request.headers;
  if (h["x-forwarded-for"] || h.forwarded || h["x-real-ip"]) return false;
  return LOOPBACK.test(request.socket.remoteAddress ?? "");
}

/**
 * A keyed hash of the client's network, never the address itself: IPv4 addresses are
 * taken whole, IPv6 addresses by their /64 (one household or phone). The key is derived
 * from SECRET_KEY and the day (UTC), so the same network gives the same hash all day, and
 * limits and flood detection still work, while hashes from different days cannot be linked.
 */
export function networkHash(secretKey: string, ip: string, at: Date = new Date()): string {
  return createHmac("sha256", dailyKeyOf(secretKey, at.toISOString().slice(0, 10)))
    .update(`net:${networkOf(ip)}`)
    .digest("base64url")
    .slice(0, 22);
}

/**
 * The day's key, made once a day rather than once a request (it is on every signature's
 * path), and kept as a KeyObject: an HMAC keyed by one is several times quicker to start.
 */
let lastKey: { secretKey: string; day: string; key: KeyObject } | undefined;
function dailyKeyOf(secretKey: string, day: string): KeyObject {
  if (lastKey?.secretKey !== secretKey || lastKey.day !== day) {
    const key = createSecretKey(createHmac("sha256", secretKey).update(`net-key:${day}`).digest());
    lastKey = { secretKey, day, key };
  }
  return lastKey.key;
}

export function networkOf(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4?.[1]) return v4[1];
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
