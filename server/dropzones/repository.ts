/**
 * Dropzones: a public id that anonymous uploaders put in `ss-api-key`, an owner,
 * and the users allowed to open what is dropped there.
 *
 * @module
 */
import type { Database } from "../db/database.ts";
import { transaction } from "../db/database.ts";
import { randomToken } from "../ids.ts";

/** A dropzone as stored. */
export interface Dropzone {
  /** Public id (32 URL-safe characters); knowing it lets anyone upload, not read. */
  dropzoneId: string;
  /** The user who owns it and reads its packages. */
  ownerId: string;
  /** Other users who read its packages. */
  allowedUserIds: string[];
  /** Creation time, ms since the epoch. */
  createdAt: number;
}

/** Queries on the `dropzones` and `dropzone_users` tables. */
export class DropzoneRepository {
  readonly #db: Database;

  /** Works on `db`. */
  constructor(db: Database) {
    this.#db = db;
  }

  /** Creates a dropzone with a new random id. */
  create(ownerId: string, allowedUserIds: string[], now: number): Dropzone {
    const dropzoneId = randomToken(24);
    const unique = [...new Set(allowedUserIds)];
    transaction(this.#db, () => {
      this.#db.prepare("INSERT INTO dropzones (id, owner_id, created_at) VALUES (?, ?, ?)")
        .run(dropzoneId, ownerId, now);
      const insert = this.#db.prepare(
        "INSERT INTO dropzone_users (dropzone_id, user_id) VALUES (?, ?)",
      );
      for (const userId of unique) insert.run(dropzoneId, userId);
    });
    return { dropzoneId, ownerId, allowedUserIds: unique, createdAt: now };
  }

  /** Finds a dropzone by its public id. */
  find(dropzoneId: string): Dropzone | undefined {
    const row = this.#db.prepare("SELECT id, owner_id, created_at FROM dropzones WHERE id = ?")
      .get(dropzoneId) as { id: string; owner_id: string; created_at: number } | undefined;
    if (!row) return undefined;
    return this.#toDropzone(row);
  }

  /** Lists every dropzone, oldest first. */
  list(): Dropzone[] {
    const rows = this.#db.prepare(
      "SELECT id, owner_id, created_at FROM dropzones ORDER BY created_at, rowid",
    ).all() as { id: string; owner_id: string; created_at: number }[];
    return rows.map((row) => this.#toDropzone(row));
  }

  /** Tells whether `userId` owns the dropzone or is allowed to read its packages. */
  mayRead(dropzoneId: string, userId: string): boolean {
    const row = this.#db.prepare(
      `SELECT 1 FROM dropzones WHERE id = ? AND owner_id = ?
       UNION SELECT 1 FROM dropzone_users WHERE dropzone_id = ? AND user_id = ?`,
    ).get(dropzoneId, userId, dropzoneId, userId);
    return row !== undefined;
  }

  #toDropzone(row: { id: string; owner_id: string; created_at: number }): Dropzone {
    const users = this.#db.prepare(
      "SELECT user_id FROM dropzone_users WHERE dropzone_id = ? ORDER BY user_id",
    ).all(row.id) as { user_id: string }[];
    return {
      dropzoneId: row.id,
      ownerId: row.owner_id,
      allowedUserIds: users.map((user) => user.user_id),
      createdAt: row.created_at,
    };
  }
}
