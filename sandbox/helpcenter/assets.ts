/**
 * Builds the sandbox pages' own browser scripts (the v4 form with CKEditor 5, the legacy page's
 * uploader) with esbuild, in memory, and gathers CKEditor's stylesheets. Dev-only: none of this
 * is part of a shipped bundle.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { THEME_CSS } from "./theme.ts";

/** A built asset: its bytes and content type. */
export interface Asset {
  body: Uint8Array;
  contentType: string;
}

const here = new URL(".", import.meta.url);
const root = new URL("../../", import.meta.url);

const SCRIPTS: Record<string, string> = {
  "v4-form.js": "v4_form.ts",
  "legacy-uploader.js": "legacy_form.ts",
};

/**
 * Builds every sandbox asset, keyed by file name (`v4-form.js`, `legacy-uploader.js`,
 * `ckeditor.css`, `theme.css`).
 *
 * @throws {Error} when esbuild fails or CKEditor's packages are not installed (`deno install`).
 */
export async function buildSandboxAssets(): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  const encoder = new TextEncoder();
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(
      Object.entries(SCRIPTS).map(([name, source]) => [
        name.replace(/\.js$/, ""),
        new URL(source, here).pathname,
      ]),
    ),
    outdir: "/sandbox-assets",
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110"],
    minify: true,
    write: false,
    logLevel: "silent",
    absWorkingDir: root.pathname,
  });
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf("/") + 1);
    assets.set(name, { body: file.contents, contentType: "text/javascript; charset=utf-8" });
  }
  assets.set("ckeditor.css", {
    body: encoder.encode(await ckeditorCss()),
    contentType: "text/css; charset=utf-8",
  });
  assets.set("theme.css", {
    body: encoder.encode(THEME_CSS),
    contentType: "text/css; charset=utf-8",
  });
  return assets;
}

/** Every installed CKEditor 5 package's `dist/index.css`, concatenated. */
async function ckeditorCss(): Promise<string> {
  const store = new URL("node_modules/.deno/", root).pathname;
  const seen = new Set<string>();
  const parts: string[] = [];
  for await (const entry of Deno.readDir(store)) {
    const match = /^@ckeditor\+(ckeditor5-[a-z-]+)@/.exec(entry.name);
    if (!match || seen.has(match[1])) continue;
    seen.add(match[1]);
    const path = `${store}${entry.name}/node_modules/@ckeditor/${match[1]}/dist/index.css`;
    try {
      parts.push(await Deno.readTextFile(path));
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
  // The UI package defines the variables the others use: put it first.
  return parts.sort((a, b) =>
    Number(b.includes("--ck-color-base-background")) -
    Number(a.includes("--ck-color-base-background"))
  ).join("\n");
}
