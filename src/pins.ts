/// <reference lib="dom" />
/**
 * Pinned loading for a page: every script a bundle loads after its entry (a chunk imported on
 * demand, a worker, a service worker) runs only when its SHA-384 is the one the build wrote into
 * the file that loads it. The entry calls {@linkcode pin} first with its pins (the build
 * replaces the placeholder string with them); from then on:
 *
 * - a dynamic `import()` of a chunk (the build rewrites each one into a call of the registry this
 *   module installs on `globalThis`) first preloads the chunk and the chunks it imports, leaves
 *   first, each with `<link rel="modulepreload" integrity>`: the browser checks the hash and puts
 *   the module into the page's module map, where the `import()` finds it. A mismatch fails the
 *   preload, and the import is never made. Browsers without `modulepreload` (Safari before 17)
 *   are refused: there is nothing they would check.
 * - a worker or service worker script (and the chunks it imports) is fetched with
 *   `fetch(…, { integrity })` by `checkWorkerScript` of `_pinned.ts` before it is started:
 *   browsers have no `integrity` for workers.
 *
 * A file that is not pinned is refused like one whose hash differs (an error named
 * `IntegrityError`); a file that cannot be fetched at all (the server is down) fails with a
 * `TypeError` instead, and is tried again on the next import.
 * Outside a build (the sources run in Deno) the placeholder is left as it is and nothing is
 * checked.
 *
 * This module must only be imported by the entry of a page: a module shared with the chunks
 * would become a chunk of its own, which the entry would import before it could check it.
 * Chunks reach the registry through `globalThis[Symbol.for("padlock.pins")]`.
 *
 * Browser-only (it uses `document`).
 *
 * @module
 */

/** The registry a bundle's code reaches through `globalThis[Symbol.for("padlock.pins")]`. */
export interface PinRegistry {
  /** Pinned URL → `[integrity, ...URLs of the chunks it imports statically]`. */
  pins: Map<string, string[]>;
  /** Imports a chunk, relative to `base`, once its hash and its imports' hashes are checked. */
  import(specifier: string, base: string): Promise<unknown>;
  /** Adds pins written into a chunk (JSON text), relative to `base`. */
  add(pins: string, base: string): void;
}

const KEY = Symbol.for("padlock.pins");

const pins = new Map<string, string[]>();
const preloads = new Map<string, Promise<unknown>>();

function add(text: string, base: string): void {
  if (text[0] !== "{") return; // the placeholder: sources, not a build
  for (const [name, [integrity, ...imports]] of Object.entries<string[]>(JSON.parse(text))) {
    pins.set(new URL(name, base).href, [
      integrity,
      ...imports.map((item) => new URL(item, base).href),
    ]);
  }
}

function preload(url: string): Promise<unknown> {
  let done = preloads.get(url);
  if (!done) {
    preloads.set(
      url,
      done = (async () => {
        // Not pinned: a TypeError here, refused below.
        const [integrity, ...imports] = pins.get(url)!;
        // Leaves first: a module in the map is never fetched again, so each is checked there
        // before anything that imports it is preloaded.
        await Promise.all(imports.map(preload));
        const link = document.createElement("link");
        // A browser without modulepreload would neither load nor fail the link: refused.
        if (!link.relList.supports("modulepreload")) throw 0;
        await new Promise((onload, onerror) =>
          document.head.append(Object.assign(link, {
            rel: "modulepreload",
            href: url,
            integrity,
            // No `crossOrigin`: a module preload without it is fetched as module scripts are
            // (CORS, credentials for the same origin only), which is what the imports expect.
            onload,
            onerror,
          }))
        );
      })().catch(async () => {
        // Tried again on the next import (the service may come back).
        preloads.delete(url);
        // A preload fails alike for a changed file and an unreachable one: asked again without
        // the check, a file that comes is the changed one. Named, not a class: the chunks
        // recognise the error by its name.
        // (No cause: the preload's is a bare event.)
        throw await fetch(url).then((response) => response.ok, () => false)
          ? Object.assign(new Error(url), { name: "IntegrityError" })
          : new TypeError(url);
      }),
    );
  }
  return done;
}

/**
 * Installs the pins of a page's entry and the registry its chunks use. Call it first in the
 * entry module, with the placeholder string the build replaces and `import.meta.url`.
 */
export function pin(text: string, base: string): void {
  add(text, base);
  (globalThis as Record<symbol, PinRegistry>)[KEY] ??= {
    pins,
    add,
    async import(specifier, from) {
      const url = new URL(specifier, from).href;
      await preload(url);
      return await import(url);
    },
  };
}
