import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Notifications } from "./db/notify.ts";

export type BusHandler = (message: string) => void;

/**
 * Messages between the instances of the site: "this changed, forget what you cached".
 * Through Redis pub/sub when REDIS_URL is set, else PostgreSQL's LISTEN/NOTIFY; a lone
 * SQLite process has nobody to tell. An instance does not hear its own messages (it has
 * already acted on its change). Delivery is best effort: whoever listens also looks again
 * on a timer, so a message lost while a connection was down only delays a change.
 */
export interface Bus {
  kind: "redis" | "postgres" | "none";
  publish(channel: string, message: string): void;
  /** Resolves once messages on the channel are heard (until then they may be missed). */
  subscribe(channel: string, handler: BusHandler): Promise<void>;
  close(): Promise<void>;
}

/** Redis channels are named under this prefix, the instance's site's own. */
const PREFIX = "iwelcome:bus:";

/** Strips this instance's own messages, and hands the others' on. */
function fromOthers(self: string, handler: BusHandler): (raw: string) => void {
  return (raw) => {
    const at = raw.indexOf(" ");
    if (at === -1 || raw.slice(0, at) === self) return;
    handler(raw.slice(at + 1));
  };
}

/** `prefix` keeps apart sites (or test runs) that share one Redis. */
export function redisBus(redis: Redis, prefix = PREFIX): Bus {
  const self = randomUUID();
  const handlers = new Map<string, ((raw: string) => void)[]>();
  const subscribed = new Map<string, Promise<void>>();
  // A connection that subscribes can do nothing else: a second one, made when first needed.
  let subscriber: Redis | undefined;
  const listener = () => {
    if (subscriber) return subscriber;
    subscriber = redis.duplicate();
    subscriber.on("error", () => {});
    subscriber.on("message", (channel: string, raw: string) => {
      for (const handler of handlers.get(channel) ?? []) handler(raw);
    });
    return subscriber;
  };
  return {
    kind: "redis",
    publish(channel, message) {
      redis.publish(prefix + channel, `${self} ${message}`).catch(() => {});
    },
    subscribe(channel, handler) {
      const key = prefix + channel;
      handlers.set(key, [...(handlers.get(key) ?? []), fromOthers(self, handler)]);
      let ready = subscribed.get(key);
      if (!ready) {
        // ioredis subscribes again by itself after a reconnection.
        ready = listener()
          .subscribe(key)
          .then(() => {});
        subscribed.set(key, ready);
      }
      return ready;
    },
    async close() {
      subscriber?.disconnect();
    },
  };
}

export function postgresBus(notifications: Notifications): Bus {
  const self = randomUUID();
  const channel = (name: string) => `iwelcome_${name.replace(/\W/g, "_")}`;
  return {
    kind: "postgres",
    publish(name, message) {
      notifications.notify(channel(name), `${self} ${message}`).catch(() => {});
    },
    subscribe(name, handler) {
      return notifications.listen(channel(name), fromOthers(self, handler));
    },
    async close() {
      // The notifications' connection belongs to the database handle, which closes it.
    },
  };
}

export const noBus: Bus = {
  kind: "none",
  publish() {},
  async subscribe() {},
  async close() {},
};
