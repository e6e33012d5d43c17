/**
 * Facts about the files of a build, shared by the budgets and the audit report: each file's
 * size raw and gzipped, its Subresource Integrity hash, and, from esbuild's metafile, which
 * output files load together.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { gzipSync } from "node:zlib";
import type * as esbuild from "esbuild";

/**
 * Compression level of the gzip sizes: zlib's default, what `gzip` and most servers use. (Level 9
 * would report a few bytes less.)
 */
export const GZIP_LEVEL = 6;

/** One file the build wrote. */
export interface FileFacts {
  /** Path relative to the output directory, with `/` separators. */
  path: string;
  /** Size in bytes. */
  bytes: number;
  /** Size in bytes once gzipped at {@linkcode GZIP_LEVEL}. */
  gzip: number;
  /** Subresource Integrity value: `sha384-` and the base64 SHA-384 of the file. */
  integrity: string;
}

/** Size of `data` gzipped at {@linkcode GZIP_LEVEL}. */
export function gzipSize(data: Uint8Array): number {
  return gzipSync(data, { level: GZIP_LEVEL }).length;
}

/**
 * The Subresource Integrity value of `data` (`sha384-…`), as a `<script integrity>` attribute
 * takes it.
 *
 * @example
 * ```ts
 * import { subresourceIntegrity } from "./bundle_facts.ts";
 * const value = await subresourceIntegrity(new TextEncoder().encode("alert(1)"));
 * console.assert(value.startsWith("sha384-"));
 * ```
 */
export async function subresourceIntegrity(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-384", data as Uint8Array<ArrayBuffer>);
  return `sha384-${Buffer.from(digest).toString("base64")}`;
}

/** Size, gzip size and integrity of one file. */
export async function describeFile(path: string, data: Uint8Array): Promise<FileFacts> {
  return {
    path,
    bytes: data.length,
    gzip: gzipSize(data),
    integrity: await subresourceIntegrity(data),
  };
}

/** One bundle as built: its entries and esbuild's metafile, with output paths relative to dist. */
export interface BundleFacts {
  /** The bundle's name (its first entry's name). */
  name: string;
  /** Its entry points: source module (relative to the project) and output file (relative to dist). */
  entries: { name: string; source: string; output: string }[];
  /** Whether it was split into lazily loaded chunks. */
  split: boolean;
  /** esbuild's metafile; input paths relative to the project, output paths relative to dist. */
  metafile: esbuild.Metafile;
}

/**
 * The output files a browser fetches to run `output`: the file and every chunk it imports
 * statically, transitively (dynamic imports are not followed: they load later, if ever).
 */
export function staticClosure(metafile: esbuild.Metafile, output: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    }
  };
  visit(output);
  return [...seen];
}

/**
 * The output file that holds `source` as an entry point: a bundle entry, or the chunk that a
 * dynamic `import()` of `source` loads. Undefined when the bundle has none.
 */
export function outputOfModule(metafile: esbuild.Metafile, source: string): string | undefined {
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint === source) return path;
  }
  return undefined;
}

/** The JavaScript files of a bundle, in path order. */
export function scriptsOf(bundle: BundleFacts): string[] {
  return Object.keys(bundle.metafile.outputs).filter((path) => path.endsWith(".js")).sort();
}
