/// <reference lib="dom" />
/**
 * Where a downloaded file goes: a `WritableStream` for `downloadFile` that saves the plaintext
 * as the browser's download, chosen among three ways so that a file of any size reaches the disk
 * without being held in memory wherever the browser allows it.
 *
 * - `"file-system"`: the File System Access API. `showSaveFilePicker` asks where to save, then
 *   each part is written to the file as it is decrypted; the file appears only once complete
 *   (an aborted download discards it). Chromium browsers only, in a top-level page or a
 *   same-origin frame, and only during a click (a user gesture).
 * - `"service-worker"`: a streamed download. A service worker of this origin
 *   (`download_sw.ts`) answers a hidden frame's request for `<scope>/<id>/<name>` with a
 *   response whose body it pulls from this page part by part, with back-pressure, so the browser
 *   saves it like any download. Needs a service worker script of this origin; denied in
 *   private windows of some browsers and in cross-origin frames when third-party storage is
 *   blocked.
 * - `"blob"`: the parts are gathered into a `Blob` (the browser keeps blob data out of the
 *   script's memory, on disk when large in Chromium, but not every browser does), then saved
 *   with an `<a download>`. Refused above a size cap with a message saying what to do instead.
 *
 * What works where (checked in headless Chromium 156; see tests/src/sinks_test.ts):
 *
 * | page | file-system | service-worker | blob |
 * |---|---|---|---|
 * | receive page (top level, the service's origin) | yes, on a click | yes | yes |
 * | agent app (Zendesk iframe, cross-origin) | no: "Cross origin sub frames aren't allowed to show a file picker" | only where third-party storage is allowed (denied in incognito windows and when third-party cookies are blocked) | yes |
 *
 * Browser-only: it uses `document`, `navigator.serviceWorker` and `showSaveFilePicker`.
 *
 * @example
 * ```ts ignore
 * import { chooseSink } from "./sinks.ts";
 * import { downloadFile } from "./download.ts";
 * button.addEventListener("click", async () => {
 *   // Choose first, during the click: the save dialog needs the user's gesture.
 *   const sink = await chooseSink({ name: file.fileName, size: file.fileSize });
 *   await downloadFile(client, pkg, file, sink.stream);
 * });
 * ```
 *
 * @module
 */

import { release } from "./_buffers.ts";
import { checkWorkerScript } from "./_pinned.ts";

/** A way of saving a download; see the module's documentation. */
export type SinkKind = "file-system" | "service-worker" | "blob";

/** The order of the issue: stream to a chosen file, else a streamed download, else a Blob. */
export const DEFAULT_SINK_ORDER: readonly SinkKind[] = ["file-system", "service-worker", "blob"];

/**
 * The largest file the `"blob"` way saves by default: 500 MB. Chromium moves large blobs to
 * disk, but Safari and Firefox may keep them in memory, where a few hundred megabytes are what a
 * tab can safely hold.
 */
export const DEFAULT_BLOB_LIMIT = 500_000_000;

/** A chosen way of saving one file. */
export interface FileSink {
  /** Which way it is. */
  kind: SinkKind;
  /**
   * The stream to hand to `downloadFile`. Closing it completes the saved file; aborting it
   * discards what was written. Its `write` may take the chunk's buffer (transfer it).
   */
  stream: WritableStream<Uint8Array>;
}

/** What went wrong when saving. */
export type SinkErrorCode =
  /** Only the Blob way is possible here and the file is larger than its cap. */
  | "TOO_LARGE"
  /** No way of saving works in this context. */
  | "UNAVAILABLE";

/** Saving a file is not possible here; `message` says why and what to do. */
export class SinkError extends Error {
  /** What went wrong. */
  code: SinkErrorCode;

  /**
   * Creates the error.
   *
   * @param code what went wrong.
   * @param message a sentence a person can read and act on.
   * @param options the underlying error.
   */
  constructor(code: SinkErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SinkError";
    this.code = code;
  }
}

