/**
 * Writes the pins of the whole chain into the built bundles: every script a page or a worker can
 * load after its entry is named, with its SHA-384, in the file that loads it, so that one hash
 * the page already trusts (the theme tag's `integrity` of `padlock.js`, the Zendesk app's
 * `iframe.html`, the portal page) covers every file that sees a key or a plaintext.
 *
 * In each folder of built scripts:
 *
 * 1. every dynamic `import("./chunk.js")` that esbuild wrote is rewritten into a call of the
 *    registry the entry installs (`src/pins.ts` in a page, `src/pins_worker.ts` in the crypto
 *    worker), which checks the chunk before it is imported;
 * 2. a file whose code holds the placeholder {@linkcode PLACEHOLDER} (an entry, or a chunk such
 *    as the widget's `transfer`) gets, in its place, the pins of every file of the folder it can
 *    load: each file whose name its code (or the code it imports) quotes, with the files those
 *    import, each as `[integrity, ...its static imports]`; not the files it imports itself,
 *    which whoever loaded it pinned (in the same registry);
 * 3. files are finished leaves first: a file's pins are written only once every file they name
 *    is final, so each hash covers the pins inside that file (the chain has no cycle; a cycle is
 *    a build error).
 *
 * The rewriting works on esbuild's minified output, whose imports of sibling chunks are always
 * the literal forms matched below.
 *
 * @module
 */
import { dirname } from "node:path";
import { subresourceIntegrity as integrityOf } from "./bundle_facts.ts";

/** The string an entry passes to `pin()`; the build replaces it with the pins (as JSON). */
export const PLACEHOLDER = "__PADLOCK_PINS__";

/** What a dynamic import of a sibling chunk is rewritten into (`$1` is the file name). */
const PINNED_IMPORT = 'globalThis[Symbol.for("padlock.pins")].import("./$1",import.meta.url)';

const DYNAMIC_IMPORT = /\bimport\("\.\/([\w-]+\.js)"\)/g;
const STATIC_IMPORT = /\b(?:from|import)\s*"\.\/([\w-]+\.js)"/g;

/** A build error in the chain of pins. */
export class PinError extends Error {
  /** Creates the error with what is wrong. */
  constructor(message: string) {
    super(message);
    this.name = "PinError";
  }
}

/** The sibling scripts `text` imports statically (esbuild's `from"./x.js"`, `import"./x.js"`). */
export function staticImports(text: string): string[] {
  return [...new Set([...text.matchAll(STATIC_IMPORT)].map((match) => match[1]))];
}

/** Options of {@linkcode pinScripts}. */
export interface PinOptions {
  /**
   * Files (relative to the output directory) that the page loads by their own tag, whose
   * `integrity` pins them alone: they must import nothing statically, since nothing would check
   * those imports before they run.
   */
  roots?: readonly string[];
}

/**
 * Rewrites and pins every `.js` file of `contents` (paths relative to the output directory) in
 * place, as the module describes.
 *
 * @throws {PinError} when a folder loads chunks on demand but holds no entry that pins them, a
 *   root imports statically, or the pins form a cycle.
 */
