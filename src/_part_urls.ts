/**
 * Private helper of upload.ts and download.ts: a cache of pre-signed part URLs, filled a batch at
 * a time (the service returns up to 25 URLs per call), shared by the transfers running in
 * parallel so that they ask for each batch once.
 *
 * Browser-compatible.
 *
 * @module
 */
import { ApiError, type PartUrl } from "./api.ts";

/** Number of part URLs asked for (and usually returned) per call. */
export const URL_BATCH = 25;

/** Fetches the URLs of a batch starting at `start`. */
export type BatchLoader = (start: number, signal: AbortSignal) => Promise<PartUrl[]>;

/** A cache of part URLs filled by {@linkcode BatchLoader} calls. */
export class PartUrls {
  readonly #load: BatchLoader;
  readonly #lastPart: number;
  readonly #urls = new Map<number, string>();
  readonly #pending = new Set<{ start: number; end: number; done: Promise<void> }>();

  /**
   * @param load asks the service for the batch starting at a part.
   * @param lastPart the number of the file's last part (a batch never reaches past it).
   */
  constructor(load: BatchLoader, lastPart: number) {
    this.#load = load;
    this.#lastPart = lastPart;
  }

  /**
   * The URL of `part`. With `fresh`, the cached URL is not used (it may have expired) and a new
   * batch is fetched from `part` on.
   *
   * @throws {ApiError} when the service fails or returns no URL for the part.
   */
  async get(part: number, signal: AbortSignal, fresh = false): Promise<string> {
    if (!fresh) {
      const cached = this.#urls.get(part);
      if (cached !== undefined) return cached;
      // Another transfer may already be fetching the batch holding this part.
      for (const batch of this.#pending) {
        if (batch.start <= part && part <= batch.end) {
          await batch.done;
          break;
        }
      }
      const joined = this.#urls.get(part);
      if (joined !== undefined) return joined;
    }
    await this.#fetchBatch(part, signal);
    const url = this.#urls.get(part);
    if (url === undefined) {
      throw new ApiError("BAD_RESPONSE", `The server returned no URL for part ${part}`);
    }
    return url;
  }

  async #fetchBatch(start: number, signal: AbortSignal): Promise<void> {
    const end = Math.min(this.#lastPart, start + URL_BATCH - 1);
    const batch = {
      start,
      end,
      done: this.#load(start, signal).then((urls) => {
        for (const { part, url } of urls) this.#urls.set(part, url);
      }),
    };
    this.#pending.add(batch);
    try {
      await batch.done;
    } finally {
      this.#pending.delete(batch);
    }
  }
}
