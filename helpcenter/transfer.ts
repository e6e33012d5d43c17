/**
 * The code that encrypts and uploads, in a chunk of its own: the widget loads it only when the
 * first file is attached (`loadTransfer` in `attachments.ts`), so that the script every Help
 * Center page loads stays small. It brings the drop-zone client, package creation, part
 * encryption (`openpgp`) and upload, and finalizing.
 *
 * Browser-compatible: runs in browsers and Deno.
 *
 * @module
 */
export { ApiError, SendSafelyClient } from "../src/api.ts";
export { createPackage, finalizePackage, UploadError, uploadFile } from "../src/upload.ts";
