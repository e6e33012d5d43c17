/**
 * Chooses the metadata database from configuration: PostgreSQL when a database URL is given,
 * else the embedded SQLite file of the data directory.
 *
 * @module
 */
import { join } from "node:path";
import type { Database } from "./database.ts";
import { openSqlite } from "./sqlite.ts";

/** The SQLite file's name inside the data directory. */
export const SQLITE_FILE = "padlock.db";

/** Where the metadata lives. */
export interface DatabaseSettings {
  /** The data directory (the SQLite file is `<dataDir>/padlock.db`). */
  dataDir: string;
  /** `postgres://…` puts the metadata on PostgreSQL instead. */
  databaseUrl?: string;
}

/** Tells whether `url` names a PostgreSQL database. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens the configured database and brings its schema up to date. The PostgreSQL driver is
 * loaded only when a database URL is given, so the embedded default needs nothing else.
 *
 * @throws {import("./database.ts").SchemaError} when the database is newer than this code.
 * @throws {import("./database.ts").DatabaseUnavailableError} when PostgreSQL cannot be reached.
 */
export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  if (isPostgresUrl(settings.databaseUrl)) {
    const { openPostgres } = await import("./postgres.ts");
    return await openPostgres(settings.databaseUrl);
  }
  await Deno.mkdir(settings.dataDir, { recursive: true });
  return await openSqlite(join(settings.dataDir, SQLITE_FILE));
}
