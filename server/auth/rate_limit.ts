/**
 * Fixed-window counters for the portal's rate limits (code requests per address and per client,
 * code attempts, pairings, sign-in failures) and the service's abuse limits (`../limits.ts`). The windows live in the database (`rate_windows`),
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
  /**
   * The table counting: `rate_windows` (events) or `usage_windows` (amounts such as bytes, which
   * outgrow a 32-bit count). @default {"rate_windows"}
   */
  table?: "rate_windows" | "usage_windows";
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
  readonly #table: "rate_windows" | "usage_windows";

  /**
   * Creates a limiter counting in `db`.
   *
   * @throws {RangeError} when the limit or window is not a positive integer (or the window is
   *   longer than a day).
   */
  constructor(db: Queryable, options: RateLimiterOptions) {
    const { name, limit, windowMs, now = Date.now, table = "rate_windows" } = options;
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
    this.#table = table;
  }

  async #current(key: string): Promise<{ start: number; count: number } | undefined> {
    const row = await this.#db.get<{ window_start: number; count: number }>(
      `SELECT window_start, count FROM ${this.#table} WHERE name = ? AND key = ?`,
      [this.#name, key],
    );
    if (!row || this.#now() - row.window_start >= this.#windowMs) return undefined;
    return { start: row.window_start, count: row.count };
  }

  /**
   * Records one event (or `amount`, e.g. bytes) for `key`; returns false (and counts nothing
   * more once over) when it would go past the limit.
   */
  async take(key: string, amount = 1): Promise<boolean> {
    if (!Number.isSafeInteger(amount) || amount < 1) {
      throw new RangeError(`amount must be a positive integer: current value is ${amount}`);
    }
    const now = this.#now();
    const expired = now - this.#windowMs;
    const t = this.#table;
    // One statement: a new window, or a reset of an expired one, or `amount` more in the current
    // window; the count stops growing once above the limit, which marks "refused".
    const row = await this.#db.get<{ count: number | string }>(
      `INSERT INTO ${t} (name, key, window_start, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (name, key) DO UPDATE SET
         count = CASE WHEN ${t}.window_start <= ? THEN excluded.count
           WHEN ${t}.count > ? THEN ${t}.count
           ELSE ${t}.count + excluded.count END,
         window_start = CASE WHEN ${t}.window_start <= ? THEN excluded.window_start
           ELSE ${t}.window_start END
       RETURNING count`,
      [this.#name, key, now, amount, expired, this.#limit, expired],
    );
    return Number(row!.count) <= this.#limit;
  }

  /** Tells whether `key` has reached the limit, without recording anything. */
  async isLimited(key: string): Promise<boolean> {
    return Number((await this.#current(key))?.count ?? 0) >= this.#limit;
  }

  /** Milliseconds until `key` may act again (0 when it may now). */
  async retryAfterMs(key: string): Promise<number> {
    const window = await this.#current(key);
    if (!window || Number(window.count) < this.#limit) return 0;
    return window.start + this.#windowMs - this.#now();
  }

  /** Forgets `key` (after a success). */
  async reset(key: string): Promise<void> {
    await this.#db.run(`DELETE FROM ${this.#table} WHERE name = ? AND key = ?`, [this.#name, key]);
  }
}

/** Deletes windows that ended more than a day ago (every limiter's window is shorter). */
export async function sweepRateWindows(db: Queryable, now: number): Promise<void> {
  await db.run("DELETE FROM rate_windows WHERE window_start <= ?", [now - MAX_WINDOW_MS]);
}
