import pg from "pg";

/** How long to wait before listening again after the listening connection was lost. */
const RECONNECT_MS = 1000;

export type NotificationHandler = (payload: string) => void;

/** PostgreSQL's LISTEN/NOTIFY: messages between every process connected to one database. */
export interface Notifications {
  notify(channel: string, payload: string): Promise<void>;
  /** Resolves once the channel is listened to. */
  listen(channel: string, handler: NotificationHandler): Promise<void>;
  close(): Promise<void>;
}

/**
 * LISTEN needs a connection of its own that stays open (a pooled one goes back to the
 * pool; behind PgBouncer in transaction mode it would hear nothing), so one client is kept
 * for listening and made again if it drops. NOTIFY goes through the pool. A channel name
 * carries the schema, so that test runs sharing a database do not hear each other.
 */
export function postgresNotifications(url: string, pool: pg.Pool, schema: string | undefined): Notifications {
  const handlers = new Map<string, NotificationHandler[]>();
  const name = (channel: string) => (schema ? `${channel}_${schema}` : channel).toLowerCase();
  let client: Promise<pg.Client> | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const gone = new WeakSet<pg.Client>();
  const lost = (c: pg.Client) => {
    if (gone.has(c)) return;
    gone.add(c);
    c.removeAllListeners("notification");
    void c.end().catch(() => {});
    client = undefined;
    if (closed) return;
    retry = setTimeout(() => {
      // Listen again to every channel (what was said meanwhile is lost: listeners also poll).
      for (const channel of handlers.keys()) void listenOn(channel).catch(() => {});
    }, RECONNECT_MS);
    retry.unref();
  };

  const connected = (): Promise<pg.Client> => {
    client ??= (async () => {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      c.on("error", () => lost(c));
      c.on("end", () => lost(c));
      c.on("notification", (message) => {
        for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? "");
      });
      try {
        await c.connect();
      } catch (error) {
        lost(c);
        throw error;
      }
      return c;
    })();
    return client;
  };

  const listenOn = async (channel: string) => {
    const c = await connected();
    await c.query(`listen "${channel}"`);
  };

  return {
    async notify(channel, payload) {
      await pool.query("select pg_notify($1, $2)", [name(channel), payload]);
    },
    listen(channel, handler) {
      const key = name(channel);
      const known = handlers.get(key);
      if (known) known.push(handler);
      else handlers.set(key, [handler]);
      return listenOn(key);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      if (c) await (await c.catch(() => undefined))?.end().catch(() => {});
    },
  };
}
