/**
 * The recipient's side of a SendSafely package (spec 2.8, 3.7, 7c): open a package from its Secure
 * Link, download and decrypt its files part by part into a `WritableStream`, read its message.
 *
 * Parts are fetched a few at a time but written strictly in order; a part is fetched only when it
 * is at most `concurrency` parts ahead of the writer, so memory holds a few parts whatever the
 * file size. When the service cannot be reached (a network outage, a restart) the download waits
 * for it, for minutes, and goes on with the parts not yet written.
 *
 * Browser-compatible: fetch, WebCrypto, streams and AbortSignal only.
 *
 * @example
 * ```ts
 * import { SendSafelyClient } from "./api.ts";
 * import { downloadFile, openPackage } from "./download.ts";
 * const link = "https://acme.sendsafely.com/receive/?thread=A&packageCode=C#keyCode=K";
 * const client = new SendSafelyClient({ host: "https://acme.sendsafely.com", credentials: { session: true } });
 * const pkg = await openPackage(client, link);
 * const chunks: Uint8Array[] = [];
 * await downloadFile(client, pkg, pkg.files[0], new WritableStream({ write: (c) => void chunks.push(c) }));
 * ```
 *
 * @module
 */
import {
  ApiError,
  type CallOptions,
  type FileInfo,
  type PackageInfo,
  type SendSafelyClient,
} from "./api.ts";
import { checksum, passphrase } from "./keys.ts";
import { parseLink, type SecureLink } from "./link.ts";
import { DecryptError, decryptMessage, decryptPart } from "./pgp.ts";
import { PartUrls, URL_BATCH } from "./_part_urls.ts";
import {
  backoffDelay,
  defaultRetryTiming,
  isTransferFailure,
  isTransient,
  isUnreachable,
  type RetryOptions,
  sleep,
} from "./_retry.ts";

export type { RetryInfo, RetryOptions } from "./_retry.ts";

/** A package opened from a Secure Link: its information plus what the link holds. */
export interface OpenedPackage extends PackageInfo {
  /** From the link fragment. Never send it, log it or show it. */
  keyCode: string;
  /** Proof of the keyCode for the service (spec 3.3). */
  checksum: string;
  /** The parsed link. */
  link: SecureLink;
}

/**
 * Decrypts one part; the default is `decryptPart` of pgp.ts. It may take `cipher`'s buffer (a
 * worker pool transfers it to a worker), so `cipher` is not read after the call.
 */
export type PartDecryptor = (cipher: Uint8Array, passphrase: string) => Promise<Uint8Array>;

/** Options of {@linkcode downloadFile}. */
export interface DownloadOptions extends RetryOptions {
  /** Cancels the download: requests in flight stop, the sink is aborted, the call rejects. */
  signal?: AbortSignal;
  /** Called with plaintext bytes written so far and the file size, after each part. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Parts fetched at the same time, and how far fetching may run ahead of writing.
   * @default {3}
   */
  concurrency?: number;
  /**
   * Retries of a failed part fetch (network error, timeout, HTTP error), with a fresh URL.
   * Failures while the service cannot be reached at all are governed by `reconnectFor` instead.
   * @default {4}
   */
  retries?: number;
  /** The part decryption; `decryptPart` of pgp.ts unless a caller moves it into a worker. */
  decrypt?: PartDecryptor;
}

/** What went wrong in a download, for a caller that reacts differently to each. */
export type DownloadErrorCode =
  /** The keyCode does not open the package (the link is incomplete or altered). */
  | "WRONG_KEY"
  /** A part failed its integrity check: it was modified or damaged. */
  | "TAMPERED"
  /** The service refused (e.g. expired package, no access) or answered nonsense. */
  | "SERVER"
  /** The service or the storage could not be reached, even after retries. */
  | "NETWORK"
  /** Writing the plaintext failed (the sink errored). */
  | "WRITE";

/** Options of {@linkcode DownloadError}. */
export interface DownloadErrorOptions {
  /** What kind of failure it was. */
  code: DownloadErrorCode;
  /** The file concerned. */
  fileId?: string;
  /** The part concerned, 1-based. */
  part?: number;
  /** The underlying error. */
  cause?: unknown;
}

/** A download failed; `message` says why in words a person can act on. */
export class DownloadError extends Error {
  /** What kind of failure it was. */
  code: DownloadErrorCode;
  /** The file concerned. */
  fileId?: string;
  /** The part concerned, 1-based. */
  part?: number;

  /**
   * Creates the error.
   *
   * @param message a sentence a person can read; never holds the keyCode.
   * @param options the kind of failure, the file and part, and the cause.
   */
  constructor(message: string, options: DownloadErrorOptions) {
    super(message, { cause: options.cause });
    this.name = "DownloadError";
    this.code = options.code;
    this.fileId = options.fileId;
    this.part = options.part;
  }
}

