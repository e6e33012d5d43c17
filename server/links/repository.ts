/**
 * Queries on the `key_links` table: keyCodes encrypted by the client to a public
 * key (spec 2.6). They are opaque armored OpenPGP messages to the service.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";

/** Queries on key links. */
export class KeyLinkRepository {
  readonly #db: Queryable;

  /** Works on `db`. */
  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Stores (or replaces) the encrypted keyCode for a public key. */
  async put(packageId: string, publicKeyId: string, armored: string, now: number): Promise<void> {
    await this.#db.run(
      `INSERT INTO key_links (package_id, public_key_id, keycode_armored, created_at)
       VALUES (?, ?, ?, ?) ON CONFLICT (package_id, public_key_id)
       DO UPDATE SET keycode_armored = excluded.keycode_armored, created_at = excluded.created_at`,
      [packageId, publicKeyId, armored, now],
    );
  }

  /** Reads the encrypted keyCode for a public key. */
  async get(packageId: string, publicKeyId: string): Promise<string | undefined> {
    const row = await this.#db.get<{ keycode_armored: string }>(
      "SELECT keycode_armored FROM key_links WHERE package_id = ? AND public_key_id = ?",
      [packageId, publicKeyId],
    );
    return row?.keycode_armored;
  }
}
