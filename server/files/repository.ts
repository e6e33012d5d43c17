/**
 * Queries on the `files` table: each file's name, size and part count.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";
import { newUuid } from "../ids.ts";

/** A file of a package. */
export interface FileRecord {
  /** Random id. */
  id: string;
  /** The package. */
  packageId: string;
  /** The decoded file name. */
  name: string;
  /** Plaintext size in bytes, as declared by the uploader. */
  size: number;
  /** Number of encrypted parts. */
  parts: number;
  /** The uploader's `uploadType`. */
  uploadType: string;
  /** The signed-in uploader's email; empty for dropzone uploads. */
  createdByEmail: string;
  /** Creation time, ms since the epoch. */
  createdAt: number;
  /** When every part was stored and the upload was declared complete. */
  completedAt?: number;
}

interface FileRow {
  id: string;
  package_id: string;
  name: string;
  size: number;
  parts: number;
  upload_type: string;
  created_by_email: string;
  created_at: number;
  completed_at: number | null;
}

function toRecord(row: FileRow): FileRecord {
  const record: FileRecord = {
    id: row.id,
    packageId: row.package_id,
    name: row.name,
    size: row.size,
    parts: row.parts,
    uploadType: row.upload_type,
    createdByEmail: row.created_by_email,
    createdAt: row.created_at,
  };
  if (row.completed_at !== null) record.completedAt = row.completed_at;
  return record;
}

/** Queries on files. */
export class FileRepository {
  readonly #db: Queryable;

  /** Works on `db`. */
  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Creates a file record. */
  async create(fields: Omit<FileRecord, "id" | "completedAt">): Promise<FileRecord> {
    const id = newUuid();
    await this.#db.run(
      `INSERT INTO files (id, package_id, name, size, parts, upload_type, created_by_email, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        fields.packageId,
        fields.name,
        fields.size,
        fields.parts,
        fields.uploadType,
        fields.createdByEmail,
        fields.createdAt,
      ],
    );
    return { ...fields, id };
  }

  /** Finds a file of a package. */
  async find(packageId: string, fileId: string): Promise<FileRecord | undefined> {
    const row = await this.#db.get<FileRow>("SELECT * FROM files WHERE package_id = ? AND id = ?", [
      packageId,
      fileId,
    ]);
    return row && toRecord(row);
  }

  /** Lists a package's files in upload order. */
  async list(packageId: string): Promise<FileRecord[]> {
    const rows = await this.#db.all<FileRow>(
      "SELECT * FROM files WHERE package_id = ? ORDER BY created_at, rowid",
      [packageId],
    );
    return rows.map(toRecord);
  }

  /** Counts a package's files. */
  async count(packageId: string): Promise<number> {
    const row = await this.#db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM files WHERE package_id = ?",
      [packageId],
    );
    return row!.n;
  }

  /** Records that every part is stored. */
  async markComplete(fileId: string, now: number): Promise<void> {
    await this.#db.run(
      "UPDATE files SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
      [now, fileId],
    );
  }

  /** Deletes a file record (its parts rows and URLs go with it). */
  async delete(fileId: string): Promise<void> {
    await this.#db.run("DELETE FROM files WHERE id = ?", [fileId]);
  }
}
