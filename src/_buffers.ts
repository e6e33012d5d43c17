/**
 * Gives a part's memory back at once. A buffer the code is done with otherwise waits for the
 * garbage collector, and browsers let finished parts pile up: Chromium counted some 90 MB of
 * them in a page during a 1 GiB transfer (`deno task bench`). Detaching the buffer (moving it to
 * a new, empty one with `ArrayBuffer.prototype.transfer`) frees it now.
 *
 * Browser-compatible; where `transfer` is missing (older browsers) nothing happens.
 *
 * @module
 */

/**
 * Frees the memory of `bytes` at once, if `bytes` is the whole of its buffer (a view into a
 * larger buffer is left alone: the rest may be someone else's). `bytes` is empty afterwards.
 */
export function release(bytes: Uint8Array): void {
  const { buffer } = bytes;
  if (!(buffer instanceof ArrayBuffer)) return;
  if (bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength) return;
  (buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0);
}
