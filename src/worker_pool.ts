/**
 * A pool of Web Workers that encrypt and decrypt file parts (`crypto_worker.ts`), so that the
 * page stays responsive while a large file is transferred and every core works on it.
 *
 * Hand its `encrypt` and `decrypt` to `uploadFile` and `downloadFile` (they take a pluggable part
 * encryptor and decryptor) together with its `concurrency`: parts then are encrypted on all
 * workers while earlier parts are on the network, and download.ts still writes them in order.
 * Parts travel to and from the workers as transferred buffers, never copied.
 *
 * Workers start on demand, up to `size`. Where they cannot start at all (no `Worker`, no worker
 * URL, a Content Security Policy that forbids them, a script that fails to load) the pool runs
 * the same `pgp.ts` functions in this thread instead, so a page works everywhere, only slower.
 * A decryption failure in a worker reaches the caller as the same {@linkcode DecryptError} that
 * `decryptPart` throws, with its cause's message kept.
 *
 * Browser-compatible: runs in browsers and in Deno (whose workers are Web Workers too).
 *
 * @example
 * ```ts ignore
 * import { CryptoPool } from "./worker_pool.ts";
 * import { uploadFile } from "./upload.ts";
 * const pool = new CryptoPool({ workerUrl: new URL("crypto_worker.js", import.meta.url) });
 * await uploadFile(client, pkg, file, {
 *   name: "report.pdf",
 *   encrypt: pool.encrypt,
 *   concurrency: pool.concurrency,
 * });
 * pool.close();
 * ```
 *
 * @module
 */
import { DecryptError, type DecryptFailure } from "./_decrypt_error.ts";
import { checkWorkerScript, pinRegistry } from "./_pinned.ts";

/** Most workers a pool starts by default, whatever the number of cores. */
export const MAX_POOL_SIZE = 4;

/** What a pool does with a part. */
export type CryptoOperation = "encrypt" | "decrypt";

/** A request to the crypto worker (the input's buffer is transferred with it). */
export interface CryptoRequest {
  /** Matches the reply to the request. */
  id: number;
  /** What to do. */
  op: CryptoOperation;
  /** Plaintext to encrypt or ciphertext to decrypt. */
  data: Uint8Array;
  /** The package passphrase. */
  passphrase: string;
}

/** An error as the worker reports it: enough to rebuild it with its own class. */
export interface WorkerErrorData {
  /** The error's `name`, e.g. `"DecryptError"`. */
  name: string;
  /** Its message (never holds key material). */
  message: string;
  /** Its cause's message, when it had one. */
  cause?: string;
  /** A `DecryptError`'s `failure`: which check refused the data. */
  failure?: DecryptFailure;
}

/** The crypto worker's answer to one {@linkcode CryptoRequest}. */
export type CryptoReply =
  | { id: number; ok: true; data: Uint8Array }
  | { id: number; ok: false; error: WorkerErrorData };

/** Where a pool's crypto runs. */
export type CryptoPoolMode =
  /** No part was handled yet and no worker has answered. */
  | "starting"
  /** In workers. */
  | "workers"
  /** In this thread, because no worker could be started. */
  | "in-thread";

/** Options of {@linkcode CryptoPool}. */
export interface CryptoPoolOptions {
  /**
   * URL of the built crypto worker (`crypto_worker.js`, or `src/crypto_worker.ts` in Deno).
   * A URL on another origin is loaded through a small module worker of this origin that imports
   * it (the script must then be served with CORS). Without a URL, crypto runs in this thread.
   */
  workerUrl?: string | URL;
  /**
   * Most workers to run at once.
   * @default {defaultPoolSize()}
   */
  size?: number;
  /**
   * Milliseconds a new worker has to load and say it is ready before it is given up.
   * @default {15000}
   */
  startTimeout?: number;
}

/** Options of one {@linkcode CryptoPool.encrypt} or {@linkcode CryptoPool.decrypt} call. */
export interface CryptoCallOptions {
  /** Drops the part: it is taken off the queue, or its result is discarded when it comes. */
  signal?: AbortSignal;
}

