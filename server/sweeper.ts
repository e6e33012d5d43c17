/**
 * Deletes expired packages (metadata and ciphertext) and expired part-URL tokens.
 *
 * @module
 */
import type { Services } from "./context.ts";

/** What one sweep removed. */
export interface SweepResult {
  /** Expired packages deleted. */
  packages: number;
  /** Expired part-URL tokens deleted. */
  partUrls: number;
}

/** Runs one sweep now. */
export async function sweepExpired(services: Services): Promise<SweepResult> {
  const now = services.config.now();
  const expired = await services.packages.listExpired(now);
  for (const packageId of expired) {
    // Parts first: if the sweep stops half-way, the package is still listed as expired
    // and the next sweep finishes the job.
    await services.store.deletePackage(packageId);
    await services.packages.delete(packageId);
  }
  const partUrls = await services.parts.deleteExpiredUrls(now);
  return { packages: expired.length, partUrls };
}
