/**
 * Browser sessions of the portal. The cookie carries 32 random bytes; the database keeps only
 * their SHA-256. A session can be signed in as an agent (for 12 hours) and can hold grants: a
 * recipient who proved their address with a code may read that package (for 12 hours, or 30 days
 * with "remember this browser"). Every gain of rights issues a new id (no session fixation).
 *
 * A visitor without rights has a cookie but no row: the id only anchors the CSRF token.
 *
 * @module
 */
import type { Database, Queryable } from "../db/database.ts";
import { randomToken, sha256Hex } from "../ids.ts";

/** How long a sign-in lasts, in milliseconds. */
export const SIGN_IN_MS = 12 * 3_600_000;
/** How long a grant lasts without "remember this browser", in milliseconds. */
export const GRANT_MS = 12 * 3_600_000;
/** How long a grant lasts with "remember this browser", in milliseconds. */
export const REMEMBER_MS = 30 * 86_400_000;

/** A session with rights. */
export interface Session {
  /** SHA-256 of the cookie value. */
  idHash: string;
  /** The agent signed in, while the sign-in lasts. */
  userId?: string;
  /** When the row is deleted, ms since the epoch. */
  expiresAt: number;
  /** Whether the cookie outlives the browser session ("remember this browser"). */
  persistent: boolean;
}

/** A new session id and how long its cookie should live. */
export interface IssuedSession {
  /** The value for the cookie. Never log it. */
  id: string;
  /** Cookie lifetime in seconds; absent = until the browser closes. */
  maxAge?: number;
}

interface SessionRow {
  id_hash: string;
  user_id: string | null;
  user_until: number | null;
  expires_at: number;
  persistent: number;
}

/** Reads and changes sessions and their grants. */
export class SessionStore {
  readonly #db: Database;
  readonly #now: () => number;

  /** Works on `db` with the clock `now`. */
  constructor(db: Database, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /** Returns a fresh id for a visitor without a session (no row is written). */
  newAnonymousId(): string {
    return randomToken(32);
  }

  /** Finds the live session of a cookie value. */
  async find(id: string | undefined): Promise<Session | undefined> {
    if (!id) return undefined;
    const row = await this.#db.get<SessionRow>(
      "SELECT id_hash, user_id, user_until, expires_at, persistent FROM portal_sessions WHERE id_hash = ?",
      [sha256Hex(id)],
    );
    if (!row || row.expires_at <= this.#now()) return undefined;
    const signedIn = row.user_id !== null && (row.user_until ?? 0) > this.#now();
    return {
      idHash: row.id_hash,
      ...(signedIn ? { userId: row.user_id! } : {}),
      expiresAt: row.expires_at,
      persistent: row.persistent === 1,
    };
  }

  /** Returns the address a live grant of this session to this package was given for. */
  async grantOf(id: string | undefined, packageId: string): Promise<string | undefined> {
    const session = await this.find(id);
    if (!session) return undefined;
    const row = await this.#db.get<{ email: string }>(
      "SELECT email FROM portal_grants WHERE session_hash = ? AND package_id = ? AND expires_at > ?",
      [session.idHash, packageId, this.#now()],
    );
    return row?.email;
  }

  /**
   * Signs a session in as `userId`, under a new id, for 12 hours or until `until` (ms since the
   * epoch) when that comes sooner: a sign-in through the identity provider ends with its token.
   */
  signIn(currentId: string | undefined, userId: string, until?: number): Promise<IssuedSession> {
    return this.#elevate(currentId, async (tx, idHash, now) => {
      await tx.run("UPDATE portal_sessions SET user_id = ?, user_until = ? WHERE id_hash = ?", [
        userId,
        Math.min(now + SIGN_IN_MS, until ?? Infinity),
        idHash,
      ]);
    }, false);
  }

  /** Grants a session the right to read a package as recipient `email`, under a new id. */
  grant(
    currentId: string | undefined,
    packageId: string,
    email: string,
    remember: boolean,
  ): Promise<IssuedSession> {
    return this.#elevate(currentId, async (tx, idHash, now) => {
      // A grant never shortens: the later of the two expiries stays (CASE: SQLite's MAX(a, b)
      // is PostgreSQL's GREATEST).
      await tx.run(
        `INSERT INTO portal_grants (session_hash, package_id, email, granted_at, expires_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (session_hash, package_id) DO UPDATE SET email = excluded.email,
           granted_at = excluded.granted_at,
           expires_at = CASE WHEN portal_grants.expires_at > excluded.expires_at
             THEN portal_grants.expires_at ELSE excluded.expires_at END`,
        [idHash, packageId, email, now, now + (remember ? REMEMBER_MS : GRANT_MS)],
      );
    }, remember);
  }

  /** Ends a session: its row and grants are deleted. */
  async destroy(id: string | undefined): Promise<void> {
    if (!id) return;
    await this.#db.run("DELETE FROM portal_sessions WHERE id_hash = ?", [sha256Hex(id)]);
  }

  /** Ends every session signed in as `userId` (after a password change). */
  async destroyForUser(userId: string): Promise<void> {
    await this.#db.run("DELETE FROM portal_sessions WHERE user_id = ?", [userId]);
  }

  /** Deletes expired sessions and grants. */
  async sweep(): Promise<void> {
    const now = this.#now();
    await this.#db.run("DELETE FROM portal_grants WHERE expires_at <= ?", [now]);
    await this.#db.run("DELETE FROM portal_sessions WHERE expires_at <= ?", [now]);
  }

  async #elevate(
    currentId: string | undefined,
    change: (tx: Queryable, idHash: string, now: number) => Promise<void>,
    persistent: boolean,
  ): Promise<IssuedSession> {
    const now = this.#now();
    const id = randomToken(32);
    const idHash = sha256Hex(id);
    const current = await this.find(currentId);
    const row = await this.#db.transaction(async (tx) => {
      if (current) {
        // The grants follow the new id (ON UPDATE CASCADE).
        await tx.run("UPDATE portal_sessions SET id_hash = ? WHERE id_hash = ?", [
          idHash,
          current.idHash,
        ]);
      } else {
        await tx.run(
          "INSERT INTO portal_sessions (id_hash, created_at, expires_at) VALUES (?, ?, ?)",
          [idHash, now, now],
        );
      }
      await change(tx, idHash, now);
      // The session lives as long as its sign-in or its longest grant.
      const session = await tx.get<{ user_until: number | null }>(
        "SELECT user_until FROM portal_sessions WHERE id_hash = ?",
        [idHash],
      );
      const grants = await tx.get<{ until: number | null }>(
        "SELECT MAX(expires_at) AS until FROM portal_grants WHERE session_hash = ?",
        [idHash],
      );
      const until = Math.max(session?.user_until ?? 0, grants?.until ?? 0);
      await tx.run(
        `UPDATE portal_sessions SET expires_at = ?,
           persistent = CASE WHEN persistent = 1 OR ? = 1 THEN 1 ELSE 0 END WHERE id_hash = ?`,
        [until, persistent ? 1 : 0, idHash],
      );
      return (await tx.get<SessionRow>(
        "SELECT id_hash, user_id, user_until, expires_at, persistent FROM portal_sessions WHERE id_hash = ?",
        [idHash],
      ))!;
    });
    return row.persistent === 1 ? { id, maxAge: Math.ceil((row.expires_at - now) / 1000) } : { id };
  }
}
