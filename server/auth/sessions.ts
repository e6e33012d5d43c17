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
import type { Database } from "../db/database.ts";
import { transaction } from "../db/database.ts";
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
  find(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const row = this.#db.prepare(
      "SELECT id_hash, user_id, user_until, expires_at, persistent FROM portal_sessions WHERE id_hash = ?",
    ).get(sha256Hex(id)) as SessionRow | undefined;
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
  grantOf(id: string | undefined, packageId: string): string | undefined {
    const session = this.find(id);
    if (!session) return undefined;
    const row = this.#db.prepare(
      "SELECT email FROM portal_grants WHERE session_hash = ? AND package_id = ? AND expires_at > ?",
    ).get(session.idHash, packageId, this.#now()) as { email: string } | undefined;
    return row?.email;
  }

  /** Signs a session in as `userId`, under a new id. */
  signIn(currentId: string | undefined, userId: string): IssuedSession {
    return this.#elevate(currentId, (idHash, now) => {
      this.#db.prepare("UPDATE portal_sessions SET user_id = ?, user_until = ? WHERE id_hash = ?")
        .run(userId, now + SIGN_IN_MS, idHash);
    }, false);
  }

  /** Grants a session the right to read a package as recipient `email`, under a new id. */
  grant(
    currentId: string | undefined,
    packageId: string,
    email: string,
    remember: boolean,
  ): IssuedSession {
    return this.#elevate(currentId, (idHash, now) => {
      this.#db.prepare(
        `INSERT INTO portal_grants (session_hash, package_id, email, granted_at, expires_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (session_hash, package_id) DO UPDATE SET email = excluded.email,
           granted_at = excluded.granted_at, expires_at = MAX(expires_at, excluded.expires_at)`,
      ).run(idHash, packageId, email, now, now + (remember ? REMEMBER_MS : GRANT_MS));
    }, remember);
  }

  /** Ends a session: its row and grants are deleted. */
  destroy(id: string | undefined): void {
    if (!id) return;
    this.#db.prepare("DELETE FROM portal_sessions WHERE id_hash = ?").run(sha256Hex(id));
  }

  /** Ends every session signed in as `userId` (after a password change). */
  destroyForUser(userId: string): void {
    this.#db.prepare("DELETE FROM portal_sessions WHERE user_id = ?").run(userId);
  }

  /** Deletes expired sessions and grants. */
  sweep(): void {
    const now = this.#now();
    this.#db.prepare("DELETE FROM portal_grants WHERE expires_at <= ?").run(now);
    this.#db.prepare("DELETE FROM portal_sessions WHERE expires_at <= ?").run(now);
  }

  #elevate(
    currentId: string | undefined,
    change: (idHash: string, now: number) => void,
    persistent: boolean,
  ): IssuedSession {
    const now = this.#now();
    const id = randomToken(32);
    const idHash = sha256Hex(id);
    const current = this.find(currentId);
    const row = transaction(this.#db, () => {
      if (current) {
        // The grants follow the new id (ON UPDATE CASCADE).
        this.#db.prepare("UPDATE portal_sessions SET id_hash = ? WHERE id_hash = ?")
          .run(idHash, current.idHash);
      } else {
        this.#db.prepare(
          "INSERT INTO portal_sessions (id_hash, created_at, expires_at) VALUES (?, ?, ?)",
        ).run(idHash, now, now);
      }
      change(idHash, now);
      const until = this.#db.prepare(
        `SELECT MAX(COALESCE((SELECT user_until FROM portal_sessions WHERE id_hash = ?), 0),
                COALESCE((SELECT MAX(expires_at) FROM portal_grants WHERE session_hash = ?), 0))
           AS until`,
      ).get(idHash, idHash) as { until: number };
      this.#db.prepare(
        "UPDATE portal_sessions SET expires_at = ?, persistent = MAX(persistent, ?) WHERE id_hash = ?",
      ).run(until.until, persistent ? 1 : 0, idHash);
      return this.#db.prepare(
        "SELECT id_hash, user_id, user_until, expires_at, persistent FROM portal_sessions WHERE id_hash = ?",
      ).get(idHash) as unknown as SessionRow;
    });
    return row.persistent === 1 ? { id, maxAge: Math.ceil((row.expires_at - now) / 1000) } : { id };
  }
}
