/**
 * Device pairing of the agent app, in the manner of the OAuth device authorization grant
 * (RFC 8628). The app asks for a pairing and gets a secret device code (kept only as a hash
 * here) and a short user code; the agent, signed in on the `/connect` page, sees the user code and
 * allows or denies; the app polls with the device code, and the first poll after "Allow" creates
 * an API key for the agent and hands it out. That is the only time its secret exists outside the
 * sealed key store: it is never stored here, and a second poll gets nothing.
 *
 * @module
 */
import type { Accounts } from "../accounts/accounts.ts";
import { isUniqueViolation, type Queryable } from "../db/database.ts";
import { randomToken, sha256Hex } from "../ids.ts";

/** How long a pairing may wait for the agent, in milliseconds. */
export const PAIRING_TTL_MS = 10 * 60_000;
/** Seconds the app should wait between polls. */
export const POLL_INTERVAL_SECONDS = 2;

/**
 * Letters of user codes: consonants only (RFC 8628 §6.1), so no word forms and none of 0/O, 1/I
 * can be confused. 20 letters, 8 of them: 34 bits, against 10 minutes of rate-limited guessing.
 */
const USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

/** A started pairing, as `POST /auth/pairing` answers it. */
export interface StartedPairing {
  /** The secret the app polls with. */
  deviceCode: string;
  /** `ABCD-EFGH`, shown on both screens. */
  userCode: string;
  /** Seconds between polls. */
  interval: number;
  /** Seconds until it expires. */
  expiresIn: number;
}

/** What a poll answers (the `response` values of the contract). */
export type PollResult =
  | { response: "PENDING" }
  | { response: "SUCCESS"; apiKey: string; apiSecret: string; email: string }
  | { response: "EXPIRED" }
  | { response: "DENIED" };

/** A pairing waiting for the agent, as the `/connect` page shows it. */
export interface PendingPairing {
  /** The user code. */
  userCode: string;
  /** What the app called itself ("Zendesk app"). */
  description: string;
  /** When it expires, ms since the epoch. */
  expiresAt: number;
}

/**
 * Returns a random user code `ABCD-EFGH` (uniform over the alphabet).
 *
 * @example
 * ```ts
 * /^[B-Z]{4}-[B-Z]{4}$/.test(randomUserCode()); // true
 * ```
 */
export function randomUserCode(): string {
  const letters: string[] = [];
  while (letters.length < 8) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      // 240 = 12 × 20: bytes above it would favour the first letters.
      if (byte < 240 && letters.length < 8) letters.push(USER_CODE_ALPHABET[byte % 20]);
    }
  }
  return `${letters.slice(0, 4).join("")}-${letters.slice(4).join("")}`;
}

/**
 * Brings what a person typed to the stored form: upper case, no spaces, a dash in the middle.
 *
 * @returns the code, or `undefined` when it cannot be a user code.
 */
export function normaliseUserCode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const letters = value.toUpperCase().replace(/[\s-]/g, "");
  if (letters.length !== 8 || ![...letters].every((c) => USER_CODE_ALPHABET.includes(c))) {
    return undefined;
  }
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

interface PairingRow {
  device_code_hash: string;
  user_code: string;
  description: string;
  expires_at: number;
  state: "pending" | "allowed" | "denied" | "delivered";
  user_id: string | null;
  last_polled_at: number | null;
}

/** Starts, decides and polls pairings. */
export class Pairings {
  readonly #db: Queryable;
  readonly #accounts: Accounts;
  readonly #now: () => number;

  /** Works on `db`, creating keys through `accounts`, with the clock `now`. */
  constructor(db: Queryable, accounts: Accounts, now: () => number = Date.now) {
    this.#db = db;
    this.#accounts = accounts;
    this.#now = now;
  }

