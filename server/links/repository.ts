/**
 * Queries on the `key_links` table: keyCodes encrypted by the client to a public
 * key (spec 2.6). They are opaque armored OpenPGP messages to the service.
 *
 * @module
 */
import type { Database } from "../db/database.ts";

/** Queries on key links. */
export class KeyLinkRepository {
  readonly #db: Database;

  /** Works on `db`. */
  constructor(db: Database) {
    this.#db = db;
  }

  /** Stores (or replaces) the encrypted keyCode for a public key. */
  put(packageId: string, publicKeyId: string, armored: string, now: number): void {
    this.#db.prepare(
      `INSERT INTO key_links (package_id, public_key_id, keycode_armored, created_at)
       VALUES (?, ?, ?, ?) ON CONFLICT (package_id, public_key_id)
       DO UPDATE SET keycode_armored = excluded.keycode_armored, created_at = excluded.created_at`,
    ).run(packageId, publicKeyId, armored, now);
  }

  /** Reads the encrypted keyCode for a public key. */
  get(packageId: string, publicKeyId: string): string | undefined {
    const row = this.#db.prepare(
      "SELECT keycode_armored FROM key_links WHERE package_id = ? AND public_key_id = ?",
    ).get(packageId, publicKeyId) as { keycode_armored: string } | undefined;
    return row?.keycode_armored;
  }
}
