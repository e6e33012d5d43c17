/**
 * Parts uploaded straight to the bucket (direct mode): the service did not see them arrive, so
 * before it counts a file's parts it asks the bucket which are there and how large, deletes those
 * past the limits, and records the rest, as the part URL would have done on receipt.
 *
 * @module
 */
import type { Services } from "../context.ts";
import type { FileRecord } from "../files/repository.ts";
import type { ListedPart } from "../storage/part_store.ts";
import { fileByteAllowance } from "./limits.ts";

/** What a check of a file's directly uploaded parts found. */
export interface DirectCheck {
  /** Parts recorded as stored. */
  recorded: number;
  /** Parts deleted: past the part limit, past the file's allowance, or not a part of the file. */
  refused: number;
}

/**
 * Records the parts of a file that clients put in the bucket themselves; deletes any part larger
 * than `maxPartBytes`, numbered past the file's parts, or beyond what the file's declared size
 * allows (the highest-numbered parts first). Does nothing when the store is not direct.
 *
 * @throws {import("../storage/part_store.ts").StorageUnavailableError} when the bucket cannot be reached.
 */
export async function recordDirectParts(
  services: Services,
  file: FileRecord,
  now: number,
): Promise<DirectCheck> {
  const direct = services.store.direct;
  if (!direct) return { recorded: 0, refused: 0 };
  const listed = await direct.listFile(file.packageId, file.id);
  const keep: ListedPart[] = [];
  const refuse: ListedPart[] = [];
  for (const entry of listed) {
    const fits = entry.part <= file.parts && entry.size <= services.config.maxPartBytes;
    (fits ? keep : refuse).push(entry);
  }
  let total = keep.reduce((sum, entry) => sum + entry.size, 0);
  while (keep.length > 0 && total > fileByteAllowance(file)) {
    const last = keep.pop()!;
    total -= last.size;
    refuse.push(last);
  }
  for (const entry of refuse) {
    await services.store.delete({ packageId: file.packageId, fileId: file.id, part: entry.part });
  }
  // Only parts not recorded before count towards the dropzone's day (this runs again at finalize).
  const known = new Set(services.limits ? await services.parts.stored(file.id) : []);
  let fresh = 0;
  for (const entry of keep) {
    if (!known.has(entry.part)) fresh += entry.size;
    await services.parts.record(file.id, entry.part, entry.size, now);
  }
  if (services.limits && fresh > 0) {
    const record = await services.packages.findById(file.packageId);
    await services.limits.countStored(record?.dropzoneId, fresh);
  }
  return { recorded: keep.length, refused: refuse.length };
}
