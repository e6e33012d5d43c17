/**
 * Private helpers of upload.ts and download.ts: abortable sleep, exponential backoff with jitter,
 * and which failures are worth another attempt.
 *
 * Browser-compatible: timers and `AbortSignal` only.
 *
 * @module
 */
import { ApiError } from "./api.ts";

/**
 * Waits `ms` milliseconds, or rejects with the signal's reason as soon as it aborts.
 *
 * @throws the signal's reason when it aborts.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The delay before retry number `attempt` (1 for the first retry): `base · 2^(attempt-1)`, capped
 * at `max`, with "equal jitter" (a random half of it) so that many clients failing together do
 * not retry in lockstep.
 */
export function backoffDelay(attempt: number, base: number, max = 30_000): number {
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return exponential / 2 + Math.random() * (exponential / 2);
}

/**
 * True for failures another attempt may cure: no connection, no answer in time, a 5xx, 408 or
 * 429 status. A JSON envelope error (`LIMIT_EXCEEDED`, …) is the server's considered answer and
 * is not retried.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === "NETWORK_ERROR" || error.code === "TIMEOUT") return true;
  if (error.code !== "HTTP_ERROR" || error.status === undefined) return false;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

/**
 * True for failures that mean the service cannot be reached at the moment, rather than that it
 * refused: no connection, no answer in time, or a gateway's 502, 503 or 504 (the service behind
 * it is down or restarting). A network outage looks like this; waiting for it is worth it.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === "NETWORK_ERROR" || error.code === "TIMEOUT") return true;
  return error.code === "HTTP_ERROR" && [502, 503, 504].includes(error.status ?? 0);
}

/** A failed transfer that is tried again after a wait (see `onRetry` of uploads and downloads). */
export interface RetryInfo {
  /** The part concerned, 1-based. */
  part: number;
  /** How many times in a row this part has failed. */
  attempt: number;
  /** Milliseconds until the next attempt. */
  delay: number;
  /**
   * True when the service could not be reached at all (see {@linkcode isUnreachable}): the
   * transfer is waiting for the network to come back, and a UI says "Reconnecting…".
   */
  reconnecting: boolean;
  /** The failure, typically an `ApiError`. */
  error: unknown;
}

/** The waits between attempts at a part: {@linkcode RetryOptions}' `retryDelay` and `maxRetryDelay`. */
export interface RetryTiming {
  /** Base of the exponential backoff, in milliseconds. */
  retryDelay: number;
  /** Longest wait between two attempts, in milliseconds. */
  maxRetryDelay: number;
}

/** The waits of uploads and downloads whose caller sets none: 1 s, doubling up to 10 s. */
export const DEFAULT_RETRY_TIMING: Readonly<RetryTiming> = {
  retryDelay: 1000,
  maxRetryDelay: 10_000,
};

/**
 * The global a browser test sets (Playwright's `addInitScript`) to shorten the waits of every
 * transfer in its pages, e.g. `{ retryDelay: 100, maxRetryDelay: 1000 }`: the tests that wait out
 * an outage or let the retries run out then take seconds instead of minutes, with the same
 * attempts (how many, and how long the service is waited for, do not change).
 */
export const RETRY_TIMING_GLOBAL = "padlockRetryTiming";

/**
 * The waits a transfer uses when its caller sets none: {@linkcode DEFAULT_RETRY_TIMING}, each
 * shortened by {@linkcode RETRY_TIMING_GLOBAL} when it holds a whole number of milliseconds
 * from 50 (never a loop of attempts without a pause) to the default (anything else there is
 * ignored: it can never lengthen a wait).
 */
export function defaultRetryTiming(): RetryTiming {
  const set = (globalThis as Record<string, unknown>)[RETRY_TIMING_GLOBAL] as
    | Record<string, unknown>
    | undefined;
  const shorten = (key: keyof RetryTiming): number => {
    const value = set?.[key];
    return typeof value === "number" && Number.isSafeInteger(value) && value >= 50 &&
        value < DEFAULT_RETRY_TIMING[key]
      ? value
      : DEFAULT_RETRY_TIMING[key];
  };
  return { retryDelay: shorten("retryDelay"), maxRetryDelay: shorten("maxRetryDelay") };
}

/** How a transfer waits out failures: the options `UploadOptions` and `DownloadOptions` share. */
export interface RetryOptions {
  /**
   * Base of the exponential backoff between retries, in milliseconds.
   * @default {1000} (shorter when a test sets {@linkcode RETRY_TIMING_GLOBAL})
   */
  retryDelay?: number;
  /**
   * Longest wait between two attempts, in milliseconds: once the network is back, the transfer
   * notices within this time.
   * @default {10000} (shorter when a test sets {@linkcode RETRY_TIMING_GLOBAL})
   */
  maxRetryDelay?: number;
  /**
   * How long a part keeps being tried while the service cannot be reached (no connection, no
   * answer in time, or a gateway's 502/503/504), in milliseconds since it first failed: an
   * outage or a restart of the service this long is waited out, and the transfer goes on with
   * the parts not yet done. 0 gives up on the first such failure.
   * @default {180000}
   */
  reconnectFor?: number;
  /**
   * Called before each wait for another attempt at a part. A UI shows "Reconnecting…" until a
   * part that failed goes through (uploads: `onRecovered`; downloads: the next `onProgress`).
   */
  onRetry?: (retry: RetryInfo) => void;
}

/**
 * True for failures of a transfer to or from a pre-signed URL worth another attempt with a fresh
 * URL: everything {@linkcode isTransient} accepts, plus any other HTTP status, because storage
 * answers 400/403 for a URL whose signature has expired.
 */
export function isTransferFailure(error: unknown): boolean {
  return isTransient(error) || (error instanceof ApiError && error.code === "HTTP_ERROR");
}
