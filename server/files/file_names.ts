/**
 * File names as clients send them: `encodeURI(name)` (spec 2.4.1). Decoded with
 * `decodeURIComponent` and refused when a person or a file system could be misled.
 *
 * @module
 */
import { ServiceError } from "../http.ts";

/** Longest decoded name accepted, in characters. */
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * Decodes and checks a file name: refuses invalid percent-encoding, empty names,
 * `.` and `..`, path separators, control characters, bidirectional overrides (which
 * disguise extensions) and names over 255 characters.
 *
 * @throws {ServiceError} `INVALID_FILE_NAME` with the reason.
 *
 * @example
 * ```ts
 * decodeFileName("my%20file%20%C3%A9.txt"); // "my file é.txt"
 * ```
 */
export function decodeFileName(raw: unknown): string {
  if (typeof raw !== "string" || raw === "") {
    throw new ServiceError("INVALID_FILE_NAME", "The file name is missing.");
  }
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new ServiceError("INVALID_FILE_NAME", "The file name is not valid percent-encoding.");
  }
  if (name.trim() === "" || name === "." || name === "..") {
    throw new ServiceError("INVALID_FILE_NAME", "The file name is empty.");
  }
  if (name.length > MAX_FILE_NAME_LENGTH) {
    throw new ServiceError(
      "INVALID_FILE_NAME",
      `The file name is longer than ${MAX_FILE_NAME_LENGTH} characters.`,
    );
  }
  if (/[/\\]/.test(name)) {
    throw new ServiceError("INVALID_FILE_NAME", "The file name contains a path separator.");
  }
  if (/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(name)) {
    throw new ServiceError(
      "INVALID_FILE_NAME",
      "The file name contains control or text-direction characters.",
    );
  }
  return name;
}
