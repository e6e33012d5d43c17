/**
 * How code in a chunk reaches the pins of its page or worker (`pins.ts`, `pins_worker.ts`),
 * which only the entry may import (a module shared with the entry would become a chunk the
 * entry imports before it can check it).
 *
 * Browser-compatible: runs in browsers and Deno.
 *
 * @module
 */
import type { PinRegistry } from "./pins.ts";

/** The registry the entry installed, or undefined outside a build. */
export function pinRegistry(): PinRegistry | undefined {
  return (globalThis as Record<symbol, PinRegistry | undefined>)[Symbol.for("padlock.pins")];
}

/**
 * Checks a worker's script (and the chunks it imports) against the pins before it is started.
 *
 * @throws an `IntegrityError` when a file is not pinned or differs.
 */
export async function checkWorkerScript(url: string | URL): Promise<void> {
  const pins = pinRegistry()?.pins;
  if (!pins || pins.size === 0) return; // sources, not a build: nothing is pinned
  const files = new Set<string>();
  const visit = (item: string) => {
    if (files.has(item)) return;
    files.add(item);
    for (const imported of pins.get(item)?.slice(1) ?? []) visit(imported);
  };
  visit(new URL(url, globalThis.location?.href).href);
  await Promise.all([...files].map(async (file) => {
    try {
      // With `integrity`, fetch resolves only once the whole body matched (any other answer,
      // a 404 included, fails); a file without a pin is refused with a TypeError.
      await fetch(file, { integrity: pins.get(file)![0] });
    } catch (cause) {
      throw await refusal(file, cause);
    }
  }));
}

/** Whether `error`, or one of its causes, is the refusal of a script that differs from the build. */
export function isIntegrityError(error: unknown): boolean {
  return error instanceof Error &&
    (error.name === "IntegrityError" || (error.cause !== error && isIntegrityError(error.cause)));
}

/**
 * Why a checked fetch of `url` failed: an error named `IntegrityError` when the file comes
 * without the check (so it differs from the build, or has no pin), else a `TypeError` (the
 * server could not be reached: a failure to retry, not an attack).
 */
export async function refusal(url: string, cause: unknown): Promise<Error> {
  const reachable = await fetch(url).then((response) => response.ok, () => false);
  return reachable
    ? Object.assign(new Error(`${url} differs from the build`, { cause }), {
      name: "IntegrityError",
    })
    : new TypeError(`${url} could not be loaded`, { cause });
}
