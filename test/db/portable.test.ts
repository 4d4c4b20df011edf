import { describe, expect, it } from "vitest";
import { isUniqueViolation, now } from "../../src/db/portable.ts";
import { describeEachDatabase } from "../support/databases.ts";

describeEachDatabase("portable database helpers", (db) => {
  const page = (slug: string, at: string) => ({
    slug,
    locale: "en",
    title: "T",
    summary: "",
    body_md: "B",
    created_at: at,
    updated_at: at,
  });

  it("recognises a unique-constraint violation", async () => {
    const at = now();
    await db().handle.db.insertInto("content_pages").values(page("once-only", at)).execute();
    const error = await db()
      .handle.db.insertInto("content_pages")
      .values(page("once-only", at))
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("something else"))).toBe(false);
  });

  it("gives timestamps back as the same ISO-8601 strings they were stored as", async () => {
    const at = "2026-03-29T01:30:00.123Z";
    await db().handle.db.insertInto("content_pages").values(page("timestamped", at)).execute();
    const row = await db()
      .handle.db.selectFrom("content_pages")
      .select(["created_at", "id"])
      .where("slug", "=", "timestamped")
      .executeTakeFirstOrThrow();
    expect(row.created_at).toBe(at);
    expect(typeof row.id).toBe("number");
  });

  it("orders and compares timestamps as instants", async () => {
    const rows = await db()
      .handle.db.selectFrom("content_pages")
      .select("slug")
      .where("created_at", ">", "2026-03-29T01:00:00.000Z")
      .where("created_at", "<", "2026-03-29T02:00:00.000Z")
      .execute();
    expect(rows.map((r) => r.slug)).toEqual(["timestamped"]);
  });
});

describe("now()", () => {
  it("is an ISO-8601 instant in UTC", () => {
    expect(now()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
