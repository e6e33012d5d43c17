/**
 * Agent accounts: users with a password, their API keys (several per user,
 * revocable, with a description) and the dropzones they own. Used by the API to
 * authenticate requests and by the admin CLI and tests to create accounts.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";
import { type Dropzone, DropzoneRepository } from "../dropzones/repository.ts";
import type { DropzoneSettings } from "../dropzones/settings.ts";
import { newUuid, randomToken } from "../ids.ts";
import { isEmail, normaliseEmail } from "./emails.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import type { SecretBox } from "./secret_box.ts";

/** An agent account. */
export interface User {
  /** Random id. */
  id: string;
  /** Email address, lower case; unique. */
  email: string;
  /** Display name, possibly empty. */
  name: string;
  /** Creation time, ms since the epoch. */
  createdAt: number;
  /** When the account was deactivated (it signs in no more, its keys do not work). */
  deactivatedAt?: number;
}

/** An API key as listed (never with its secret). */
export interface ApiKeyInfo {
  /** The public key id sent in `ss-api-key`. */
  apiKey: string;
  /** Its owner. */
  userId: string;
  /** What the key is for ("Zendesk agent app"). */
  description: string;
  /** Creation time, ms since the epoch. */
  createdAt: number;
  /** Revocation time, when revoked. */
  revokedAt?: number;
}

/** A new API key: the only time its secret is shown. */
export interface NewApiKey {
  /** The key id for `ss-api-key`. */
  apiKey: string;
  /** The secret that signs requests. */
  apiSecret: string;
}

/** Thrown when an account operation is refused (bad email, duplicate, unknown user, short password). */
export class AccountError extends Error {
  override name = "AccountError";
}

/** Shortest password accepted for an agent. */
export const MIN_PASSWORD_LENGTH = 10;

interface UserRow {
  id: string;
  email: string;
  name: string;
  created_at: number;
  deactivated_at: number | null;
}

const USER_COLUMNS = "users.id, users.email, users.name, users.created_at, users.deactivated_at";

/** Stored as the password hash of an account made by single sign-on: no password matches it. */
const NO_PASSWORD = "none";

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    createdAt: row.created_at,
    ...(row.deactivated_at === null ? {} : { deactivatedAt: row.deactivated_at }),
  };
}

/** Users, API keys and dropzones. */
export class Accounts {
  readonly #db: Queryable;
  readonly #secrets: SecretBox;
  readonly #dropzones: DropzoneRepository;
  readonly #now: () => number;

  /** Works on `db`, sealing API secrets with `secrets`. */
  constructor(db: Queryable, secrets: SecretBox, now: () => number = Date.now) {
    this.#db = db;
    this.#secrets = secrets;
    this.#dropzones = new DropzoneRepository(db);
    this.#now = now;
  }

  /**
   * Creates an agent with a password hashed by PBKDF2-SHA256 (600,000 iterations).
   *
   * @throws {AccountError} when the email is malformed or taken, or the password is shorter than 10 characters.
   */
  async createUser(
    options: { email: string; password: string; name?: string },
  ): Promise<{ id: string; email: string }> {
    if (!isEmail(options.email?.trim())) {
      throw new AccountError(`Not an email address: ${JSON.stringify(options.email)}`);
    }
    if (typeof options.password !== "string" || options.password.length < MIN_PASSWORD_LENGTH) {
      throw new AccountError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    const email = normaliseEmail(options.email);
    if (await this.findUserByEmail(email)) {
      throw new AccountError(`A user with email ${email} exists.`);
    }
    const passwordHash = await hashPassword(options.password);
    const id = newUuid();
    try {
      await this.#db.run(
        "INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
        [id, email, options.name ?? "", passwordHash, this.#now()],
      );
    } catch (cause) {
      throw new AccountError(`A user with email ${email} exists.`, { cause });
    }
    return { id, email };
  }

  /** Finds a user by id. */
  async getUser(id: string): Promise<User | undefined> {
    const row = await this.#db.get<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE id = ?`,
      [id],
    );
    return row && toUser(row);
  }

