/// <reference lib="dom" />
/**
 * Saving a decrypted file on the receive page: the sink `downloadFile` writes into, chosen by
 * `chooseSink` of `src/sinks.ts`, and the pool of workers that decrypts the parts.
 *
 * The receive page is a top-level page of the service's origin, where every way of saving
 * works. A streamed download through the service worker comes first: it is an ordinary download
 * (no dialog), and it works for each file of "Download all", while the save dialog of the File
 * System Access API needs a fresh click for each file. That dialog comes next (Chromium browsers
 * where service workers are blocked), then a Blob for files up to its cap (Safari, and browsers
 * without either).
 *
 * @module
 */
import type { FileInfo } from "../src/api.ts";
import { chooseSink, type FileSink, type SinkKind } from "../src/sinks.ts";
import { CryptoPool } from "../src/worker_pool.ts";

/** The ways of saving the receive page tries, best first. */
export const RECEIVE_PAGE_SINKS: readonly SinkKind[] = ["service-worker", "file-system", "blob"];

/** The download service worker, beside the page's script (`dist/portal/download_sw.js`). */
const SERVICE_WORKER_URL = "/assets/download_sw.js";

/** The crypto worker (`dist/portal/crypto_worker.js`). */
const CRYPTO_WORKER_URL = "/assets/crypto_worker.js";

/**
 * Chooses where `file` goes. Call it first in the click handler: the save dialog, when it is
 * the way, needs the click.
 *
 * @throws {SinkError} when the file is too large for the only way that works here.
 * @throws an `AbortError` `DOMException` when the visitor closes the save dialog.
 */
export function chooseFileSink(file: FileInfo): Promise<FileSink> {
  return chooseSink({
    name: file.fileName,
    size: file.fileSize,
    prefer: RECEIVE_PAGE_SINKS,
    serviceWorkerUrl: SERVICE_WORKER_URL,
  });
}

let pool: CryptoPool | undefined;

/** The page's one pool of decryption workers, started with the first download. */
export function decryptionPool(): CryptoPool {
  pool ??= new CryptoPool({ workerUrl: CRYPTO_WORKER_URL });
  return pool;
}