/** A worker stopped (crashed, or could not read a message) while it handled a part. */
export class CryptoWorkerError extends Error {
  /**
   * Creates the error.
   *
   * @param message what happened, in words a person can read.
   * @param options the underlying error event or error.
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CryptoWorkerError";
  }
}

/**
 * The default number of workers: the number of logical cores the browser reports, at least 1
 * and at most {@linkcode MAX_POOL_SIZE} (beyond that the network, not the CPU, is the limit,
 * and each worker holds its own copy of OpenPGP.js).
 */
export function defaultPoolSize(): number {
  const cores = typeof navigator === "undefined" ? 1 : navigator.hardwareConcurrency;
  return Math.max(1, Math.min(MAX_POOL_SIZE, Number.isSafeInteger(cores) ? cores : 1));
}

interface Job {
  id: number;
  op: CryptoOperation;
  data: Uint8Array;
  passphrase: string;
  resolve(value: Uint8Array): void;
  reject(reason: unknown): void;
  /** Set once the job was settled (e.g. aborted while a worker still works on it). */
  settled: boolean;
  cleanup(): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  /** Stops the slot's start timer and drops its temporary script URL. */
  started(): void;
}

/** The part of `pgp.ts` the in-thread fallback uses. */
type InThreadCrypto = Record<
  "encryptPart" | "decryptPart",
  (data: Uint8Array, passphrase: string) => Promise<Uint8Array>
>;

function closedError(): DOMException {
  return new DOMException("The crypto pool was closed", "AbortError");
}

/** Rebuilds a worker's error with the class the same failure has in this thread. */
function rebuildError(data: WorkerErrorData): Error {
  const options = data.cause === undefined ? undefined : { cause: new Error(data.cause) };
  switch (data.name) {
    case "DecryptError":
      return new DecryptError(data.message, { ...options, failure: data.failure });
    case "TypeError":
      return new TypeError(data.message, options);
    case "RangeError":
      return new RangeError(data.message, options);
    default: {
      const error = new Error(data.message, options);
      error.name = data.name;
      return error;
    }
  }
}

/**
 * The bytes to send to a worker and the buffer to transfer with them. A view that covers its
 * whole buffer goes as it is (the caller's view is emptied: the buffer now belongs to the
 * worker); a view into a larger buffer is copied first, since transferring would take the whole
 * buffer from its owner, and cloning it would copy all of it anyway.
 */
function transferable(data: Uint8Array): [Uint8Array, ArrayBuffer] {
  const { buffer } = data;
  if (
    buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === buffer.byteLength
  ) {
    return [data, buffer];
  }
  const copy = data.slice();
  return [copy, copy.buffer];
}

/**
 * Encrypts and decrypts parts in a pool of Web Workers, falling back to this thread where
 * workers cannot run. `encrypt` and `decrypt` are bound functions, ready to hand to
 * `uploadFile` and `downloadFile`.
 */
export class CryptoPool {
  /** Most workers this pool runs at once. */
  readonly size: number;
  /**
   * How many parts a transfer should keep in flight so that every worker is busy while other
   * parts are being read, sent or received: `size + 2`. Pass it as `concurrency` to
   * `uploadFile` and `downloadFile`; memory holds about that many parts.
   */
  readonly concurrency: number;
  readonly #workerUrl?: URL;
  readonly #startTimeout: number;
  #slots: Slot[] = [];
  #queue: Job[] = [];
  #mode: CryptoPoolMode = "starting";
  #closed = false;
  #nextId = 1;
  /** Lowered when a worker fails to start while others run, so the pool stops trying. */
  #limit: number;
  #inThread?: Promise<InThreadCrypto>;
  #modeWaiters: ((mode: CryptoPoolMode) => void)[] = [];
  /** The worker's files checked against the build's pins (`pins.ts`), once. */
  #checked?: Promise<void>;

  /**
   * Creates a pool; no worker starts before the first part.
   *
   * @throws {RangeError} when `size` or `startTimeout` is not a positive integer.
   * @throws {TypeError} when `workerUrl` is not a valid URL.
   */
  constructor(options: CryptoPoolOptions = {}) {
    const { workerUrl, size = defaultPoolSize(), startTimeout = 15_000 } = options;
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new RangeError(`size must be a positive integer: current value is ${size}`);
    }
    if (!Number.isSafeInteger(startTimeout) || startTimeout < 1) {
      throw new RangeError(
        `startTimeout must be a positive integer: current value is ${startTimeout}`,
      );
    }
    this.size = size;
    this.#limit = size;
    this.concurrency = size + 2;
    this.#startTimeout = startTimeout;
    const base = typeof location === "undefined" ? undefined : location.href;
    this.#workerUrl = workerUrl === undefined ? undefined : new URL(workerUrl, base);
    if (this.#workerUrl === undefined || typeof Worker === "undefined") this.#mode = "in-thread";
  }

  /** Where the crypto runs now; `"starting"` until the first worker answered or failed. */
  get mode(): CryptoPoolMode {
    return this.#mode;
  }

  /** Workers running or starting now (they start on demand, up to `size`). */
  get workerCount(): number {
    return this.#slots.length;
  }

  /**
   * Checks the worker's script and the chunks it imports against the hashes the build pinned
   * (`pins.ts`), once, without starting a worker: call it before asking anything of the user
   * (a save dialog, a package) so that a refusal comes first. Resolves at once outside a build.
   *
   * @throws an error named `IntegrityError` when a file differs from the build.
   */
  async checkCode(): Promise<void> {
    await this.#check();
  }

