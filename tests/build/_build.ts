/**
 * What the build tests share: a build into a temporary directory, and walking every file of a
 * directory.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { build, type BuildOptions, type BuildResult } from "../../build.ts";

/** A build in a temporary directory. */
export interface TempBuild {
  outdir: string;
  result: BuildResult;
  /** Deletes the directory. */
  remove(): Promise<void>;
}

/**
 * Builds into a new temporary directory (stopping esbuild's service afterwards, so that the
 * test's resource check passes).
 *
 * @throws what `build()` throws; the directory is removed then.
 */
export async function buildInTemp(
  options: Omit<BuildOptions, "outdir"> = {},
  prefix = "padlock-build-test-",
): Promise<TempBuild> {
  const outdir = await Deno.makeTempDir({ prefix });
  try {
    const result = await build({ ...options, outdir });
    return { outdir, result, remove: () => Deno.remove(outdir, { recursive: true }) };
  } catch (error) {
    await Deno.remove(outdir, { recursive: true });
    throw error;
  } finally {
    await esbuild.stop();
  }
}

/** Every file under `dir`, by path relative to it (with `/`), sorted. */
export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for await (const item of Deno.readDir(`${dir}/${prefix}`)) {
    const path = prefix ? `${prefix}/${item.name}` : item.name;
    if (item.isDirectory) files.push(...await listFiles(dir, path));
    else files.push(path);
  }
  return files.sort();
}
