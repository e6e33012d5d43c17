/**
 * Queries on the `files` table: each file's name, size and part count.
 *
 * @module
 */
import type { Database } from "../db/database.ts";
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
  readonly #db: Database;

  /** Works on `db`. */
  constructor(db: Database) {
    this.#db = db;
  }

  /** Creates a file record. */
  create(fields: Omit<FileRecord, "id" | "completedAt">): FileRecord {
    const id = newUuid();
    this.#db.prepare(
      `INSERT INTO files (id, package_id, name, size, parts, upload_type, created_by_email, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      fields.packageId,
      fields.name,
      fields.size,
      fields.parts,
      fields.uploadType,
      fields.createdByEmail,
      fields.createdAt,
    );
    return { ...fields, id };
  }

  /** Finds a file of a package. */
  find(packageId: string, fileId: string): FileRecord | undefined {
    const row = this.#db.prepare("SELECT * FROM files WHERE package_id = ? AND id = ?")
      .get(packageId, fileId) as FileRow | undefined;
    return row && toRecord(row);
  }

  /** Lists a package's files in upload order. */
  list(packageId: string): FileRecord[] {
    const rows = this.#db.prepare(
      "SELECT * FROM files WHERE package_id = ? ORDER BY created_at, rowid",
    ).all(packageId) as unknown as FileRow[];
    return rows.map(toRecord);
  }

  /** Counts a package's files. */
  count(packageId: string): number {
    const row = this.#db.prepare("SELECT COUNT(*) AS n FROM files WHERE package_id = ?")
      .get(packageId) as { n: number };
    return row.n;
  }

  /** Records that every part is stored. */
  markComplete(fileId: string, now: number): void {
    this.#db.prepare("UPDATE files SET completed_at = ? WHERE id = ? AND completed_at IS NULL")
      .run(now, fileId);
  }

  /** Deletes a file record (its parts rows and URLs go with it). */
  delete(fileId: string): void {
    this.#db.prepare("DELETE FROM files WHERE id = ?").run(fileId);
  }
}
