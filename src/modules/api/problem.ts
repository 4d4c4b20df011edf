import type { FastifyReply, FastifyRequest } from "fastify";

/** The kinds of problem the API answers with, each with its status and title (RFC 9457). */
export const PROBLEMS = {
  "invalid-request": { status: 400, title: "The request is not valid" },
  "unknown-filter": { status: 400, title: "The filter is not supported" },
  "page-too-large": { status: 400, title: "The page asked for is too large" },
  "missing-key": { status: 401, title: "An API key is needed" },
  "bad-key": { status: 401, title: "The API key is not valid, expired or revoked" },
  "missing-scope": { status: 403, title: "The API key does not have the scope this needs" },
  "not-found": { status: 404, title: "There is nothing here" },
  "method-not-allowed": { status: 405, title: "This method is not allowed here" },
  conflict: { status: 409, title: "The request conflicts with the state of the resource" },
  "too-large": { status: 413, title: "The request body is too large" },
  "unsupported-media-type": { status: 415, title: "Send JSON (application/json)" },
  "rate-limited": { status: 429, title: "Too many requests with this key; slow down" },
  "server-error": { status: 500, title: "Something went wrong on our side" },
  unavailable: { status: 503, title: "The service is unavailable for a moment" },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

export interface ProblemField {
  /** A JSON Pointer (RFC 6901) into the request body, or the query parameter's name. */
  pointer: string;
  detail: string;
}

/** An error the API's routes throw to answer with a problem document. */
export class ApiProblem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly errors: ProblemField[] = [],
  ) {
    super(detail);
  }
}

const BY_STATUS: Record<number, ProblemType> = Object.fromEntries(
  Object.entries(PROBLEMS).map(([type, { status }]) => [status, type as ProblemType]),
);

export function problemTypeFor(status: number): ProblemType {
  return BY_STATUS[status] ?? (status >= 500 ? "server-error" : "invalid-request");
}

/** Sends an application/problem+json document; `type` links to the reference page's explanation. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: URL,
  problem: { type: ProblemType; detail: string; errors?: ProblemField[] },
) {
  const { status, title } = PROBLEMS[problem.type];
  return reply
    .code(status)
    .type("application/problem+json; charset=utf-8")
    .header("cache-control", "no-store")
    .send({
      type: new URL(`/api/v1/docs#problem-${problem.type}`, publicUrl).toString(),
      title,
      status,
      detail: problem.detail,
      instance: request.url.split("?")[0],
      request_id: request.id,
      ...(problem.errors && problem.errors.length > 0 ? { errors: problem.errors } : {}),
    });
}
