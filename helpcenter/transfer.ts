/**
 * The code that encrypts and uploads, in a chunk of its own: the widget loads it only when the
 * first file is attached (`loadTransfer` in `attachments.ts`), so that the script every Help
 * Center page loads stays small. It brings the drop-zone client, package creation, part
 * encryption (`openpgp`, in a pool of workers) and upload, and finalizing.
 *
 * Browser-compatible: runs in browsers and Deno.
 *
 * @module
 */
import { CryptoPool } from "../src/worker_pool.ts";
import { checkWorkerScript, pinRegistry } from "../src/_pinned.ts";

export { ApiError, SendSafelyClient } from "../src/api.ts";
export {
  createPackage,
  finalizePackage,
  PackageNeedsApprovalError,
  UploadError,
  uploadFile,
} from "../src/upload.ts";

// The hashes of what this chunk can load (the crypto worker, OpenPGP.js's chunks), written by
// the build; the loader pinned this chunk, so its hash covers them.
pinRegistry()?.add("__PADLOCK_PINS__", import.meta.url);

const WORKER_URL = new URL("crypto_worker.js", import.meta.url);

/**
 * Checks the crypto worker's files against their pins; `transfer_pins.ts` calls it before the
 * code is used, so that no key is ever made when one differs.
 *
 * @throws an error named `IntegrityError` when a file differs from the build.
 */
export function checkCode(): Promise<void> {
  return checkWorkerScript(WORKER_URL);
}

let pool: CryptoPool | undefined;

/**
 * The page's pool of encryption workers (`crypto_worker.js`, beside this chunk), started with
 * the first part: parts are encrypted on every core while others upload, and the page stays
 * responsive. Where workers cannot start, the pool encrypts in the page.
 */
export function encryptionPool(): CryptoPool {
  pool ??= new CryptoPool({ workerUrl: WORKER_URL });
  return pool;
}