const WRONG_KEY_HINT = "the key in the link does not open it. Check that the whole link was " +
  "copied, including the part after #keyCode=";

/**
 * Opens a package from its Secure Link: reads it by packageCode (`GET /package/{packageCode}/`)
 * and derives the checksum that authorises downloads.
 *
 * @throws {LinkError} when the text is not a Secure Link.
 * @throws {ApiError} when the service refuses or cannot be reached.
 */
export async function openPackage(
  client: SendSafelyClient,
  link: string | SecureLink,
  options?: CallOptions,
): Promise<OpenedPackage> {
  const parsed = typeof link === "string" ? parseLink(link) : link;
  const info = await client.getPackage(parsed.packageCode, options);
  return {
    ...info,
    keyCode: parsed.keyCode,
    checksum: await checksum(parsed.keyCode, info.packageCode),
    link: parsed,
  };
}

/** Turns a failure of one step into a DownloadError a person can read. */
function toDownloadError(error: unknown, file: FileInfo, part?: number): DownloadError {
  if (error instanceof DownloadError) return error;
  const name = `"${file.fileName}"`;
  const options = { fileId: file.fileId, part, cause: error };
  if (error instanceof ApiError) {
    if (isTransient(error)) {
      return new DownloadError(`Could not download ${name}: ${error.message}`, {
        ...options,
        code: "NETWORK",
      });
    }
    return new DownloadError(`The server did not release ${name}: ${error.message}`, {
      ...options,
      code: "SERVER",
    });
  }
  return new DownloadError(`Could not download ${name}: ${String(error)}`, {
    ...options,
    code: "SERVER",
  });
}

/**
 * Downloads one file of an opened package, decrypts it part by part and writes the plaintext in
 * order to `sink`, which is closed at the end (aborted on failure or cancel, so a half-written
 * file is never taken for a whole one).
 *
 * @throws {DownloadError} `WRONG_KEY` when the link's key does not open the file, `TAMPERED`
 *   naming the part that failed its integrity check, `SERVER`, `NETWORK` or `WRITE`.
 * @throws the signal's reason (an `AbortError` `DOMException` by default) when cancelled.
 * @throws {RangeError} when an option is invalid (before any request).
 */
