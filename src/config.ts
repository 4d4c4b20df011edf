import { createPrivateKey, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Everything the platform reads from the environment, checked once at start. */
export interface Config {
  port: number;
  host: string;
  publicUrl: URL;
  databaseUrl: string;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** DKIM signing of mail sent over SMTP, when DKIM_DOMAIN, DKIM_SELECTOR and a key are set. */
  dkim: { domainName: string; keySelector: string; privateKey: string } | undefined;
  secretKey: string;
  nodeEnv: "development" | "production" | "test";
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  webConcurrency: number;
  rateLimits: boolean;
  /**
   * The least time, in seconds, between showing the sign form and its submission; a faster one
   * is held back quietly (0: no check). Off by default in tests and with RATE_LIMITS=off.
   */
  signMinSeconds: number;
  dataDir: string;
  /** Whether to believe X-Forwarded-For: false, true, or the number of proxies in front. */
  trustProxy: boolean | number;
  /** Run the job worker inside the web process (off when `npm run worker` runs it apart). */
  worker: boolean;
  /** How long personal data is kept (see docs/operations.md, "Retention"). */
  retention: { unconfirmedDays: number; networkDays: number; signersMonths: number; mailDays: number };
  /** Load the demo content into an empty database at start. */
  seedDemo: boolean;
  /** Messages of mailings handed to the outbox per minute (the throttle). */
  mailingRatePerMinute: number;
  /** The shared secret of the mail provider's bounce and complaint webhook; unset turns it off. */
  mailEventsSecret: string | undefined;
}

/** A bad setting: the message is one line naming the variable and what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const NODE_ENVS = ["development", "production", "test"] as const;
const REQUIRED_IN_PRODUCTION = ["SECRET_KEY", "PUBLIC_URL", "SMTP_URL"] as const;
const MIN_SECRET_LENGTH = 32;

function pick<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(name, `must be one of ${allowed.join(", ")} (got "${value}")`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(name, `must be a whole number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${n})`);
  return n;
}

function url(name: string, value: string, protocols: string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a valid URL (got "${value}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(" or ")} (got "${value}")`);
  }
  return parsed;
}

function databaseUrl(env: Env, dataDir: string): string {
  const value = env.DATABASE_URL?.trim();
  if (!value) return `sqlite:${resolve(dataDir, "iwelcome.sqlite")}`;
  if (value.startsWith("sqlite:")) {
    const path = value.slice("sqlite:".length);
    if (!path) throw new ConfigError("DATABASE_URL", 'sqlite: needs a file path, e.g. "sqlite:data/site.sqlite"');
    return path === ":memory:" ? value : `sqlite:${resolve(path)}`;
  }
  url("DATABASE_URL", value, ["postgres:", "postgresql:"]);
  return value;
}

function parseTrustProxy(value: string | undefined): boolean | number {
  if (!value || value === "false") return false;
  if (value === "true") return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  throw new ConfigError("TRUST_PROXY", `must be true, false or the number of proxies in front (got "${value}")`);
}

/** DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (PEM, "\n" for line breaks) or DKIM_PRIVATE_KEY_FILE: all or none. */
function dkimKey(env: Env): Config["dkim"] {
  const domainName = env.DKIM_DOMAIN?.trim();
  const keySelector = env.DKIM_SELECTOR?.trim();
  const inline = env.DKIM_PRIVATE_KEY?.trim();
  const file = env.DKIM_PRIVATE_KEY_FILE?.trim();
  if (!domainName && !keySelector && !inline && !file) return undefined;
  if (!domainName) throw new ConfigError("DKIM_DOMAIN", "is required when another DKIM_ setting is set");
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domainName)) {
    throw new ConfigError("DKIM_DOMAIN", `must be a domain name (got "${domainName}")`);
  }
  if (!keySelector) throw new ConfigError("DKIM_SELECTOR", "is required when another DKIM_ setting is set");
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(keySelector)) {
    throw new ConfigError("DKIM_SELECTOR", `must be a DNS label such as "mail2026" (got "${keySelector}")`);
  }
  if (inline && file) throw new ConfigError("DKIM_PRIVATE_KEY", "set it or DKIM_PRIVATE_KEY_FILE, not both");
  const name = inline ? "DKIM_PRIVATE_KEY" : "DKIM_PRIVATE_KEY_FILE";
  let privateKey: string;
  if (inline) privateKey = inline.replace(/\\n/g, "\n");
  else if (file) {
    try {
      privateKey = readFileSync(resolve(file), "utf8");
    } catch {
      throw new ConfigError(name, `cannot read the file "${file}"`);
    }
  } else throw new ConfigError("DKIM_PRIVATE_KEY", "or DKIM_PRIVATE_KEY_FILE is required when DKIM_DOMAIN is set");
  try {
    createPrivateKey(privateKey);
  } catch {
    throw new ConfigError(name, "is not a PEM private key");
  }
  return { domainName, keySelector, privateKey };
}

