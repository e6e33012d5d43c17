/**
 * The crypto worker: encrypts and decrypts file parts with `pgp.ts` off the page's main thread,
 * one part at a time, for {@linkcode CryptoPool} of `worker_pool.ts`. It is a module of its own
 * so that build.ts can bundle it as a separate file (`crypto_worker.js` beside each surface's
 * bundle); a page starts it with `new Worker(url, { type: "module" })`.
 *
 * Protocol: once loaded it posts `{ ready: true }`; then for each {@linkcode CryptoRequest} it
 * posts one {@linkcode CryptoReply} with the same `id`. The input arrives transferred and the
 * output is transferred back, so no part is ever copied between the threads. The passphrase
 * comes with every request and is never stored, logged or put in an error.
 *
 * Browser-compatible: runs in browser workers and Deno workers.
 *
 * @module
 */
import { release } from "./_buffers.ts";
import { DecryptError, decryptPart, encryptPart } from "./pgp.ts";
import type { CryptoReply, CryptoRequest, WorkerErrorData } from "./worker_pool.ts";
import { pinWorker } from "./pins_worker.ts";

// The hashes of the chunks OpenPGP.js may import here on demand, written by the build.
pinWorker("__PADLOCK_PINS__", import.meta.url);

/** The part of a dedicated worker's global scope this module uses. */
interface WorkerScope {
  postMessage(message: CryptoReply | { ready: true }, transfer: ArrayBuffer[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<CryptoRequest>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

/** What the page needs to rebuild the error with its own class (see `worker_pool.ts`). */
function describe(error: unknown): WorkerErrorData {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  const failure = error instanceof DecryptError ? error.failure : undefined;
  return { name: error.name, message: error.message, cause, failure };
}

async function handle(request: CryptoRequest): Promise<void> {
  const { id, op, data, passphrase } = request;
  try {
    const output = op === "encrypt"
      ? await encryptPart(data, passphrase)
      : await decryptPart(data, passphrase);
    // The page gets a buffer holding just the result (a decrypted part is a view into a larger
    // one), which it can free as soon as it is done with it.
    const whole = output.byteOffset === 0 && output.byteLength === output.buffer.byteLength;
    const result = whole ? output : output.slice();
    // The input is spent: its memory goes back now, not at the worker's next garbage collection.
    release(data);
    // Transferring the whole buffer is safe: nothing in this worker keeps a reference to it.
    scope.postMessage({ id, ok: true, data: result }, [result.buffer as ArrayBuffer]);
  } catch (error) {
    scope.postMessage({ id, ok: false, error: describe(error) }, []);
  }
}

// A dedicated worker receives messages only from the page that started it (their `origin` and
// `source` are empty), so unlike a window's listener there is nothing to check here.
scope.addEventListener("message", (event) => void handle(event.data));
scope.postMessage({ ready: true }, []);
