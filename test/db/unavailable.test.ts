import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../../src/db/unavailable.ts";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("telling a database that is away from a bug", () => {
  it.each([
    ["a refused connection", withCode("ECONNREFUSED")],
    ["a connection reset", withCode("ECONNRESET")],
    ["PostgreSQL shutting down", withCode("57P01")],
    ["PostgreSQL starting up", withCode("57P03")],
    ["a broken connection", withCode("08006")],
    ["too many connections", withCode("53300")],
    ["SQLite locked past its timeout", withCode("SQLITE_BUSY")],
    ["a full disk", withCode("SQLITE_FULL")],
    ["a failing disk", withCode("SQLITE_IOERR_WRITE")],
    ["a connection cut mid-query", new Error("Connection terminated unexpectedly")],
    ["a pool that cannot connect in time", new Error("timeout exceeded when trying to connect")],
  ])("counts %s as unavailable", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("23505")],
    ["a syntax error", withCode("42601")],
    ["a SQLite constraint", withCode("SQLITE_CONSTRAINT_UNIQUE")],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["nothing at all", undefined],
  ])("does not count %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
