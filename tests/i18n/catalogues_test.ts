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
