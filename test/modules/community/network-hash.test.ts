import { describe, expect, it } from "vitest";
import { networkHash } from "../../../src/http/network.ts";

const SECRET = "a-secret-key-for-network-hashes-0000000";
const morning = new Date("2026-03-01T00:10:00Z");
const evening = new Date("2026-03-01T23:50:00Z");
const nextDay = new Date("2026-03-02T00:10:00Z");

describe("the network hash kept instead of an IP address", () => {
  it("is the same for one address all day long", () => {
    expect(networkHash(SECRET, "203.0.113.9", morning)).toBe(networkHash(SECRET, "203.0.113.9", evening));
  });

  it("changes the next day, so that days cannot be linked", () => {
    expect(networkHash(SECRET, "203.0.113.9", nextDay)).not.toBe(networkHash(SECRET, "203.0.113.9", evening));
  });

  it("tells different addresses and different keys apart", () => {
    expect(networkHash(SECRET, "203.0.113.9", morning)).not.toBe(networkHash(SECRET, "203.0.113.10", morning));
    expect(networkHash(SECRET, "203.0.113.9", morning)).not.toBe(
      networkHash(`${SECRET}-other`, "203.0.113.9", morning),
    );
  });

  it("takes an IPv6 address by its /64: one household or phone", () => {
    const home = networkHash(SECRET, "2001:db8:1:2::1", morning);
    expect(networkHash(SECRET, "2001:db8:1:2:abcd:ef01:2345:6789", morning)).toBe(home);
    expect(networkHash(SECRET, "2001:0DB8:0001:0002::ffff", morning)).toBe(home);
    expect(networkHash(SECRET, "2001:db8:1:3::1", morning)).not.toBe(home);
  });

  it("treats an IPv4 address seen through IPv6 as the same address", () => {
    expect(networkHash(SECRET, "::ffff:203.0.113.9", morning)).toBe(networkHash(SECRET, "203.0.113.9", morning));
  });

  it("never contains the address, nor any part of it", () => {
    for (const ip of ["203.0.113.9", "2001:db8:1:2::1", "::ffff:198.51.100.77"]) {
      const hash = networkHash(SECRET, ip, morning);
      expect(hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
      for (const part of ip.split(/[.:]/).filter((p) => p.length >= 3)) expect(hash).not.toContain(part);
    }
  });

  it("uses today's key when no time is given", () => {
    expect(networkHash(SECRET, "203.0.113.9")).toBe(networkHash(SECRET, "203.0.113.9", new Date()));
  });
});
