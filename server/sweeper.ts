/**
 * Deletes expired packages (metadata and ciphertext), expired part-URL tokens, and activity
 * records older than the retention (`activityRetentionDays`), and file requests whose upload link
 * has expired.
 *
 * @module
 */
import type { Services } from "./context.ts";
import { UploadRequestRepository } from "./upload_requests/repository.ts";

/** What one sweep removed. */
export interface SweepResult {
  /** Expired packages deleted. */
  packages: number;
  /** Expired part-URL tokens deleted. */
  partUrls: number;
  /** Activity records past their retention deleted. */
  activity: number;
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
  // Their link no longer works; the packages dropped through them keep their ticket.
  await new UploadRequestRepository(services.db).deleteExpired(now);
  // 0 keeps the records as long as their package (they go with it).
  const retention = services.config.activityRetentionDays;
  const activity = retention > 0
    ? await services.activity.deleteBefore(now - retention * 86_400_000)
    : 0;
  return { packages: expired.length, partUrls, activity };
}
