/// <reference lib="dom" />
/**
 * The attachments of one request: every file is encrypted and uploaded as soon as it is added,
 * all into one package created on the first file (the drop-zone flow of spec 7a). Files can be
 * removed (an upload in flight is cancelled and its record deleted) and retried (resuming from
 * the parts already sent). On submit the package is finalized once and gives the Secure Link.
 * No DOM: a view observes it through `onChange`.
 *
 * The encryption and upload code (`transfer.ts`, with `openpgp`) is loaded on the first file
 * only: this module imports nothing but types from it, so it stays in the small script that
 * every Help Center page loads.
 *
 * @module
 */
import type { ApiError, SendSafelyClient } from "../src/api.ts";
import type { PackageHandle, UploadError } from "../src/upload.ts";
import type * as TransferExports from "./transfer.ts";
import { quotedList, size, t } from "./strings.ts";

/** The encryption and upload code, as `transfer.ts` exports it. */
export type Transfer = typeof TransferExports;

/**
 * Loads the encryption and upload code: a separate chunk of the bundle, fetched from beside the
 * widget's own script the first time it is called.
 */
export async function loadTransfer(): Promise<Transfer> {
  return await (await import("./transfer_pins.ts")).loadTransfer();
}

/** Where a file is in its life. */
export type AttachmentStatus = "uploading" | "uploaded" | "failed" | "removed";

/** One attached file, as a view shows it. */
export interface Attachment {
  /** Stable id within the session. */
  readonly id: number;
  readonly name: string;
  /** Plaintext size in bytes. */
  readonly size: number;
  status: AttachmentStatus;
  /** Bytes encrypted and uploaded so far. */
  done: number;
  /**
   * True while an upload waits for the network or the service to come back; it goes on from
   * the parts already stored once it can.
   */
  reconnecting: boolean;
  /** A sentence a person can read, when `status` is `failed`. */
  error?: string;
  /** Failed for a rule of the dropzone (extension, size): trying again cannot help. */
  refused?: boolean;
}

/** Options of {@linkcode AttachmentSession}. */
export interface AttachmentSessionOptions {
  /**
   * A drop-zone client for the configured service, or a function that makes one from the
   * encryption and upload code once that is loaded (so that the client's code loads late too).
   */
  client: SendSafelyClient | ((transfer: Transfer) => SendSafelyClient);
  /**
   * Loads the encryption and upload code, on the first file attached.
   * @default {loadTransfer}
   */
  loadTransfer?: () => Promise<Transfer>;
  /** Called after any change of an attachment (progress, status) or of the session. */
  onChange?: (attachment: Attachment | undefined) => void;
  /**
   * Parts of one file encrypted and uploaded at once.
   * @default {the encryption pool's `concurrency`: one per worker, plus two on the network}
   */
  concurrency?: number;
}

/** Submitting must wait: an upload failed and the user has to retry or remove it. */
export class AttachmentsNotReadyError extends Error {
  /** The attachments that failed. */
  failed: Attachment[];
  /** Creates the error naming the files that failed. */
  constructor(failed: Attachment[]) {
    const names = quotedList(failed.map((attachment) => attachment.name));
    super(
      failed.length === 1
        ? t("submit.notReadyOne", { name: names, reason: failed[0].error ?? t("error.unknown") })
        : t("submit.notReadyMany", { names }),
    );
    this.name = "AttachmentsNotReadyError";
    this.failed = failed;
  }
}

/** Finalizing the package failed; the files stay uploaded and submitting can be tried again. */
export class FinalizeError extends Error {
  /** Creates the error from what went wrong. */
  constructor(cause: unknown) {
    super(t("submit.failedReason", { reason: describeError(cause) }), { cause });
    this.name = "FinalizeError";
  }
}

/** The loaded encryption and upload code, and the client the session uses. */
interface Connection {
  transfer: Transfer;
  client: SendSafelyClient;
}

interface Entry extends Attachment {
  blob: Blob;
  controller?: AbortController;
  running?: Promise<void>;
  fileId?: string;
  completedParts: number[];
}

/** The files attached to one request, and the one package they go into. */
export class AttachmentSession {
  #client: SendSafelyClient | ((transfer: Transfer) => SendSafelyClient);
  #loadTransfer: () => Promise<Transfer>;
  #connection?: Promise<Connection>;
  #onChange: (attachment: Attachment | undefined) => void;
  #concurrency: number | undefined;
  #entries: Entry[] = [];
  #nextId = 1;
  #package?: Promise<PackageHandle>;
  #pendingDeletes: string[] = [];
  #link?: string;
  #finalizing?: Promise<string | undefined>;

  /** Creates an empty session; nothing is sent until the first file is added. */
  constructor(options: AttachmentSessionOptions) {
    const { client, onChange = () => {}, concurrency } = options;
    this.#client = client;
    this.#loadTransfer = options.loadTransfer ?? loadTransfer;
    this.#onChange = onChange;
    this.#concurrency = concurrency;
  }

