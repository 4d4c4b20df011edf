import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "../../src/db/statement-cache.ts";

describe("prepared statements kept by their SQL (SQLite)", () => {
  const database = () => {
    const d = new Database(":memory:");
    d.exec("create table t (id integer primary key, v text)");
    return d;
  };

  it("prepares a statement once and hands the same one back for the same SQL", () => {
    const cache = withStatementCache(database());
    const a = cache.prepare("select v from t where id = ?");
    expect(cache.prepare("select v from t where id = ?")).toBe(a);
    expect(cache.prepare("select id from t where id = ?")).not.toBe(a);
    cache.close();
  });

  it("keeps no more than its size, dropping the least recently used first", () => {
    const cache = withStatementCache(database(), 2);
    const one = cache.prepare("select 1");
    const two = cache.prepare("select 2");
    expect(cache.prepare("select 1")).toBe(one); // now the most recent
    cache.prepare("select 3"); // pushes out "select 2"
    expect(cache.prepare("select 1")).toBe(one);
    expect(cache.prepare("select 2")).not.toBe(two);
    cache.close();
  });

  it("gives a fresh statement while the kept one is still being iterated", () => {
    const d = database();
    d.exec("insert into t (v) values ('a'), ('b')");
    const cache = withStatementCache(d);
    const sql = "select v from t order by id";
    const rows = cache.prepare(sql).iterate();
    expect(rows.next().value).toEqual({ v: "a" });
    expect(cache.prepare(sql).all()).toEqual([{ v: "a" }, { v: "b" }]);
    expect(rows.next().value).toEqual({ v: "b" });
    rows.return?.();
    cache.close();
  });
});
