/// <reference lib="dom" />
/**
 * Saving a decrypted file from the browser: a `WritableStream` that gathers the plaintext into a
 * `Blob` part by part (the browser keeps blob data outside the script's memory, on disk when it
 * is large), then a download of that blob under the file's own name.
 *
 * @module
 */

/** A sink for `downloadFile` that builds a Blob. */
export class BlobSink {
  #blob = new Blob([]);
  #closed = false;
  /** The stream to hand to `downloadFile`. */
  readonly stream: WritableStream<Uint8Array>;

  /** Creates an empty sink. */
  constructor() {
    this.stream = new WritableStream<Uint8Array>({
      write: (chunk) => {
        // Folding each part into the blob lets the part's bytes be collected at once.
        this.#blob = new Blob([this.#blob, chunk as Uint8Array<ArrayBuffer>]);
      },
      close: () => {
        this.#closed = true;
      },
      abort: () => {
        this.#blob = new Blob([]);
      },
    });
  }

  /**
   * The whole file, once the stream closed.
   *
   * @throws {Error} when the download did not finish.
   */
  blob(): Blob {
    if (!this.#closed) throw new Error("The file is not complete.");
    return this.#blob;
  }
}

/** Makes the browser save `blob` as `name` (its downloads folder, or its save dialog). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  // The browser strips path separators and reserved characters from the name.
  link.download = name;
  link.rel = "noopener";
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
