import { describe, expect, it } from "vitest";
import { i18nFor } from "../../../src/modules/i18n/i18n.ts";

const FSI = "\u2068";
const PDI = "\u2069";

describe("text put into messages", () => {
  it("keeps its own direction on a right-to-left page", () => {
    const ar = i18nFor("ar");
    const line = ar.t("petition.recent.signer", { name: "Amina", country: ar.countryName("NO") });
    expect(line).toContain(`${FSI}Amina${PDI}`);
  });

  it("is isolated on a left-to-right page when it is itself right to left", () => {
    const en = i18nFor("en");
    expect(en.t("petition.recent.signer", { name: "أمينة", country: "Norway" })).toBe(`${FSI}أمينة${PDI}, Norway`);
  });

  it("is left as it is when both run left to right", () => {
    expect(i18nFor("en").t("petition.recent.signer", { name: "Amina", country: "Norway" })).toBe("Amina, Norway");
  });

  it("leaves numbers to the locale's own formatting", () => {
    expect(i18nFor("fa").t("petition.count", { count: 1234 })).toContain("۱٬۲۳۴");
  });
});
