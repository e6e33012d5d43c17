/**
 * A chunk that holds only pins: the hashes of the encryption and upload code (`transfer.ts` and
 * the chunks it imports), written here by the build, and the import of that code, checked
 * against them. The loader, on every Help Center page, pins this one small file instead of three:
 * each hash is 48 bytes that no compression makes smaller, and the loader has a budget.
 *
 * It imports nothing statically (the build would refuse the chain otherwise: a static import
 * runs before this file could check it), and reaches the page's registry (`src/pins.ts`, in the
 * loader) through `globalThis`.
 *
 * @module
 */
import type { PinRegistry } from "../src/pins.ts";

(globalThis as Record<symbol, PinRegistry | undefined>)[Symbol.for("padlock.pins")]?.add(
  "__PADLOCK_PINS__",
  import.meta.url,
);

/**
 * Imports the encryption and upload code, checked against its hashes, then checks the crypto
 * worker's files before any key can be made. Each call tries again (after an outage).
 *
 * @throws an error named `IntegrityError` when a file differs from the build; a `TypeError`
 *   when one cannot be fetched.
 */
export async function loadTransfer(): Promise<typeof import("./transfer.ts")> {
  const transfer = await import("./transfer.ts");
  await transfer.checkCode();
  return transfer;
}
