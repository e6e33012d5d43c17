/**
 * Queries on the `recipients` table: the people named on a package, who may read it.
 *
 * @module
 */
import type { Database } from "../db/database.ts";
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
  readonly #db: Database;

  /** Works on `db`. */
  constructor(db: Database) {
    this.#db = db;
  }

  /** Adds a recipient, or returns the existing one with the same email. */
  add(packageId: string, email: string, now: number): RecipientRecord {
    this.#db.prepare(
      `INSERT INTO recipients (id, package_id, email, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (package_id, email) DO NOTHING`,
    ).run(newUuid(), packageId, email, now);
    const row = this.#db.prepare("SELECT * FROM recipients WHERE package_id = ? AND email = ?")
      .get(packageId, email) as unknown as RecipientRow;
    return toRecord(row);
  }

  /** Lists a package's recipients in the order they were added. */
  list(packageId: string): RecipientRecord[] {
    const rows = this.#db.prepare(
      "SELECT * FROM recipients WHERE package_id = ? ORDER BY created_at, email",
    ).all(packageId) as unknown as RecipientRow[];
    return rows.map(toRecord);
  }

  /** Finds one recipient of a package. */
  find(packageId: string, recipientId: string): RecipientRecord | undefined {
    const row = this.#db.prepare("SELECT * FROM recipients WHERE package_id = ? AND id = ?")
      .get(packageId, recipientId) as RecipientRow | undefined;
    return row && toRecord(row);
  }

  /** Tells whether `email` is named on the package. */
  isRecipient(packageId: string, email: string): boolean {
    return this.#db.prepare("SELECT 1 FROM recipients WHERE package_id = ? AND email = ?")
      .get(packageId, email) !== undefined;
  }

  /** Counts a package's recipients. */
  count(packageId: string): number {
    const row = this.#db.prepare("SELECT COUNT(*) AS n FROM recipients WHERE package_id = ?")
      .get(packageId) as { n: number };
    return row.n;
  }

  /** Removes a recipient. */
  delete(packageId: string, recipientId: string): void {
    this.#db.prepare("DELETE FROM recipients WHERE package_id = ? AND id = ?")
      .run(packageId, recipientId);
  }
}