  /** The files attached and not removed, in the order they were added. */
  get attachments(): Attachment[] {
    return this.#entries.filter((entry) => entry.status !== "removed");
  }

  /** Whether any upload is still running. */
  get busy(): boolean {
    return this.#entries.some((entry) => entry.status === "uploading");
  }

  /** Whether the package was finalized (the Secure Link exists; no more files can be added). */
  get finalized(): boolean {
    return this.#link !== undefined;
  }

  /** Attaches a file and starts encrypting and uploading it at once. */
  add(file: Blob, name: string): Attachment {
    if (this.finalized) throw new Error("The attachments were already sent with this request");
    const entry: Entry = {
      id: this.#nextId++,
      name,
      size: file.size,
      status: "uploading",
      done: 0,
      reconnecting: false,
      blob: file,
      completedParts: [],
    };
    this.#entries.push(entry);
    this.#start(entry);
    return entry;
  }

  /** Uploads a failed file again, resuming after the parts already sent. */
  retry(id: number): void {
    const entry = this.#find(id);
    if (entry?.status !== "failed") return;
    this.#start(entry);
  }

  /**
   * Removes a file: cancels its upload if it runs and deletes what the service holds of it.
   * A deletion the service refuses now is tried again before the package is finalized.
   */
  async remove(id: number): Promise<void> {
    const entry = this.#find(id);
    if (!entry || entry.status === "removed" || this.finalized) return;
    entry.status = "removed";
    entry.controller?.abort();
    this.#onChange(entry);
    await entry.running;
    entry.blob = new Blob();
    if (entry.fileId) {
      this.#pendingDeletes.push(entry.fileId);
      await this.#flushDeletes().catch(() => {});
    }
  }

  /** Resolves when no upload is running any more (each either uploaded, failed or removed). */
  async settled(): Promise<void> {
    while (this.busy) {
      await Promise.all(this.#entries.map((entry) => entry.running));
    }
  }

  /**
   * Waits for running uploads, then finalizes the package once and returns the Secure Link
   * (with its `#keyCode=` fragment); undefined when no file is attached. Safe to call again: a
   * second call returns the same link.
   *
   * @throws {AttachmentsNotReadyError} when a file failed to upload.
   * @throws {FinalizeError} when the service could not finalize the package.
   */
  finalize(options: { unconfirmedSender?: string } = {}): Promise<string | undefined> {
    if (this.#link) return Promise.resolve(this.#link);
    this.#finalizing ??= this.#finalize(options).finally(() => {
      this.#finalizing = undefined;
    });
    return this.#finalizing;
  }

