/**
 * The audit report of a build (`dist/AUDIT.md`), for security reviewers: per bundle, every file
 * with its size, when it loads and its Subresource Integrity hash; every module inside each file
 * with the bytes it contributes (esbuild's metafile: `bytesInOutput`); every third-party package
 * with its version and license (read from its `package.json`); the legal notices kept in the
 * files; and the size budgets. The report holds no date and no absolute path, so that two builds
 * of one commit write the same report.
 *
 * @module
 */
import { join } from "node:path";
import { type BudgetResult, describeResult, formatBytes } from "./budgets.ts";
import { type BundleFacts, type FileFacts, GZIP_LEVEL, scriptsOf } from "./bundle_facts.ts";

/** What {@linkcode renderAudit} reports on. */
export interface AuditInput {
  /** The project root, where the metafile's input paths start. */
  root: string;
  /** The bundles built. */
  bundles: readonly BundleFacts[];
  /** Every file written, by path relative to the output directory. */
  files: ReadonlyMap<string, FileFacts>;
  /** The content of every file written, by the same paths. */
  contents: ReadonlyMap<string, Uint8Array>;
  /** The budgets measured. */
  budgets: readonly BudgetResult[];
}

/** A third-party package some bundle contains. */
export interface PackageFacts {
  name: string;
  version: string;
  /** The SPDX expression of its `package.json` (`license`, or the old `licenses` list). */
  license: string;
  /** Its folder, relative to the project root. */
  folder: string;
}

// The last `node_modules/<name>/` or `node_modules/@scope/<name>/` of a path: the package that
// holds the module (Deno's store nests packages as node_modules/.deno/<id>/node_modules/<name>).
const PACKAGE_FOLDER = /^(.*node_modules\/(?:@[^/]+\/)?[^/.][^/]*)\//;

/** The folder of the package holding `modulePath`, or undefined for a project module. */
export function packageFolderOf(modulePath: string): string | undefined {
  return PACKAGE_FOLDER.exec(modulePath)?.[1];
}

/**
 * Reads name, version and license of the package in `folder` (relative to `root`).
 *
 * @throws {Deno.errors.NotFound} when the folder has no `package.json`.
 */
export async function readPackage(root: string, folder: string): Promise<PackageFacts> {
  const manifest = JSON.parse(await Deno.readTextFile(join(root, folder, "package.json")));
  let license = "UNKNOWN (no license field)";
  if (typeof manifest.license === "string") license = manifest.license;
  else if (typeof manifest.license?.type === "string") license = manifest.license.type;
  else if (Array.isArray(manifest.licenses)) {
    license = manifest.licenses.map((item: { type?: string }) => item.type).join(" OR ");
  }
  return { name: String(manifest.name), version: String(manifest.version), license, folder };
}

