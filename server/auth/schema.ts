/**
 * The tables of the portal's sign-in, sessions, email codes, account activation and device
 * pairing. Appended to the service's migrations (`server/db/migrations.ts`) as one step; never
 * edit it once shipped, add a new step instead.
 *
 * Every secret that grants something (session ids, activation tokens, device codes, email codes)
 * is stored only as a SHA-256 hash, so a copy of the database does not let anyone in.
 *
 * @module
 */

/** What the migration step is called in `schema_migrations`. */
export const PORTAL_SCHEMA_DESCRIPTION =
  "portal: sessions, package grants, email codes, activation tokens, device pairings";

/** The SQL of the step. */
export const PORTAL_SCHEMA_SQL = `
  -- A browser session. The cookie holds a random id; only its hash is kept. A session may be
  -- signed in as an agent (until user_until) and may hold grants to packages.
  CREATE TABLE portal_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    user_until INTEGER,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    persistent INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX portal_sessions_expiry ON portal_sessions(expires_at);
  CREATE INDEX portal_sessions_user ON portal_sessions(user_id);
  -- A recipient who proved their address with a code may read that package in that session.
  CREATE TABLE portal_grants (
    session_hash TEXT NOT NULL
      REFERENCES portal_sessions(id_hash) ON DELETE CASCADE ON UPDATE CASCADE,
    package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
    email TEXT NOT NULL COLLATE NOCASE,
    granted_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (session_hash, package_id)
  );
  -- The latest code asked for (package, address). code_hash is NULL when the address is not a
  -- recipient: the row exists so that the answers are the same, but no code can match it.
  CREATE TABLE portal_codes (
    id TEXT PRIMARY KEY,
    package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
    email TEXT NOT NULL COLLATE NOCASE,
    code_hash TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    used_at INTEGER
  );
  CREATE INDEX portal_codes_lookup ON portal_codes(package_id, email);
  CREATE INDEX portal_codes_expiry ON portal_codes(expires_at);
  -- A one-time link that sets an agent's password (invitation or reset).
  CREATE TABLE portal_activations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    next_path TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX portal_activations_user ON portal_activations(user_id);
  -- A device pairing of the agent app (in the manner of RFC 8628).
  CREATE TABLE portal_pairings (
    device_code_hash TEXT PRIMARY KEY,
    user_code TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'allowed', 'denied', 'delivered')),
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    decided_at INTEGER,
    last_polled_at INTEGER
  );
  CREATE INDEX portal_pairings_expiry ON portal_pairings(expires_at);
`;