export async function downloadFile(
  client: SendSafelyClient,
  pkg: OpenedPackage,
  file: FileInfo,
  sink: WritableStream<Uint8Array>,
  options: DownloadOptions = {},
): Promise<void> {
  const waits = defaultRetryTiming();
  const {
    signal: callerSignal,
    onProgress,
    concurrency = 3,
    retries = 4,
    retryDelay = waits.retryDelay,
    maxRetryDelay = waits.maxRetryDelay,
    reconnectFor = 180_000,
    onRetry,
    decrypt = decryptPart,
  } = options;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer: current value is ${concurrency}`);
  }
  for (const [name, value] of Object.entries({ retries, maxRetryDelay, reconnectFor })) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${name} must be a non-negative integer: current value is ${value}`);
    }
  }
  const parts = file.parts;
  if (!Number.isSafeInteger(parts) || parts < 1) {
    throw new RangeError(`file.parts must be a positive integer: current value is ${parts}`);
  }
  callerSignal?.throwIfAborted();
  const failure = new AbortController();
  const signal = callerSignal ? AbortSignal.any([callerSignal, failure.signal]) : failure.signal;
  const key = passphrase(pkg.serverSecret, pkg.keyCode);
  let decryptedOne = false;

  const urls = new PartUrls(async (start, batchSignal) => {
    try {
      // Inclusive range of at most URL_BATCH parts, never past the last part.
      const end = Math.min(parts, start + URL_BATCH - 1);
      return await client.getDownloadUrls(pkg.packageId, file.fileId, pkg.checksum, start, end, {
        signal: batchSignal,
      });
    } catch (error) {
      if (error instanceof ApiError && !isTransient(error) && error.code !== "BAD_RESPONSE") {
        // The service checks the checksum here (spec 3.3): a refusal usually means a wrong key.
        throw new DownloadError(
          `The server did not release "${file.fileName}" (${error.message}). Perhaps ` +
            WRONG_KEY_HINT,
          { code: "WRONG_KEY", fileId: file.fileId, part: start, cause: error },
        );
      }
      throw error;
    }
  }, parts);

  const fetchPart = async (part: number): Promise<Uint8Array> => {
    // `failures` counts towards `retries`; `attempt` counts every failure in a row, for the
    // backoff; `firstFailure` bounds the wait for the service.
    let failures = 0;
    let attempt = 0;
    let firstFailure: number | undefined;
    for (;;) {
      // Whether the failure came from the service's API (the URL batch) rather than from the
      // storage behind a pre-signed URL.
      let atService = true;
      try {
        // A retry asks for a fresh URL: the old one may have expired.
        const url = await urls.get(part, signal, attempt > 0);
        atService = false;
        return await client.getPart(url, signal);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (!isTransferFailure(error)) throw error;
        attempt++;
        firstFailure ??= Date.now();
        // The service itself is out of reach (an outage, a restart): wait for it, within
        // `reconnectFor`. Storage failing while the service answers counts towards `retries`.
        if (atService && reconnectFor > 0 && isUnreachable(error)) {
          if (Date.now() - firstFailure >= reconnectFor) throw error;
        } else if (++failures > retries) {
          throw error;
        }
        const delay = backoffDelay(attempt, retryDelay, maxRetryDelay);
        onRetry?.({ part, attempt, delay, reconnecting: isUnreachable(error), error });
        await sleep(delay, signal);
      }
    }
  };

  const fetchAndDecrypt = async (part: number): Promise<Uint8Array> => {
    let cipher: Uint8Array;
    try {
      cipher = await fetchPart(part);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw toDownloadError(error, file, part);
    }
    try {
      const plain = await decrypt(cipher, key);
      decryptedOne = true;
      return plain;
    } catch (error) {
      if (!(error instanceof DecryptError)) throw toDownloadError(error, file, part);
      // Decided by the check that failed (pgp.ts), never by the wording of an error. The same
      // key opened another part, so this one was altered whatever failed; otherwise a failed key
      // check means a wrong key, and so does a failure that could not be pinned on either (no
      // separate key check for its cipher): checking the link is then the first thing to do.
      const wrongKey = !decryptedOne &&
        (error.failure === "key" || error.failure === "unknown");
      if (wrongKey) {
        throw new DownloadError(`Cannot decrypt "${file.fileName}": ${WRONG_KEY_HINT}`, {
          code: "WRONG_KEY",
          fileId: file.fileId,
          part,
          cause: error,
        });
      }
      throw new DownloadError(
        `Part ${part} of ${parts} of "${file.fileName}" failed its integrity check: the file ` +
          "was modified or damaged on the server, so it was not saved",
        { code: "TAMPERED", fileId: file.fileId, part, cause: error },
      );
    }
  };

  const writer = sink.getWriter();
  // Parts fetched or being fetched but not yet written; at most `concurrency` of them.
  const ahead = new Map<number, Promise<Uint8Array>>();
  let launched = 0;
  let done = 0;
  try {
    for (let part = 1; part <= parts; part++) {
      while (launched < parts && launched < part - 1 + concurrency) {
        const promise = fetchAndDecrypt(++launched);
        // Failures are handled when the writer reaches that part; until then keep them quiet.
        promise.catch(() => {});
        ahead.set(launched, promise);
      }
      const plain = await ahead.get(part)!;
      ahead.delete(part);
      // Read before writing: a sink may take the buffer (the service-worker sink transfers it).
      const plainBytes = plain.length;
      try {
        await writer.write(plain);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new DownloadError(`Could not save "${file.fileName}": ${describeCause(error)}`, {
          code: "WRITE",
          fileId: file.fileId,
          part,
          cause: error,
        });
      }
      done += plainBytes;
      onProgress?.(done, file.fileSize);
    }
    await writer.close();
  } catch (error) {
    // Stop the parts still in flight, then discard what was written.
    failure.abort(error);
    const reason = callerSignal?.aborted ? callerSignal.reason : error;
    await writer.abort(reason).catch(() => {});
    throw reason;
  } finally {
    writer.releaseLock();
  }
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return error.message + cause;
}

/**
 * Reads and decrypts the package message (`GET /package/{p}/message/{checksum}`), with line
 * endings normalised to `\n`.
 *
 * @returns the message, or `undefined` when the package has none.
 * @throws {DownloadError} `WRONG_KEY` when the link's key does not decrypt it, `TAMPERED` when it
 *   failed its integrity check.
 * @throws {ApiError} when the service refuses or cannot be reached.
 */
export async function readMessage(
  client: SendSafelyClient,
  pkg: OpenedPackage,
  options?: CallOptions,
): Promise<string | undefined> {
  const base64 = await client.getMessage(pkg.packageId, pkg.checksum, options);
  if (base64 === "") return undefined;
  try {
    const text = await decryptMessage(base64, passphrase(pkg.serverSecret, pkg.keyCode));
    return text.replaceAll("\r\n", "\n");
  } catch (error) {
    if (!(error instanceof DecryptError)) throw error;
    if (error.failure === "integrity") {
      throw new DownloadError(
        "The package message failed its integrity check: it was modified or damaged on the server",
        { code: "TAMPERED", cause: error },
      );
    }
    throw new DownloadError(`Cannot decrypt the package message: ${WRONG_KEY_HINT}`, {
      code: "WRONG_KEY",
      cause: error,
    });
  }
}
