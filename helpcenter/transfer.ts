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
import type { SendSafelyClient } from "../src/api.ts";
import { type FileRules, refuseFile } from "../src/dropzone_rules.ts";
import type { size as formatSize, t as translate } from "./strings.ts";

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

const rulesOf = new WeakMap<SendSafelyClient, Promise<FileRules | undefined>>();

/**
 * Checks a file against the rules of the client's dropzone (`GET /dropzone/rules/`, read once),
 * so that a file the dropzone does not take is refused before anything is encrypted. Words come
 * from the loader (`t`, `size`): this chunk carries none.
 *
 * @returns why the file is refused, in the widget's language; `undefined` when it may go, or
 *   when the rules cannot be read (the service refuses such a file all the same).
 */
export async function dropzoneRefusal(
  client: SendSafelyClient,
  file: { name: string; size: number },
  t: typeof translate,
  size: typeof formatSize,
): Promise<string | undefined> {
  let rules = rulesOf.get(client);
  if (!rules) {
    rules = client.request("GET", "/dropzone/rules/").then(
      ({ allowedExtensions, maxFileBytes }) =>
        Array.isArray(allowedExtensions) && typeof maxFileBytes === "number"
          ? { allowedExtensions: allowedExtensions.map(String), maxFileBytes }
          : undefined,
      () => {
        // A service without the rules (or out of reach now): asked again with the next file.
        rulesOf.delete(client);
        return undefined;
      },
    );
    rulesOf.set(client, rules);
  }
  const found = await rules;
  const refusal = found && refuseFile(found, file.name, file.size);
  if (refusal?.kind === "extension") {
    return t("dropzoneRules.extension", {
      extensions: refusal.allowed.map((extension) => `.${extension}`).join(t("list.separator")),
    });
  }
  if (refusal?.kind === "size") {
    return t("dropzoneRules.size", { size: size(refusal.maxFileBytes) });
  }
  return undefined;
}
