/**
 * Abuse limits of the API and of uploads: requests per API key and per client address, uploaded
 * bytes per dropzone and per address per day, and a quota on all stored ciphertext. The counters
 * live in the database (`rate_windows` for requests, `usage_windows` for bytes, the `parts` table
 * for what is stored), so every instance sharing it counts together.
 *
 * Over a limit the caller gets a {@linkcode LimitError}: HTTP 429 (a rate) or 507 (storage full)
 * with `Retry-After` and the usual error envelope, on the JSON API as on part URLs.
 *
 * @module
 */
import { RateLimiter } from "./auth/rate_limit.ts";
import type { Queryable } from "./db/database.ts";
import { ServiceError } from "./http.ts";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 3_600_000;
/** What a client is told to wait when storage is full: expired packages free it over time. */
const STORAGE_FULL_RETRY_SECONDS = 3_600;

/** The limits, each 0 for "no limit". */
export interface AbuseLimitSettings {
  /** API calls one API key may make per minute. */
  apiRequestsPerKeyPerMinute: number;
  /** API calls (both prefixes) one client address may make per minute. */
  apiRequestsPerAddressPerMinute: number;
  /** Ciphertext bytes uploaded into one dropzone's packages per day. */
  uploadBytesPerDropzonePerDay: number;
  /** Ciphertext bytes one client address may upload per day. */
  uploadBytesPerAddressPerDay: number;
  /** Ciphertext bytes stored in all, over every package. */
  storageQuotaBytes: number;
}

/**
 * A request over an abuse limit: answered with `status` (429 or 507), `Retry-After` and the
 * error envelope whatever the endpoint (the JSON API otherwise answers errors with 200).
 */
export class LimitError extends ServiceError {
  override name = "LimitError";
  /** Seconds after which the same request may succeed. */
  readonly retryAfterSeconds: number;

