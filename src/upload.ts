/**
 * The sender's side of a SendSafely package (spec 2.2–2.7, 3.4, 6): create a package, encrypt and
 * upload files part by part, finalize and build the Secure Link.
 *
 * A file is read with `Blob.slice` one 2,621,440-byte part at a time, so memory holds a few parts
 * whatever the file size. Parts go to pre-signed URLs, several at once, with retries; when the
 * URLs cannot be reached the upload falls back to posting parts through the service (spec 2.4.3).
 * When the service itself cannot be reached (a network outage, a restart) the upload waits for it,
 * for minutes, and goes on from the parts already stored. A failed upload throws
 * {@linkcode UploadError} with what is needed to resume it.
 *
 * Browser-compatible: Blob, fetch, WebCrypto and AbortSignal only.
 *
 * @example
 * ```ts
 * import { SendSafelyClient } from "./api.ts";
 * import { createPackage, finalizePackage, uploadFile } from "./upload.ts";
 * const client = new SendSafelyClient({ host: "https://acme.sendsafely.com", credentials: { dropzoneId: "dz" } });
 * const pkg = await createPackage(client);
 * await uploadFile(client, pkg, new Blob(["hello"]), { name: "hello.txt" });
 * const link = await finalizePackage(client, pkg, { undisclosed: false });
 * ```
 *
 * @module
 */
import { ApiError, type CallOptions, type PublicKey, type SendSafelyClient } from "./api.ts";
import { checksum, generateKeyCode, passphrase } from "./keys.ts";
import { formatLink } from "./link.ts";
import { encryptMessage, encryptPart } from "./pgp.ts";
import { release } from "./_buffers.ts";
import { PartUrls } from "./_part_urls.ts";
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

/** Plaintext bytes per part (spec 3.4). */
export const PART_SIZE = 2_621_440;

/**
 * Number of parts of a file of `size` bytes: `ceil(size / PART_SIZE)`, at least 1 (an empty file
 * is one empty part).
 *
 * @throws {RangeError} when `size` is not a whole number of bytes.
 */
export function partCount(size: number): number {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`size must be a whole number of bytes: current value is ${size}`);
  }
  return Math.max(1, Math.ceil(size / PART_SIZE));
}

/** A package being built, with its keyCode. The keyCode never leaves the browser except in the link. */
export interface PackageHandle {
  /** The package's identifier. */
  packageId: string;
  /** The package's public code. */
  packageCode: string;
  /** The server's half of the passphrase. */
  serverSecret: string;
  /** The client secret (43 URL-safe characters). Never send it, log it or show it. */
  keyCode: string;
}

/**
 * Encrypts one part; the default is `encryptPart` of pgp.ts. It may take `plain`'s buffer (a
 * worker pool transfers it to a worker), so `plain` is not read after the call.
 */
export type PartEncryptor = (plain: Uint8Array, passphrase: string) => Promise<Uint8Array>;

/** Options of {@linkcode uploadFile}. */
export interface UploadOptions extends RetryOptions {
  /** The file name recorded in the package (sent `encodeURI`-encoded). */
  name: string;
  /** Cancels the upload: every request in flight stops and the upload rejects with the reason. */
  signal?: AbortSignal;
  /** Called with plaintext bytes stored so far and the file size, at the start and after each part. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called when a part that had failed goes through after all: the service is reachable again.
   * A UI that showed "Reconnecting…" from `onRetry` goes back to "Uploading" here, not on the
   * next `onProgress`: a part sent before an outage may still be answered after the first
   * refused attempt, which says nothing about the connection now.
   */
  onRecovered?: () => void;
  /**
   * Parts encrypted and uploaded at the same time; each holds one part in memory.
   * @default {3}
   */
  concurrency?: number;
  /**
   * Retries of a failed part transfer (network error, timeout, HTTP error) before giving up on
   * the pre-signed URLs and switching to the proxy, and again before failing in proxy mode.
   * Failures while the service cannot be reached at all are governed by `reconnectFor` instead.
   * @default {4}
   */
  retries?: number;
  /**
   * Whether to post parts through the service (spec 2.4.3) when the pre-signed URLs keep failing.
   * @default {true}
   */
  proxyFallback?: boolean;
  /**
   * How many times to ask `upload-complete` before giving up.
   * @default {30}
   */
  completePolls?: number;
  /**
   * Milliseconds between two `upload-complete` calls.
   * @default {2000}
   */
  completeInterval?: number;
  /** The part encryption; `encryptPart` of pgp.ts unless a caller moves it into a worker. */
  encrypt?: PartEncryptor;
  /** Continue an upload that failed with {@linkcode UploadError}: its `fileId` and `completedParts`. */
  resume?: { fileId: string; completedParts: number[] };
}

