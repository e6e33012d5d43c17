/**
 * Turns the errors the sidebar can meet into sentences for the agent. Never repeats a link or a
 * key: the messages of the core modules are written not to contain them either.
 *
 * @module
 */
import { ApiError } from "../src/api.ts";
import { DownloadError } from "../src/download.ts";
import { LinkError } from "../src/link.ts";
import { DecryptError } from "../src/pgp.ts";
import { UploadError } from "../src/upload.ts";
import { SinkError } from "../src/sinks.ts";
import { INTEGRITY_MESSAGE, isIntegrityError } from "../src/_pinned.ts";

/** Whether `error` is a cancellation (the agent pressed Cancel). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/** The sentence for a link whose key does not open its package. */
export const WRONG_KEY_MESSAGE: string =
  "The key in this link is wrong: the link was cut short or " +
  "changed. Ask the sender for the whole link again.";

/** A sentence for an error met while opening a link or downloading its files. */
export function describeDownloadError(error: unknown): string {
  if (isIntegrityError(error)) return INTEGRITY_MESSAGE;
  if (error instanceof DownloadError) {
    // A refusal by the service reads better in its own words (expired, no access…).
    if (error.code === "SERVER" && error.cause instanceof ApiError) {
      return describeDownloadError(error.cause);
    }
    return error.message.endsWith(".") ? error.message : `${error.message}.`;
  }
  if (error instanceof DecryptError) {
    return "These files could not be decrypted: the key in this link is wrong or the link was " +
      "changed. Ask the sender for the link again.";
  }
  if (error instanceof LinkError) return `This link is damaged: ${error.message}.`;
  if (error instanceof ApiError) {
    const code = error.code.toUpperCase();
    if (
      code.includes("EXPIRED") || code === "PACKAGE_DELETED" || code === "ARCHIVED" ||
      code === "UNKNOWN_PACKAGE" || code === "NOT_FOUND"
    ) {
      return "This package has expired or was deleted. Ask the sender to send the files again.";
    }
    if (code === "PERMISSION_DENIED" || code === "NOT_AUTHORIZED" || code === "ACCESS_DENIED") {
      return "You may not open this link: only its sender and its recipients can. " +
        "Ask the sender to add you as a recipient.";
    }
    if (code === "INVALID_CHECKSUM" || code === "CHECKSUM_MISMATCH" || code === "INVALID_KEY") {
      return WRONG_KEY_MESSAGE;
    }
    return describeServiceError(error);
  }
  // Already a sentence saying what to do (a file too large to save in the app's frame).
  if (error instanceof SinkError) return error.message;
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}

/** A sentence for a failed call to the service (network, sign-in, refusals). */
export function describeServiceError(error: unknown): string {
  // An upload that gave up says why in its cause (the network, a refusal); Retry resumes it.
  if (error instanceof UploadError && error.cause instanceof ApiError) error = error.cause;
  if (error instanceof ApiError) {
    switch (error.code) {
      case "NETWORK_ERROR":
        return "The Padlock service could not be reached. Check your connection and try again.";
      case "TIMEOUT":
        return "The Padlock service took too long to answer. Try again.";
      case "HTTP_ERROR":
        if ((error.status ?? 0) >= 500) {
          return `The Padlock service is not answering (HTTP ${error.status}). Try again.`;
        }
        return `The Padlock service refused: ${error.message}`;
      case "AUTHENTICATION_FAILED":
        return "Your Padlock sign-in is no longer valid. Sign in again.";
      case "LIMIT_EXCEEDED":
        return "This is more than the Padlock service accepts (file size or count).";
      default:
        return `The Padlock service refused: ${error.message}`;
    }
  }
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}
