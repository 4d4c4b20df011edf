import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "../../deps.ts";
import { PUBLIC_CACHE } from "../../http/cache.ts";
import { networkHash } from "../../http/network.ts";
import { etagOf } from "../petitions/live.routes.ts";
import { formFromOsdi, OSDI_FIELD } from "../petitions/osdi.ts";
import { getCount } from "../petitions/petition-api.service.ts";
import { signPetition } from "../petitions/signing.service.ts";
import { sourceFromForm } from "../petitions/source.ts";
import { rateLimitKey } from "./api-auth.ts";
import { type CollectionQuery, osdiReader } from "./osdi.service.ts";
import { ApiProblem } from "./problem.ts";
import * as s from "./schemas.ts";

const HAL = "application/hal+json; charset=utf-8";
const PUBLIC_READ = { "access-control-allow-origin": "*", "cache-control": PUBLIC_CACHE.api };
/** Personal data: never kept by a cache, and an answer differs by key. */
const PRIVATE_READ = { "cache-control": "no-store", vary: "authorization, osdi-api-token" };

type IdRequest = FastifyRequest<{ Params: { id: number }; Querystring: CollectionQuery }>;
type SlugRequest = FastifyRequest<{ Params: { slug: string }; Querystring: CollectionQuery }>;
type ListRequest = FastifyRequest<{ Querystring: CollectionQuery }>;

const errors = { 400: s.PROBLEM, 401: s.PROBLEM, 403: s.PROBLEM, 404: s.PROBLEM, 429: s.PROBLEM };

