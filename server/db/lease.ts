/**
 * Leases: work that one service instance at a time should do (the sweeper) is done by whoever
 * holds its row in `leases`. Taking and renewing is one conditional upsert, the same on SQLite and
 * PostgreSQL: it succeeds when nobody holds the lease, when this instance already does, or when
 * the holder let it expire (it died or hangs), so another instance takes over.
 *
 * @module
 */
import type { Queryable } from "./database.ts";

/** One named lease as seen by one holder. */
export class Lease {
  readonly #db: Queryable;
  readonly #name: string;
  readonly #holder: string;
  readonly #ttlMs: number;
  readonly #now: () => number;

  /**
   * A lease called `name`, taken by `holder` for `ttlMs` at a time.
   *
   * @param holder unique per instance (a random id).
   */
  constructor(db: Queryable, name: string, holder: string, ttlMs: number, now = Date.now) {
    this.#db = db;
    this.#name = name;
    this.#holder = holder;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** Takes or renews the lease; returns whether this holder has it now. */
  async acquire(): Promise<boolean> {
    const now = this.#now();
    const result = await this.#db.run(
      `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= ?`,
      [this.#name, this.#holder, now + this.#ttlMs, now],
    );
    return result.changes === 1;
  }

  /** Gives the lease up (on shutdown), so another instance need not wait for it to expire. */
  async release(): Promise<void> {
    await this.#db.run("DELETE FROM leases WHERE name = ? AND holder = ?", [
      this.#name,
      this.#holder,
    ]);
  }
}
