// The server is killed with SIGKILL in the middle of a stream of signatures. After a
// restart, every signature the server acknowledged is stored exactly once and the counts
// agree with the signatures, without waiting for any reconciliation.
import { afterAll, expect, it } from "vitest";
import { describeEachDatabase } from "../support/databases.ts";
import { databaseUrlFor, type RunningServer, startServer } from "../support/process.ts";

const SLUG = "stop-returns-to-afghanistan";
const IN_FLIGHT = 6;
const SIGN_FOR_MS = 1500;

/** A browser's cookie and form token for the campaign page. */
async function formSession(base: string) {
  const page = await fetch(`${base}/campaigns/${SLUG}`);
  const html = await page.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!token) throw new Error(`no sign form on the campaign page (${page.status})`);
  return { token, cookie };
}

/** Signs with fresh addresses, IN_FLIGHT at a time, until stopped; the addresses acknowledged. */
function signUntilStopped(base: string, session: { token: string; cookie: string }) {
  const acknowledged: string[] = [];
  let running = true;
  let n = 0;
  const one = async () => {
    while (running) {
      const email = `killed-${process.pid}-${n++}@example.org`;
      try {
        const res = await fetch(`${base}/campaigns/${SLUG}/signatures`, {
          method: "POST",
          redirect: "manual",
          headers: {
            cookie: session.cookie,
            origin: base,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ _csrf: session.token, name: "Sam Fault", email, country: "NO" }).toString(),
        });
        if (res.status === 303 && res.headers.get("location")?.includes("/thank-you")) acknowledged.push(email);
      } catch {
        // The server died with the request in flight: not acknowledged, so nothing is owed.
      }
    }
  };
  const workers = Array.from({ length: IN_FLIGHT }, one);
  return {
    acknowledged,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

describeEachDatabase("the server killed with SIGKILL while people sign", (db) => {
  let server: RunningServer | null = null;
  afterAll(async () => {
    await server?.stop("SIGKILL");
  });

  it("keeps every acknowledged signature exactly once, and counts that agree with them", async () => {
    const handle = db().handle;
    // Counted at once, so the counts are written in the same transaction as the signature.
    await handle.db.updateTable("campaigns").set({ signature_policy: "instant" }).where("slug", "=", SLUG).execute();
    const env = { DATABASE_URL: databaseUrlFor(db()), RATE_LIMITS: "off", DEMO_CONTENT: "off" };
    server = await startServer(env);
    const signing = signUntilStopped(server.url, await formSession(server.url));
    await new Promise((resolve) => setTimeout(resolve, SIGN_FOR_MS));
    await server.stop("SIGKILL");
    await signing.stop();
    expect(signing.acknowledged.length).toBeGreaterThan(20);

    server = await startServer(env);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    await server.stop();
    server = null;

    const campaign = await handle.db
      .selectFrom("campaigns")
      .select("id")
      .where("slug", "=", SLUG)
      .executeTakeFirstOrThrow();
    const stored = await handle.db
      .selectFrom("signatures")
      .innerJoin("supporters", "supporters.id", "signatures.supporter_id")
      .select("supporters.email_canonical as email")
      .where("signatures.campaign_id", "=", campaign.id)
      .where("supporters.email_canonical", "like", `killed-${process.pid}-%`)
      .execute();
    const times = new Map<string, number>();
    for (const row of stored) times.set(row.email, (times.get(row.email) ?? 0) + 1);
    for (const email of signing.acknowledged) expect(times.get(email), email).toBe(1);
    expect([...times.values()].filter((n) => n !== 1)).toEqual([]);

    const confirmed = await handle.db
      .selectFrom("signatures")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("campaign_id", "=", campaign.id)
      .where("status", "=", "confirmed")
      .executeTakeFirstOrThrow();
    const total = await handle.db
      .selectFrom("campaign_counts")
      .select("total")
      .where("campaign_id", "=", campaign.id)
      .executeTakeFirstOrThrow();
    const byCountry = await handle.db
      .selectFrom("campaign_country_counts")
      .select((eb) => eb.fn.sum<number>("total").as("sum"))
      .where("campaign_id", "=", campaign.id)
      .executeTakeFirstOrThrow();
    expect(Number(total.total)).toBe(Number(confirmed.n));
    expect(Number(byCountry.sum)).toBe(Number(confirmed.n));
  }, 60_000);
});
