import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.ts";

const base = { NODE_ENV: "test" } as const;

describe("the mailing settings", () => {
  it("sends 600 messages of a mailing a minute unless told otherwise, and has no mail events webhook", () => {
    const config = loadConfig(base);
    expect(config.mailingRatePerMinute).toBe(600);
    expect(config.mailEventsSecret).toBeUndefined();
  });

  it("takes a whole number of messages a minute, and refuses anything else by name", () => {
    expect(loadConfig({ ...base, MAILING_RATE_PER_MINUTE: "120" }).mailingRatePerMinute).toBe(120);
    expect(() => loadConfig({ ...base, MAILING_RATE_PER_MINUTE: "fast" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, MAILING_RATE_PER_MINUTE: "0" })).toThrow(/MAILING_RATE_PER_MINUTE/);
  });

  it("refuses a mail events secret too short to be a secret", () => {
    expect(() => loadConfig({ ...base, MAIL_EVENTS_SECRET: "short" })).toThrow(/MAIL_EVENTS_SECRET/);
    expect(loadConfig({ ...base, MAIL_EVENTS_SECRET: "sixteen-chars-ok" }).mailEventsSecret).toBe("sixteen-chars-ok");
  });
});
