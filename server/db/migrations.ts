/**
 * The schema migrations: one numbered list per dialect (`migrations/sqlite.ts`,
 * `migrations/postgres.ts`), the same version numbers in both, each step creating the same tables
 * and columns. Never edit a step that has shipped: add the next number to both lists.
 *
 * @module
 */
import type { Dialect } from "./database.ts";
import { POSTGRES_MIGRATIONS } from "./migrations/postgres.ts";
import { SQLITE_MIGRATIONS } from "./migrations/sqlite.ts";

/** One schema step. */
export interface Migration {
  /** Applied in increasing order; recorded in `schema_migrations`. */
  version: number;
  /** What it changes, for people reading `schema_migrations`. */
  description: string;
  /** The SQL run for it: statements separated by semicolons, none inside a literal. */
  sql: string;
}

/** The SQLite migrations (the embedded default), oldest first. */
export const MIGRATIONS: readonly Migration[] = SQLITE_MIGRATIONS;

/** Returns the migrations of a dialect, oldest first. */
export function migrationsFor(dialect: Dialect): readonly Migration[] {
  return dialect === "sqlite" ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS;
}
