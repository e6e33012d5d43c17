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
  /** The language the recipient reads (a locale of `ui/i18n.ts`), when the sender said. */
  locale?: string;
}

interface RecipientRow {
  id: string;
  package_id: string;
  email: string;
  created_at: number;
  locale: string | null;
}

function toRecord(row: RecipientRow): RecipientRecord {
  return {
    id: row.id,
    packageId: row.package_id,
    email: row.email,
    createdAt: row.created_at,
    ...(row.locale ? { locale: row.locale } : {}),
  };
}

/** Queries on recipients. */
export class RecipientRepository {
  readonly #db: Queryable;

  /** Works on `db`. */
  constructor(db: Queryable) {
    this.#db = db;
  }

  /**
   * Adds a recipient, or returns the existing one with the same email; `locale`, when given,
   * is the language the recipient's mails are written in (and replaces an earlier one).
   */
  async add(
    packageId: string,
    email: string,
    now: number,
    locale?: string,
  ): Promise<RecipientRecord> {
    await this.#db.run(
      `INSERT INTO recipients (id, package_id, email, created_at, locale) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (package_id, email) DO UPDATE SET locale = COALESCE(excluded.locale, recipients.locale)`,
      [newUuid(), packageId, email, now, locale ?? null],
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

  /** The recipient of a package with `email`, if it is named on it. */
  async findByEmail(packageId: string, email: string): Promise<RecipientRecord | undefined> {
    const row = await this.#db.get<RecipientRow>(
      "SELECT * FROM recipients WHERE package_id = ? AND email = ?",
      [packageId, email],
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