/** The OSDI resources at /api/v1 (registered with that prefix). */
export async function v1Routes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const read = osdiReader(deps);
  const limit = (max: number) => ({
    rateLimit: { max, timeWindow: "1 minute", keyGenerator: rateLimitKey(deps.config.secretKey) },
  });
  const keyed = (scope: "read" | "write", max = 600) => ({ apiScope: scope, ...limit(max) });
  const list = (tag: string, summary: string, name: string, item: object, params?: object) => ({
    config: keyed("read"),
    schema: {
      tags: [tag],
      summary,
      ...(params ? { params } : {}),
      querystring: s.COLLECTION_QUERY,
      response: { 200: s.collection(name, item), ...errors },
    },
  });
  const one = (tag: string, summary: string, item: object, params: object = s.ID_PARAMS) => ({
    config: keyed("read"),
    schema: { tags: [tag], summary, params, querystring: s.NO_QUERY, response: { 200: item, ...errors } },
  });
  const sendPrivate = (reply: FastifyReply, body: unknown) => reply.headers(PRIVATE_READ).type(HAL).send(body);

  // Petitions: public, open to any site, cacheable.
  app.get(
    "/petitions",
    {
      config: { apiScope: "public" },
      schema: {
        tags: ["petitions"],
        summary: "Public petitions, newest first, with their counts (no key needed)",
        querystring: s.COLLECTION_QUERY,
        response: { 200: s.collection("petitions", s.PETITION), 400: s.PROBLEM },
      },
    },
    async (request: ListRequest, reply) =>
      reply
        .headers(PUBLIC_READ)
        .type(HAL)
        .send(await read.petitions(request.query)),
  );
  app.get(
    "/petitions/:slug",
    {
      config: { apiScope: "public" },
      schema: {
        tags: ["petitions"],
        summary: "One public petition, with its signatures by country (no key needed)",
        params: s.SLUG_PARAMS,
        querystring: s.NO_QUERY,
        response: { 200: s.PETITION, 404: s.PROBLEM },
      },
    },
    async (request: SlugRequest, reply) =>
      reply
        .headers(PUBLIC_READ)
        .type(HAL)
        .send(await read.petition(request.params.slug, request.i18n)),
  );
  app.get(
    "/petitions/:slug/count",
    {
      config: { apiScope: "public" },
      schema: {
        tags: ["petitions"],
        summary: "A petition's count, cheap, with an ETag (no key needed)",
        params: s.SLUG_PARAMS,
        querystring: s.NO_QUERY,
        response: {
          200: {
            type: "object",
            properties: { total_signatures: { type: "integer" }, updated_at: { type: ["string", "null"] } },
          },
          304: { description: "Not modified since the ETag sent in If-None-Match." },
          404: s.PROBLEM,
        },
      },
    },
    async (request: SlugRequest, reply) => {
      const { total_signatures, updated_at } = await getCount(deps, request.params.slug, request.i18n);
      const body = { total_signatures, updated_at };
      const etag = etagOf(body);
      reply.headers(PUBLIC_READ).header("etag", etag).header("cache-control", PUBLIC_CACHE.count);
      if (request.headers["if-none-match"] === etag) return reply.code(304).send();
      return reply.send(body);
    },
  );
  app.get(
    "/petitions/:slug/signatures",
    list("signatures", "The signatures of one petition", "signatures", s.SIGNATURE, s.SLUG_PARAMS),
    async (request: SlugRequest, reply) =>
      sendPrivate(reply, await read.signatures(request.query, { slug: request.params.slug })),
  );

  /**
   * OSDI's record signature helper. The same rules and confirmation as the site's form; a
   * key with the write scope. Without the read scope too, the answer does not show the
   * signature (it would tell whether the address had signed before).
   */
  app.post(
    "/petitions/:slug/signatures",
    {
      config: { csrf: false, ...keyed("write", 120) },
      schema: {
        tags: ["signatures"],
        summary: "Record a signature (OSDI record signature helper)",
        params: s.SLUG_PARAMS,
        querystring: s.NO_QUERY,
        body: s.RECORD_SIGNATURE,
        response: {
          202: {
            ...s.SIGNATURE,
            description:
              "Received: the signature (with a read scope too), counted once the signer confirms it (at once on an instant petition).",
          },
          409: s.PROBLEM,
          ...errors,
        },
      },
    },
    async (request: FastifyRequest<{ Params: { slug: string }; Body: unknown }>, reply) => {
      const { form, source } = formFromOsdi(request.body);
      const outcome = await signPetition(deps, {
        slug: request.params.slug,
        form,
        i18n: request.i18n,
        source: sourceFromForm(source),
        networkHash: networkHash(deps.config.secretKey, request.ip),
      });
      if (outcome.kind === "invalid") {
        throw new ApiProblem(
          "invalid-request",
          "The signature was not recorded; see errors.",
          outcome.problems.map((p) => ({
            pointer: `/${OSDI_FIELD[p.field].replaceAll(".", "/").replaceAll(/\[(\d+)\]/g, "/$1")}`,
            detail: request.i18n.t(p.message),
          })),
        );
      }
      const signature = (request.apiScopes ?? []).includes("read")
        ? await read.signatureByReferral(outcome.referralCode)
        : null;
      if (signature) reply.header("location", (signature._links.self as { href: string }).href).type(HAL);
      return reply.code(202).send(signature ?? { status: "received" });
    },
  );

  /** A collection of personal data at /name and each of its items at /name/:id. */
  const collection = (
    name: string,
    item: object,
    summaries: { list: string; one: string },
    all: (request: ListRequest) => Promise<unknown>,
    byId: (request: IdRequest) => Promise<unknown>,
  ) => {
    app.get(`/${name}`, list(name, summaries.list, name, item), async (request: ListRequest, reply) =>
      sendPrivate(reply, await all(request)),
    );
    app.get(`/${name}/:id`, one(name, summaries.one, item), async (request: IdRequest, reply) =>
      sendPrivate(reply, await byId(request)),
    );
  };

  collection(
    "people",
    s.PERSON,
    { list: "Supporters (never erased ones), with their email addresses", one: "One supporter" },
    (request) => read.people(request.query),
    (request) => read.person(request.params.id),
  );
  app.get(
    "/people/:id/signatures",
    list("signatures", "One supporter's signatures", "signatures", s.SIGNATURE, s.ID_PARAMS),
    async (request: IdRequest, reply) =>
      sendPrivate(reply, await read.signatures(request.query, { personId: request.params.id })),
  );
  collection(
    "signatures",
    s.SIGNATURE,
    { list: "Every signature", one: "One signature" },
    (request) => read.signatures(request.query),
    (request) => read.signature(request.params.id),
  );
  collection(
    "events",
    s.EVENT,
    { list: "Published and cancelled events", one: "One event" },
    (request) => read.events(request.query),
    (request) => read.event(request.params.id),
  );
  app.get(
    "/events/:id/attendances",
    list("attendances", "The RSVPs to one event", "attendances", s.ATTENDANCE, s.ID_PARAMS),
    async (request: IdRequest, reply) => sendPrivate(reply, await read.attendances(request.query, request.params.id)),
  );
  collection(
    "attendances",
    s.ATTENDANCE,
    { list: "Every RSVP", one: "One RSVP" },
    (request) => read.attendances(request.query),
    (request) => read.attendance(request.params.id),
  );
  collection(
    "tags",
    s.TAG,
    { list: "The topics supporters choose as interests", one: "One topic" },
    (request) => read.tags(request.query, request.locale),
    (request) => read.tag(request.params.id, request.locale),
  );
}
