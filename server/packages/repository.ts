/**
 * Queries on the `packages` table: a package's ids, secrets, sender, life,
 * finalization and encrypted message.
 *
 * @module
 */
import type { Database } from "../db/database.ts";
import { newPackageId, randomToken } from "../ids.ts";

const DAY_MS = 86_400_000;

/** A package as stored. */
export interface PackageRecord {
  /** Public id, `ABCD-2345`. */
  id: string;
  /** The secret code in links (`packageCode=`), 43 URL-safe characters. */
  code: string;
  /** Half of the encryption passphrase, 43 URL-safe characters. */
  serverSecret: string;
  /** The agent who created it, for signed packages. */
  senderId?: string;
  /** The dropzone it was dropped into, for anonymous packages. */
  dropzoneId?: string;
  /** Life in days; 0 = never expires. */
  lifeDays: number;
  /** Creation time, ms since the epoch. */
  createdAt: number;
  /** Finalization time, once finalized. */
  finalizedAt?: number;
  /** When it and its parts are deleted; absent = never. */
  expiresAt?: number;
  /** PBKDF2 checksum of the keyCode, stored at finalization. */
  checksum?: string;
  /** Whether anyone holding the link may read it. */
  undisclosed: boolean;
  /** The encrypted message (base64 OpenPGP), opaque. */
  message?: string;
  /** Email the dropzone submitter gave, unverified. */
  unconfirmedSender?: string;
}

interface PackageRow {
  id: string;
  code: string;
  server_secret: string;
  sender_id: string | null;
  dropzone_id: string | null;
  life_days: number;
  created_at: number;
  finalized_at: number | null;
  expires_at: number | null;
  checksum: string | null;
  undisclosed: number;
  message: string | null;
  unconfirmed_sender: string | null;
}

function toRecord(row: PackageRow): PackageRecord {
  const record: PackageRecord = {
    id: row.id,
    code: row.code,
    serverSecret: row.server_secret,
    lifeDays: row.life_days,
    createdAt: row.created_at,
    undisclosed: row.undisclosed === 1,
  };
  if (row.sender_id !== null) record.senderId = row.sender_id;
  if (row.dropzone_id !== null) record.dropzoneId = row.dropzone_id;
  if (row.finalized_at !== null) record.finalizedAt = row.finalized_at;
  if (row.expires_at !== null) record.expiresAt = row.expires_at;
  if (row.checksum !== null) record.checksum = row.checksum;
  if (row.message !== null) record.message = row.message;
  if (row.unconfirmed_sender !== null) record.unconfirmedSender = row.unconfirmed_sender;
  return record;
}

/**
 * When a package with this life expires: `lifeDays` after `since` (its finalization,
 * or its creation while it is being built); never for life 0.
 */
export function expiryOf(since: number, lifeDays: number): number | null {
  return lifeDays === 0 ? null : since + lifeDays * DAY_MS;
}

/** Queries on packages. */
export class PackageRepository {
  readonly #db: Database;

  /** Works on `db`. */
  constructor(db: Database) {
    this.#db = db;
  }

  /** Creates a package with new random id, code and server secret. */
  create(
    owner: { senderId?: string; dropzoneId?: string },
    lifeDays: number,
    now: number,
  ): PackageRecord {
    for (let attempt = 0;; attempt++) {
      const id = newPackageId();
      try {
        this.#db.prepare(
          `INSERT INTO packages (id, code, server_secret, sender_id, dropzone_id, life_days,
             created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          randomToken(),
          randomToken(),
          owner.senderId ?? null,
          owner.dropzoneId ?? null,
          lifeDays,
          now,
          expiryOf(now, lifeDays),
        );
        return this.findById(id)!;
      } catch (error) {
        // A clash of random ids is rare but possible; try another id.
        if (attempt >= 5 || !String(error).includes("UNIQUE")) throw error;
      }
    }
  }

  /** Finds a package by id. */
  findById(id: string): PackageRecord | undefined {
    const row = this.#db.prepare("SELECT * FROM packages WHERE id = ?").get(id) as
      | PackageRow
      | undefined;
    return row && toRecord(row);
  }

  /** Finds a package by the code in its link. */
  findByCode(code: string): PackageRecord | undefined {
    const row = this.#db.prepare("SELECT * FROM packages WHERE code = ?").get(code) as
      | PackageRow
      | undefined;
    return row && toRecord(row);
  }

  /** Lists the packages a user sent, newest first, that have not expired. */
  listBySender(userId: string, now: number, offset: number, limit: number): PackageRecord[] {
    const rows = this.#db.prepare(
      `SELECT * FROM packages WHERE sender_id = ? AND (expires_at IS NULL OR expires_at > ?)
       ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
    ).all(userId, now, limit, offset) as unknown as PackageRow[];
    return rows.map(toRecord);
  }

  /** Lists finalized packages naming `email` as a recipient, newest first, not expired. */
  listReceived(email: string, now: number, offset: number, limit: number): PackageRecord[] {
    const rows = this.#db.prepare(
      `SELECT packages.* FROM packages JOIN recipients ON recipients.package_id = packages.id
       WHERE recipients.email = ? AND packages.finalized_at IS NOT NULL
         AND (packages.expires_at IS NULL OR packages.expires_at > ?)
       ORDER BY packages.finalized_at DESC, packages.rowid DESC LIMIT ? OFFSET ?`,
    ).all(email, now, limit, offset) as unknown as PackageRow[];
    return rows.map(toRecord);
  }

  /** Sets a package's life and the expiry that follows from it. */
  updateLife(id: string, lifeDays: number, expiresAt: number | null): void {
    this.#db.prepare("UPDATE packages SET life_days = ?, expires_at = ? WHERE id = ?")
      .run(lifeDays, expiresAt, id);
  }

  /** Stores the encrypted message. */
  setMessage(id: string, message: string): void {
    this.#db.prepare("UPDATE packages SET message = ? WHERE id = ?").run(message, id);
  }

  /** Marks a package finalized with its checksum; returns false when it already was. */
  finalize(
    id: string,
    fields: {
      checksum: string;
      undisclosed: boolean;
      unconfirmedSender?: string;
      finalizedAt: number;
      expiresAt: number | null;
    },
  ): boolean {
    const result = this.#db.prepare(
      `UPDATE packages SET checksum = ?, undisclosed = ?, unconfirmed_sender = ?, finalized_at = ?,
         expires_at = ? WHERE id = ? AND finalized_at IS NULL`,
    ).run(
      fields.checksum,
      fields.undisclosed ? 1 : 0,
      fields.unconfirmedSender ?? null,
      fields.finalizedAt,
      fields.expiresAt,
      id,
    );
    return result.changes > 0;
  }

  /** Deletes a package's metadata (files, parts, recipients and URLs go with it). */
  delete(id: string): void {
    this.#db.prepare("DELETE FROM packages WHERE id = ?").run(id);
  }

  /** Lists the ids of packages whose expiry has passed. */
  listExpired(now: number): string[] {
    const rows = this.#db.prepare(
      "SELECT id FROM packages WHERE expires_at IS NOT NULL AND expires_at <= ?",
    ).all(now) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