  /**
   * Starts one worker (if none runs yet) and tells where the crypto will run.
   *
   * @returns `"workers"` or `"in-thread"`.
   */
  async ready(): Promise<CryptoPoolMode> {
    await this.#check();
    if (this.#mode !== "starting") return this.#mode;
    const waiting = new Promise<CryptoPoolMode>((resolve) => this.#modeWaiters.push(resolve));
    if (this.#slots.length === 0 && !this.#closed) this.#spawn();
    return waiting;
  }

  /**
   * Encrypts one part as `encryptPart` of `pgp.ts` does, in a worker.
   *
   * The pool takes the part's buffer: after the call `plain` is empty (its buffer was
   * transferred to the worker), unless `plain` is a view into a larger buffer, which is copied.
   *
   * @returns the binary OpenPGP message.
   * @throws {TypeError} when the passphrase is empty.
   * @throws {CryptoWorkerError} when the worker stopped while encrypting.
   * @throws an error named `IntegrityError` when the worker's code differs from the build's pins
   *   (see {@linkcode CryptoPool.checkCode}).
   * @throws an `AbortError` `DOMException` when the pool is closed, or the signal's reason.
   */
  readonly encrypt = (
    plain: Uint8Array,
    passphrase: string,
    options?: CryptoCallOptions,
  ): Promise<Uint8Array> => this.#run("encrypt", plain, passphrase, options);

  /**
   * Decrypts one part as `decryptPart` of `pgp.ts` does, in a worker: the plaintext comes back
   * only after its integrity check passed. Takes the buffer of `cipher` as
   * {@linkcode CryptoPool.encrypt} takes that of `plain`.
   *
   * @returns the plaintext of the part.
   * @throws {DecryptError} when the key is wrong or the data is damaged, modified or not an
   *   OpenPGP message, with the same message and cause message as in this thread.
   * @throws {TypeError} when the passphrase is empty.
   * @throws {CryptoWorkerError} when the worker stopped while decrypting.
   * @throws an error named `IntegrityError` when the worker's code differs from the build's pins
   *   (see {@linkcode CryptoPool.checkCode}).
   * @throws an `AbortError` `DOMException` when the pool is closed, or the signal's reason.
   */
  readonly decrypt = (
    cipher: Uint8Array,
    passphrase: string,
    options?: CryptoCallOptions,
  ): Promise<Uint8Array> => this.#run("decrypt", cipher, passphrase, options);

  /**
   * Stops every worker. Parts waiting or in progress reject with an `AbortError`
   * `DOMException`, and so does every later call.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const slot of this.#slots) {
      slot.started();
      slot.worker.terminate();
      if (slot.job) this.#settle(slot.job, closedError());
    }
    this.#slots = [];
    for (const job of this.#queue.splice(0)) this.#settle(job, closedError());
    this.#setMode(this.#mode === "starting" ? "in-thread" : this.#mode);
  }

  /**
   * Checks the worker's script and its chunks against the pins of the build, once: a worker
   * whose code differs never starts, and no part is handled (not even in this thread), since
   * the host that changed it cannot be trusted with the rest either.
   */
  #check(): Promise<void> | undefined {
    // Nothing to check outside a build (no pins): the calls then stay synchronous up to the
    // queue, as without pins.
    if (this.#workerUrl === undefined || !pinRegistry()?.pins.size) return undefined;
    this.#checked ??= checkWorkerScript(this.#workerUrl);
    return this.#checked;
  }

  #run(
    op: CryptoOperation,
    data: Uint8Array,
    passphrase: string,
    options: CryptoCallOptions = {},
  ): Promise<Uint8Array> {
    const checking = this.#check();
    if (!checking) return this.#runChecked(op, data, passphrase, options);
    return checking.then(() => this.#runChecked(op, data, passphrase, options));
  }

  #runChecked(
    op: CryptoOperation,
    data: Uint8Array,
    passphrase: string,
    options: CryptoCallOptions,
  ): Promise<Uint8Array> {
    const { signal } = options;
    if (this.#closed) return Promise.reject(closedError());
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!(data instanceof Uint8Array)) {
      return Promise.reject(new TypeError(`The part to ${op} must be a Uint8Array`));
    }
    if (typeof passphrase !== "string" || passphrase === "") {
      return Promise.reject(new TypeError("The passphrase must be a non-empty string"));
    }
    if (this.#mode === "in-thread") return this.#runInThread(op, data, passphrase);
    return new Promise<Uint8Array>((resolve, reject) => {
      const onAbort = () => {
        const queued = this.#queue.indexOf(job);
        if (queued >= 0) this.#queue.splice(queued, 1);
        this.#settle(job, signal!.reason);
      };
      const job: Job = {
        id: this.#nextId++,
        op,
        data,
        passphrase,
        resolve,
        reject,
        settled: false,
        cleanup: () => signal?.removeEventListener("abort", onAbort),
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#queue.push(job);
      this.#pump();
    });
  }

  async #runInThread(
    op: CryptoOperation,
    data: Uint8Array,
    passphrase: string,
  ): Promise<Uint8Array> {
    // Loaded only when needed: a page whose parts all go to workers never runs OpenPGP.js itself.
    this.#inThread ??= import("./pgp.ts");
    const pgp = await this.#inThread;
    return op === "encrypt"
      ? await pgp.encryptPart(data, passphrase)
      : await pgp.decryptPart(data, passphrase);
  }

  /** Hands queued parts to idle workers, starting workers while there is work and room. */
  #pump(): void {
    if (this.#mode === "in-thread") {
      for (const job of this.#queue.splice(0)) {
        this.#runInThread(job.op, job.data, job.passphrase).then(
          (result) => this.#settle(job, undefined, result),
          (error) => this.#settle(job, error),
        );
      }
      return;
    }
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (slot.ready && !slot.job) this.#send(slot, this.#queue.shift()!);
    }
    const starting = this.#slots.filter((slot) => !slot.ready).length;
    let wanted = Math.min(this.#queue.length - starting, this.#limit - this.#slots.length);
    while (wanted-- > 0) this.#spawn();
  }

  #send(slot: Slot, job: Job): void {
    slot.job = job;
    const [data, buffer] = transferable(job.data);
    job.data = new Uint8Array(0);
    const request: CryptoRequest = { id: job.id, op: job.op, data, passphrase: job.passphrase };
    slot.worker.postMessage(request, [buffer]);
  }

