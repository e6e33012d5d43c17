/**
 * A `PartStore` on the local file system: `<root>/<packageId>/<fileId>/<part>.pgp`.
 * Each part is written to a temporary file, flushed to disk, then renamed into
 * place and the directory flushed, so a crash leaves either the whole part or none.
 *
 * @module
 */
import { join } from "node:path";
import {
  assertValidPartKey,
  type PartKey,
  type PartStore,
  PartTooLargeError,
  type StoredPart,
} from "./part_store.ts";
import { randomToken } from "../ids.ts";

/** Bytes gathered before each write to the part's file. */
const WRITE_BYTES = 1024 * 1024;

/** The folder of the parts inside the data directory. */
export const PARTS_FOLDER = "parts";

/** Stores parts as files below one root folder. */
export class FileSystemPartStore implements PartStore {
  readonly #root: string;

  /** Uses `root` (created on first write). */
  constructor(root: string) {
    this.#root = root;
  }

  #directory(key: PartKey): string {
    assertValidPartKey(key);
    return join(this.#root, key.packageId, key.fileId);
  }

  #path(key: PartKey): string {
    return join(this.#directory(key), `${key.part}.pgp`);
  }

  /** {@inheritDoc PartStore.put} */
  async put(key: PartKey, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<number> {
    const directory = this.#directory(key);
    await Deno.mkdir(directory, { recursive: true });
    const temporary = join(directory, `.${key.part}.${randomToken(9)}.tmp`);
    const file = await Deno.open(temporary, { write: true, createNew: true, mode: 0o600 });
    let size = 0;
    let renamed = false;
    try {
      try {
        // Request bodies arrive in chunks of 64 KiB or less; writing each on its own cost twice
        // the CPU of writing them gathered by the MiB (one system call and op per chunk).
        const gathered = new Uint8Array(Math.min(WRITE_BYTES, maxBytes));
        let filled = 0;
        for await (const chunk of body) {
          size += chunk.byteLength;
          if (size > maxBytes) throw new PartTooLargeError(maxBytes);
          for (let offset = 0; offset < chunk.byteLength;) {
            const taken = Math.min(gathered.byteLength - filled, chunk.byteLength - offset);
            gathered.set(chunk.subarray(offset, offset + taken), filled);
            filled += taken;
            offset += taken;
            if (filled === gathered.byteLength) {
              await writeAll(file, gathered);
              filled = 0;
            }
          }
        }
        if (filled > 0) await writeAll(file, gathered.subarray(0, filled));
        await file.sync();
      } finally {
        file.close();
      }
      await Deno.rename(temporary, this.#path(key));
      renamed = true;
      await syncDirectory(directory);
    } finally {
      if (!renamed) await Deno.remove(temporary).catch(() => {});
    }
    return size;
  }

  /** {@inheritDoc PartStore.get} */
  async get(key: PartKey): Promise<StoredPart | undefined> {
    let file: Deno.FsFile;
    try {
      file = await Deno.open(this.#path(key), { read: true });
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return undefined;
      throw error;
    }
    try {
      const { size } = await file.stat();
      return { size, body: file.readable };
    } catch (error) {
      file.close();
      throw error;
    }
  }

  /** {@inheritDoc PartStore.has} */
  async has(key: PartKey): Promise<boolean> {
    try {
      return (await Deno.stat(this.#path(key))).isFile;
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return false;
      throw error;
    }
  }

  /** {@inheritDoc PartStore.delete} */
  async delete(key: PartKey): Promise<void> {
    await Deno.remove(this.#path(key)).catch((error) => {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    });
  }

  /** {@inheritDoc PartStore.deletePackage} */
  async deletePackage(packageId: string): Promise<void> {
    assertValidPartKey({ packageId, fileId: "x", part: 1 });
    await Deno.remove(join(this.#root, packageId), { recursive: true }).catch((error) => {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    });
  }
}

async function writeAll(file: Deno.FsFile, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) offset += await file.write(chunk.subarray(offset));
}

/** Flushes a directory entry (the rename) to disk; some file systems refuse, which is harmless. */
async function syncDirectory(path: string): Promise<void> {
  let directory: Deno.FsFile | undefined;
  try {
    directory = await Deno.open(path, { read: true });
    await directory.sync();
  } catch {
    // Not every platform can fsync a directory; the rename is still atomic.
  } finally {
    directory?.close();
  }
}
