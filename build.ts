/**
 * Builds every browser bundle into `dist/` with esbuild: minified ES modules, one metafile per
 * bundle (`dist/meta/<name>.json`) so the audit report can list every module that ships.
 *
 * Run with `deno task build`. Entries whose source file does not exist yet are skipped, so the
 * table can name surfaces before they are written.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { createZip } from "./scripts/zip.ts";

/** One browser bundle: where its entry point is and where the bundle goes. */
export interface Entry {
  /** Short name, used for the metafile. */
  name: string;
  /** Entry module, relative to the project root. */
  source: string;
  /** Output file, relative to `dist/`. */
  output: string;
}

/** Every browser bundle the project ships. */
export const ENTRIES: Entry[] = [
  { name: "helpcenter", source: "helpcenter/main.ts", output: "helpcenter/padlock.js" },
  { name: "agent", source: "agent/main.ts", output: "agent/assets/app.js" },
  { name: "portal", source: "portal/main.ts", output: "portal/portal.js" },
];

/** Options of {@linkcode build}. */
export interface BuildOptions {
  /**
   * Directory the bundles are written to.
   * @default {"dist"}
   */
  outdir?: string;
}

/** What {@linkcode build} produced: each built entry and its output path. */
export interface BuildResult {
  built: { entry: Entry; path: string; bytes: number }[];
}

const root = new URL(".", import.meta.url);

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * Bundles every existing entry of {@linkcode ENTRIES}.
 *
 * @throws {Error} when esbuild reports an error in any entry.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { outdir = new URL("dist", root).pathname } = options;
  const result: BuildResult = { built: [] };
  await Deno.mkdir(`${outdir}/meta`, { recursive: true });
  for (const entry of ENTRIES) {
    const source = new URL(entry.source, root).pathname;
    if (!(await exists(source))) continue;
    const outfile = `${outdir}/${entry.output}`;
    const output = await esbuild.build({
      entryPoints: [source],
      outfile,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: ["chrome110", "firefox115", "safari16"],
      minify: true,
      sourcemap: false,
      metafile: true,
      legalComments: "eof",
      logLevel: "silent",
      absWorkingDir: new URL(".", root).pathname,
    });
    await Deno.writeTextFile(
      `${outdir}/meta/${entry.name}.json`,
      JSON.stringify(output.metafile, null, 2),
    );
    const { size } = await Deno.stat(outfile);
    result.built.push({ entry, path: outfile, bytes: size });
  }
  if (result.built.some(({ entry }) => entry.name === "agent")) await packageAgentApp(outdir);
  return result;
}

/** Static files of the Zendesk app, relative to `agent/`, copied beside its bundle and zipped. */
export const AGENT_APP_FILES = ["manifest.json", "translations/en.json", "assets/iframe.html"];

/**
 * Copies the Zendesk app's static files (and every `agent/assets/*.css`) next to its bundle in
 * `<outdir>/agent/`, then writes `<outdir>/padlock-zendesk-app.zip` for upload to Zendesk.
 *
 * @throws {Error} when a static file is missing.
 */
export async function packageAgentApp(outdir: string): Promise<{ path: string; bytes: number }> {
  const source = new URL("agent/", root).pathname;
  const styles: string[] = [];
  for await (const item of Deno.readDir(`${source}assets`)) {
    if (item.isFile && item.name.endsWith(".css")) styles.push(`assets/${item.name}`);
  }
  const entries = [];
  for (const name of [...AGENT_APP_FILES, ...styles.sort(), "assets/app.js"]) {
    const target = `${outdir}/agent/${name}`;
    if (name !== "assets/app.js") {
      await Deno.mkdir(target.slice(0, target.lastIndexOf("/")), { recursive: true });
      await Deno.copyFile(`${source}${name}`, target);
    }
    entries.push({ name, data: await Deno.readFile(target) });
  }
  const path = `${outdir}/padlock-zendesk-app.zip`;
  const zip = await createZip(entries);
  await Deno.writeFile(path, zip);
  return { path, bytes: zip.length };
}

if (import.meta.main) {
  try {
    const { built } = await build();
    for (const { entry, path, bytes } of built) {
      console.log(`${entry.name.padEnd(12)} ${String(bytes).padStart(9)} B  ${path}`);
    }
    if (built.length === 0) console.log("no entries to build yet");
  } finally {
    await esbuild.stop();
  }
}
