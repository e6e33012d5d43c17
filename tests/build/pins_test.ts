/**
 * The build's pinning (`scripts/pins.ts`) on small folders of esbuild-like output: dynamic
 * imports are rewritten into the registry's checked import; a file with the placeholder gets the
 * hash of every file it can load (with their static imports), each hash that of the file's final
 * bytes, pins inside pinned files included; what the carrier imports itself is not named again;
 * and the build refuses a root that imports statically, a folder that loads chunks nothing pins,
 * and pins that form a cycle. The built widget's loader pins exactly its one chunk of pins.
 */
import assert from "node:assert/strict";
import { subresourceIntegrity } from "../../scripts/bundle_facts.ts";
import { PinError, pinScripts, PLACEHOLDER, staticImports } from "../../scripts/pins.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function folder(files: Record<string, string>): Map<string, Uint8Array> {
  return new Map(Object.entries(files).map(([path, text]) => [path, encoder.encode(text)]));
}

function pinsIn(text: string): Record<string, string[]> {
  const match = /'(\{[^']*\})'/.exec(text);
  assert.ok(match, text);
  return JSON.parse(match[1]);
}

Deno.test("pins: each carrier names what it can load, with the final hashes", async () => {
  const contents = folder({
    "w/entry.js": `pin("${PLACEHOLDER}");const t=()=>import("./stage-AAAAAAAA.js");`,
    "w/stage-AAAAAAAA.js": `add("${PLACEHOLDER}");export const t=import("./code-BBBBBBBB.js");`,
    "w/code-BBBBBBBB.js":
      `import{a}from"./chunk-CCCCCCCC.js";new URL("worker.js",import.meta.url);export const c=a;`,
    "w/chunk-CCCCCCCC.js": 'export const a=1;const l=()=>import("./lazy-DDDDDDDD.js");',
    "w/lazy-DDDDDDDD.js": "export const z=2;",
    "w/worker.js": `import"./chunk-CCCCCCCC.js";pinWorker("${PLACEHOLDER}");`,
    "other/style.css": "body{}",
  });
  await pinScripts(contents, { roots: ["w/entry.js"] });
  const text = (path: string) => decoder.decode(contents.get(path)!);
  const integrity = (path: string) => subresourceIntegrity(contents.get(path)!);

  // Every dynamic import goes through the registry.
  for (const [path, data] of contents) {
    assert.doesNotMatch(decoder.decode(data), /(?<![.\w])import\("/, path);
  }
  assert.match(
    text("w/chunk-CCCCCCCC.js"),
    /globalThis\[Symbol\.for\("padlock\.pins"\)\]\.import\("\.\/lazy-DDDDDDDD\.js",import\.meta\.url\)/,
  );
  // The entry names its stage only; the stage the code and its static import.
  assert.deepEqual(pinsIn(text("w/entry.js")), {
    "stage-AAAAAAAA.js": [await integrity("w/stage-AAAAAAAA.js")],
  });
  assert.deepEqual(pinsIn(text("w/stage-AAAAAAAA.js")), {
    "chunk-CCCCCCCC.js": [await integrity("w/chunk-CCCCCCCC.js")],
    "code-BBBBBBBB.js": [await integrity("w/code-BBBBBBBB.js"), "chunk-CCCCCCCC.js"],
  });
  // The worker names what its chunk loads on demand, not the chunk it imports itself.
  assert.deepEqual(pinsIn(text("w/worker.js")), {
    "lazy-DDDDDDDD.js": [await integrity("w/lazy-DDDDDDDD.js")],
  });
  assert.equal(text("other/style.css"), "body{}");
  assert.deepEqual(staticImports(text("w/worker.js")), ["chunk-CCCCCCCC.js"]);
});

Deno.test("pins: a changed byte anywhere down the chain changes the entry's own hash", async () => {
  const files = {
    "w/entry.js": `pin("${PLACEHOLDER}");import("./stage-AAAAAAAA.js");`,
    "w/stage-AAAAAAAA.js": `add("${PLACEHOLDER}");import("./code-BBBBBBBB.js");`,
    "w/code-BBBBBBBB.js": "export const c=1;",
  };
  const first = folder(files);
  const second = folder({ ...files, "w/code-BBBBBBBB.js": "export const c=2;" });
  await pinScripts(first);
  await pinScripts(second);
  assert.notEqual(
    await subresourceIntegrity(first.get("w/entry.js")!),
    await subresourceIntegrity(second.get("w/entry.js")!),
  );
});

Deno.test("pins: the build refuses what it could not pin", async () => {
  await assert.rejects(
    pinScripts(folder({ "w/entry.js": 'import"./chunk-A.js";', "w/chunk-A.js": "" }), {
      roots: ["w/entry.js"],
    }),
    (error: Error) =>
      error instanceof PinError && /imports chunk-A\.js statically/.test(error.message),
  );
  await assert.rejects(
    pinScripts(folder({ "w/entry.js": 'import("./chunk-A.js");', "w/chunk-A.js": "" })),
    (error: Error) => error instanceof PinError && /no file there pins them/.test(error.message),
  );
  await assert.rejects(
    pinScripts(folder({
      "w/a.js": `add("${PLACEHOLDER}");import("./b.js");`,
      "w/b.js": `add("${PLACEHOLDER}");import("./a.js");`,
    })),
    (error: Error) => error instanceof PinError && /cycle/.test(error.message),
  );
});

Deno.test("pins: the built loader pins two chunks of pins: the encryption code's and the words'", async () => {
  const dir = new URL("../../dist/helpcenter/", import.meta.url).pathname;
  const loader = await Deno.readTextFile(`${dir}padlock.js`);
  assert.deepEqual(staticImports(loader), [], "the loader imports nothing statically");
  const pinned = Object.entries(pinsIn(loader));
  assert.equal(pinned.length, 2, pinned.map(([name]) => name).join());
  const stage = pinned.find(([name]) => /^transfer_pins-[A-Z0-9]{8}\.js$/.test(name));
  const words = pinned.find(([name]) => /^translation_pins-[A-Z0-9]{8}\.js$/.test(name));
  assert.ok(stage && words, pinned.map(([name]) => name).join());
  for (const [name, [hash]] of [stage, words]) {
    assert.equal(hash, await subresourceIntegrity(await Deno.readFile(`${dir}${name}`)));
  }
  const names = Object.keys(pinsIn(await Deno.readTextFile(`${dir}${stage[0]}`)));
  assert.ok(names.some((name) => /^transfer-[A-Z0-9]{8}\.js$/.test(name)), names.join());
  // The words' chunk pins English, the code that fills words in, and every translation.
  const locales = Object.keys(pinsIn(await Deno.readTextFile(`${dir}${words[0]}`)));
  for (
    const chunk of [
      "messages",
      "words",
      "de",
      "fr",
      "es",
      "it",
      "pt-BR",
      "nl",
      "pl",
      "ja",
      "zh-CN",
      "ko",
      "ar",
      "en-XA",
    ]
  ) {
    assert.ok(
      locales.some((name) => new RegExp(`^${chunk}-[A-Z0-9]{8}\\.js$`).test(name)),
      `${chunk}: ${locales.join()}`,
    );
  }
});
