/**
 * File requests: a link an agent makes for one ticket, through which a customer drops files into
 * a dropzone; the packages dropped through it carry the ticket id. Only the SHA-256 of a link's
 * token is stored.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";
import { newUuid, randomToken, sha256Hex } from "../ids.ts";

/** A file request as stored (never its token). */
export interface UploadRequest {
  /** Its id, which the agent app matches the listed packages with. */
  id: string;
  /** The dropzone its packages go to. */
  dropzoneId: string;
  /** The Zendesk ticket it was made for. */
  ticketId: string;
  /** The agent who made it. */
  createdBy: string;
  /** Creation time, ms since the epoch. */
  createdAt: number;
  /** When the link stops working. */
  expiresAt: number;
  /** The Zendesk language of the agent who made it, when known. */
  locale?: string;
}

interface UploadRequestRow {
  id: string;
  dropzone_id: string;
  ticket_id: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  locale: string | null;
}

function toRequest(row: UploadRequestRow): UploadRequest {
  return {
    id: row.id,
    dropzoneId: row.dropzone_id,
    ticketId: row.ticket_id,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    ...(row.locale ? { locale: row.locale } : {}),
  };
}

/** Queries on `upload_requests` and the ticket columns of `packages`. */
export class UploadRequestRepository {
  readonly #db: Queryable;

  /** Works on `db`. */
  constructor(db: Queryable) {
    this.#db = db;
  }

  /**
   * Creates a file request and returns it with its token (256 random bits), which is shown once
   * and stored only hashed.
   */
  async create(
    fields: { dropzoneId: string; ticketId: string; createdBy: string; locale?: string },
    now: number,
    lifeMs: number,
  ): Promise<{ request: UploadRequest; token: string }> {
    const token = randomToken();
    const request: UploadRequest = {
      id: newUuid(),
      ...fields,
      createdAt: now,
      expiresAt: now + lifeMs,
    };
    await this.#db.run(
      `INSERT INTO upload_requests (id, token_hash, dropzone_id, ticket_id, created_by, created_at,
         expires_at, locale) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        request.id,
        sha256Hex(token),
        request.dropzoneId,
        request.ticketId,
        request.createdBy,
        now,
        request.expiresAt,
        request.locale ?? null,
      ],
    );
    return { request, token };
  }

  /**
   * Finds the request a token belongs to, if it has not expired (looked up by the token's hash,
   * so the comparison leaks nothing about other tokens).
   */
  async findByToken(token: string, now: number): Promise<UploadRequest | undefined> {
    const row = await this.#db.get<UploadRequestRow>(
      `SELECT id, dropzone_id, ticket_id, created_by, created_at, expires_at, locale
       FROM upload_requests WHERE token_hash = ? AND expires_at > ?`,
      [sha256Hex(token), now],
    );
    return row && toRequest(row);
  }

  /** Tags an unfinalized package of the request's dropzone; false when it cannot be tagged. */
  async tagPackage(request: UploadRequest, packageId: string): Promise<boolean> {
    const result = await this.#db.run(
      `UPDATE packages SET ticket_id = ?, upload_request_id = ?
       WHERE id = ? AND dropzone_id = ? AND finalized_at IS NULL AND ticket_id IS NULL`,
      [request.ticketId, request.id, packageId, request.dropzoneId],
    );
    return result.changes > 0;
  }

  /** Lists a ticket's finalized, unexpired packages: id, dropzone and request, newest first. */
  async listTicketPackages(
    ticketId: string,
    now: number,
  ): Promise<{ packageId: string; dropzoneId: string; requestId: string }[]> {
    const rows = await this.#db.all<
      { id: string; dropzone_id: string; upload_request_id: string }
    >(
      `SELECT id, dropzone_id, upload_request_id FROM packages
       WHERE ticket_id = ? AND finalized_at IS NOT NULL AND dropzone_id IS NOT NULL
         AND (expires_at IS NULL OR expires_at > ?)
       ORDER BY finalized_at DESC, id LIMIT 100`,
      [ticketId, now],
    );
    return rows.map((row) => ({
      packageId: row.id,
      dropzoneId: row.dropzone_id,
      requestId: row.upload_request_id,
    }));
  }

  /**
   * The ticket a package was requested for, and the language of the request (which may be gone:
   * the package keeps its ticket).
   */
  async ticketOf(packageId: string): Promise<{ ticketId: string; locale?: string } | undefined> {
    const row = await this.#db.get<{ ticket_id: string | null; locale: string | null }>(
      `SELECT packages.ticket_id, upload_requests.locale FROM packages
       LEFT JOIN upload_requests ON upload_requests.id = packages.upload_request_id
       WHERE packages.id = ?`,
      [packageId],
    );
    if (!row?.ticket_id) return undefined;
    return { ticketId: row.ticket_id, ...(row.locale ? { locale: row.locale } : {}) };
  }

  /** Deletes the requests whose link has expired; returns how many. */
  async deleteExpired(now: number): Promise<number> {
    return (await this.#db.run("DELETE FROM upload_requests WHERE expires_at <= ?", [now])).changes;
  }
}
