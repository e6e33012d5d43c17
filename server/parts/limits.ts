/**
 * How many ciphertext bytes a file's parts may hold: shared by the part URLs (checked as the bytes
 * arrive) and by the check of parts uploaded straight to the bucket (checked afterwards).
 *
 * @module
 */
import type { FileRecord } from "../files/repository.ts";

/** Ciphertext allowed per part on top of the declared plaintext size (OpenPGP adds 107 bytes). */
export const PER_PART_ALLOWANCE = 16_384;

/** Most ciphertext bytes all parts of a file may hold together. */
export function fileByteAllowance(file: FileRecord): number {
  return file.size + file.parts * PER_PART_ALLOWANCE;
}
