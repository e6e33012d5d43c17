/**
 * Moving up: copies the metadata of a SQLite data directory into an empty PostgreSQL database,
 * and its parts into the part store of the target configuration (`createPartStore`), so that a
 * service started on the new backend serves every link as before.
 *
 * Parts are copied first, each whole or absent (the target store's `put` is atomic), then all
 * metadata in one PostgreSQL transaction: if anything fails the target holds no metadata and the
 * command can be run again, which skips the parts already copied whole (same size) and copies the
 * rest; the source is only read. Secrets sealed with the source key (API secrets, queued mail)
 * are sealed again with the target key.
 *
 * @module
 */
import { join, resolve } from "node:path";
import { SecretBox } from "../accounts/secret_box.ts";
import {
  createPartStore,
  type PartStoreConfig,
  s3SettingsOf,
} from "../storage/create_part_store.ts";
import type { Database, SqlValue } from "./database.ts";
import { openPostgres } from "./postgres.ts";
import { openSqlite } from "./sqlite.ts";

/** Thrown when the move is refused (target not empty, a recorded part missing). */
export class MoveError extends Error {
  override name = "MoveError";
}

/** Where to copy from and to. */
export interface MoveOptions {
  /** The SQLite data directory, and its secret key when it is not `<dataDir>/secret.key`. */
  from: { dataDir: string; secretKey?: string };
  /** The PostgreSQL database, the key the new instances will share, and the part store. */
  to: PartStoreConfig & { databaseUrl: string; secretKey: string };
  /** Hears progress lines. */
  progress?: (line: string) => void;
}

/** What was copied. */
export interface MoveResult {
  /** Rows copied per table. */
  rows: Record<string, number>;
  /** Parts copied (0 when the target store is the source's own folder). */
  parts: number;
  /** Parts found whole in the target store already (left by an interrupted run), not copied. */
  skipped: number;
}

/**
 * Tables in an order that satisfies their foreign keys. Leases are not moved (they expire), nor
 * single sign-ons waiting at the provider (`oidc_sign_ins`, `saml_requests`, 10 minutes), nor the
 * SAML assertions seen (`saml_assertions`, minutes: an answer replayed across the move up is
 * refused anyway, its request being gone).
 */
const TABLES = [
  "users",
  "api_keys",
  "dropzones",
  "dropzone_users",
  "packages",
  "recipients",
  "files",
  "parts",
  "part_urls",
  "key_links",
  "portal_sessions",
  "portal_grants",
  "portal_codes",
  "portal_activations",
  "portal_pairings",
  "rate_windows",
  "usage_windows",
  "sign_in_failures",
  "mail_queue",
  "package_activity",
  "upload_requests",
] as const;

/** Columns holding values sealed with the secret key, per table. */
const SEALED: Record<string, string> = {
  api_keys: "secret_sealed",
  mail_queue: "sealed",
  users: "oidc_refresh_sealed",
};

/**
 * Copies a SQLite data directory to PostgreSQL and the target part store.
 *
 * @throws {MoveError} when the target database already holds accounts or packages, or a part
 *   recorded in the source is missing from its store.
 * @throws {import("./database.ts").DatabaseUnavailableError} when PostgreSQL cannot be reached.
 * @throws {import("../storage/part_store.ts").StorageUnavailableError} when the bucket cannot be
 *   reached or refuses (the parts copied so far stay; a new run skips them).
 * @throws {import("../config.ts").ConfigError} when the bucket settings are incomplete or malformed.
 */
export async function moveUp(options: MoveOptions): Promise<MoveResult> {
  const { from, to, progress = () => {} } = options;
  const source = await openSqlite(join(from.dataDir, "padlock.db"));
  let target: Database | undefined;
  try {
    const sourceBox = await SecretBox.open(from.dataDir, from.secretKey);
    const targetBox = await SecretBox.open(to.dataDir, to.secretKey);
    target = await openPostgres(to.databaseUrl);
    for (const table of ["users", "packages"]) {
      const row = await target.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
      if (row!.n > 0) {
        throw new MoveError(`The target database is not empty (it has ${table}): use a new one.`);
      }
    }

    let parts = 0;
    let skipped = 0;
    // Parts stay where they are only when the target is the source's own folder.
    if (s3SettingsOf(to) !== undefined || resolve(to.dataDir) !== resolve(from.dataDir)) {
      const sourceStore = createPartStore({ dataDir: from.dataDir });
      const targetStore = createPartStore(to);
      const rows = await source.all<
        { package_id: string; file_id: string; part: number; size: number }
      >(
        `SELECT files.package_id, parts.file_id, parts.part, parts.size FROM parts
         JOIN files ON files.id = parts.file_id ORDER BY files.package_id, parts.file_id, parts.part`,
      );
      for (const row of rows) {
        const key = { packageId: row.package_id, fileId: row.file_id, part: row.part };
        // A part is stored whole or not at all, so one of the recorded size is a finished copy.
        const present = await targetStore.get(key);
        await present?.body.cancel();
        if (present?.size === row.size) {
          skipped++;
          continue;
        }
        const stored = await sourceStore.get(key);
        if (!stored) {
          throw new MoveError(
            `Part ${row.part} of file ${row.file_id} (package ${row.package_id}) is recorded but ` +
              "missing from the source store.",
          );
        }
        await targetStore.put(key, stored.body, stored.size);
        parts++;
      }
      progress(`parts: ${parts} copied, ${skipped} already in the target store`);
    }

    const rows: Record<string, number> = {};
    await target.transaction(async (tx) => {
      for (const table of TABLES) {
        const records = await source.all<Record<string, SqlValue>>(
          `SELECT * FROM ${table} ORDER BY rowid`,
        );
        for (const record of records) {
          const sealed = SEALED[table];
          // (A user who never signed in through the identity provider has no refresh token.)
          if (sealed && record[sealed] !== null) {
            record[sealed] = targetBox.seal(sourceBox.open(String(record[sealed])));
          }
          const columns = Object.keys(record);
          await tx.run(
            `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${
              columns.map(() => "?").join(", ")
            })`,
            columns.map((column) => record[column]),
          );
        }
        rows[table] = records.length;
      }
    });
    progress(`metadata: ${Object.entries(rows).map(([t, n]) => `${t} ${n}`).join(", ")}`);
    return { rows, parts, skipped };
  } finally {
    await target?.close();
    await source.close();
  }
}