/** A file stored in a package. */
export interface UploadedFile {
  /** The file's identifier within its package. */
  fileId: string;
  /** The name it was stored under. */
  name: string;
  /** Plaintext size in bytes. */
  size: number;
}

/** Options of {@linkcode UploadError}. */
export interface UploadErrorOptions {
  /** The file record, when it was created. */
  fileId?: string;
  /** Parts already stored by the server (1-based, ascending). */
  completedParts: number[];
  /** What failed, typically an {@linkcode ApiError}. */
  cause: unknown;
}

/**
 * An upload failed. Nothing is lost: pass `fileId` and `completedParts` as `resume` to
 * {@linkcode uploadFile} to upload only the missing parts.
 */
export class UploadError extends Error {
  /** The file record, when it was created; absent when creating it failed. */
  fileId?: string;
  /** Parts already stored by the server (1-based, ascending). */
  completedParts: number[];
  /** The server's code when the server refused (`LIMIT_EXCEEDED`, …), else the failure's code. */
  code?: string;

  /**
   * Creates the error.
   *
   * @param message a sentence a person can read; never holds the keyCode.
   * @param options the file, the parts already stored and the cause.
   */
  constructor(message: string, options: UploadErrorOptions) {
    super(message, { cause: options.cause });
    this.name = "UploadError";
    this.fileId = options.fileId;
    this.completedParts = options.completedParts;
    this.code = options.cause instanceof ApiError ? options.cause.code : undefined;
  }
}

/**
 * Finalize answered `PACKAGE_NEEDS_APPROVAL`: the package and its link exist, but an approver
 * must release it before recipients can open it. `link` is the full Secure Link (with its
 * `#keyCode=` fragment): keep it like any link, never log it.
 */
export class PackageNeedsApprovalError extends Error {
  /** The full Secure Link, usable once the package is approved. */
  link: string;
  /** Who must approve, as the server lists them. */
  approvers: unknown[];

  /**
   * Creates the error.
   *
   * @param link the full Secure Link.
   * @param approvers who must approve.
   */
  constructor(link: string, approvers: unknown[]) {
    super("The files were sent, but an approver must release the package before it can be opened");
    this.name = "PackageNeedsApprovalError";
    this.link = link;
    this.approvers = approvers;
  }
}

function nonNegativeInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer: current value is ${value}`);
  }
  return value;
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${what} must be a positive integer: current value is ${value}`);
  }
  return value;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates a package on the service and generates its keyCode locally.
 *
 * @throws {ApiError} when the service refuses or cannot be reached.
 */
export async function createPackage(
  client: SendSafelyClient,
  options?: CallOptions,
): Promise<PackageHandle> {
  const created = await client.createPackage(options);
  return { ...created, keyCode: generateKeyCode() };
}

/**
 * Encrypts and uploads one file into a package: creates the file record (unless resuming),
 * uploads each missing part (several at once, retried with backoff, through the proxy when the
 * pre-signed URLs keep failing), then waits for the service to confirm the file is complete.
 *
 * @returns the stored file.
 * @throws {UploadError} when the upload fails; it carries `fileId` and `completedParts` to resume.
 * @throws the signal's reason (an `AbortError` `DOMException` by default) when cancelled.
 * @throws {TypeError} / {RangeError} when an argument is invalid (before any request).
 */
