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
    const integrity = pins.get(file)?.[0];
    try {
      if (!integrity) throw new Error("not pinned");
      const response = await fetch(file, { integrity, credentials: "same-origin" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await response.arrayBuffer();
    } catch (cause) {
      const error = new Error(`${file} does not match the published build of Padlock`, { cause });
      error.name = "IntegrityError";
      throw error;
    }
  }));
}

/** A sentence for a person: code that differs from the build was refused. */
export const INTEGRITY_MESSAGE =
  "Padlock's code here differs from its published build, so it was not run. Tell your admin.";

/** Whether `error`, or one of its causes, is the refusal of a script that differs from the build. */
export function isIntegrityError(error: unknown): boolean {
  return error instanceof Error &&
    (error.name === "IntegrityError" || (error.cause !== error && isIntegrityError(error.cause)));
}
