/**
 * Every translation of every surface has every key of its English source, no other, and the
 * same placeholders in each message; every locale has a translation of each surface.
 */
import assert from "node:assert/strict";
import { LOCALES, type Messages } from "../../ui/i18n.ts";
import { catalogueProblems } from "../_helpers/catalogues.ts";

async function load(folder: string, locales: readonly string[]): Promise<Record<string, Messages>> {
  const out: Record<string, Messages> = {};
  for (const locale of locales) {
    out[locale] = (await import(`../../${folder}/${locale}.ts`)).default;
  }
  return out;
}

const TRANSLATED = LOCALES.filter((locale) => locale !== "en");

Deno.test("widget: every locale has every key, with the same placeholders", async () => {
  const { default: en } = await import("../../helpcenter/messages.ts");
  const problems = catalogueProblems(en, await load("helpcenter/translations", TRANSLATED));
  assert.deepEqual(problems, []);
});

Deno.test("mails: every locale has every key, with the same placeholders", async () => {
  const { default: en } = await import("../../server/mail/messages.ts");
  const problems = catalogueProblems(en, await load("server/mail/translations", TRANSLATED));
  assert.deepEqual(problems, []);
});

/** The locales with a file in `folder` (a `<locale>.json` each), English left out. */
async function jsonLocales(folder: string): Promise<string[]> {
  const found: string[] = [];
  for await (const item of Deno.readDir(new URL(`../../${folder}`, import.meta.url))) {
    const locale = item.name.replace(/\.json$/, "");
    if (item.name.endsWith(".json") && locale !== "en") found.push(locale);
  }
  return found.sort();
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await Deno.readTextFile(new URL(`../../${path}`, import.meta.url)));
}

/** A nested object's strings by dotted path (`app.parameters.service_url.label`). */
function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  const out: Record<string, string> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    Object.assign(out, flatten(inner, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

Deno.test("agent: every sidebar translation has every key, with the same placeholders", async () => {
  const en = await readJson("agent/assets/locales/en.json") as Messages;
  const locales = await jsonLocales("agent/assets/locales");
  assert.ok(locales.includes("ja"), locales.join(" "));
  for (const locale of locales) assert.ok(LOCALES.includes(locale as never), locale);
  const translations: Record<string, Messages> = {};
  for (const locale of locales) {
    translations[locale] = await readJson(`agent/assets/locales/${locale}.json`) as Messages;
  }
  assert.deepEqual(catalogueProblems(en, translations), []);
});

Deno.test("agent: the settings page's translations (Zendesk's format) match en.json", async () => {
  const en = flatten(await readJson("agent/translations/en.json"));
  const translations: Record<string, Messages> = {};
  for (const locale of await jsonLocales("agent/translations")) {
    translations[locale] = flatten(await readJson(`agent/translations/${locale}.json`));
  }
  assert.ok(Object.keys(translations).length > 0);
  assert.deepEqual(catalogueProblems(en, translations), []);
});

Deno.test("receive and portal pages: every locale has every key, with the same placeholders", async () => {
  const { default: script } = await import("../../portal/messages.ts");
  const { default: pages } = await import("../../portal/page_messages.ts");
  const en = { ...script, ...pages };
  const locales: string[] = [];
  for await (const item of Deno.readDir(new URL("../../portal/translations", import.meta.url))) {
    locales.push(item.name.replace(/\.ts$/, ""));
  }
  assert.deepEqual(locales.sort(), [...TRANSLATED].sort());
  assert.deepEqual(catalogueProblems(en, await load("portal/translations", locales)), []);
});
