/**
 * Pinned loading inside the crypto worker: the chunks OpenPGP.js imports on demand (legacy
 * ciphers, hashes WebCrypto lacks, bzip2) run only when their SHA-384 is the one the build wrote
 * into the worker. A worker has no `<link rel="modulepreload">`, so each chunk is fetched with
 * `fetch(…, { integrity })` before it is imported. The page checked the worker's own script and
 * the chunks it imports statically before starting it (`pins.ts`).
 *
 * The same job as `pins.ts` for a page, written apart because the worker entry and the page's
 * entry are built together: a module both imported would become a shared chunk, which the page's
 * entry would load before it could check it. (`_pinned.ts`, which the page's entry does not
 * import, may be shared.)
 *
 * Browser-compatible: runs in browser workers and Deno workers.
 *
 * @module
 */
import { refusal } from "./_pinned.ts";

/** Installs the worker's pins (the placeholder the build replaces) and its registry. */
export function pinWorker(text: string, base: string): void {
  if (!text.startsWith("{")) return; // the placeholder: sources, not a build
  const pins = new Map<string, string[]>();
  for (const [name, [integrity]] of Object.entries(JSON.parse(text) as Record<string, string[]>)) {
    pins.set(new URL(name, base).href, [integrity]);
  }
  (globalThis as Record<symbol, unknown>)[Symbol.for("padlock.pins")] = {
    pins,
    async import(specifier: string, from: string): Promise<unknown> {
      const url = new URL(specifier, from).href;
      try {
        // With `integrity`, fetch resolves only once the whole body matched; a file without a
        // pin fails with a TypeError here.
        await fetch(url, { integrity: pins.get(url)![0] });
      } catch (cause) {
        throw await refusal(url, cause);
      }
      return await import(url);
    },
    add() {},
  };
}
