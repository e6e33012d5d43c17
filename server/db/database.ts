/**
 * Opens the SQLite metadata database (`node:sqlite`) and brings its schema up to date.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { type Migration, MIGRATIONS } from "./migrations.ts";

/** The database handle the repositories share. */
export type Database = DatabaseSync;

/** Thrown when the database holds a schema newer than this code knows. */
export class SchemaError extends Error {
  override name = "SchemaError";
}

/**
 * Opens (or creates) the database at `path` and applies pending migrations.
 *
 * @throws {SchemaError} when the database was migrated by a newer version of the service.
 */
export function openDatabase(
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Database {
  const db = new DatabaseSync(path);
  // WAL lets the admin CLI write while the service runs; FULL makes a committed part
  // record survive a power cut, not only a killed process.
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA busy_timeout = 5000");
  migrate(db, migrations);
  return db;
}

/**
 * Applies every migration newer than the recorded version, each in its own transaction.
 *
 * @throws {SchemaError} when the recorded version is newer than the newest migration.
 */
export function migrate(db: Database, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const row = db.prepare("SELECT MAX(version) AS version FROM schema_migrations").get() as
    | { version: number | null }
    | undefined;
  const current = row?.version ?? 0;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new SchemaError(
      `The database schema is version ${current} but this service knows up to ${newest}; upgrade the service.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    transaction(db, () => {
      db.exec(migration.sql);
      db.prepare(
        "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
      )
        .run(migration.version, migration.description, Date.now());
    });
  }
}

/** Runs `body` in a transaction: committed if it returns, rolled back if it throws. */
export function transaction<T>(db: Database, body: () => T): T {
  db.exec("BEGIN IMMEDIATE");
  try {
    const result = body();
    db.exec("COMMIT");
    return result;
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}