  /** Finds a user by email (case-insensitive). */
  async findUserByEmail(email: string): Promise<User | undefined> {
    const row = await this.#db.get<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE email = ?`,
      [normaliseEmail(email)],
    );
    return row && toUser(row);
  }

  /** Lists every user, oldest first. */
  async listUsers(): Promise<User[]> {
    const rows = await this.#db.all<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users ORDER BY created_at, email`,
    );
    return rows.map(toUser);
  }

  /**
   * Returns the user when the email and password match and the account is active, else
   * `undefined` (constant-time compare).
   */
  async verifyPassword(email: string, password: string): Promise<User | undefined> {
    const row = await this.#db.get<UserRow & { password_hash: string }>(
      `SELECT ${USER_COLUMNS}, password_hash FROM users WHERE email = ?`,
      [normaliseEmail(email)],
    );
    if (!row || row.deactivated_at !== null) return undefined;
    return await verifyPassword(password, row.password_hash) ? toUser(row) : undefined;
  }

  /**
   * Creates an API key for a user. The secret is returned once and stored sealed.
   *
   * @throws {AccountError} when the user does not exist.
   */
  async createApiKey(userId: string, description: string): Promise<NewApiKey> {
    const user = await this.getUser(userId);
    if (!user) throw new AccountError(`No user has id ${userId}.`);
    if (user.deactivatedAt !== undefined) {
      throw new AccountError(`The account ${user.email} is deactivated.`);
    }
    const apiKey = randomToken(16);
    const apiSecret = randomToken(32);
    await this.#db.run(
      `INSERT INTO api_keys (api_key, user_id, secret_sealed, description, created_at)
       VALUES (?, ?, ?, ?, ?)`,
      [apiKey, userId, this.#secrets.seal(apiSecret), description ?? "", this.#now()],
    );
    return { apiKey, apiSecret };
  }

  /** Lists a user's keys, revoked ones included, oldest first. */
  async listApiKeys(userId: string): Promise<ApiKeyInfo[]> {
    const rows = await this.#db.all<{
      api_key: string;
      user_id: string;
      description: string;
      created_at: number;
      revoked_at: number | null;
    }>(
      `SELECT api_key, user_id, description, created_at, revoked_at FROM api_keys
       WHERE user_id = ? ORDER BY created_at, rowid`,
      [userId],
    );
    return rows.map((row) => ({
      apiKey: row.api_key,
      userId: row.user_id,
      description: row.description,
      createdAt: row.created_at,
      ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
    }));
  }

  /** Revokes a key; returns false when no active key has this id. */
  async revokeApiKey(apiKey: string): Promise<boolean> {
    const result = await this.#db.run(
      "UPDATE api_keys SET revoked_at = ? WHERE api_key = ? AND revoked_at IS NULL",
      [this.#now(), apiKey],
    );
    return result.changes > 0;
  }

  /**
   * Looks up an active key for request verification: its user and its secret.
   *
   * @throws {import("./secret_box.ts").SecretBoxError} when the secret was sealed with another key.
   */
  async findActiveApiKey(apiKey: string): Promise<{ user: User; apiSecret: string } | undefined> {
    // A deactivated account's keys do not work, even if one escaped revocation.
    const row = await this.#db.get<UserRow & { secret_sealed: string }>(
      `SELECT ${USER_COLUMNS}, api_keys.secret_sealed
       FROM api_keys JOIN users ON users.id = api_keys.user_id
       WHERE api_keys.api_key = ? AND api_keys.revoked_at IS NULL
         AND users.deactivated_at IS NULL`,
      [apiKey],
    );
    if (!row) return undefined;
    return { user: toUser(row), apiSecret: this.#secrets.open(row.secret_sealed) };
  }

  /**
   * Deactivates an account: it signs in no more (password or single sign-on), its API keys are
   * revoked and its browser sessions end. Returns false when it was deactivated already.
   */
  async deactivate(userId: string): Promise<boolean> {
    const now = this.#now();
    const changed = await this.#db.run(
      "UPDATE users SET deactivated_at = ? WHERE id = ? AND deactivated_at IS NULL",
      [now, userId],
    );
    await this.#db.run(
      "UPDATE api_keys SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
      [now, userId],
    );
    await this.#db.run("DELETE FROM portal_sessions WHERE user_id = ?", [userId]);
    return changed.changes > 0;
  }

  /** Lets a deactivated account sign in again (its revoked keys stay revoked). */
  async reactivate(userId: string): Promise<boolean> {
    const changed = await this.#db.run(
      "UPDATE users SET deactivated_at = NULL WHERE id = ? AND deactivated_at IS NOT NULL",
      [userId],
    );
    return changed.changes > 0;
  }

  /**
   * Creates an account for an agent who signed in through the identity provider: it has no
   * password and is linked to the provider's `subject` (when the provider gives a stable one).
   *
   * @throws {AccountError} when the email is malformed or taken.
   */
  async createSsoUser(options: { email: string; name?: string; subject?: string }): Promise<User> {
    if (!isEmail(options.email?.trim())) {
      throw new AccountError(`Not an email address: ${JSON.stringify(options.email)}`);
    }
    const email = normaliseEmail(options.email);
    const id = newUuid();
    try {
      await this.#db.run(
        `INSERT INTO users (id, email, name, password_hash, created_at, oidc_subject)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [id, email, options.name ?? "", NO_PASSWORD, this.#now(), options.subject ?? null],
      );
    } catch (cause) {
      throw new AccountError(`A user with email ${email} exists.`, { cause });
    }
    return (await this.getUser(id))!;
  }

  /** Finds the account linked to the identity provider's `subject`. */
  async findUserBySubject(subject: string): Promise<User | undefined> {
    const row = await this.#db.get<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE oidc_subject = ?`,
      [subject],
    );
    return row && toUser(row);
  }

  /** The provider subject an account is linked to, if any. */
  async subjectOf(userId: string): Promise<string | undefined> {
    const row = await this.#db.get<{ oidc_subject: string | null }>(
      "SELECT oidc_subject FROM users WHERE id = ?",
      [userId],
    );
    return row?.oidc_subject ?? undefined;
  }

  /**
   * Links an account to the provider's `subject` and keeps the provider's refresh token
   * (sealed), with which {@linkcode Accounts.claimProviderCheck} checks the account later.
   */
  async linkSubject(userId: string, subject: string, refreshToken?: string): Promise<void> {
    await this.#db.run(
      `UPDATE users SET oidc_subject = ?, oidc_refresh_sealed = ?, oidc_checked_at = ?
       WHERE id = ?`,
      [
        subject,
        refreshToken === undefined ? null : this.#secrets.seal(refreshToken),
        this.#now(),
        userId,
      ],
    );
  }

  /**
   * Claims the provider check of an account whose last check is older than `olderThan` (ms
   * since the epoch): returns its refresh token, or undefined when it has none or another
   * request checks it already (the claim is atomic, so one refresh token is redeemed once).
   */
  async claimProviderCheck(userId: string, olderThan: number): Promise<string | undefined> {
    const claimed = await this.#db.run(
      `UPDATE users SET oidc_checked_at = ? WHERE id = ? AND oidc_refresh_sealed IS NOT NULL
         AND (oidc_checked_at IS NULL OR oidc_checked_at <= ?)`,
      [this.#now(), userId, olderThan],
    );
    if (claimed.changes !== 1) return undefined;
    const row = await this.#db.get<{ sealed: string | null }>(
      "SELECT oidc_refresh_sealed AS sealed FROM users WHERE id = ?",
      [userId],
    );
    return row?.sealed ? this.#secrets.open(row.sealed) : undefined;
  }

  /** Keeps the provider's new refresh token after a passed check. */
  async renewProviderToken(userId: string, refreshToken: string): Promise<void> {
    await this.#db.run("UPDATE users SET oidc_refresh_sealed = ? WHERE id = ?", [
      this.#secrets.seal(refreshToken),
      userId,
    ]);
  }

  /**
   * Creates a dropzone owned by `ownerId`; `allowedUserIds` may also read its packages.
   *
   * @throws {AccountError} when the owner or an allowed user does not exist.
   */
  async createDropzone(
    ownerId: string,
    options: { allowedUserIds?: string[] } = {},
  ): Promise<{ dropzoneId: string }> {
    for (const id of [ownerId, ...(options.allowedUserIds ?? [])]) {
      if (!(await this.getUser(id))) throw new AccountError(`No user has id ${id}.`);
    }
    const dropzone = await this.#dropzones.create(
      ownerId,
      options.allowedUserIds ?? [],
      this.#now(),
    );
    return { dropzoneId: dropzone.dropzoneId };
  }

  /** Finds a dropzone by its public id. */
  findDropzone(dropzoneId: string): Promise<Dropzone | undefined> {
    return this.#dropzones.find(dropzoneId);
  }

  /** Lists every dropzone. */
  listDropzones(): Promise<Dropzone[]> {
    return this.#dropzones.list();
  }

  /**
   * Replaces a dropzone's settings.
   *
   * @throws {AccountError} when no dropzone has this id.
   */
  async setDropzoneSettings(dropzoneId: string, settings: DropzoneSettings): Promise<void> {
    if (!(await this.#dropzones.updateSettings(dropzoneId, settings))) {
      throw new AccountError(`No dropzone has id ${dropzoneId}.`);
    }
  }

  /** Tells whether a user owns a dropzone or is allowed to read its packages. */
  mayReadDropzone(dropzoneId: string, userId: string): Promise<boolean> {
    return this.#dropzones.mayRead(dropzoneId, userId);
  }
}