  #spawn(): void {
    let worker: Worker;
    let blobUrl: string | undefined;
    try {
      const url = this.#workerUrl!;
      if (typeof location !== "undefined" && url.origin !== location.origin) {
        // A worker must come from the page's origin; one of this origin may import a module
        // from another (when that origin allows it with CORS).
        const source = `import ${JSON.stringify(url.href)};`;
        blobUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
        worker = new Worker(blobUrl, { type: "module", name: "padlock-crypto" });
      } else {
        worker = new Worker(url.href, { type: "module", name: "padlock-crypto" });
      }
    } catch (cause) {
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      this.#startFailed(cause);
      return;
    }
    const timer = setTimeout(
      () => fail(new Error(`The crypto worker did not start in ${this.#startTimeout} ms`)),
      this.#startTimeout,
    );
    const started = () => {
      clearTimeout(timer);
      if (blobUrl) URL.revokeObjectURL(blobUrl);
      blobUrl = undefined;
    };
    const slot: Slot = { worker, ready: false, started };
    this.#slots.push(slot);
    const fail = (cause: unknown) => {
      started();
      worker.terminate();
      const index = this.#slots.indexOf(slot);
      if (index < 0) return; // Already removed (the pool was closed).
      this.#slots.splice(index, 1);
      if (slot.ready) {
        // It crashed while working: its part fails, the next part gets a fresh worker.
        if (slot.job) {
          this.#settle(
            slot.job,
            new CryptoWorkerError("The encryption worker stopped unexpectedly", { cause }),
          );
        }
        this.#pump();
      } else {
        this.#startFailed(cause);
      }
    };
    worker.addEventListener("message", (event: MessageEvent) => {
      const message = event.data as CryptoReply | { ready: true };
      if ("ready" in message) {
        started();
        slot.ready = true;
        this.#setMode("workers");
        this.#pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      slot.job = undefined;
      if (message.ok) this.#settle(job, undefined, message.data);
      else this.#settle(job, rebuildError(message.error));
      this.#pump();
    });
    worker.addEventListener("error", (event: Event) => {
      event.preventDefault();
      fail((event as ErrorEvent).message ? new Error((event as ErrorEvent).message) : event);
    });
    worker.addEventListener("messageerror", (event: Event) => fail(event));
  }

  /** A worker could not start: give up on workers if none ever ran, else stop growing. */
  #startFailed(cause: unknown): void {
    if (this.#mode === "workers" && this.#slots.some((slot) => slot.ready)) {
      this.#limit = Math.max(1, this.#slots.length);
      this.#pump();
      return;
    }
    if (this.#slots.length > 0) return; // Others are still starting; they decide.
    void cause; // Kept by the debugger only: the fallback makes the failure harmless.
    this.#setMode("in-thread");
    this.#pump();
  }

  #setMode(mode: CryptoPoolMode): void {
    this.#mode = mode;
    if (mode === "starting") return;
    for (const resolve of this.#modeWaiters.splice(0)) resolve(mode);
  }

  #settle(job: Job, error?: unknown, result?: Uint8Array): void {
    if (job.settled) return;
    job.settled = true;
    job.cleanup();
    if (error === undefined) job.resolve(result!);
    else job.reject(error);
  }
}
