import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

const PRODUCTION = {
  NODE_ENV: "production",
  SECRET_KEY: "a-production-secret-that-is-long-enough-1234",
  PUBLIC_URL: "https://welcome.example.org",
  SMTP_URL: "smtp://mail.example.org:587",
};

function problem(env: Record<string, string>): string {
  try {
    loadConfig({ NODE_ENV: "test", ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected the configuration to be refused");
}

describe("configuration", () => {
  it("starts with no variables at all: port 3000 on loopback, SQLite under data/", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "iwelcome-config-"));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.databaseUrl).toBe(`sqlite:${join(dataDir, "iwelcome.sqlite")}`);
    expect(config.nodeEnv).toBe("development");
    expect(config.rateLimits).toBe(true);
    expect(config.smtpUrl).toBeUndefined();
  });

  it("makes a development secret once and keeps it under data/", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "iwelcome-config-"));
    const first = loadConfig({ DATA_DIR: dataDir }).secretKey;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, "secret-key"), "utf8").trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: dataDir }).secretKey).toBe(first);
  });

  it("accepts sqlite: paths and postgres URLs", () => {
    expect(loadConfig({ NODE_ENV: "test", DATABASE_URL: "sqlite::memory:" }).databaseUrl).toBe("sqlite::memory:");
    expect(loadConfig({ NODE_ENV: "test", DATABASE_URL: "postgres://u@db/x" }).databaseUrl).toBe("postgres://u@db/x");
  });

  it.each([
    [{ PORT: "eighty" }, 'PORT: must be a whole number (got "eighty")'],
    [{ PORT: "70000" }, "PORT: must be between 0 and 65535 (got 70000)"],
    [{ DATABASE_URL: "mysql://x" }, 'DATABASE_URL: must start with postgres:// or postgresql:// (got "mysql://x")'],
    [{ DATABASE_URL: "sqlite:" }, "DATABASE_URL: sqlite: needs a file path"],
    [{ PUBLIC_URL: "not a url" }, 'PUBLIC_URL: is not a valid URL (got "not a url")'],
    [{ PUBLIC_URL: "ftp://example.org" }, "PUBLIC_URL: must start with http:// or https://"],
    [{ REDIS_URL: "http://cache" }, "REDIS_URL: must start with redis:// or rediss://"],
    [{ SMTP_URL: "mail.example.org" }, "SMTP_URL: is not a valid URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent"],
    [{ RATE_LIMITS: "maybe" }, 'RATE_LIMITS: must be one of on, off (got "maybe")'],
    [{ WEB_CONCURRENCY: "0" }, "WEB_CONCURRENCY: must be between 1 and 64"],
    [{ SECRET_KEY: "short" }, "SECRET_KEY: must be at least 32 characters long"],
    [{ MAIL_FROM: "nobody" }, "MAIL_FROM: must contain an email address"],
    [{ TRUST_PROXY: "sometimes" }, "TRUST_PROXY: must be true, false or the number of proxies in front"],
  ])("refuses %o with one line naming the variable", (env, expected) => {
    const message = problem(env);
    expect(message).toContain(expected);
    expect(message).not.toContain("\n");
  });

  it.each(["SECRET_KEY", "PUBLIC_URL", "SMTP_URL"])("refuses to run in production without %s", (name) => {
    const env: Record<string, string> = { ...PRODUCTION };
    delete env[name];
    expect(() => loadConfig(env)).toThrow(`${name}: is required when NODE_ENV=production`);
  });

  it("runs in production when the three are given", () => {
    const config = loadConfig(PRODUCTION);
    expect(config.nodeEnv).toBe("production");
    expect(config.publicUrl.origin).toBe("https://welcome.example.org");
    expect(config.mailFrom).toBe("iwelcome <no-reply@welcome.example.org>");
  });

  it("turns every rate limit off with RATE_LIMITS=off", () => {
    expect(loadConfig({ NODE_ENV: "test", RATE_LIMITS: "off" }).rateLimits).toBe(false);
  });
});
