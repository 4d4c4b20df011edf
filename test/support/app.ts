import type { FastifyInstance } from "fastify";
import { type AppOptions, buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { DbHandle } from "../../src/db/index.ts";
import { assembleDeps, type Deps } from "../../src/deps.ts";

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
}

/**
 * The whole site on a test database, as the server builds it, for app.inject(). The
 * environment is the test defaults plus whatever the test sets.
 */
export async function buildTestApp(
  database: DbHandle,
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const { deps, close } = assembleDeps(config, database);
  const app = await buildApp(deps, options);
  app.addHook("onClose", close);
  return { app, deps };
}

/** A form post from one of the site's pages: fetches the page for its cookie and token first. */
export async function postForm(
  app: FastifyInstance,
  pageUrl: string,
  action: string,
  fields: Record<string, string> = {},
) {
  const page = await app.inject({ method: "GET", url: pageUrl });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error(`no form with a CSRF token on ${pageUrl}`);
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return app.inject({
    method: "POST",
    url: action,
    headers: { cookie, origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}
