/**
 * The numbered schema migrations of the PostgreSQL database: the same versions, tables and
 * columns as `sqlite.ts`, in PostgreSQL's words. Never edit a migration that has shipped: add the
 * next number here and in `sqlite.ts`.
 *
 * Differences that keep the behaviour of the SQLite schema:
 * - times and byte counts are BIGINT (milliseconds since the epoch overflow INTEGER); the driver
 *   returns them as JavaScript numbers;
 * - email columns are `citext`, case-insensitive in comparisons and UNIQUE constraints as SQLite's
 *   `COLLATE NOCASE` columns are;
 * - tables whose listings break ties by SQLite's implicit `rowid` get an explicit identity column
 *   of that name, so the same `ORDER BY …, rowid` works on both.
 *
 * @module
 */
import type { Migration } from "../migrations.ts";

/** Every PostgreSQL migration, oldest first. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "accounts, dropzones, packages, recipients, files, parts, part URLs, key links",
    sql: `
      CREATE EXTENSION IF NOT EXISTS citext;
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email CITEXT NOT NULL UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE api_keys (
        api_key TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        secret_sealed TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at BIGINT NOT NULL,
        revoked_at BIGINT,
        rowid BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX api_keys_user ON api_keys(user_id);
      CREATE TABLE dropzones (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL,
        rowid BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE TABLE dropzone_users (
        dropzone_id TEXT NOT NULL REFERENCES dropzones(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (dropzone_id, user_id)
      );
      CREATE TABLE packages (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        server_secret TEXT NOT NULL,
        sender_id TEXT REFERENCES users(id) ON DELETE SET NULL,
        dropzone_id TEXT REFERENCES dropzones(id) ON DELETE SET NULL,
        life_days INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        finalized_at BIGINT,
        expires_at BIGINT,
        checksum TEXT,
        undisclosed INTEGER NOT NULL DEFAULT 0,
        message TEXT,
        unconfirmed_sender TEXT,
        rowid BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX packages_sender ON packages(sender_id, created_at);
      CREATE INDEX packages_expiry ON packages(expires_at);
      CREATE TABLE recipients (
        id TEXT PRIMARY KEY,
        package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
        email CITEXT NOT NULL,
        created_at BIGINT NOT NULL,
        UNIQUE (package_id, email)
      );
      CREATE INDEX recipients_email ON recipients(email);
      CREATE TABLE files (
        id TEXT PRIMARY KEY,
        package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        size BIGINT NOT NULL,
        parts INTEGER NOT NULL,
        upload_type TEXT NOT NULL DEFAULT '',
        created_by_email TEXT NOT NULL DEFAULT '',
        created_at BIGINT NOT NULL,
        completed_at BIGINT,
        rowid BIGINT GENERATED ALWAYS AS IDENTITY
      );
      CREATE INDEX files_package ON files(package_id, created_at);
      CREATE TABLE parts (
        file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        part INTEGER NOT NULL,
        size BIGINT NOT NULL,
        stored_at BIGINT NOT NULL,
        PRIMARY KEY (file_id, part)
      );
      CREATE TABLE part_urls (
        token_hash TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('upload', 'download')),
        package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
        file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        part INTEGER NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX part_urls_expiry ON part_urls(expires_at);
      CREATE TABLE key_links (
        package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
        public_key_id TEXT NOT NULL,
        keycode_armored TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (package_id, public_key_id)
      );
    `,
  },
  {
    version: 2,
    description:
      "portal: sessions, package grants, email codes, activation tokens, device pairings",
    sql: `
      CREATE TABLE portal_sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
        user_until BIGINT,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        persistent INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX portal_sessions_expiry ON portal_sessions(expires_at);
      CREATE INDEX portal_sessions_user ON portal_sessions(user_id);
      CREATE TABLE portal_grants (
        session_hash TEXT NOT NULL
          REFERENCES portal_sessions(id_hash) ON DELETE CASCADE ON UPDATE CASCADE,
        package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
        email CITEXT NOT NULL,
        granted_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (session_hash, package_id)
      );
      CREATE TABLE portal_codes (
        id TEXT PRIMARY KEY,
        package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
        email CITEXT NOT NULL,
        code_hash TEXT,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        used_at BIGINT
      );
      CREATE INDEX portal_codes_lookup ON portal_codes(package_id, email);
      CREATE INDEX portal_codes_expiry ON portal_codes(expires_at);
      CREATE TABLE portal_activations (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        next_path TEXT NOT NULL DEFAULT '',
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_at BIGINT
      );
      CREATE INDEX portal_activations_user ON portal_activations(user_id);
      CREATE TABLE portal_pairings (
        device_code_hash TEXT PRIMARY KEY,
        user_code TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'allowed', 'denied', 'delivered')),
        user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
        decided_at BIGINT,
        last_polled_at BIGINT
      );
      CREATE INDEX portal_pairings_expiry ON portal_pairings(expires_at);
    `,
  },
  {
    version: 3,
    description: "shared state: rate-limit windows, sign-in failures, mail queue, leases",
    sql: `
      CREATE TABLE rate_windows (
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (name, key)
      );
      CREATE INDEX rate_windows_start ON rate_windows(window_start);
      CREATE TABLE sign_in_failures (
        email CITEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        locked_until BIGINT NOT NULL,
        last_failure BIGINT NOT NULL
      );
      CREATE INDEX sign_in_failures_last ON sign_in_failures(last_failure);
      CREATE TABLE mail_queue (
        id TEXT PRIMARY KEY,
        sealed TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at BIGINT NOT NULL,
        claimed_by TEXT,
        claimed_until BIGINT
      );
      CREATE INDEX mail_queue_due ON mail_queue(next_attempt_at);
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 4,
    description: "abuse limits: uploaded bytes per dropzone and per address per day",
    sql: `
      CREATE TABLE usage_windows (
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        count BIGINT NOT NULL,
        PRIMARY KEY (name, key)
      );
      CREATE INDEX usage_windows_start ON usage_windows(window_start);
    `,
  },
  {
    version: 5,
    description: "package activity: who opened or downloaded what, when (issue 13)",
    sql: `
      -- Who opened a package or downloaded a file: a verified email or an agent's account,
      -- the client address truncated; never a key. Kept for the retention, or the package's life.
      CREATE TABLE package_activity (
        id TEXT PRIMARY KEY,
        package_id TEXT NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
        file_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('opened', 'downloaded')),
        actor TEXT NOT NULL,
        actor_kind TEXT NOT NULL CHECK (actor_kind IN ('recipient', 'agent', 'link')),
        address TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX package_activity_package ON package_activity(package_id, at);
      CREATE INDEX package_activity_at ON package_activity(at);
    `,
  },
  {
    version: 6,
    description: "single sign-on: deactivated accounts, OpenID subjects, pending sign-ins",
    sql: `
      -- A deactivated account signs in no more and its API keys stop working.
      ALTER TABLE users ADD COLUMN deactivated_at BIGINT;
      -- The identity provider's subject (sub) the account is linked to; its refresh token,
      -- sealed, with which the service asks the provider whether the agent may still sign in.
      ALTER TABLE users ADD COLUMN oidc_subject TEXT;
      ALTER TABLE users ADD COLUMN oidc_refresh_sealed TEXT;
      ALTER TABLE users ADD COLUMN oidc_checked_at BIGINT;
      CREATE UNIQUE INDEX users_oidc_subject ON users(oidc_subject);
      -- A sign-in sent to the provider and not back yet: its state (hashed), the browser session
      -- it belongs to, its PKCE verifier and nonce. Used once.
      CREATE TABLE oidc_sign_ins (
        state_hash TEXT PRIMARY KEY,
        session_hash TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        nonce TEXT NOT NULL,
        next_path TEXT NOT NULL DEFAULT '',
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX oidc_sign_ins_expires ON oidc_sign_ins(expires_at);
    `,
  },
  {
    version: 7,
    description: "recipients' language, for the mails they get",
    // A language tag of ui/i18n.ts's LOCALES (the agent app passes the requester's Zendesk
    // locale); NULL when unknown.
    sql: "ALTER TABLE recipients ADD COLUMN locale TEXT;",
  },
  {
    version: 8,
    description:
      "file requests: upload links made for a ticket, packages tagged with it (issue 13)",
    sql: `
      -- A link an agent made for a customer to drop files into a dropzone for a ticket. Only the
      -- SHA-256 of its token is kept: the database alone does not give a working link.
      CREATE TABLE upload_requests (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        dropzone_id TEXT NOT NULL REFERENCES dropzones(id) ON DELETE CASCADE,
        ticket_id TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX upload_requests_expires ON upload_requests(expires_at);
      -- The ticket a package was requested for (through an upload link), listed in its sidebar.
      ALTER TABLE packages ADD COLUMN ticket_id TEXT;
      ALTER TABLE packages ADD COLUMN upload_request_id TEXT;
      CREATE INDEX packages_ticket ON packages(ticket_id);
    `,
  },
  {
    version: 9,
    description: "dropzone settings: allowed extensions, largest file, package life, sender domain",
    sql: `
      -- Lower-case extensions without the dot, comma-separated, empty = any file.
      ALTER TABLE dropzones ADD COLUMN allowed_extensions TEXT NOT NULL DEFAULT '';
      -- Bytes, NULL = the service's own limit.
      ALTER TABLE dropzones ADD COLUMN max_file_bytes BIGINT;
      -- Days a package dropped there lives (1-365), NULL = the service's default.
      ALTER TABLE dropzones ADD COLUMN life_days BIGINT;
      -- 1: people whose verified email has the sender's domain may open the files.
      ALTER TABLE dropzones ADD COLUMN sender_domain_access BIGINT NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 10,
    description: "SAML sign-ins: requests waiting at the provider, assertions seen",
    sql: `
      -- A SAML request sent to the provider: its ID (hashed), the browser session it belongs to.
      -- The checked answer waits here (answer, JSON) for that browser's next request, fetched by
      -- a one-time token (hashed). Used once.
      CREATE TABLE saml_requests (
        id_hash TEXT PRIMARY KEY,
        session_hash TEXT NOT NULL,
        next_path TEXT NOT NULL DEFAULT '',
        answer TEXT,
        handoff_hash TEXT UNIQUE,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX saml_requests_expires ON saml_requests(expires_at);
      -- The IDs (hashed) of assertions accepted, until they expire: a replay is refused.
      CREATE TABLE saml_assertions (
        id_hash TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX saml_assertions_expires ON saml_assertions(expires_at);
    `,
  },
  {
    version: 11,
    description:
      "upload notices: a mail to a dropzone's agents on each upload, the request's language",
    sql: `
      -- 1: the dropzone's owner and agents get a mail (never with the keyCode) on each upload.
      ALTER TABLE dropzones ADD COLUMN notify_uploads BIGINT NOT NULL DEFAULT 0;
      -- The Zendesk language of the agent who made a file request (ui/i18n.ts's LOCALES), for
      -- the ticket's note and mails about its uploads; NULL when unknown.
      ALTER TABLE upload_requests ADD COLUMN locale TEXT;
    `,
  },
];
