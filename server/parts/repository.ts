/**
 * Queries on the `parts` table (which parts of a file are stored, and their
 * sizes) and the `part_urls` table (the expiring tokens of upload and download URLs).
 *
 * @module
 */
import type { Database } from "../db/database.ts";
import { randomToken, sha256Hex } from "../ids.ts";

/** What an upload or download URL token grants. */
export interface PartGrant {
  /** `upload` for PUT, `download` for GET. */
  direction: "upload" | "download";
  /** The package. */
  packageId: string;
  /** The file. */
  fileId: string;
  /** The part number. */
  part: number;
}

/** Queries on parts and part URLs. */
export class PartRepository {
  readonly #db: Database;

  /** Works on `db`. */
  constructor(db: Database) {
    this.#db = db;
  }

  /** Records a stored part (replacing the record of an earlier copy). */
  record(fileId: string, part: number, size: number, now: number): void {
    this.#db.prepare(
      `INSERT INTO parts (file_id, part, size, stored_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (file_id, part) DO UPDATE SET size = excluded.size, stored_at = excluded.stored_at`,
    ).run(fileId, part, size, now);
  }

  /** Lists the numbers of a file's stored parts, ascending. */
  stored(fileId: string): number[] {
    const rows = this.#db.prepare("SELECT part FROM parts WHERE file_id = ? ORDER BY part")
      .all(fileId) as { part: number }[];
    return rows.map((row) => row.part);
  }

  /** Counts a file's stored parts. */
  storedCount(fileId: string): number {
    const row = this.#db.prepare("SELECT COUNT(*) AS n FROM parts WHERE file_id = ?")
      .get(fileId) as { n: number };
    return row.n;
  }

  /** Sums the sizes of a file's stored parts other than `exceptPart`. */
  storedBytes(fileId: string, exceptPart: number): number {
    const row = this.#db.prepare(
      "SELECT COALESCE(SUM(size), 0) AS n FROM parts WHERE file_id = ? AND part <> ?",
    ).get(fileId, exceptPart) as { n: number };
    return row.n;
  }

  /** Tells whether a part is recorded as stored. */
  has(fileId: string, part: number): boolean {
    return this.#db.prepare("SELECT 1 FROM parts WHERE file_id = ? AND part = ?")
      .get(fileId, part) !== undefined;
  }

  /**
   * Issues an unguessable URL token for one part; only its SHA-256 is stored.
   *
   * @returns the token (32 random bytes, base64url).
   */
  issueUrl(grant: PartGrant, expiresAt: number): string {
    const token = randomToken();
    this.#db.prepare(
      `INSERT INTO part_urls (token_hash, direction, package_id, file_id, part, expires_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(sha256Hex(token), grant.direction, grant.packageId, grant.fileId, grant.part, expiresAt);
    return token;
  }

  /** Resolves a token to its grant, or `undefined` when it is unknown or expired. */
  resolveUrl(token: string, now: number): PartGrant | undefined {
    const row = this.#db.prepare(
      `SELECT direction, package_id, file_id, part FROM part_urls
       WHERE token_hash = ? AND expires_at > ?`,
    ).get(sha256Hex(token), now) as
      | { direction: "upload" | "download"; package_id: string; file_id: string; part: number }
      | undefined;
    if (!row) return undefined;
    return {
      direction: row.direction,
      packageId: row.package_id,
      fileId: row.file_id,
      part: row.part,
    };
  }

  /** Deletes expired URL tokens; returns how many. */
  deleteExpiredUrls(now: number): number {
    return Number(this.#db.prepare("DELETE FROM part_urls WHERE expires_at <= ?").run(now).changes);
  }
}
