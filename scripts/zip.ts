/**
 * A tiny ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): stores or deflates each entry with CRC-32,
 * using only web APIs (`CompressionStream("deflate-raw")`), so packaging the Zendesk app needs no
 * dependency. Output is reproducible: every entry carries the same fixed date (1980-01-01) and
 * entries keep the order given.
 *
 * @example
 * ```ts ignore
 * import { createZip } from "./zip.ts";
 * const bytes = await createZip([{ name: "manifest.json", data: new TextEncoder().encode("{}") }]);
 * ```
 *
 * @module
 */

/** One file of the archive. */
export interface ZipEntry {
  /** Path inside the archive, with `/` separators and no leading `/`. */
  name: string;
  /** The file's content. */
  data: Uint8Array;
}

/** Options of {@linkcode createZip}. */
export interface ZipOptions {
  /**
   * Deflate entries (an entry is stored when deflating would not make it smaller).
   * @default {true}
   */
  compress?: boolean;
}

/** An archive or entry beyond what this writer supports (ZIP64 sizes, bad names). */
export class ZipError extends Error {
  /** Builds the error with a readable message. */
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as ZIP uses) of `bytes`, as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// MS-DOS date of 1980-01-01 00:00: (year-1980)<<9 | month<<5 | day. Fixed so builds reproduce.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
// General-purpose flag bit 11: the name is UTF-8.
const UTF8_FLAG = 0x0800;
const LIMIT = 0xffffffff;

/**
 * Builds a ZIP archive of `entries`.
 *
 * @throws {ZipError} when a name is empty, absolute or repeated, or the archive needs ZIP64.
 */
export async function createZip(
  entries: readonly ZipEntry[],
  options: ZipOptions = {},
): Promise<Uint8Array> {
  const { compress = true } = options;
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;

  for (const { name, data } of entries) {
    if (
      name === "" || name.startsWith("/") || name.includes("\\") || name.split("/").includes("..")
    ) {
      throw new ZipError(
        `Entry name must be a relative path with / separators: ${JSON.stringify(name)}`,
      );
    }
    if (seen.has(name)) throw new ZipError(`Entry name is repeated: ${JSON.stringify(name)}`);
    seen.add(name);
    if (data.length >= LIMIT) throw new ZipError(`Entry ${name} is too large without ZIP64`);

    const nameBytes = encoder.encode(name);
    const crc = crc32(data);
    let method = 0;
    let body = data;
    if (compress && data.length > 0) {
      const deflated = await deflateRaw(data);
      if (deflated.length < data.length) {
        method = 8;
        body = deflated;
      }
    }

    const local = new Uint8Array(30 + nameBytes.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    l.setUint16(6, UTF8_FLAG, true);
    l.setUint16(8, method, true);
    l.setUint16(10, DOS_TIME, true);
    l.setUint16(12, DOS_DATE, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, body.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, nameBytes.length, true);
    l.setUint16(28, 0, true);
    local.set(nameBytes, 30);

    const central = new Uint8Array(46 + nameBytes.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, (3 << 8) | 20, true); // made by: Unix, 2.0
    c.setUint16(6, 20, true);
    c.setUint16(8, UTF8_FLAG, true);
    c.setUint16(10, method, true);
    c.setUint16(12, DOS_TIME, true);
    c.setUint16(14, DOS_DATE, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, nameBytes.length, true);
    // extra length, comment length, disk number, internal attributes: 0
    c.setUint32(38, (0o100644 << 16) >>> 0, true); // external attributes: a regular file, rw-r--r--
    c.setUint32(42, offset, true);
    central.set(nameBytes, 46);

    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
    if (offset >= LIMIT) throw new ZipError("The archive is too large without ZIP64");
  }

  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);

  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