export async function uploadFile(
  client: SendSafelyClient,
  pkg: PackageHandle,
  file: Blob,
  options: UploadOptions,
): Promise<UploadedFile> {
  const waits = defaultRetryTiming();
  const {
    name,
    signal: callerSignal,
    onProgress,
    concurrency = 3,
    retries = 4,
    retryDelay = waits.retryDelay,
    maxRetryDelay = waits.maxRetryDelay,
    reconnectFor = 180_000,
    onRetry,
    onRecovered,
    proxyFallback = true,
    completePolls = 30,
    completeInterval = 2000,
    encrypt = encryptPart,
    resume,
  } = options;
  if (typeof name !== "string" || name === "") {
    throw new TypeError("name must be a non-empty string");
  }
  if (!(file instanceof Blob)) throw new TypeError("file must be a Blob");
  positiveInteger(concurrency, "concurrency");
  nonNegativeInteger(retries, "retries");
  nonNegativeInteger(retryDelay, "retryDelay");
  nonNegativeInteger(maxRetryDelay, "maxRetryDelay");
  nonNegativeInteger(reconnectFor, "reconnectFor");
  positiveInteger(completePolls, "completePolls");
  nonNegativeInteger(completeInterval, "completeInterval");
  const size = file.size;
  const parts = partCount(size);
  const completed = new Set<number>();
  if (resume) {
    if (typeof resume.fileId !== "string" || resume.fileId === "") {
      throw new TypeError("resume.fileId must be a non-empty string");
    }
    for (const part of resume.completedParts) {
      if (!Number.isSafeInteger(part) || part < 1 || part > parts) {
        throw new RangeError(
          `resume.completedParts holds ${part}, not a part of this file (1..${parts})`,
        );
      }
      completed.add(part);
    }
  }
  callerSignal?.throwIfAborted();

  // One controller stops every transfer at once when any part fails for good.
  const failure = new AbortController();
  const signal = callerSignal ? AbortSignal.any([callerSignal, failure.signal]) : failure.signal;
  const key = passphrase(pkg.serverSecret, pkg.keyCode);
  const partBytes = (part: number) => Math.min(size, part * PART_SIZE) - (part - 1) * PART_SIZE;
  let fileId = resume?.fileId;
  let done = 0;
  for (const part of completed) done += partBytes(part);

  const fail = (error: unknown): never => {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (error instanceof UploadError) throw error;
    throw new UploadError(`Could not upload "${name}": ${describe(error)}`, {
      fileId,
      completedParts: [...completed].sort((a, b) => a - b),
      cause: error,
    });
  };

  try {
    fileId ??= await client.createFile(
      pkg.packageId,
      { filename: name, parts, filesize: size },
      { signal },
    );
  } catch (error) {
    fail(error);
  }
  const id = fileId!;
  onProgress?.(done, size);

  const urls = new PartUrls(
    (start, batchSignal) => client.getUploadUrls(pkg.packageId, id, start, { signal: batchSignal }),
    parts,
  );
  // Like the SDK, once the pre-signed URLs have failed for one part every later part goes through
  // the proxy too: the cause (a firewall, a CORS policy) is rarely specific to one part.
  let useProxy = false;
  let proxied = false;

  const sendPart = async (part: number, cipher: Uint8Array): Promise<void> => {
    // `failures` counts towards `retries` (and the switch to the proxy); `attempt` counts every
    // failure in a row, for the backoff; `firstFailure` bounds the wait for the service.
    let failures = 0;
    let attempt = 0;
    let firstFailure: number | undefined;
    for (;;) {
      const viaProxy = useProxy;
      // Whether the failure came from the service's API (the URL batch, the proxy) rather than
      // from the storage behind a pre-signed URL.
      let atService = true;
      try {
        if (viaProxy) {
          await client.proxyUpload(pkg.packageId, id, part, cipher, signal);
          proxied = true;
        } else {
          // A retry asks for a fresh URL: the old one may have expired.
          const url = await urls.get(part, signal, attempt > 0);
          atService = false;
          await client.putPart(url, cipher, signal);
        }
        if (firstFailure !== undefined) onRecovered?.();
        return;
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (!(viaProxy ? isTransient(error) : isTransferFailure(error))) throw error;
        if (viaProxy !== useProxy) {
          // Another part switched to the proxy meanwhile: start afresh there.
          failures = 0;
          attempt = 0;
          continue;
        }
        attempt++;
        firstFailure ??= Date.now();
        // The service itself is out of reach (an outage, a restart): the proxy would not help,
        // so wait for it. Storage failing while the service answers is what the proxy is for,
        // so those failures count towards `retries`.
        const waitForService = atService && reconnectFor > 0 && isUnreachable(error);
        if (waitForService) {
          if (Date.now() - firstFailure >= reconnectFor) throw error;
        } else if (++failures > retries) {
          if (viaProxy || !proxyFallback) throw error;
          useProxy = true;
          failures = 0;
          attempt = 0;
          continue;
        }
        const delay = backoffDelay(attempt, retryDelay, maxRetryDelay);
        onRetry?.({ part, attempt, delay, reconnecting: isUnreachable(error), error });
        await sleep(delay, signal);
      }
    }
  };

  const missing: number[] = [];
  for (let part = 1; part <= parts; part++) if (!completed.has(part)) missing.push(part);
  let next = 0;
  // Each worker holds one part (plaintext, then ciphertext) at a time, so memory stays at about
  // `concurrency` parts whatever the file size.
  const worker = async () => {
    while (next < missing.length) {
      signal.throwIfAborted();
      const part = missing[next++];
      const start = (part - 1) * PART_SIZE;
      const plain = new Uint8Array(await file.slice(start, start + PART_SIZE).arrayBuffer());
      // Read before encrypting: a worker pool takes the buffer, leaving `plain` empty.
      const plainBytes = plain.length;
      signal.throwIfAborted();
      const cipher = await encrypt(plain, key);
      await sendPart(part, cipher);
      // Stored: its memory goes back now rather than whenever the garbage collector runs.
      release(cipher);
      completed.add(part);
      done += plainBytes;
      onProgress?.(done, size);
    }
  };
  let firstError: unknown;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, missing.length) }, () =>
      worker().catch((error) => {
        if (firstError === undefined && !failure.signal.aborted) {
          firstError = error;
          failure.abort(error);
        }
      })),
  );
  if (callerSignal?.aborted) throw callerSignal.reason;
  if (firstError !== undefined) fail(firstError);

  // Parts posted through the proxy complete the file on the server; the SDK does not call
  // upload-complete then (spec 2.4.3).
  if (!proxied) {
    try {
      await waitForComplete(client, pkg.packageId, id, {
        polls: completePolls,
        interval: completeInterval,
        retryDelay,
        signal,
      });
    } catch (error) {
      fail(error);
    }
  }
  return { fileId: id, name, size };
}

