import type { FastifyInstance } from "fastify";
import { DomainError, NotFoundError } from "../errors.ts";

/** A NUL character has no place in any text a person sends, and PostgreSQL refuses it in text. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 8 || value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([key, v]) => key.includes("\u0000") || holdsNul(v, depth + 1));
}

/**
 * Refuses, with a 400 and before any route runs, input that no field could accept. Path
 * parameters are otherwise each route's to check (a slug that cannot exist is a 404); one
 * holding a NUL names nothing, and is a 404 before any database sees it.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    if (holdsNul(request.params)) throw new NotFoundError();
    if (holdsNul(request.query) || holdsNul(request.body)) {
      throw new DomainError("invalid", "nul-character");
    }
  });
}