export async function pinScripts(
  contents: Map<string, Uint8Array>,
  options: PinOptions = {},
): Promise<void> {
  const folders = new Map<string, string[]>();
  for (const path of contents.keys()) {
    if (!path.endsWith(".js")) continue;
    const list = folders.get(dirname(path)) ?? [];
    list.push(path);
    folders.set(dirname(path), list);
  }
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  for (const root of options.roots ?? []) {
    const data = contents.get(root);
    if (data && staticImports(decoder.decode(data)).length > 0) {
      throw new PinError(
        `${root} imports ${staticImports(decoder.decode(data)).join(", ")} statically: ` +
          "its integrity in the page would not cover them",
      );
    }
  }
  for (const [folder, paths] of folders) {
    const prefix = folder === "." ? "" : `${folder}/`;
    const texts = new Map<string, string>();
    for (const path of paths) {
      texts.set(path.slice(prefix.length), decoder.decode(contents.get(path)!));
    }
    const carriers = [...texts].filter(([, text]) => text.includes(`"${PLACEHOLDER}"`))
      .map(([name]) => name);
    const dynamic = [...texts].some(([, text]) => DYNAMIC_IMPORT.test(text));
    DYNAMIC_IMPORT.lastIndex = 0;
    if (carriers.length === 0) {
      if (dynamic) {
        throw new PinError(`${folder}/ loads chunks on demand, but no file there pins them`);
      }
      continue;
    }
    const names = [...texts.keys()];
    const imports = new Map(names.map((name) => [name, staticImports(texts.get(name)!)]));
    const closure = (name: string, into = new Set<string>()): Set<string> => {
      if (into.has(name) || !texts.has(name)) return into;
      into.add(name);
      for (const item of imports.get(name)!) closure(item, into);
      return into;
    };
    // What a carrier can load: the files its code (and what it imports) names, with theirs.
    const loads = new Map<string, Set<string>>();
    for (const carrier of carriers) {
      const own = closure(carrier);
      const named = new Set<string>();
      for (const name of own) {
        for (const other of names) {
          if (
            other !== carrier &&
            new RegExp(`["/]${other.replaceAll(".", "\\.")}"`).test(texts.get(name)!)
          ) {
            closure(other, named);
          }
        }
      }
      // What the carrier imports statically was checked by whoever loaded it, whose pins are
      // in the same registry: not named again.
      for (const name of own) named.delete(name);
      loads.set(carrier, named);
    }
    for (const [name, text] of texts) texts.set(name, text.replace(DYNAMIC_IMPORT, PINNED_IMPORT));
    const pins = new Map<string, string>();
    const finish = async (name: string) => {
      const data = encoder.encode(texts.get(name)!);
      contents.set(prefix + name, data);
      pins.set(name, await integrityOf(data));
    };
    for (const name of names) if (!carriers.includes(name)) await finish(name);
    let waiting = [...carriers];
    while (waiting.length > 0) {
      const ready = waiting.filter((name) => [...loads.get(name)!].every((item) => pins.has(item)));
      if (ready.length === 0) {
        throw new PinError(`the pins of ${waiting.join(", ")} in ${folder}/ form a cycle`);
      }
      for (const name of ready) {
        const table: Record<string, string[]> = {};
        for (const item of [...loads.get(name)!].sort()) {
          table[item] = [pins.get(item)!, ...imports.get(item)!];
        }
        // File names and base64 hold no quote, backslash or line break: the JSON goes into a
        // single-quoted string as it is (no escapes: the loader's bytes are counted).
        const json = JSON.stringify(table);
        if (/['\\\n]/.test(json)) {
          throw new PinError(`unexpected characters in the pins of ${name}`);
        }
        texts.set(name, texts.get(name)!.replace(`"${PLACEHOLDER}"`, `'${json}'`));
        await finish(name);
      }
      waiting = waiting.filter((name) => !ready.includes(name));
    }
  }
}

/**
 * The HTML that loads the module script `entry` of a folder pinned: a
 * `<link rel="modulepreload" integrity>` for each script it imports statically (leaves first, so
 * each is checked before what imports it is fetched), then its own `<script>` with `integrity`.
 *
 * @param files the folder's scripts by name.
 * @throws {PinError} when `entry` or a script it imports is not in `files`.
 */
export async function pinnedScriptTags(
  files: ReadonlyMap<string, Uint8Array>,
  entry: string,
): Promise<string> {
  const decoder = new TextDecoder();
  const order: string[] = [];
  const visit = (name: string) => {
    if (order.includes(name)) return;
    const data = files.get(name);
    if (!data) throw new PinError(`${name} is imported but was not built`);
    for (const item of staticImports(decoder.decode(data))) visit(item);
    order.push(name);
  };
  visit(entry);
  const tags = [];
  for (const name of order) {
    const integrity = await integrityOf(files.get(name)!);
    tags.push(
      name === entry
        ? `<script type="module" src="${name}" integrity="${integrity}"></script>`
        : `<link rel="modulepreload" href="${name}" integrity="${integrity}">`,
    );
  }
  return tags.join("\n    ");
}
