/**
 * The Zendesk app package: the ZIP writer (read back by an independent reader written here from
 * the format), and `dist/padlock-zendesk-app.zip` against the rules Zendesk's validator applies
 * (spec/zaf.md "Manifest").
 */
import assert from "node:assert/strict";
import { subresourceIntegrity } from "../../scripts/bundle_facts.ts";
import { crc32, createZip, ZipError } from "../../scripts/zip.ts";

const PACKAGE = new URL("../../dist/padlock-zendesk-app.zip", import.meta.url).pathname;

interface ReadEntry {
  name: string;
  method: number;
  data: Uint8Array;
}

async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Reads a ZIP through its central directory, checking every local header and CRC. */
async function readZip(zip: Uint8Array): Promise<ReadEntry[]> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50, "end of central directory");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ReadEntry[] = [];
  for (let index = 0; index < count; index++) {
    assert.equal(view.getUint32(at, true), 0x02014b50, "central header");
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    assert.equal(view.getUint32(local, true), 0x04034b50, "local header");
    assert.equal(view.getUint32(local + 14, true), crc, "local and central CRC agree");
    const localName = view.getUint16(local + 26, true);
    const localExtra = view.getUint16(local + 28, true);
    const start = local + 30 + localName + localExtra;
    const body = zip.subarray(start, start + compressed);
    const data = method === 8 ? await inflateRaw(body) : body.slice();
    assert.equal(data.length, size, `${name} size`);
    assert.equal(crc32(data), crc, `${name} CRC`);
    entries.push({ name, method, data });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

Deno.test("crc32 matches the standard check value", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
});

Deno.test("createZip stores or deflates each entry and reads back exactly", async () => {
  const text = new TextEncoder().encode("Padlock ".repeat(1000));
  const random = crypto.getRandomValues(new Uint8Array(4096));
  const zip = await createZip([
    { name: "manifest.json", data: text },
    { name: "assets/random.bin", data: random },
    { name: "translations/é.json", data: new Uint8Array() },
  ]);
  const entries = await readZip(zip);
  assert.deepEqual(entries.map((entry) => entry.name), [
    "manifest.json",
    "assets/random.bin",
    "translations/é.json",
  ]);
  assert.equal(entries[0].method, 8, "repetitive text is deflated");
  assert.equal(entries[1].method, 0, "random bytes are stored");
  assert.deepEqual(entries[0].data, text);
  assert.deepEqual(entries[1].data, random);
  assert.equal(entries[2].data.length, 0);
  const again = await createZip([
    { name: "manifest.json", data: text },
    { name: "assets/random.bin", data: random },
    { name: "translations/é.json", data: new Uint8Array() },
  ]);
  assert.deepEqual(again, zip, "the same input gives the same bytes");
  const stored = await readZip(await createZip([{ name: "a", data: text }], { compress: false }));
  assert.equal(stored[0].method, 0);
});

Deno.test("createZip refuses names that could escape or repeat", async () => {
  for (const name of ["", "/abs", "../up", "a/../b", "back\\slash"]) {
    await assert.rejects(createZip([{ name, data: new Uint8Array() }]), ZipError, name);
  }
  await assert.rejects(
    createZip([{ name: "a", data: new Uint8Array() }, { name: "a", data: new Uint8Array() }]),
    ZipError,
  );
});

Deno.test("the app package holds what Zendesk needs, under 2 MB", async () => {
  const zip = await Deno.readFile(PACKAGE);
  assert.ok(zip.length < 2 * 1024 * 1024, `${zip.length} bytes`);
  const entries = new Map((await readZip(zip)).map((entry) => [entry.name, entry.data]));
  const names = [...entries.keys()].sort();
  const required = [
    "assets/app.css",
    "assets/app.js",
    "assets/iframe.html",
    "manifest.json",
    "translations/en.json",
  ];
  assert.deepEqual(names.filter((name) => required.includes(name)), required);
  // Besides those, only the app's other scripts (its chunks, loaded on demand, and workers)
  // and its words: the sidebar's in each language, the settings page's in Zendesk's format.
  const words = /^(assets\/locales\/[\w-]+|translations\/[a-z]{2}(-[a-z]{2})?)\.json$/;
  assert.deepEqual(
    names.filter((name) =>
      !required.includes(name) && !/^assets\/[\w-]+\.js$/.test(name) && !words.test(name)
    ),
    [],
  );
  for (const locale of ["de", "ja", "ar", "pt-BR", "zh-CN"]) {
    assert.ok(entries.has(`assets/locales/${locale}.json`), locale);
    assert.ok(entries.has(`translations/${locale.toLowerCase()}.json`), locale);
  }
  const decoder = new TextDecoder();
  const manifest = JSON.parse(decoder.decode(entries.get("manifest.json")));
  assert.equal(manifest.frameworkVersion, "2.0");
  assert.equal(manifest.defaultLocale, "en");
  const sidebar = manifest.location.support.ticket_sidebar;
  assert.equal(sidebar.flexible, true);
  assert.ok(sidebar.url.startsWith("assets/") && entries.has(sidebar.url));
  const types = ["text", "checkbox", "url", "number", "multiline", "hidden", "oauth"];
  const parameters = manifest.parameters as { name: string; type: string; required?: boolean }[];
  assert.deepEqual(parameters.map((parameter) => parameter.name), [
    "service_url",
    "require_auth_default",
    "block_unencrypted_attachments",
    "allowed_roles",
    "all_agents_as_recipients",
    "insert_hyperlink",
  ]);
  assert.ok(parameters.every((parameter) => types.includes(parameter.type)));
  assert.equal(parameters[0].type, "url");
  assert.equal(parameters[0].required, true);
  const translations = JSON.parse(decoder.decode(entries.get("translations/en.json"))).app;
  for (
    const key of ["name", "short_description", "long_description", "installation_instructions"]
  ) {
    assert.equal(typeof translations[key], "string", key);
  }
  for (const { name } of parameters) {
    assert.equal(typeof translations.parameters[name].label, "string", name);
    assert.equal(typeof translations.parameters[name].helpText, "string", name);
  }
  // CSP-friendly page: no inline script, the bundle as a module pinned by the hash of the
  // app.js in the same zip, the stylesheet linked.
  const html = decoder.decode(entries.get("assets/iframe.html"));
  const integrity = await subresourceIntegrity(entries.get("assets/app.js")!);
  assert.ok(
    html.includes(`<script type="module" src="app.js" integrity="${integrity}"></script>`),
    html,
  );
  assert.match(html, /<link rel="stylesheet" href="app\.css">/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
  assert.doesNotMatch(html, /\son[a-z]+=/i, "no inline handler");
});