  /** Creates the error; `status` is 429 for a rate, 507 for the storage quota. */
  constructor(
    code: "RATE_LIMITED" | "STORAGE_FULL",
    message: string,
    status: 429 | 507,
    retryAfterSeconds: number,
  ) {
    super(code, message, { status });
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** The defaults: generous for one Help Center, low enough that one flood cannot fill a disk. */
export const DEFAULT_ABUSE_LIMITS: Readonly<AbuseLimitSettings> = {
  apiRequestsPerKeyPerMinute: 3_000,
  apiRequestsPerAddressPerMinute: 6_000,
  uploadBytesPerDropzonePerDay: 50 * 1024 ** 3,
  uploadBytesPerAddressPerDay: 20 * 1024 ** 3,
  storageQuotaBytes: 1024 ** 4,
};

/** The limits of a configuration: each option given, else its default. */
export function abuseLimitSettings(config: Partial<AbuseLimitSettings>): AbuseLimitSettings {
  const settings = { ...DEFAULT_ABUSE_LIMITS };
  for (const key of Object.keys(settings) as (keyof AbuseLimitSettings)[]) {
    const value = config[key];
    if (value !== undefined) settings[key] = value;
  }
  return settings;
}

/** Who uploads a part, for {@linkcode AbuseLimits.chargeUpload}. */
export interface Uploader {
  /** The client address of the request carrying the part. */
  address: string;
  /** The dropzone the package belongs to, when a dropzone made it. */
  dropzoneId?: string;
}

/** The abuse limits of one service (instances sharing a database share the counts). */
export class AbuseLimits {
  readonly #db: Queryable;
  readonly #settings: AbuseLimitSettings;
  readonly #perKey?: RateLimiter;
  readonly #perAddress?: RateLimiter;
  readonly #bytesPerDropzone?: RateLimiter;
  readonly #bytesPerAddress?: RateLimiter;

  /**
   * Creates the limits counting in `db`.
   *
   * @throws {RangeError} when a setting is negative or not an integer.
   */
  constructor(db: Queryable, settings: AbuseLimitSettings, now: () => number = Date.now) {
    for (const [name, value] of Object.entries(settings)) {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new RangeError(`${name} must be a non-negative integer: current value is ${value}`);
      }
    }
    this.#db = db;
    this.#settings = settings;
    const limiter = (name: string, limit: number, windowMs: number, table?: "usage_windows") =>
      limit > 0 ? new RateLimiter(db, { name, limit, windowMs, now, table }) : undefined;
    this.#perKey = limiter("api-requests-per-key", settings.apiRequestsPerKeyPerMinute, MINUTE_MS);
    this.#perAddress = limiter(
      "api-requests-per-address",
      settings.apiRequestsPerAddressPerMinute,
      MINUTE_MS,
    );
    this.#bytesPerDropzone = limiter(
      "upload-bytes-per-dropzone",
      settings.uploadBytesPerDropzonePerDay,
      DAY_MS,
      "usage_windows",
    );
    this.#bytesPerAddress = limiter(
      "upload-bytes-per-address",
      settings.uploadBytesPerAddressPerDay,
      DAY_MS,
      "usage_windows",
    );
  }

  /**
   * Counts one API call from `address` (before its signature is checked, so that a flood of
   * bad signatures is limited too).
   *
   * @throws {LimitError} `RATE_LIMITED` (429) when the address made too many calls this minute.
   */
  async countAddressRequest(address: string): Promise<void> {
    await this.#take(this.#perAddress, address, 1, "calls from this address");
  }

  /**
   * Counts one authenticated API call of `apiKeyId` (after its signature was checked: a forged
   * request cannot use up another key's allowance).
   *
   * @throws {LimitError} `RATE_LIMITED` (429) when the key made too many calls this minute.
   */
  async countKeyRequest(apiKeyId: string): Promise<void> {
    await this.#take(this.#perKey, apiKeyId, 1, "calls with this API key");
  }

  /**
   * Charges `bytes` about to be stored to the uploader's daily allowances, after checking that
   * they fit in the storage quota. Called before the part is stored; the bytes stay charged even
   * if storing then fails (the allowance errs on the side of the service).
   *
   * @throws {LimitError} `STORAGE_FULL` (507) when the part would exceed the storage quota;
   *   `RATE_LIMITED` (429) when the dropzone or the address uploaded its bytes for the day.
   */
  async chargeUpload(uploader: Uploader, bytes: number): Promise<void> {
    await this.#checkQuota(bytes);
    if (uploader.dropzoneId !== undefined) {
      await this.#take(this.#bytesPerDropzone, uploader.dropzoneId, bytes, "uploads to this form");
    }
    await this.#take(this.#bytesPerAddress, uploader.address, bytes, "uploads from this address");
  }

  /**
   * Checks, counting nothing, that the uploader may still upload today and that storage is not
   * full (before part URLs are issued).
   *
   * @throws {LimitError} as {@linkcode AbuseLimits.chargeUpload} does, for a part of one byte.
   */
  async checkUploads(uploader: Uploader): Promise<void> {
    await this.#checkQuota(1);
    const checks: [RateLimiter | undefined, string | undefined, string][] = [
      [this.#bytesPerDropzone, uploader.dropzoneId, "uploads to this form"],
      [this.#bytesPerAddress, uploader.address, "uploads from this address"],
    ];
    for (const [limiter, key, what] of checks) {
      if (limiter && key !== undefined && await limiter.isLimited(key)) {
        throw this.#rateLimited(what, await limiter.retryAfterMs(key));
      }
    }
  }

  /**
   * Counts bytes that are already stored (parts clients put straight into the bucket, which the
   * service sees only when it records them) towards the dropzone's day: they cannot be refused
   * any more, but the next part URLs are ({@linkcode AbuseLimits.checkUploads}).
   */
  async countStored(dropzoneId: string | undefined, bytes: number): Promise<void> {
    if (dropzoneId === undefined || bytes < 1 || !this.#bytesPerDropzone) return;
    await this.#bytesPerDropzone.take(dropzoneId, bytes);
  }

  async #checkQuota(bytes: number): Promise<void> {
    const quota = this.#settings.storageQuotaBytes;
    if (quota === 0) return;
    const row = await this.#db.get<{ stored: number | string | null }>(
      "SELECT COALESCE(SUM(size), 0) AS stored FROM parts",
    );
    if (Number(row?.stored ?? 0) + bytes > quota) {
      throw new LimitError(
        "STORAGE_FULL",
        "The service's storage is full: it accepts no more files until older ones expire.",
        507,
        STORAGE_FULL_RETRY_SECONDS,
      );
    }
  }

  #rateLimited(what: string, waitMs: number): LimitError {
    return new LimitError(
      "RATE_LIMITED",
      `Too many ${what} for now: try again in ${Math.ceil(waitMs / 60_000)} minute(s).`,
      429,
      waitMs / 1000,
    );
  }

  async #take(
    limiter: RateLimiter | undefined,
    key: string,
    amount: number,
    what: string,
  ): Promise<void> {
    if (!limiter || await limiter.take(key, amount)) return;
    throw this.#rateLimited(what, await limiter.retryAfterMs(key));
  }
}

/** Deletes byte windows that ended more than a day ago. */
export async function sweepUsageWindows(db: Queryable, now: number): Promise<void> {
  await db.run("DELETE FROM usage_windows WHERE window_start <= ?", [now - DAY_MS]);
}
