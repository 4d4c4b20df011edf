import { describe, expect, it } from "vitest";
import { canonicalEmail, checkEmail } from "../../../src/modules/supporters/email.ts";

describe("the canonical form of an email address", () => {
  it("ignores case and surrounding spaces", () => {
    expect(canonicalEmail("  Amina.Rahimi@Example.ORG \t")).toBe("amina.rahimi@example.org");
  });

  it("drops the dots and the +tag of a Gmail address", () => {
    expect(canonicalEmail("A.Mi.Na+petitions@gmail.com")).toBe("amina@gmail.com");
    expect(canonicalEmail("amina+a+b@gmail.com")).toBe("amina@gmail.com");
  });

  it("treats googlemail.com as gmail.com", () => {
    expect(canonicalEmail("a.mina+x@googlemail.com")).toBe("amina@gmail.com");
  });

  it("drops the +tag of an Outlook address but keeps its dots", () => {
    expect(canonicalEmail("Amina.Rahimi+news@outlook.com")).toBe("amina.rahimi@outlook.com");
    expect(canonicalEmail("amina.rahimi+x@hotmail.com")).toBe("amina.rahimi@hotmail.com");
  });

  it("keeps the + and the dots of a provider whose rules it does not know", () => {
    expect(canonicalEmail("A.Mina+Tag@Example.org")).toBe("a.mina+tag@example.org");
  });

  it("leaves a string without a local part as it is, lower-cased", () => {
    expect(canonicalEmail("@Gmail.com")).toBe("@gmail.com");
    expect(canonicalEmail("no-at-sign")).toBe("no-at-sign");
  });
});

describe("checking an email address", () => {
  it("accepts an ordinary address, and one with spaces around it", () => {
    expect(checkEmail("amina@example.org")).toBeNull();
    expect(checkEmail("  amina.rahimi+x@sub.example.co.uk  ")).toBeNull();
  });

  it("says when it is missing", () => {
    expect(checkEmail("")).toBe("missing");
    expect(checkEmail("   ")).toBe("missing");
  });

  it("takes 254 characters and refuses 255", () => {
    const domain = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.org`; // 195 characters
    const at254 = `${"x".repeat(254 - domain.length - 1)}@${domain}`;
    expect(at254).toHaveLength(254);
    expect(checkEmail(at254)).toBeNull();
    expect(checkEmail(`x${at254}`)).toBe("too-long");
  });

  it("refuses a local part longer than 64 characters", () => {
    expect(checkEmail(`${"a".repeat(64)}@example.org`)).toBeNull();
    expect(checkEmail(`${"a".repeat(65)}@example.org`)).toBe("invalid");
  });

  it.each([
    "amina",
    "amina@",
    "@example.org",
    "amina@example",
    "amina@@example.org",
    "am ina@example.org",
    "amina@exa mple.org",
    "amina@-example.org",
    "amina@example..org",
    "amina..rahimi@example.org",
    ".amina@example.org",
    "amina.@example.org",
    "amina@example.org.",
    "amina\u0000@example.org",
    "amina\n@example.org",
  ])("refuses %j as invalid", (email) => {
    expect(checkEmail(email)).toBe("invalid");
  });

  // A mail library reads these as a display name and another address (or two recipients):
  // the email would go to victim@gmail.com under an identity that is not that address.
  it.each([
    "x<victim@gmail.com",
    "foo,victim@gmail.com",
    "a;victim@gmail.com",
    "(c)victim@gmail.com",
    "a:victim@gmail.com",
    '"a"victim@gmail.com',
  ])("refuses %j, which a mailer would deliver to another address", (email) => {
    expect(checkEmail(email)).toBe("invalid");
  });

  it("refuses a disposable address, and one at a subdomain of such a service", () => {
    expect(checkEmail("amina@mailinator.com")).toBe("disposable");
    expect(checkEmail("amina@MAILINATOR.com")).toBe("disposable");
    expect(checkEmail("amina@anything.mailinator.com")).toBe("disposable");
  });
});