/** In development the secret is made once and kept under data/, so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = resolve(dataDir, "secret-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = pick(env, "NODE_ENV", NODE_ENVS, "development");
  const production = nodeEnv === "production";
  if (production) {
    for (const name of REQUIRED_IN_PRODUCTION) {
      if (!env[name]?.trim()) throw new ConfigError(name, "is required when NODE_ENV=production");
    }
  }
  const dataDir = resolve(env.DATA_DIR?.trim() || "data");
  const port = integer(env, "PORT", 3000, 0, 65535);
  const host = env.HOST?.trim() || "127.0.0.1";
  const publicUrl = url("PUBLIC_URL", env.PUBLIC_URL?.trim() || `http://localhost:${port}`, ["http:", "https:"]);
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl) url("REDIS_URL", redisUrl, ["redis:", "rediss:"]);
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl) url("SMTP_URL", smtpUrl, ["smtp:", "smtps:"]);
  const mailFrom = env.MAIL_FROM?.trim() || `iwelcome <no-reply@${publicUrl.hostname}>`;
  if (!/@[^\s@>]+/.test(mailFrom))
    throw new ConfigError("MAIL_FROM", `must contain an email address (got "${mailFrom}")`);

  let secretKey = env.SECRET_KEY?.trim();
  if (secretKey && secretKey.length < MIN_SECRET_LENGTH) {
    throw new ConfigError("SECRET_KEY", `must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  secretKey ??= nodeEnv === "test" ? "test-secret-key-that-is-long-enough-0000" : developmentSecret(dataDir);

  const rateLimits = pick(env, "RATE_LIMITS", ["on", "off"] as const, "on") === "on";
  const trustProxy = parseTrustProxy(env.TRUST_PROXY?.trim());
  const signMinSeconds = integer(env, "SIGN_MIN_SECONDS", rateLimits && nodeEnv !== "test" ? 3 : 0, 0, 60);
  const retention = {
    unconfirmedDays: integer(env, "RETENTION_UNCONFIRMED_DAYS", 30, 1, 3650),
    networkDays: integer(env, "RETENTION_NETWORK_DAYS", 30, 1, 3650),
    signersMonths: integer(env, "RETENTION_SIGNERS_MONTHS", 6, 1, 120),
    mailDays: integer(env, "RETENTION_MAIL_DAYS", 90, 1, 3650),
  };
  const worker = pick(env, "WORKER", ["on", "off"] as const, "on") === "on";
  const seedDemo = pick(env, "DEMO_CONTENT", ["on", "off"] as const, "on") === "on";
  const mailingRatePerMinute = integer(env, "MAILING_RATE_PER_MINUTE", 600, 1, 100_000);
  const mailEventsSecret = env.MAIL_EVENTS_SECRET?.trim() || undefined;
  if (mailEventsSecret && mailEventsSecret.length < 16) {
    throw new ConfigError("MAIL_EVENTS_SECRET", "must be at least 16 characters long");
  }

  return {
    port,
    host,
    publicUrl,
    databaseUrl: databaseUrl(env, dataDir),
    redisUrl,
    smtpUrl,
    mailFrom,
    dkim: dkimKey(env),
    secretKey,
    nodeEnv,
    logLevel: pick(env, "LOG_LEVEL", LOG_LEVELS, nodeEnv === "test" ? "silent" : "info"),
    webConcurrency: integer(env, "WEB_CONCURRENCY", 1, 1, 64),
    rateLimits,
    signMinSeconds,
    trustProxy,
    worker,
    retention,
    dataDir,
    seedDemo,
    mailingRatePerMinute,
    mailEventsSecret,
  };
}