/** Polls `upload-complete` until the service confirms, within a bounded number of calls. */
async function waitForComplete(
  client: SendSafelyClient,
  packageId: string,
  fileId: string,
  options: { polls: number; interval: number; retryDelay: number; signal: AbortSignal },
): Promise<void> {
  const { polls, interval, retryDelay, signal } = options;
  let lastError: unknown;
  for (let poll = 1; poll <= polls; poll++) {
    try {
      if (await client.uploadComplete(packageId, fileId, { signal })) return;
      lastError = undefined;
    } catch (error) {
      if (signal.aborted || !isTransient(error)) throw error;
      lastError = error;
    }
    if (poll < polls) {
      await sleep(lastError ? backoffDelay(poll, retryDelay) : interval, signal);
    }
  }
  throw lastError ??
    new ApiError("FILE_INCOMPLETE", "The server did not confirm that every part arrived");
}

/** Encrypts a keyCode to a recipient's armored OpenPGP public key (spec 3.8). */
export type KeyCodeEncryptor = (keyCode: string, armoredPublicKey: string) => Promise<string>;

/** Options of {@linkcode finalizePackage}. */
export interface FinalizePackageOptions {
  /**
   * True for a package anyone with the link may open (no named recipients, no escrow to public
   * keys, as `finalizeUndisclosedPackage` does); false for named recipients or a Dropzone.
   */
  undisclosed: boolean;
  /** Emails of named recipients, who must verify themselves to open the package. */
  recipients?: string[];
  /**
   * The language the recipients read (a tag such as `de`; the agent app gives the Zendesk
   * requester's locale): Padlock writes their mails in it.
   */
  recipientLocale?: string;
  /**
   * Whether the service emails the recipients the link.
   * @default {false}
   */
  notifyRecipients?: boolean;
  /** The submitter's email for a Dropzone package (spec 5.3). */
  unconfirmedSender?: string;
  /** A message stored encrypted with the package. */
  message?: string;
  /** A password recipients must also type; only for undisclosed packages. */
  password?: string;
  /** Cancels the remaining calls. */
  signal?: AbortSignal;
  /**
   * Encrypts the keyCode to a public key the service asks it to be escrowed to (trusted devices,
   * Dropzone owners). pgp.ts has no public-key encryption, so without this option such keys are
   * skipped: the Secure Link remains the way into the package.
   */
  encryptKeyCode?: KeyCodeEncryptor;
}

/**
 * Completes a package: adds the named recipients, stores the encrypted message, escrows the
 * keyCode to the public keys the service lists (unless undisclosed), and finalizes with the
 * checksum.
 *
 * @returns the full Secure Link, `…#keyCode=<keyCode>`.
 * @throws {PackageNeedsApprovalError} when an approver must release the package (carries the link).
 * @throws {ApiError} when the service refuses a step or cannot be reached; a recipient the service
 *   refuses is reported with its own code.
 * @throws the signal's reason when cancelled.
 */
