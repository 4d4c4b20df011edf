import { PROBLEM } from "./schemas.ts";

/** A route as registered under /api/v1: what the OpenAPI document is made from. */
export interface ApiRoute {
  method: string;
  url: string;
  schema: Record<string, unknown>;
  scope: string | undefined;
}

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; description?: string } & Record<
  string,
  unknown
>;

const HAL = "application/hal+json";

/** "/api/v1/people/:id" → "/api/v1/people/{id}". */
export const openApiPath = (url: string) => url.replaceAll(/:([A-Za-z_]+)/g, "{$1}");

function parameters(schema: JsonSchema | undefined, where: "path" | "query") {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => {
    const { description, examples, ...rest } = property as JsonSchema & { examples?: unknown[] };
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
      ...(examples?.[0] !== undefined ? { example: examples[0] } : {}),
    };
  });
}

function responses(schema: Record<string, JsonSchema> | undefined) {
  return Object.fromEntries(
    Object.entries(schema ?? {}).map(([status, body]) => {
      const { description, ...rest } = body;
      const problem = body === (PROBLEM as unknown);
      const empty = Object.keys(rest).length === 0;
      return [
        status,
        {
          description: description ?? (problem ? "A problem document (RFC 9457)." : "OK"),
          ...(empty
            ? {}
            : {
                content: {
                  [problem
                    ? "application/problem+json"
                    : status === "200" || status === "202"
                      ? HAL
                      : "application/json"]: { schema: rest },
                },
              }),
        },
      ];
    }),
  );
}

/** The OpenAPI 3.1 document of the API, made from the schemas its routes are validated with. */
export function openApiDocument(routes: readonly ApiRoute[], publicUrl: URL) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const s = route.schema as {
      summary?: string;
      tags?: string[];
      params?: JsonSchema;
      querystring?: JsonSchema;
      body?: JsonSchema;
      response?: Record<string, JsonSchema>;
      hide?: boolean;
    };
    const path = openApiPath(route.url);
    const keyed = route.scope === "read" || route.scope === "write";
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId: `${route.method.toLowerCase()}${path.replaceAll(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
      summary: s.summary ?? route.url,
      tags: s.tags ?? ["reference"],
      ...(keyed
        ? { security: [{ bearer: [route.scope] }, { osdiToken: [route.scope] }], "x-scope": route.scope }
        : { security: [] }),
      parameters: [...parameters(s.params, "path"), ...parameters(s.querystring, "query")],
      ...(s.body ? { requestBody: { required: true, content: { "application/json": { schema: s.body } } } } : {}),
      responses: Object.keys(s.response ?? {}).length > 0 ? responses(s.response) : { 200: { description: "OK" } },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "iwelcome API",
      version: "1.0.0",
      description:
        "People, petitions, signatures, events, attendances and tags in the shape of OSDI (HAL+JSON). " +
        "Send a key made in the admin as an Authorization: Bearer header. Errors are problem documents (RFC 9457).",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: new URL("/", publicUrl).toString().replace(/\/$/, "") }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key made in the admin (iwk_…)." },
        osdiToken: {
          type: "apiKey",
          in: "header",
          name: "OSDI-API-Token",
          description: "The same key, as OSDI sends it.",
        },
      },
      schemas: { Problem: PROBLEM },
    },
    paths,
  };
}
