/**
 * Errors a service may throw that mean "the request was wrong", not "the server broke".
 * The HTTP layer turns each kind into its status and page (src/http/errors.ts).
 */
export type DomainErrorKind = "not-found" | "forbidden" | "invalid" | "conflict";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** A short machine-readable reason, e.g. "csrf". */
    readonly reason: string = kind,
  ) {
    super(reason);
    this.name = "DomainError";
  }
}

export class NotFoundError extends DomainError {
  constructor(reason = "not-found") {
    super("not-found", reason);
  }
}

export class ForbiddenError extends DomainError {
  constructor(reason = "forbidden") {
    super("forbidden", reason);
  }
}