  async #finalize(options: { unconfirmedSender?: string }): Promise<string | undefined> {
    await this.settled();
    const failed = this.#entries.filter((entry) => entry.status === "failed");
    if (failed.length > 0) throw new AttachmentsNotReadyError(failed);
    if (!this.#entries.some((entry) => entry.status === "uploaded")) return undefined;
    let transfer: Transfer | undefined;
    try {
      await this.#flushDeletes();
      const handle = await this.#ensurePackage();
      const connection = await this.#connect();
      transfer = connection.transfer;
      this.#link = await transfer.finalizePackage(connection.client, handle, {
        undisclosed: false,
        unconfirmedSender: options.unconfirmedSender,
      });
    } catch (error) {
      // The package and its link exist; the organisation's approvers release it to the agents,
      // who need the link in the ticket all the same.
      if (!transfer || !(error instanceof transfer.PackageNeedsApprovalError)) {
        throw new FinalizeError(error);
      }
      this.#link = error.link;
    }
    this.#onChange(undefined);
    return this.#link;
  }

  #find(id: number): Entry | undefined {
    return this.#entries.find((entry) => entry.id === id);
  }

  /** Loads the encryption and upload code once (again after a failed load). */
  #connect(): Promise<Connection> {
    this.#connection ??= this.#loadTransfer().then(
      (transfer) => {
        const client = typeof this.#client === "function" ? this.#client(transfer) : this.#client;
        return { transfer, client };
      },
      (error) => {
        this.#connection = undefined;
        throw error;
      },
    );
    return this.#connection;
  }

  #ensurePackage(): Promise<PackageHandle> {
    this.#package ??= this.#connect().then(({ transfer, client }) => transfer.createPackage(client))
      .catch((error) => {
        // Forget the failure so that a retry creates the package anew.
        this.#package = undefined;
        throw error;
      });
    return this.#package;
  }

  async #flushDeletes(): Promise<void> {
    if (this.#pendingDeletes.length === 0) return;
    const handle = await this.#ensurePackage();
    const { client } = await this.#connect();
    while (this.#pendingDeletes.length > 0) {
      const fileId = this.#pendingDeletes[0];
      await client.request(
        "DELETE",
        `/package/${encodeURIComponent(handle.packageId)}/file/${encodeURIComponent(fileId)}/`,
      );
      this.#pendingDeletes.shift();
    }
  }

  #start(entry: Entry): void {
    const controller = new AbortController();
    entry.controller = controller;
    entry.status = "uploading";
    entry.error = undefined;
    this.#onChange(entry);
    entry.running = this.#upload(entry, controller.signal);
  }

  async #upload(entry: Entry, signal: AbortSignal): Promise<void> {
    try {
      const { transfer, client } = await this.#connect();
      // A file the dropzone does not take is refused before a package is made for it.
      const refused = await transfer.dropzoneRefusal(client, entry, t, size);
      if (refused) throw refused;
      const handle = await this.#ensurePackage();
      signal.throwIfAborted();
      const pool = transfer.encryptionPool();
      await transfer.uploadFile(recordingClient(client, entry), handle, entry.blob, {
        name: entry.name,
        signal,
        encrypt: pool.encrypt,
        concurrency: this.#concurrency ?? pool.concurrency,
        resume: entry.fileId
          ? { fileId: entry.fileId, completedParts: entry.completedParts }
          : undefined,
        onRetry: () => {
          if (entry.status !== "uploading" || entry.reconnecting) return;
          entry.reconnecting = true;
          this.#onChange(entry);
        },
        onProgress: (done) => {
          if (entry.status !== "uploading") return;
          entry.done = done;
          this.#onChange(entry);
        },
        // Not on progress: a part sent before an outage can be answered after the first
        // refused attempt, which would hide "Reconnecting…" at once.
        onRecovered: () => {
          if (entry.status !== "uploading" || !entry.reconnecting) return;
          entry.reconnecting = false;
          this.#onChange(entry);
        },
      });
      if (signal.aborted) return;
      entry.status = "uploaded";
      entry.done = entry.size;
      entry.blob = new Blob();
    } catch (error) {
      if (signal.aborted || entry.status === "removed") return;
      if (isUploadError(error)) {
        entry.fileId = error.fileId ?? entry.fileId;
        entry.completedParts = error.completedParts ?? [];
      }
      entry.status = "failed";
      // Only a dropzone rule's refusal is thrown as a sentence: trying again cannot help.
      entry.refused = typeof error == "string";
      entry.error = entry.refused ? error as string : describeError(error);
    } finally {
      entry.reconnecting = false;
      if (entry.status !== "removed") this.#onChange(entry);
    }
  }
}

/**
 * The client as seen by one upload: records the file id as soon as the service assigns it, so
 * that a file removed mid-upload can be deleted and a failed one resumed.
 */
function recordingClient(client: SendSafelyClient, entry: Entry): SendSafelyClient {
  return new Proxy(client, {
    get(target, property) {
      if (property === "createFile") {
        return async (...args: Parameters<SendSafelyClient["createFile"]>) => {
          const fileId = await target.createFile(...args);
          entry.fileId = fileId;
          entry.completedParts = [];
          return fileId;
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

// The error classes live in the lazily loaded code, so they are recognised by name: `instanceof`
// would need that code loaded even to describe a failure to load it.
function isUploadError(error: unknown): error is UploadError {
  return error instanceof Error && error.name === "UploadError";
}

function isIntegrityError(error: unknown): boolean {
  return error instanceof Error && error.name === "IntegrityError";
}

function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === "ApiError" && "code" in error;
}

/** A short sentence, for a person, saying what went wrong. Never contains a key. */
export function describeError(error: unknown): string {
  const cause = isUploadError(error) && error.cause ? error.cause : error;
  if (isIntegrityError(cause)) {
    return t("guard.integrity");
  }
  if (isApiError(cause)) {
    switch (cause.code) {
      case "NETWORK_ERROR":
        return t("error.unreachable");
      case "TIMEOUT":
        return t("error.timeout");
      case "HTTP_ERROR":
        // The status as written (`HTTP 503`), not as a localised number.
        return t((cause.status ?? 0) >= 500 ? "error.down" : "error.refusedStatus", {
          status: String(cause.status),
        });
      case "LIMIT_EXCEEDED":
        return t("error.tooLarge");
      case "RATE_LIMITED":
        return t("guard.rateLimited");
      case "STORAGE_FULL":
        return t("guard.storageFull");
      case "INVALID_FILE_NAME":
      case "INVALID_FILE_EXTENSION":
        return t("error.fileName");
      default:
        return t("error.refusedCode", { code: cause.code });
    }
  }
  if (cause instanceof TypeError) return t("error.unreachable");
  if (cause instanceof Error && cause.name === "NotReadableError") return t("error.unreadable");
  return t("error.failed");
}
