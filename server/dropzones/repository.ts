/**
 * Dropzones: a public id that anonymous uploaders put in `ss-api-key`, an owner,
 * and the users allowed to open what is dropped there.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";
import { randomToken } from "../ids.ts";
import { DEFAULT_DROPZONE_SETTINGS, type DropzoneSettings } from "./settings.ts";

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
  /** What it takes, how long packages live, who else may open them. */
  settings: DropzoneSettings;
}

const COLUMNS =
  "id, owner_id, created_at, allowed_extensions, max_file_bytes, life_days, sender_domain_access, " +
  "notify_uploads";

/** Queries on the `dropzones` and `dropzone_users` tables. */
export class DropzoneRepository {
  readonly #db: Queryable;

  /** Works on `db`. */
  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Creates a dropzone with a new random id. */
  async create(ownerId: string, allowedUserIds: string[], now: number): Promise<Dropzone> {
    const dropzoneId = randomToken(24);
    const unique = [...new Set(allowedUserIds)];
    await this.#db.transaction(async (tx) => {
      await tx.run("INSERT INTO dropzones (id, owner_id, created_at) VALUES (?, ?, ?)", [
        dropzoneId,
        ownerId,
        now,
      ]);
      for (const userId of unique) {
        await tx.run("INSERT INTO dropzone_users (dropzone_id, user_id) VALUES (?, ?)", [
          dropzoneId,
          userId,
        ]);
      }
    });
    return {
      dropzoneId,
      ownerId,
      allowedUserIds: unique,
      createdAt: now,
      settings: { ...DEFAULT_DROPZONE_SETTINGS, allowedExtensions: [] },
    };
  }

  /** Finds a dropzone by its public id. */
  async find(dropzoneId: string): Promise<Dropzone | undefined> {
    const row = await this.#db.get<DropzoneRow>(
      `SELECT ${COLUMNS} FROM dropzones WHERE id = ?`,
      [dropzoneId],
    );
    if (!row) return undefined;
    return await toDropzone(this.#db, row);
  }

  /** Lists every dropzone, oldest first. */
  async list(): Promise<Dropzone[]> {
    const rows = await this.#db.all<DropzoneRow>(
      `SELECT ${COLUMNS} FROM dropzones ORDER BY created_at, rowid`,
    );
    const dropzones: Dropzone[] = [];
    for (const row of rows) dropzones.push(await toDropzone(this.#db, row));
    return dropzones;
  }

  /**
   * Replaces a dropzone's settings (already checked by `settings.ts`'s parsers).
   *
   * @returns whether the dropzone exists.
   */
  async updateSettings(dropzoneId: string, settings: DropzoneSettings): Promise<boolean> {
    const { changes } = await this.#db.run(
      `UPDATE dropzones SET allowed_extensions = ?, max_file_bytes = ?, life_days = ?,
         sender_domain_access = ?, notify_uploads = ? WHERE id = ?`,
      [
        settings.allowedExtensions.join(","),
        settings.maxFileBytes ?? null,
        settings.lifeDays ?? null,
        settings.senderDomainAccess ? 1 : 0,
        settings.notifyUploads ? 1 : 0,
        dropzoneId,
      ],
    );
    return changes > 0;
  }

  /** Tells whether `userId` owns the dropzone or is allowed to read its packages. */
  async mayRead(dropzoneId: string, userId: string): Promise<boolean> {
    const row = await this.#db.get(
      `SELECT 1 AS found FROM dropzones WHERE id = ? AND owner_id = ?
       UNION SELECT 1 AS found FROM dropzone_users WHERE dropzone_id = ? AND user_id = ?`,
      [dropzoneId, userId, dropzoneId, userId],
    );
    return row !== undefined;
  }
}

interface DropzoneRow {
  id: string;
  owner_id: string;
  created_at: number;
  allowed_extensions: string;
  max_file_bytes: number | null;
  life_days: number | null;
  sender_domain_access: number;
  notify_uploads: number;
}

async function toDropzone(db: Queryable, row: DropzoneRow): Promise<Dropzone> {
  const users = await db.all<{ user_id: string }>(
    "SELECT user_id FROM dropzone_users WHERE dropzone_id = ? ORDER BY user_id",
    [row.id],
  );
  return {
    dropzoneId: row.id,
    ownerId: row.owner_id,
    allowedUserIds: users.map((user) => user.user_id),
    createdAt: row.created_at,
    settings: {
      allowedExtensions: row.allowed_extensions ? row.allowed_extensions.split(",") : [],
      ...(row.max_file_bytes === null ? {} : { maxFileBytes: Number(row.max_file_bytes) }),
      ...(row.life_days === null ? {} : { lifeDays: Number(row.life_days) }),
      senderDomainAccess: Number(row.sender_domain_access) === 1,
      notifyUploads: Number(row.notify_uploads) === 1,
    },
  };
}
