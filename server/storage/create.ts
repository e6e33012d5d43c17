/**
 * Builds the part store the configuration asks for. One factory, so the service, the admin CLI
 * and the migration build stores the same way; other backends (object storage) add their case
 * here.
 *
 * @module
 */
import { join } from "node:path";
import { FileSystemPartStore } from "./fs_part_store.ts";
import type { PartStore } from "./part_store.ts";

/** The folder of the parts inside the data directory. */
export const PARTS_FOLDER = "parts";

/** What the part store is built from. */
export interface PartStoreSettings {
  /** The data directory; parts go to `<dataDir>/parts` on the file system. */
  dataDir: string;
}

/** Returns the part store of `settings`: the file system below `<dataDir>/parts`. */
export function createPartStore(settings: PartStoreSettings): PartStore {
  return new FileSystemPartStore(join(settings.dataDir, PARTS_FOLDER));
}

/** Describes where a store built from `settings` keeps parts (for messages; no secrets). */
export function describePartStore(settings: PartStoreSettings): string {
  return `files in ${join(settings.dataDir, PARTS_FOLDER)}`;
}
