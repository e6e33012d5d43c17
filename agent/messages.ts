/**
 * Turns the errors the sidebar can meet into sentences for the agent, in their language. Never
 * repeats a link or a key: the messages of the core modules are written not to contain them
 * either. The core modules write English; in English their own (more detailed) sentence is
 * shown, in another language the sentence for the error's code.
 *
 * @module
 */
import { ApiError } from "../src/api.ts";
import { DownloadError } from "../src/download.ts";
import { LinkError } from "../src/link.ts";
import { DecryptError } from "../src/pgp.ts";
import { UploadError } from "../src/upload.ts";
import { SinkError } from "../src/sinks.ts";
import en from "./assets/locales/en.json" with { type: "json" };
import { agentLocale, t } from "./strings.ts";
import { isIntegrityError } from "../src/_pinned.ts";

/** Whether `error` is a cancellation (the agent pressed Cancel). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/** The sentence for a link whose key does not open its package, in English. */
export const WRONG_KEY_MESSAGE: string = en["error.wrongKey"];

/** Whether the sidebar speaks English, the language of the core modules' messages. */
function english(): boolean {
  return agentLocale() === "en";
}

/** A sentence for an error met while opening a link or downloading its files. */
export function describeDownloadError(error: unknown): string {
  if (isIntegrityError(error)) return t("guard.integrity");
  if (error instanceof DownloadError) {
    // A refusal by the service reads better in its own words (expired, no access…).
    if (error.code === "SERVER" && error.cause instanceof ApiError) {
      return describeDownloadError(error.cause);
    }
    if (english()) return error.message.endsWith(".") ? error.message : `${error.message}.`;
    switch (error.code) {
      case "WRONG_KEY":
        return t("error.wrongKey");
      case "TAMPERED":
        return t("error.tampered");
      case "NETWORK":
        return t("error.downloadNetwork");
      case "WRITE":
        return t("error.write");
      default:
        return t("error.unknownPlain");
    }
  }
  if (error instanceof DecryptError) return t("error.decrypt");
  if (error instanceof LinkError) {
    return english() ? t("error.damaged", { reason: error.message }) : t("error.damagedLink");
  }
  if (error instanceof ApiError) {
    const code = error.code.toUpperCase();
    if (
      code.includes("EXPIRED") || code === "PACKAGE_DELETED" || code === "ARCHIVED" ||
      code === "UNKNOWN_PACKAGE" || code === "NOT_FOUND"
    ) {
      return t("error.expired");
    }
    if (code === "PERMISSION_DENIED" || code === "NOT_AUTHORIZED" || code === "ACCESS_DENIED") {
      return t("error.denied");
    }
    if (code === "INVALID_CHECKSUM" || code === "CHECKSUM_MISMATCH" || code === "INVALID_KEY") {
      return t("error.wrongKey");
    }
    return describeServiceError(error);
  }
  // Already a sentence saying what to do (a file too large to save in the app's frame).
  if (error instanceof SinkError) {
    return english() ? error.message : t("files.tooLarge", { advice: t("files.tooLargeAdvice") });
  }
  return somethingWrong(error);
}

/** A sentence for a failed call to the service (network, sign-in, refusals). */
export function describeServiceError(error: unknown): string {
  // An upload that gave up says why in its cause (the network, a refusal); Retry resumes it.
  if (error instanceof UploadError && error.cause instanceof ApiError) error = error.cause;
  if (error instanceof ApiError) {
    switch (error.code) {
      case "NETWORK_ERROR":
        return t("error.unreachable");
      case "TIMEOUT":
        return t("error.timeout");
      case "HTTP_ERROR":
        if ((error.status ?? 0) >= 500) return t("error.down", { status: String(error.status) });
        return refused(error);
      case "AUTHENTICATION_FAILED":
        return t("error.signin");
      case "LIMIT_EXCEEDED":
        return t("error.limit");
      case "RATE_LIMITED":
        return t("guard.rateLimited");
      case "STORAGE_FULL":
        return t("guard.storageFull");
      default:
        return refused(error);
    }
  }
  return somethingWrong(error);
}

/** The service's refusal: its own words in English, its code in another language. */
function refused(error: ApiError): string {
  return english()
    ? t("error.refused", { reason: error.message })
    : t("error.refusedCode", { code: error.code });
}

function somethingWrong(error: unknown): string {
  return english()
    ? t("error.unknown", { reason: error instanceof Error ? error.message : String(error) })
    : t("error.unknownPlain");
}
