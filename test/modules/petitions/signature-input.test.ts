import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  readSignatureForm,
  type SignatureForm,
  validateSignature,
} from "../../../src/modules/petitions/signature-input.ts";

const OPTIONAL = { postcodeRequired: false };
const REQUIRED = { postcodeRequired: true };

function form(fields: Record<string, unknown> = {}): SignatureForm {
  return readSignatureForm({ name: "Amina Rahimi", email: "amina@example.org", country: "NO", ...fields });
}

/** The fields the check found wrong, with their messages. */
function problems(fields: Record<string, unknown>, rules = OPTIONAL) {
  const result = validateSignature(form(fields), rules);
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`);
}

describe("reading the sign form", () => {
  it("trims the text, folds runs of spaces in the name and upper-cases the country", () => {
    expect(form({ name: "  Amina \t  Rahimi ", country: " no ", comment: " hi\r\nthere " })).toMatchObject({
      name: "Amina Rahimi",
      country: "NO",
      comment: "hi\nthere",
    });
  });

  it("takes a ticked box as yes and a missing, empty, 0 or false one as no", () => {
    expect(form({ updates: "yes", public: "on" })).toMatchObject({ updates: true, public: true });
    expect(form({})).toMatchObject({ updates: false, public: false });
    for (const value of ["", "0", "false", ["yes"], 1]) expect(form({ updates: value }).updates).toBe(false);
  });

  it("reads a field that is not text as empty", () => {
    expect(form({ name: ["Amina", "Rahimi"], email: { a: 1 } })).toMatchObject({ name: "", email: "" });
  });
});

describe("checking a signature", () => {
  it("accepts a complete form and gives the canonical email with it", () => {
    const result = validateSignature(
      form({ email: "A.Mina+x@Gmail.com", comment: "Welcome!", updates: "yes", public: "yes" }),
      OPTIONAL,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        name: "Amina Rahimi",
        email: "A.Mina+x@Gmail.com",
        emailCanonical: "amina@gmail.com",
        country: "NO",
        postcode: null,
        comment: "Welcome!",
        wantsUpdates: true,
        showName: true,
        commentPublic: false,
      },
    });
  });

  it("takes the consent to show a comment only with a comment to show", () => {
    const withComment = validateSignature(form({ comment: "Welcome!", comment_public: "yes" }), OPTIONAL);
    expect(withComment.ok && withComment.value.commentPublic).toBe(true);
    const without = validateSignature(form({ comment: "", comment_public: "yes" }), OPTIONAL);
    expect(without.ok && without.value.commentPublic).toBe(false);
  });

  it("reports every problem at once, in the order of the fields", () => {
    expect(problems({ name: "", email: "", country: "" }, REQUIRED)).toEqual([
      "name: sign.error.name.missing",
      "email: sign.error.email.missing",
      "country: sign.error.country.missing",
      "postcode: sign.error.postcode.missing",
    ]);
  });

  it("takes a name of 100 characters and refuses 101", () => {
    expect(problems({ name: "A".repeat(100) })).toEqual([]);
    expect(problems({ name: "A".repeat(101) })).toEqual(["name: sign.error.name.tooLong"]);
  });

  it.each([
    "Visit https://spam.example",
    "www.spam.example",
    "Amina spam.example/buy",
    "ftp://x",
    "buy spam.com",
    "Amina (cheap.ru)",
  ])("refuses a web address in the name: %j", (name) => {
    expect(problems({ name })).toEqual(["name: sign.error.name.invalid"]);
  });

  it.each(["=HYPERLINK(1)", "+47 Amina", "-Amina", "@Amina"])(
    "refuses a name a spreadsheet would run as a formula: %j",
    (name) => {
      expect(problems({ name })).toEqual(["name: sign.error.name.formula"]);
    },
  );

  it("refuses control characters in the name and the comment", () => {
    expect(problems({ name: "Amina\u0007Rahimi" })).toEqual(["name: sign.error.name.invalid"]);
    expect(problems({ comment: "bad \u001b[31m colour" })).toEqual(["comment: sign.error.comment.invalid"]);
  });

  it("keeps line breaks and tabs in a comment", () => {
    expect(problems({ comment: "line one\n\tline two" })).toEqual([]);
  });

  it.each(["J. R. Smith", "Dr.Amina Rahimi", "Anne-Marie O'Neil"])(
    "accepts a name with dots that is no address: %j",
    (name) => {
      expect(problems({ name })).toEqual([]);
    },
  );

  it("accepts names in any script, with hyphens and apostrophes inside", () => {
    for (const name of ["أمينة رحيمي", "Jean-Luc O'Neill", "Åse Ødegård", "J.R.R. Tolkien"]) {
      expect(problems({ name })).toEqual([]);
    }
  });

  it("takes an email of 254 characters and refuses 255", () => {
    const domain = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.org`;
    const at254 = `${"x".repeat(254 - domain.length - 1)}@${domain}`;
    expect(problems({ email: at254 })).toEqual([]);
    expect(problems({ email: `x${at254}` })).toEqual(["email: sign.error.email.tooLong"]);
  });

  it("refuses an invalid and a disposable email with their own messages", () => {
    expect(problems({ email: "amina@" })).toEqual(["email: sign.error.email.invalid"]);
    expect(problems({ email: "amina@mailinator.com" })).toEqual(["email: sign.error.email.disposable"]);
  });

  it.each(["", "XX", "UK", "NOR", "N"])("refuses a country that is not an ISO 3166-1 code: %j", (country) => {
    expect(problems({ country })).toEqual(["country: sign.error.country.missing"]);
  });

  it("asks for a postcode only where the campaign requires one", () => {
    expect(problems({}, OPTIONAL)).toEqual([]);
    expect(problems({}, REQUIRED)).toEqual(["postcode: sign.error.postcode.missing"]);
    expect(problems({ postcode: "0150" }, REQUIRED)).toEqual([]);
  });

  it("checks a postcode that was given, even where it is optional", () => {
    expect(problems({ postcode: "SW1A 1AA" })).toEqual([]);
    expect(problems({ postcode: "123456789012" })).toEqual([]);
    for (const postcode of ["1234567890123", "-0150", "01<50", "0150;"]) {
      expect(problems({ postcode })).toEqual(["postcode: sign.error.postcode.invalid"]);
    }
  });

  it("takes a comment of 500 characters and refuses 501", () => {
    expect(problems({ comment: "c".repeat(500) })).toEqual([]);
    expect(problems({ comment: "c".repeat(501) })).toEqual(["comment: sign.error.comment.tooLong"]);
  });

  it("keeps the ticked boxes as the choices to get updates and to show the name", () => {
    const result = validateSignature(form({ updates: "yes" }), OPTIONAL);
    expect(result.ok && result.value).toMatchObject({ wantsUpdates: true, showName: false });
  });

  it("never throws, whatever object the form sends", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(
            fc.constantFrom("name", "email", "country", "postcode", "comment", "updates", "public"),
            fc.anything(),
          ),
        ),
        fc.boolean(),
        (body, postcodeRequired) => {
          const result = validateSignature(readSignatureForm(body), { postcodeRequired });
          expect(typeof result.ok).toBe("boolean");
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws on any strings in the fields", () => {
    const field = fc.string({ unit: "binary", maxLength: 300 });
    fc.assert(
      fc.property(fc.record({ name: field, email: field, country: field, postcode: field, comment: field }), (body) => {
        validateSignature(readSignatureForm(body), OPTIONAL);
      }),
      { numRuns: 500 },
    );
  });
});