  /** Starts a pairing for an app that calls itself `description`. */
  async start(description: string): Promise<StartedPairing> {
    await this.sweep();
    const now = this.#now();
    const deviceCode = randomToken(32);
    for (let attempt = 0;; attempt++) {
      const userCode = randomUserCode();
      try {
        await this.#db.run(
          `INSERT INTO portal_pairings (device_code_hash, user_code, description, created_at,
             expires_at, state) VALUES (?, ?, ?, ?, ?, 'pending')`,
          [sha256Hex(deviceCode), userCode, description, now, now + PAIRING_TTL_MS],
        );
        return {
          deviceCode,
          userCode,
          interval: POLL_INTERVAL_SECONDS,
          expiresIn: PAIRING_TTL_MS / 1000,
        };
      } catch (error) {
        // A user code that is already waiting: draw another (vanishingly rare).
        if (attempt >= 5 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  /** Finds a pairing still waiting for a decision. */
  async findPending(userCode: string): Promise<PendingPairing | undefined> {
    const row = await this.#db.get<{ user_code: string; description: string; expires_at: number }>(
      `SELECT user_code, description, expires_at FROM portal_pairings
       WHERE user_code = ? AND state = 'pending' AND expires_at > ?`,
      [userCode, this.#now()],
    );
    return row &&
      { userCode: row.user_code, description: row.description, expiresAt: row.expires_at };
  }

  /** Records the agent's decision; false when no pairing with this code is waiting. */
  async decide(userCode: string, userId: string, allow: boolean): Promise<boolean> {
    const result = await this.#db.run(
      `UPDATE portal_pairings SET state = ?, user_id = ?, decided_at = ?
       WHERE user_code = ? AND state = 'pending' AND expires_at > ?`,
      [allow ? "allowed" : "denied", userId, this.#now(), userCode, this.#now()],
    );
    return result.changes === 1;
  }

  /**
   * Answers a poll. Polls closer together than half the interval are answered PENDING without
   * looking further, which bounds how fast anyone can poll.
   */
  async poll(deviceCode: string): Promise<PollResult> {
    const hash = sha256Hex(deviceCode);
    const now = this.#now();
    const row = await this.#db.get<PairingRow>(
      `SELECT device_code_hash, user_code, description, expires_at, state, user_id, last_polled_at
       FROM portal_pairings WHERE device_code_hash = ?`,
      [hash],
    );
    if (!row || row.state === "delivered") return { response: "EXPIRED" };
    if (
      row.last_polled_at !== null && now - row.last_polled_at < POLL_INTERVAL_SECONDS * 500 &&
      now >= row.last_polled_at
    ) {
      return { response: "PENDING" };
    }
    await this.#db.run("UPDATE portal_pairings SET last_polled_at = ? WHERE device_code_hash = ?", [
      now,
      hash,
    ]);
    if (row.state === "denied") {
      await this.#db.run("DELETE FROM portal_pairings WHERE device_code_hash = ?", [hash]);
      return { response: "DENIED" };
    }
    if (row.expires_at <= now) {
      await this.#db.run("DELETE FROM portal_pairings WHERE device_code_hash = ?", [hash]);
      return { response: "EXPIRED" };
    }
    if (row.state === "pending") return { response: "PENDING" };
    // Allowed: claim the delivery atomically, so two polls racing cannot both get a key.
    const claimed = await this.#db.run(
      "UPDATE portal_pairings SET state = 'delivered' WHERE device_code_hash = ? AND state = 'allowed'",
      [hash],
    );
    const user = row.user_id ? await this.#accounts.getUser(row.user_id) : undefined;
    if (claimed.changes !== 1 || !user) return { response: "EXPIRED" };
    const key = await this.#accounts.createApiKey(user.id, row.description);
    return { response: "SUCCESS", apiKey: key.apiKey, apiSecret: key.apiSecret, email: user.email };
  }

  /** Deletes pairings that expired (a delivered one is kept until then, to answer EXPIRED). */
  async sweep(): Promise<void> {
    await this.#db.run("DELETE FROM portal_pairings WHERE expires_at <= ?", [
      this.#now() - PAIRING_TTL_MS,
    ]);
  }
}