/** Options of {@linkcode chooseSink}. */
export interface ChooseSinkOptions {
  /** The file's name, as it should be saved. */
  name: string;
  /** The file's size in bytes, as the package lists it. */
  size: number;
  /**
   * The ways to try, best first; a way that does not work here is skipped.
   * @default {DEFAULT_SINK_ORDER}
   */
  prefer?: readonly SinkKind[];
  /**
   * URL of the built download service worker (`download_sw.js`), on this page's origin.
   * Without it the `"service-worker"` way is skipped.
   */
  serviceWorkerUrl?: string | URL;
  /**
   * Largest file the `"blob"` way accepts, in bytes.
   * @default {DEFAULT_BLOB_LIMIT}
   */
  blobLimit?: number;
  /**
   * Milliseconds the service worker has to register and to start the download before the next
   * way is tried.
   * @default {10000}
   */
  startTimeout?: number;
  /** What to tell the person when the file is too large for the Blob way (appended). */
  tooLargeAdvice?: string;
}

/** Options of {@linkcode createBlobSink}. */
export interface BlobSinkOptions {
  /** The file's name. */
  name: string;
  /** The file's size as the package lists it: over `limit`, the sink is refused at once. */
  size?: number;
  /**
   * Largest number of bytes accepted; a write beyond it fails with a `TOO_LARGE` SinkError.
   * @default {DEFAULT_BLOB_LIMIT}
   */
  limit?: number;
  /**
   * Saves the finished Blob.
   * @default {saveBlob}
   */
  save?: (blob: Blob, name: string) => void;
  /** Appended to the `TOO_LARGE` message. */
  tooLargeAdvice?: string;
}

const DEFAULT_ADVICE = "Open the link in Chrome or Edge, which save large files directly to disk.";

