/**
 * Account activation: a one-time link (mailed, or printed by the admin tool) that lets an agent
 * choose a password. The same link resets a forgotten password. The token is 32 random bytes; the
 * database keeps its SHA-256. Setting the password ends the agent's other portal sessions.
 *
 * @module
 */
import { type Accounts, MIN_PASSWORD_LENGTH, type User } from "../accounts/accounts.ts";
import { hashPassword } from "../accounts/passwords.ts";
import type { Database, Queryable } from "../db/database.ts";
import { randomToken, sha256Hex } from "../ids.ts";

/** How long an activation link works, in milliseconds. */
export const ACTIVATION_TTL_MS = 7 * 86_400_000;

/** Longest password accepted (PBKDF2 hashes any length, but a megabyte is an attack). */
export const MAX_PASSWORD_LENGTH = 1024;

/** An activation was refused; the message says why in words for the agent. */
export class ActivationError extends Error {
  /** Always `"ActivationError"`. */
  override name = "ActivationError";
}

interface ActivationRow {
  user_id: string;
  next_path: string;
  expires_at: number;
  used_at: number | null;
}

/** Creates and redeems activation tokens. */
export class Activations {
  readonly #db: Database;
  readonly #accounts: Accounts;
  readonly #now: () => number;

  /** Works on `db` and `accounts` with the clock `now`. */
  constructor(db: Database, accounts: Accounts, now: () => number = Date.now) {
    this.#db = db;
    this.#accounts = accounts;
    this.#now = now;
  }

  /**
   * Creates a token for `userId`; `nextPath` is where the agent goes once the password is set.
   *
   * @returns the token, to put in a link. Never log it.
   */
  async create(userId: string, nextPath = ""): Promise<string> {
    const token = randomToken(32);
    const now = this.#now();
    await this.#db.run(
      `INSERT INTO portal_activations (token_hash, user_id, next_path, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?)`,
      [sha256Hex(token), userId, nextPath, now, now + ACTIVATION_TTL_MS],
    );
    return token;
  }

  /** Returns the agent a token would activate, when it is unused and unexpired. */
  async peek(token: string): Promise<User | undefined> {
    const row = await this.#row(this.#db, token);
    if (!row || row.used_at !== null || row.expires_at <= this.#now()) return undefined;
    return await this.#accounts.getUser(row.user_id);
  }

  /**
   * Sets the password of the token's agent, uses the token (and every other of that agent) up,
   * and ends the agent's portal sessions.
   *
   * @returns the agent and where to go next.
   * @throws {ActivationError} when the token is unknown, used or expired, or the password is too
   *   short or too long.
   */
  async redeem(token: string, password: string): Promise<{ user: User; nextPath: string }> {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new ActivationError(`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    if (password.length > MAX_PASSWORD_LENGTH) {
      throw new ActivationError(`Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`);
    }
    const user = await this.peek(token);
    if (!user) throw expired();
    const passwordHash = await hashPassword(password);
    const nextPath = await this.#db.transaction(async (tx) => {
      const row = await this.#row(tx, token);
      // Checked again inside the transaction: two tabs racing must not both succeed.
      if (!row || row.used_at !== null || row.expires_at <= this.#now()) throw expired();
      const now = this.#now();
      await tx.run("UPDATE users SET password_hash = ? WHERE id = ?", [passwordHash, user.id]);
      await tx.run(
        "UPDATE portal_activations SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
        [now, user.id],
      );
      await tx.run("DELETE FROM portal_sessions WHERE user_id = ?", [user.id]);
      return row.next_path;
    });
    return { user, nextPath };
  }

  #row(db: Queryable, token: string): Promise<ActivationRow | undefined> {
    return db.get<ActivationRow>(
      "SELECT user_id, next_path, expires_at, used_at FROM portal_activations WHERE token_hash = ?",
      [sha256Hex(token)],
    );
  }
}

function expired(): ActivationError {
  return new ActivationError(
    "This activation link was used already or has expired. Ask for a new one below.",
  );
}

/**
 * Invites an agent: creates the account when it does not exist (with a random password nobody
 * knows) and returns an activation token for it.
 *
 * @throws {import("../accounts/accounts.ts").AccountError} when the email is malformed.
 */
export async function inviteAgent(
  accounts: Accounts,
  activations: Activations,
  options: { email: string; name?: string },
): Promise<{ user: User; token: string; created: boolean }> {
  let user = await accounts.findUserByEmail(options.email);
  let created = false;
  if (!user) {
    const { id } = await accounts.createUser({
      email: options.email,
      name: options.name,
      password: randomToken(32),
    });
    user = (await accounts.getUser(id))!;
    created = true;
  }
  return { user, token: await activations.create(user.id), created };
}
