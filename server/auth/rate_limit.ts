/**
 * Fixed-window counters for the portal's rate limits (code requests per address and per client,
 * code attempts, pairings, sign-in failures). The windows live in the database (`rate_windows`),
 * so several service instances count together: a client spreading its tries over instances is
 * limited as on one. Each event is one conditional upsert, atomic on both dialects.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";

/** Options of {@linkcode RateLimiter}. */
export interface RateLimiterOptions {
  /** Names the counter in the table (`code-requests-per-email`); one name per limit. */
  name: string;
  /** Events allowed per window. */
  limit: number;
  /** Length of the window, in milliseconds. */
  windowMs: number;
  /** The clock. @default {Date.now} */
  now?: () => number;
}

/** The longest window any limiter may have; the sweeper deletes windows older than it. */
export const MAX_WINDOW_MS = 24 * 3_600_000;

/** Counts events per key and says when a key has had too many. */
export class RateLimiter {
  readonly #db: Queryable;
  readonly #name: string;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  /**
   * Creates a limiter counting in `db`.
   *
   * @throws {RangeError} when the limit or window is not a positive integer (or the window is
   *   longer than a day).
   */
  constructor(db: Queryable, options: RateLimiterOptions) {
    const { name, limit, windowMs, now = Date.now } = options;
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a positive integer: current value is ${limit}`);
    }
    if (!Number.isSafeInteger(windowMs) || windowMs < 1 || windowMs > MAX_WINDOW_MS) {
      throw new RangeError(`windowMs must be between 1 and ${MAX_WINDOW_MS}: it is ${windowMs}`);
    }
    this.#db = db;
    this.#name = name;
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  async #current(key: string): Promise<{ start: number; count: number } | undefined> {
    const row = await this.#db.get<{ window_start: number; count: number }>(
      "SELECT window_start, count FROM rate_windows WHERE name = ? AND key = ?",
      [this.#name, key],
    );
    if (!row || this.#now() - row.window_start >= this.#windowMs) return undefined;
    return { start: row.window_start, count: row.count };
  }

  /** Records one event for `key`; returns false (and counts nothing more) when the limit is reached. */
  async take(key: string): Promise<boolean> {
    const now = this.#now();
    const expired = now - this.#windowMs;
    // One statement: a new window, or a reset of an expired one, or one more in the current
    // window; the count stops one above the limit, which marks "refused".
    const row = await this.#db.get<{ count: number }>(
      `INSERT INTO rate_windows (name, key, window_start, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (name, key) DO UPDATE SET
         count = CASE WHEN rate_windows.window_start <= ? THEN 1
           WHEN rate_windows.count > ? THEN rate_windows.count
           ELSE rate_windows.count + 1 END,
         window_start = CASE WHEN rate_windows.window_start <= ? THEN excluded.window_start
           ELSE rate_windows.window_start END
       RETURNING count`,
      [this.#name, key, now, expired, this.#limit, expired],
    );
    return row!.count <= this.#limit;
  }

  /** Tells whether `key` has reached the limit, without recording anything. */
  async isLimited(key: string): Promise<boolean> {
    return ((await this.#current(key))?.count ?? 0) >= this.#limit;
  }

  /** Milliseconds until `key` may act again (0 when it may now). */
  async retryAfterMs(key: string): Promise<number> {
    const window = await this.#current(key);
    if (!window || window.count < this.#limit) return 0;
    return window.start + this.#windowMs - this.#now();
  }

  /** Forgets `key` (after a success). */
  async reset(key: string): Promise<void> {
    await this.#db.run("DELETE FROM rate_windows WHERE name = ? AND key = ?", [this.#name, key]);
  }
}

/** Deletes windows that ended more than a day ago (every limiter's window is shorter). */
export async function sweepRateWindows(db: Queryable, now: number): Promise<void> {
  await db.run("DELETE FROM rate_windows WHERE window_start <= ?", [now - MAX_WINDOW_MS]);
}