function formatSize(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The readable refusal of a file over the Blob cap. */
function tooLarge(name: string, size: number, limit: number, advice: string): SinkError {
  return new SinkError(
    "TOO_LARGE",
    `"${name}" (${formatSize(size)}) is too large to save from this page, which can only keep ` +
      `files of up to ${formatSize(limit)} in memory. ${advice}`,
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/**
 * Makes the browser download `blob` as `name`, through a temporary `<a download>`.
 *
 * @throws {SinkError} `UNAVAILABLE` outside a page (no `document`).
 */
export function saveBlob(blob: Blob, name: string): void {
  if (typeof document === "undefined") {
    throw new SinkError("UNAVAILABLE", "Files can only be saved from a web page");
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  // The browser strips path separators and reserved characters from the name.
  link.download = name;
  link.rel = "noopener";
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A sink that gathers the file into a Blob, part by part (each part becomes a Blob of its own
 * at once, so the script does not hold it), and saves it when the stream closes. Use it
 * directly where no other way can work (a cross-origin frame whose bundle must stay small);
 * elsewhere {@linkcode chooseSink} picks it last.
 *
 * @throws {SinkError} `TOO_LARGE` when `size` is over `limit`.
 * @throws {RangeError} when `limit` is not a positive integer.
 */
export function createBlobSink(options: BlobSinkOptions): FileSink {
  const {
    name,
    size = 0,
    limit = DEFAULT_BLOB_LIMIT,
    save = saveBlob,
    tooLargeAdvice = DEFAULT_ADVICE,
  } = options;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer: current value is ${limit}`);
  }
  if (size > limit) throw tooLarge(name, size, limit, tooLargeAdvice);
  let pieces: Blob[] = [];
  let bytes = 0;
  const stream = new WritableStream<Uint8Array>({
    write(chunk) {
      bytes += chunk.byteLength;
      // The package's size may understate the file; the cap holds for what really arrives.
      if (bytes > limit) throw tooLarge(name, bytes, limit, tooLargeAdvice);
      pieces.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
      release(chunk); // The Blob has its own copy.
    },
    close() {
      const blob = new Blob(pieces, { type: "application/octet-stream" });
      pieces = [];
      save(blob, name);
    },
    abort() {
      pieces = [];
    },
  });
  return { kind: "blob", stream };
}

/**
 * Asks where to save with `showSaveFilePicker` and returns a stream into that file, or
 * `undefined` when the picker is not available here (another browser, a cross-origin frame, no
 * user gesture any more).
 *
 * @throws an `AbortError` `DOMException` when the person closes the dialog.
 */
async function fileSystemSink(name: string): Promise<FileSink | undefined> {
  const picker = (globalThis as {
    showSaveFilePicker?: (options: { suggestedName: string }) => Promise<FileSystemFileHandle>;
  }).showSaveFilePicker;
  if (typeof picker !== "function") return undefined;
  // Without a user gesture the picker is refused anyway (e.g. the second file of "Download all").
  if (navigator.userActivation && !navigator.userActivation.isActive) return undefined;
  let handle: FileSystemFileHandle;
  try {
    handle = await picker.call(globalThis, { suggestedName: name });
  } catch (error) {
    if (isAbort(error)) throw error;
    // SecurityError (cross-origin frame, no gesture), NotAllowedError, TypeError: not here.
    return undefined;
  }
  // Chromium writes into a temporary file and moves it into place on close; abort removes it.
  const file = await handle.createWritable();
  const stream = new WritableStream<Uint8Array>({
    async write(chunk) {
      await file.write(chunk as Uint8Array<ArrayBuffer>);
      release(chunk); // Written: its memory goes back now.
    },
    close: () => file.close(),
    abort: (reason) => file.abort(reason),
  });
  return { kind: "file-system", stream };
}

/** Messages from the download service worker to the page, on the download's own port. */
type WorkerToPage =
  | { type: "registered" }
  | { type: "started" }
  | { type: "pull" }
  | { type: "cancel" };

/** Messages from the page to the download service worker. */
export type PageToWorker =
  | { type: "register"; id: string; name: string; size: number }
  | { type: "keepalive" }
  | { type: "chunk"; chunk: Uint8Array }
  | { type: "close" }
  | { type: "abort"; message: string };

/** The path under the service worker's folder whose requests it answers. */
export const DOWNLOAD_SCOPE = "padlock-download/";

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not happen in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Registers the download service worker and waits until it is active. */
async function activeServiceWorker(url: URL, timeout: number): Promise<ServiceWorker> {
  // Its script is checked against the build's pins first: one that differs is never registered
  // (the download then takes another way).
  await checkWorkerScript(url);
  const registration = await navigator.serviceWorker.register(url.href, {
    scope: new URL(DOWNLOAD_SCOPE, url).href,
  });
  if (registration.active) return registration.active;
  const worker = registration.installing ?? registration.waiting;
  if (!worker) throw new Error("The service worker has no installing version");
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (worker.state === "activated") resolve();
        else if (worker.state === "redundant") reject(new Error("The service worker failed"));
      };
      worker.addEventListener("statechange", check);
      check();
    }),
    timeout,
    "Activating the service worker",
  );
  return registration.active ?? worker;
}

/**
 * Starts a streamed download through the service worker and returns the stream that feeds it,
 * or `undefined` when this is not possible here (no service worker, registration denied, the
 * download did not start).
 */
async function serviceWorkerSink(
  url: URL,
  name: string,
  size: number,
  timeout: number,
): Promise<FileSink | undefined> {
  if (typeof navigator === "undefined" || !navigator.serviceWorker) return undefined;
  if (typeof document === "undefined" || url.origin !== location.origin) return undefined;
  let worker: ServiceWorker;
  try {
    worker = await withTimeout(activeServiceWorker(url, timeout), timeout, "Registering");
  } catch {
    // Denied (private window, third-party storage blocked, no HTTPS) or broken: not here.
    return undefined;
  }
  const id = crypto.randomUUID();
  const channel = new MessageChannel();
  const port = channel.port1;
  let credits = 0;
  let wake: (() => void) | undefined;
  let failure: unknown;
  const events = { registered: () => {}, started: () => {} };
  port.onmessage = (event: MessageEvent<WorkerToPage>) => {
    const message = event.data;
    if (message.type === "registered") events.registered();
    else if (message.type === "started") events.started();
    else if (message.type === "pull") credits++;
    else if (message.type === "cancel") {
      failure = new DOMException("The download was cancelled in the browser", "AbortError");
    }
    wake?.();
  };
  const registered = new Promise<void>((resolve) => events.registered = resolve);
  const started = new Promise<void>((resolve) => events.started = resolve);
  const frame = document.createElement("iframe");
  const finish = () => {
    clearInterval(keepAlive);
    port.close();
    // The frame only carried the request; the download no longer needs it, but removing it
    // at the very moment the last bytes pass could cancel it in some browsers.
    setTimeout(() => frame.remove(), 60_000);
  };
  // A service worker with nothing to do is stopped after about 30 seconds; each message wakes
  // it anew, so a slow download is never cut.
  const keepAlive = setInterval(() => worker.postMessage({ type: "keepalive" }), 10_000);
  try {
    const register: PageToWorker = { type: "register", id, name, size };
    worker.postMessage(register, [channel.port2]);
    await withTimeout(registered, timeout, "Registering the download");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.src = new URL(`${DOWNLOAD_SCOPE}${id}/${encodeURIComponent(name)}`, url).href;
    document.body.append(frame);
    await withTimeout(started, timeout, "Starting the download");
  } catch {
    finish();
    frame.remove();
    return undefined;
  }
  const post = (message: PageToWorker, transfer: Transferable[] = []) =>
    port.postMessage(message, transfer);
  const stream = new WritableStream<Uint8Array>({
    async write(chunk) {
      // One part at a time, when the browser asks for it: memory stays at a part or two.
      while (credits === 0 && failure === undefined) {
        await new Promise<void>((resolve) => wake = resolve);
      }
      if (failure !== undefined) throw failure;
      credits--;
      const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
      const data = whole && chunk.buffer instanceof ArrayBuffer ? chunk : chunk.slice();
      post({ type: "chunk", chunk: data }, [data.buffer as ArrayBuffer]);
    },
    close() {
      post({ type: "close" });
      finish();
    },
    abort(reason) {
      post({ type: "abort", message: reason instanceof Error ? reason.message : String(reason) });
      finish();
    },
  });
  return { kind: "service-worker", stream };
}

/**
 * Chooses how to save one file and returns its sink: the first way of `prefer` that works in
 * this browser and context. Call it at the start of a click handler, before any other `await`:
 * the save dialog of the File System Access API needs the click's user activation.
 *
 * @throws an `AbortError` `DOMException` when the person closes the save dialog.
 * @throws {SinkError} `TOO_LARGE` when only the Blob way works and the file is over its cap;
 *   `UNAVAILABLE` when no way works (e.g. `prefer` is empty, or not in a page).
 * @throws {RangeError} / {TypeError} when an option is invalid.
 */
export async function chooseSink(options: ChooseSinkOptions): Promise<FileSink> {
  const {
    name,
    size,
    prefer = DEFAULT_SINK_ORDER,
    serviceWorkerUrl,
    blobLimit = DEFAULT_BLOB_LIMIT,
    startTimeout = 10_000,
    tooLargeAdvice = DEFAULT_ADVICE,
  } = options;
  if (typeof name !== "string" || name === "") {
    throw new TypeError("name must be a non-empty string");
  }
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`size must be a whole number of bytes: current value is ${size}`);
  }
  const base = typeof location === "undefined" ? undefined : location.href;
  const workerUrl = serviceWorkerUrl === undefined ? undefined : new URL(serviceWorkerUrl, base);
  for (const kind of prefer) {
    if (kind === "file-system") {
      const sink = await fileSystemSink(name);
      if (sink) return sink;
    } else if (kind === "service-worker") {
      if (!workerUrl) continue;
      const sink = await serviceWorkerSink(workerUrl, name, size, startTimeout);
      if (sink) return sink;
    } else if (kind === "blob") {
      if (typeof document === "undefined") continue;
      return createBlobSink({ name, size, limit: blobLimit, tooLargeAdvice });
    }
  }
  throw new SinkError("UNAVAILABLE", `This browser cannot save "${name}" from this page`);
}
