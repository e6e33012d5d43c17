/**
 * Queries on the `packages` table: a package's ids, secrets, sender, life,
 * finalization and encrypted message.
 *
 * @module
 */
import { isUniqueViolation, type Queryable } from "../db/database.ts";
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
  readonly #db: Queryable;

  /** Works on `db`. */
  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Creates a package with new random id, code and server secret. */
  async create(
    owner: { senderId?: string; dropzoneId?: string },
    lifeDays: number,
    now: number,
  ): Promise<PackageRecord> {
    for (let attempt = 0;; attempt++) {
      const id = newPackageId();
      try {
        await this.#db.run(
          `INSERT INTO packages (id, code, server_secret, sender_id, dropzone_id, life_days,
             created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            randomToken(),
            randomToken(),
            owner.senderId ?? null,
            owner.dropzoneId ?? null,
            lifeDays,
            now,
            expiryOf(now, lifeDays),
          ],
        );
        return (await this.findById(id))!;
      } catch (error) {
        // A clash of random ids is rare but possible; try another id.
        if (attempt >= 5 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  /** Finds a package by id. */
  async findById(id: string): Promise<PackageRecord | undefined> {
    const row = await this.#db.get<PackageRow>("SELECT * FROM packages WHERE id = ?", [id]);
    return row && toRecord(row);
  }

  /** Finds a package by the code in its link. */
  async findByCode(code: string): Promise<PackageRecord | undefined> {
    const row = await this.#db.get<PackageRow>("SELECT * FROM packages WHERE code = ?", [code]);
    return row && toRecord(row);
  }

  /** Lists the packages a user sent, newest first, that have not expired. */
  async listBySender(
    userId: string,
    now: number,
    offset: number,
    limit: number,
  ): Promise<PackageRecord[]> {
    const rows = await this.#db.all<PackageRow>(
      `SELECT * FROM packages WHERE sender_id = ? AND (expires_at IS NULL OR expires_at > ?)
       ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      [userId, now, limit, offset],
    );
    return rows.map(toRecord);
  }

  /** Lists finalized packages naming `email` as a recipient, newest first, not expired. */
  async listReceived(
    email: string,
    now: number,
    offset: number,
    limit: number,
  ): Promise<PackageRecord[]> {
    const rows = await this.#db.all<PackageRow>(
      `SELECT packages.* FROM packages JOIN recipients ON recipients.package_id = packages.id
       WHERE recipients.email = ? AND packages.finalized_at IS NOT NULL
         AND (packages.expires_at IS NULL OR packages.expires_at > ?)
       ORDER BY packages.finalized_at DESC, packages.rowid DESC LIMIT ? OFFSET ?`,
      [email, now, limit, offset],
    );
    return rows.map(toRecord);
  }

  /** Sets a package's life and the expiry that follows from it. */
  async updateLife(id: string, lifeDays: number, expiresAt: number | null): Promise<void> {
    await this.#db.run("UPDATE packages SET life_days = ?, expires_at = ? WHERE id = ?", [
      lifeDays,
      expiresAt,
      id,
    ]);
  }

  /** Stores the encrypted message. */
  async setMessage(id: string, message: string): Promise<void> {
    await this.#db.run("UPDATE packages SET message = ? WHERE id = ?", [message, id]);
  }

  /** Marks a package finalized with its checksum; returns false when it already was. */
  async finalize(
    id: string,
    fields: {
      checksum: string;
      undisclosed: boolean;
      unconfirmedSender?: string;
      finalizedAt: number;
      expiresAt: number | null;
    },
  ): Promise<boolean> {
    const result = await this.#db.run(
      `UPDATE packages SET checksum = ?, undisclosed = ?, unconfirmed_sender = ?, finalized_at = ?,
         expires_at = ? WHERE id = ? AND finalized_at IS NULL`,
      [
        fields.checksum,
        fields.undisclosed ? 1 : 0,
        fields.unconfirmedSender ?? null,
        fields.finalizedAt,
        fields.expiresAt,
        id,
      ],
    );
    return result.changes > 0;
  }

  /** Deletes a package's metadata (files, parts, recipients and URLs go with it). */
  async delete(id: string): Promise<void> {
    await this.#db.run("DELETE FROM packages WHERE id = ?", [id]);
  }

  /** Lists the ids of packages whose expiry has passed. */
  async listExpired(now: number): Promise<string[]> {
    const rows = await this.#db.all<{ id: string }>(
      "SELECT id FROM packages WHERE expires_at IS NOT NULL AND expires_at <= ?",
      [now],
    );
    return rows.map((row) => row.id);
  }
}
