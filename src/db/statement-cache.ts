import type Database from "better-sqlite3";

/** Distinct SQL texts kept prepared; Kysely writes a few dozen, a multi-row insert one per row count. */
export const STATEMENT_CACHE_SIZE = 500;

/** What Kysely's SQLite dialect asks of a database: prepare and close. */
export interface PreparingDatabase {
  prepare(sql: string): Database.Statement;
  close(): void;
}

/**
 * Kysely's SQLite driver prepares every statement anew, and preparing costs more than
 * running most of them. This keeps prepared statements by their SQL text, the least
 * recently used dropped first. A statement still being iterated (a streamed query) is
 * busy and cannot run a second query: such a caller gets a fresh one instead.
 */
export function withStatementCache(database: Database.Database, size = STATEMENT_CACHE_SIZE): PreparingDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        // Map keeps insertion order: moving the hit to the end keeps the oldest first.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = database.prepare(sql);
      if (hit) return statement;
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}
