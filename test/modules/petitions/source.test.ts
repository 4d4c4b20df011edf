import { describe, expect, it } from "vitest";
import { referrerHost, sourceFields, sourceFromForm, sourceFromVisit } from "../../../src/modules/petitions/source.ts";

/** The Host header and the public URL's host: behind a proxy they differ. */
const OWN = ["127.0.0.1:3000", "welcome.example"];

describe("the referring site", () => {
  it("keeps only the host of another site's page", () => {
    expect(referrerHost("https://news.example.org/2024/story?who=amina#top", OWN)).toBe("news.example.org");
    expect(referrerHost("http://blog.example:8080/x", OWN)).toBe("blog.example:8080");
  });

  it("drops the site's own pages, by the host it was asked for or its public address", () => {
    expect(referrerHost("http://127.0.0.1:3000/campaigns", OWN)).toBeNull();
    expect(referrerHost("https://welcome.example/campaigns", OWN)).toBeNull();
    expect(referrerHost("https://www.welcome.example/", OWN)).toBe("www.welcome.example");
  });

  it("drops what is not a web page, and what is not an address", () => {
    for (const referer of [
      "android-app://com.whatsapp/",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "not a url",
      "",
    ]) {
      expect(referrerHost(referer, OWN)).toBeNull();
    }
    expect(referrerHost(undefined, OWN)).toBeNull();
    expect(referrerHost("https://news.example.org/", [])).toBe("news.example.org");
  });
});

describe("the source fields", () => {
  it("are read from the visit's query and Referer, for the form", () => {
    const query = { ref: "abc123XYZ_", utm_source: "whatsapp", utm_medium: "social", other: "ignored" };
    expect(sourceFromVisit(query, "https://news.example.org/a", OWN)).toEqual({
      ref: "abc123XYZ_",
      utm_source: "whatsapp",
      utm_medium: "social",
      referrer: "news.example.org",
    });
  });

  it("drop a value over 100 characters, with control characters, or with markup", () => {
    const query = {
      utm_source: "s".repeat(101),
      utm_medium: "bad\u0000medium",
      utm_campaign: 'x"><script>',
      utm_term: "t".repeat(100),
      utm_content: ["an", "array"],
    };
    expect(sourceFromVisit(query, undefined, OWN)).toEqual({ utm_term: "t".repeat(100) });
  });

  it("are read back from the posted form, with null for what is missing or unclean", () => {
    const body = { ref: " abc ", utm_source: "whatsapp", utm_medium: "a\nb", referrer: "news.example.org" };
    expect(sourceFromForm(body)).toEqual({
      referredBy: "abc",
      utmSource: "whatsapp",
      utmMedium: null,
      utmCampaign: null,
      utmTerm: null,
      utmContent: null,
      referrerHost: "news.example.org",
    });
    expect(sourceFromForm(null).referredBy).toBeNull();
  });

  it("keep only the host of a whole address posted as the referrer", () => {
    expect(sourceFromForm({ referrer: "https://news.example.org/story?reader=42" }).referrerHost).toBe(
      "news.example.org",
    );
    expect(sourceFromForm({ referrer: "news.example.org/story" }).referrerHost).toBe("news.example.org");
  });

  it("are given again to the form shown with errors", () => {
    expect(sourceFields({ ref: "abc", utm_source: "\u0007", name: "Amina" })).toEqual({ ref: "abc" });
  });
});