export async function finalizePackage(
  client: SendSafelyClient,
  pkg: PackageHandle,
  options: FinalizePackageOptions,
): Promise<string> {
  const {
    undisclosed,
    recipients = [],
    recipientLocale,
    notifyRecipients = false,
    unconfirmedSender,
    message,
    password,
    signal,
    encryptKeyCode,
  } = options;
  if (typeof undisclosed !== "boolean") throw new TypeError("undisclosed must be true or false");
  const call = { signal };
  const escrow = async (keys: PublicKey[]) => {
    // Without public-key encryption the keyCode is not escrowed; see `encryptKeyCode`.
    if (keys.length === 0 || encryptKeyCode === undefined) return;
    for (const key of keys) {
      const armored = await encryptKeyCode(pkg.keyCode, key.key);
      await client.putKeycode(pkg.packageId, key.id, armored, call);
    }
  };

  if (recipients.length > 0) {
    const added = await client.addRecipients(pkg.packageId, recipients, {
      ...call,
      locale: recipientLocale,
    });
    for (const recipient of added.recipients) {
      if (recipient.response !== undefined && recipient.response !== "SUCCESS") {
        const who = recipient.email ?? "a recipient";
        throw new ApiError(
          recipient.response,
          `The server refused ${who}: ${recipient.message ?? recipient.response}`,
        );
      }
      if (recipient.checkForPublicKeys === true && typeof recipient.recipientId === "string") {
        await escrow(
          await client.getRecipientPublicKeys(pkg.packageId, recipient.recipientId, call),
        );
      }
    }
  }
  const key = passphrase(pkg.serverSecret, pkg.keyCode);
  if (message !== undefined && message !== "") {
    await client.putMessage(pkg.packageId, await encryptMessage(message, key), call);
  }
  // As the SDK: finalizePackage escrows to the listed keys; finalizeUndisclosedPackage does not.
  if (!undisclosed) await escrow(await client.getPublicKeys(pkg.packageId, call));
  const result = await client.finalize(pkg.packageId, {
    checksum: await checksum(pkg.keyCode, pkg.packageCode),
    undisclosedRecipients: undisclosed,
    notifyRecipients,
    password,
    unconfirmedSender,
  }, call);
  const link = formatLink(result.link, pkg.keyCode);
  if (result.needsApproval) throw new PackageNeedsApprovalError(link, result.approvers);
  return link;
}

/** Options of {@linkcode uploadFiles}: upload options for every file plus finalize options. */
export interface UploadFilesOptions
  extends
    Omit<UploadOptions, "name" | "resume" | "onProgress">,
    Omit<FinalizePackageOptions, "signal"> {
  /** Called with plaintext bytes stored so far and the total of all files. */
  onProgress?: (done: number, total: number) => void;
}

/** Result of {@linkcode uploadFiles}. */
export interface UploadFilesResult {
  /** The full Secure Link, `…#keyCode=<keyCode>`. */
  link: string;
  /** The package, e.g. to delete it later. */
  package: PackageHandle;
  /** The files stored, in order. */
  files: UploadedFile[];
}

/**
 * Sends files in one new package: create, upload each file in turn, finalize. For uploads that
 * must survive a failure (resume), call {@linkcode createPackage}, {@linkcode uploadFile} and
 * {@linkcode finalizePackage} yourself.
 *
 * @throws {UploadError} when a file fails to upload.
 * @throws {PackageNeedsApprovalError} when an approver must release the package.
 * @throws {ApiError} when creating or finalizing the package fails.
 * @throws the signal's reason when cancelled.
 */
export async function uploadFiles(
  client: SendSafelyClient,
  files: { blob: Blob; name: string }[],
  options: UploadFilesOptions,
): Promise<UploadFilesResult> {
  const { onProgress, signal } = options;
  const total = files.reduce((sum, file) => sum + file.blob.size, 0);
  const pkg = await createPackage(client, { signal });
  const uploaded: UploadedFile[] = [];
  let before = 0;
  for (const { blob, name } of files) {
    uploaded.push(
      await uploadFile(client, pkg, blob, {
        ...options,
        name,
        onProgress: onProgress && ((done) => onProgress(before + done, total)),
      }),
    );
    before += blob.size;
  }
  const link = await finalizePackage(client, pkg, options);
  return { link, package: pkg, files: uploaded };
}
