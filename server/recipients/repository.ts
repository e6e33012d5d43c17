/**
 * Queries on the `recipients` table: the people named on a package, who may read it.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";
import { newUuid } from "../ids.ts";

/** A named recipient of a package. */
export interface RecipientRecord {
  /** Random id. */
  id: string;
  /** The package. */
  packageId: string;
  /** Lower-case email address. */
  email: string;
  /** When added, ms since the epoch. */
  createdAt: number;
}

interface RecipientRow {
  id: string;
  package_id: string;
  email: string;
  created_at: number;
}

function toRecord(row: RecipientRow): RecipientRecord {
  return { id: row.id, packageId: row.package_id, email: row.email, createdAt: row.created_at };
}

/** Queries on recipients. */
export class RecipientRepository {
  readonly #db: Queryable;

  /** Works on `db`. */
  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Adds a recipient, or returns the existing one with the same email. */
  async add(packageId: string, email: string, now: number): Promise<RecipientRecord> {
    await this.#db.run(
      `INSERT INTO recipients (id, package_id, email, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (package_id, email) DO NOTHING`,
      [newUuid(), packageId, email, now],
    );
    const row = await this.#db.get<RecipientRow>(
      "SELECT * FROM recipients WHERE package_id = ? AND email = ?",
      [packageId, email],
    );
    return toRecord(row!);
  }

  /** Lists a package's recipients in the order they were added. */
  async list(packageId: string): Promise<RecipientRecord[]> {
    const rows = await this.#db.all<RecipientRow>(
      "SELECT * FROM recipients WHERE package_id = ? ORDER BY created_at, email",
      [packageId],
    );
    return rows.map(toRecord);
  }

  /** Finds one recipient of a package. */
  async find(packageId: string, recipientId: string): Promise<RecipientRecord | undefined> {
    const row = await this.#db.get<RecipientRow>(
      "SELECT * FROM recipients WHERE package_id = ? AND id = ?",
      [packageId, recipientId],
    );
    return row && toRecord(row);
  }

  /** Tells whether `email` is named on the package. */
  async isRecipient(packageId: string, email: string): Promise<boolean> {
    const row = await this.#db.get(
      "SELECT 1 AS found FROM recipients WHERE package_id = ? AND email = ?",
      [packageId, email],
    );
    return row !== undefined;
  }

  /** Counts a package's recipients. */
  async count(packageId: string): Promise<number> {
    const row = await this.#db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM recipients WHERE package_id = ?",
      [packageId],
    );
    return row!.n;
  }

  /** Removes a recipient. */
  async delete(packageId: string, recipientId: string): Promise<void> {
    await this.#db.run("DELETE FROM recipients WHERE package_id = ? AND id = ?", [
      packageId,
      recipientId,
    ]);
  }
}
