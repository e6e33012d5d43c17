/**
 * Queries on the `parts` table (which parts of a file are stored, and their
 * sizes) and the `part_urls` table (the expiring tokens of upload and download URLs).
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";
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
  readonly #db: Queryable;

  /** Works on `db`. */
  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Records a stored part (replacing the record of an earlier copy). */
  async record(fileId: string, part: number, size: number, now: number): Promise<void> {
    await this.#db.run(
      `INSERT INTO parts (file_id, part, size, stored_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (file_id, part) DO UPDATE SET size = excluded.size, stored_at = excluded.stored_at`,
      [fileId, part, size, now],
    );
  }

  /** Lists the numbers of a file's stored parts, ascending. */
  async stored(fileId: string): Promise<number[]> {
    const rows = await this.#db.all<{ part: number }>(
      "SELECT part FROM parts WHERE file_id = ? ORDER BY part",
      [fileId],
    );
    return rows.map((row) => row.part);
  }

  /** Counts a file's stored parts. */
  async storedCount(fileId: string): Promise<number> {
    const row = await this.#db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM parts WHERE file_id = ?",
      [fileId],
    );
    return row!.n;
  }

  /** Sums the sizes of a file's stored parts other than `exceptPart`. */
  async storedBytes(fileId: string, exceptPart: number): Promise<number> {
    const row = await this.#db.get<{ n: number }>(
      "SELECT COALESCE(SUM(size), 0) AS n FROM parts WHERE file_id = ? AND part <> ?",
      [fileId, exceptPart],
    );
    return row!.n;
  }

  /** Tells whether a part is recorded as stored. */
  async has(fileId: string, part: number): Promise<boolean> {
    const row = await this.#db.get("SELECT 1 AS found FROM parts WHERE file_id = ? AND part = ?", [
      fileId,
      part,
    ]);
    return row !== undefined;
  }

  /**
   * Issues one unguessable URL token per grant, stored in one statement (one commit, where one
   * per URL made issuing a batch of 25 URLs cost 25 synced commits); only their SHA-256 is stored.
   *
   * @returns the tokens, in the order of `grants`.
   */
  async issueUrls(grants: readonly PartGrant[], expiresAt: number): Promise<string[]> {
    if (grants.length === 0) return [];
    const tokens = grants.map(() => randomToken());
    await this.#db.run(
      `INSERT INTO part_urls (token_hash, direction, package_id, file_id, part, expires_at)
       VALUES ${grants.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}`,
      grants.flatMap((grant, index) => [
        sha256Hex(tokens[index]),
        grant.direction,
        grant.packageId,
        grant.fileId,
        grant.part,
        expiresAt,
      ]),
    );
    return tokens;
  }

  /** Resolves a token to its grant, or `undefined` when it is unknown or expired. */
  async resolveUrl(token: string, now: number): Promise<PartGrant | undefined> {
    const row = await this.#db.get<
      { direction: "upload" | "download"; package_id: string; file_id: string; part: number }
    >(
      `SELECT direction, package_id, file_id, part FROM part_urls
       WHERE token_hash = ? AND expires_at > ?`,
      [sha256Hex(token), now],
    );
    if (!row) return undefined;
    return {
      direction: row.direction,
      packageId: row.package_id,
      fileId: row.file_id,
      part: row.part,
    };
  }

  /** Deletes expired URL tokens; returns how many. */
  async deleteExpiredUrls(now: number): Promise<number> {
    return (await this.#db.run("DELETE FROM part_urls WHERE expires_at <= ?", [now])).changes;
  }
}
