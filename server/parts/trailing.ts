/**
 * The trailing empty part of the official SendSafely Node SDK.
 *
 * The SDK declares `parts = ceil(size / 2,621,440)` (at least 1), but its file reader only
 * learns that the file has ended on the read after the last full segment. For a file whose size
 * is an exact multiple of 2,621,440 bytes it therefore encrypts and uploads one more segment,
 * empty, as part `parts + 1`, after the last declared part (and after calling `upload-complete`
 * for it, so this part can arrive after the package is finalized). SendSafely's own service
 * hands out a URL for it and accepts it (the SDK reports an upload error otherwise) but never
 * counts or serves it: downloads, its own SDK's included, use the declared `parts`.
 *
 * Padlock does the same: it issues the URL on request, answers the upload with success, and
 * keeps nothing, so the file's parts, its completeness and every download stay as declared.
 * Only a body no larger than an OpenPGP message of nothing can be taken for it (the SDK's is 99
 * bytes); anything over {@linkcode TRAILING_PART_MAX_BYTES} is refused, never dropped.
 *
 * @module
 */
import { ServiceError } from "../http.ts";

/**
 * Most bytes a trailing part may have. An OpenPGP message of an empty plaintext is 99 bytes with
 * the SDK's settings (openpgp 6.3), 71 from GnuPG, 413 with AEAD and a 255-byte literal file
 * name; 1 KiB holds any of them and no file's real data beyond a few hundred bytes.
 */
export const TRAILING_PART_MAX_BYTES = 1024;

/** Tells whether `part` is the one past a file's last declared part. */
export function isTrailingPart(file: { parts: number }, part: number): boolean {
  return part === file.parts + 1;
}

/**
 * Checks the size of a trailing part's body before it is dropped.
 *
 * @throws {ServiceError} `LIMIT_EXCEEDED` (status 413) when it is larger than an empty segment
 *   can be: it then holds data, and the file declared too few parts for it.
 */
export function checkTrailingPartSize(size: number): void {
  if (size > TRAILING_PART_MAX_BYTES) {
    throw new ServiceError(
      "LIMIT_EXCEEDED",
      `Only an empty segment (at most ${TRAILING_PART_MAX_BYTES} bytes of ciphertext) may follow ` +
        "a file's last declared part; this one holds data: declare it in the file's parts.",
      { status: 413 },
    );
  }
}
