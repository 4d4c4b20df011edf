/**
 * Whether an error means the database cannot be reached or used for now (a restart, a
 * network cut, a full or failing disk, a lock held too long), as opposed to a bug: such a
 * request is answered 503 with Retry-After, and the next one may well succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    // Node's socket errors while reaching PostgreSQL.
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"].includes(code)) return true;
    // PostgreSQL: connection exceptions (08…), shutdown and start-up (57P0…), too many connections.
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-4]$/.test(code) || code === "53300") return true;
    // SQLite: locked past the busy timeout, disk full, input/output errors, a file it cannot open.
    if (/^SQLITE_(BUSY|FULL|IOERR|CANTOPEN|READONLY|PROTOCOL)/.test(code)) return true;
  }
  // pg and its pool say these in words only.
  return (
    typeof message === "string" &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i.test(
      message,
    )
  );
}
