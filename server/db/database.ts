/**
 * The metadata database the repositories share, behind one small asynchronous interface with two
 * implementations: embedded SQLite (`node:sqlite`, the default, `<dataDir>/padlock.db`) and
 * PostgreSQL (`--database-url postgres://…`). SQL is written once with `?` placeholders; the
 * PostgreSQL implementation numbers them.
 *
 * @module
 */
import type { Migration } from "./migrations.ts";

/** Which SQL dialect a database speaks. */
export type Dialect = "sqlite" | "postgres";

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | null;

/** What a write statement reports. */
export interface RunResult {
  /** How many rows it inserted, updated or deleted. */
  changes: number;
}

/** Statements on a connection or inside a transaction. */
export interface Queryable {
  /** The dialect, for the few fragments that differ. */
  readonly dialect: Dialect;
  /** Runs a query and returns every row. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a query and returns its first row, or `undefined`. */
  get<T = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlValue[],
  ): Promise<T | undefined>;
  /** Runs a write statement. */
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /**
   * Runs `body` in a transaction: committed when it resolves, rolled back when it throws. On
   * SQLite the transaction holds the write lock from its start (`BEGIN IMMEDIATE`); on PostgreSQL
   * it is SERIALIZABLE and `body` is run again when the server reports a serialization conflict,
   * so a check followed by a write inside `body` sees no interleaved writer on either. `body` must
   * therefore have no effect outside `tx`, and must run its statements on `tx` only: on SQLite a
   * statement on the database itself waits for the transaction to end, which never comes. Inside
   * a transaction this runs `body` in the same one.
   */
  transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** The database handle the repositories share. */
export interface Database extends Queryable {
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Closes the connection(s); waits for statements in flight. */
  close(): Promise<void>;
}

/** Thrown when the database holds a schema newer than this code knows. */
export class SchemaError extends Error {
  override name = "SchemaError";
}

/**
 * Thrown when the database cannot be reached (down, restarting, network cut): the request may
 * succeed if sent again later, so the service answers 503 with `Retry-After`.
 */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** Tells whether `error` is a violation of a UNIQUE or PRIMARY KEY constraint, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  // PostgreSQL: SQLSTATE 23505. SQLite: "UNIQUE constraint failed" / "PRIMARY KEY".
  if ((error as { code?: unknown }).code === "23505") return true;
  const message = String((error as { message?: unknown }).message ?? "");
  return /UNIQUE constraint failed|PRIMARY KEY constraint failed/.test(message);
}

/**
 * Applies every migration newer than the recorded version, all in one transaction (either all
 * apply or none). On PostgreSQL an advisory lock makes instances that start together migrate one
 * after the other.
 *
 * @throws {SchemaError} when the recorded version is newer than the newest migration.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<void> {
  const time = db.dialect === "postgres" ? "BIGINT" : "INTEGER";
  await db.transaction(async (tx) => {
    // 0x7061646c6f636b = "padlock": one lock number for every instance's migration.
    if (tx.dialect === "postgres") await tx.run("SELECT pg_advisory_xact_lock(31632475722982251)");
    await tx.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at ${time} NOT NULL)`);
    const row = await tx.get<{ version: number | null }>(
      "SELECT MAX(version) AS version FROM schema_migrations",
    );
    const current = row?.version ?? 0;
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new SchemaError(
        `The database schema is version ${current} but this service knows up to ${newest}; upgrade the service.`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      for (const statement of splitStatements(migration.sql)) await tx.run(statement);
      await tx.run(
        "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
        [migration.version, migration.description, Date.now()],
      );
    }
  });
}

/** Splits a migration script into statements (no semicolons inside literals in our scripts). */
export function splitStatements(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n")
    .split(";")
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