/** The legal notices (`/*! … *\/` and `@license` comments) esbuild kept at the end of a file. */
export function legalNotices(source: string): string[] {
  const notices = new Set<string>();
  for (const match of source.matchAll(/\/\*[\s\S]*?\*\//g)) {
    const comment = match[0];
    if (comment.startsWith("/*!") || /@license|@preserve/.test(comment)) {
      notices.add(comment.replace(/\s+/g, " "));
    }
  }
  return [...notices];
}

const code = (text: string) => `\`${text.replaceAll("`", "'")}\``;
const size = (bytes: number) => formatBytes(bytes);

function table(header: string[], rows: string[][], alignRight: number[] = []): string {
  const rule = header.map((_, index) => (alignRight.includes(index) ? "---:" : "---"));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** How each output file of a bundle gets loaded, in words. */
function loadingOf(bundle: BundleFacts): Map<string, string> {
  const { outputs } = bundle.metafile;
  const importers = new Map<string, string[]>();
  for (const [path, output] of Object.entries(outputs)) {
    for (const item of output.imports) {
      if (item.external || item.kind !== "import-statement") continue;
      importers.set(item.path, [...(importers.get(item.path) ?? []), path]);
    }
  }
  const entries = new Set(bundle.entries.map((entry) => entry.source));
  const loading = new Map<string, string>();
  for (const [path, output] of Object.entries(outputs)) {
    if (output.entryPoint && entries.has(output.entryPoint)) {
      loading.set(path, `entry point (${code(output.entryPoint)})`);
    } else if (output.entryPoint) {
      loading.set(path, `on \`import()\` of ${code(output.entryPoint)}`);
    } else {
      const by = (importers.get(path) ?? []).sort().map(code).join(", ");
      loading.set(path, `shared chunk, imported by ${by}`);
    }
  }
  return loading;
}

/**
 * Renders the audit report as Markdown.
 *
 * @throws {Deno.errors.NotFound} when a bundled package has no readable `package.json`.
 */
export async function renderAudit(input: AuditInput): Promise<string> {
  const { root, bundles, files, contents, budgets } = input;
  const lines: string[] = [];
  const out = (...text: string[]) => lines.push(...text);
  const decoder = new TextDecoder();

  out(
    "# Padlock build audit",
    "",
    "Written by `deno task build` (`build.ts`, `scripts/audit.ts`). Every figure is measured from " +
      "the files of this folder as written: sizes in bytes, gzip sizes at zlib level " +
      `${GZIP_LEVEL}, Subresource Integrity values the SHA-384 of the file (base64). The build is ` +
      "reproducible: building the same commit again gives the same files, so the hashes below " +
      "can be checked by rebuilding. Module paths are relative to the project; `node_modules/` " +
      "paths are the npm packages exactly as installed from `deno.lock`.",
    "",
    "## Budgets",
    "",
    table(
      ["budget", "files", "size", "limit", "met"],
      budgets.map((result) => [
        result.budget.name + (result.budget.gzip === false ? " (raw)" : " (gzip)"),
        result.files.map(code).join("<br>"),
        size(result.size),
        size(result.budget.limit),
        result.ok ? "yes" : `**no**: ${describeResult(result)}`,
      ]),
      [2, 3],
    ),
    "",
  );

  for (const bundle of bundles) {
    const { outputs } = bundle.metafile;
    const scripts = scriptsOf(bundle);
    const loading = loadingOf(bundle);
    out(
      `## Bundle \`${bundle.name}\``,
      "",
      bundle.entries.map((entry) => `- ${code(entry.source)} → ${code(entry.output)}`).join("\n"),
      "",
      bundle.split
        ? "Split: chunks load on demand, from the folder of the script that imports them."
        : "One self-contained file.",
      "",
      "### Files",
      "",
      table(
        ["file", "loaded", "bytes", "gzip", "integrity"],
        scripts.map((path) => {
          const facts = files.get(path)!;
          return [
            code(path),
            loading.get(path) ?? "",
            size(facts.bytes),
            size(facts.gzip),
            code(facts.integrity),
          ];
        }),
        [2, 3],
      ),
      "",
      `All files: ${size(scripts.reduce((sum, path) => sum + files.get(path)!.bytes, 0))} bytes, ` +
        `${size(scripts.reduce((sum, path) => sum + files.get(path)!.gzip, 0))} gzipped.`,
      "",
      "### Modules",
      "",
      "What each file contains: every source module and the bytes of minified code it adds " +
        "(the rest of a file is esbuild's glue: imports, exports, helpers). Modules that " +
        "tree-shaking emptied are listed with 0.",
      "",
    );

    const packageBytes = new Map<string, { bytes: number; files: Set<string> }>();
    for (const path of scripts) {
      const inputs = Object.entries(outputs[path].inputs).sort(([a], [b]) => a < b ? -1 : 1);
      const total = inputs.reduce((sum, [, item]) => sum + item.bytesInOutput, 0);
      out(
        `#### ${code(path)}`,
        "",
        table(
          ["module", "bytes in output"],
          [
            ...inputs.map(([module, item]) => [code(module), size(item.bytesInOutput)]),
            ["**total of modules**", `**${size(total)}**`],
          ],
          [1],
        ),
        "",
      );
      for (const [module, item] of inputs) {
        const folder = packageFolderOf(module);
        if (!folder) continue;
        const entry = packageBytes.get(folder) ?? { bytes: 0, files: new Set<string>() };
        entry.bytes += item.bytesInOutput;
        entry.files.add(path);
        packageBytes.set(folder, entry);
      }
    }

    out("### Third-party packages", "");
    if (packageBytes.size === 0) {
      out("None.", "");
    } else {
      const rows = [];
      for (const [folder, { bytes, files: where }] of [...packageBytes].sort()) {
        const facts = await readPackage(root, folder);
        rows.push([
          code(facts.name),
          facts.version,
          facts.license,
          size(bytes),
          [...where].sort().map(code).join(", "),
          code(folder),
        ]);
      }
      out(table(["package", "version", "license", "bytes", "in", "installed at"], rows, [3]), "");
    }

    const notices = new Set<string>();
    for (const path of scripts) {
      for (const notice of legalNotices(decoder.decode(contents.get(path)))) notices.add(notice);
    }
    out("### Legal notices kept in the files", "");
    out(notices.size === 0 ? "None." : [...notices].sort().map((n) => `- ${code(n)}`).join("\n"));
    out("");
  }

  const bundled = new Set(bundles.flatMap(scriptsOf));
  const others = [...files.values()].filter((file) => !bundled.has(file.path));
  out(
    "## Other files",
    "",
    "The Zendesk app's static files, its zip (these exact files, fixed dates) and the metafiles.",
    "",
    table(
      ["file", "bytes", "integrity"],
      others.map((file) => [code(file.path), size(file.bytes), code(file.integrity)]),
      [1],
    ),
    "",
  );
  return lines.join("\n");
}
