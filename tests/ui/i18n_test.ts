import assert from "node:assert/strict";
import {
  direction,
  formatMessage,
  LOCALES,
  matchLocale,
  negotiateLocale,
  placeholders,
  translator,
} from "../../ui/i18n.ts";
import { formatDate, formatRelative, formatSize } from "../../ui/format.ts";
import { catalogueProblems } from "../_helpers/catalogues.ts";

Deno.test("matchLocale: Help Center, ZAF and browser tags map to the twelve locales", () => {
  assert.equal(matchLocale("de"), "de");
  assert.equal(matchLocale("de-AT"), "de");
  assert.equal(matchLocale("en-us"), "en");
  assert.equal(matchLocale("pt"), "pt-BR");
  assert.equal(matchLocale("pt-br"), "pt-BR");
  assert.equal(matchLocale("zh-cn"), "zh-CN");
  assert.equal(matchLocale("zh-Hans-CN"), "zh-CN");
  assert.equal(matchLocale("zh-TW"), undefined, "Traditional Chinese is not Simplified");
  assert.equal(matchLocale("ja_JP"), "ja");
  assert.equal(matchLocale("en-XA"), "en-XA");
  assert.equal(matchLocale("sv"), undefined);
  assert.equal(matchLocale(""), undefined);
  assert.equal(LOCALES.length, 12);
});

Deno.test("negotiateLocale: Accept-Language by weight, first supported wins", () => {
  assert.equal(negotiateLocale("sv-SE,sv;q=0.9,de;q=0.8,en;q=0.7"), "de");
  assert.equal(negotiateLocale("en;q=0.5, ar;q=0.9"), "ar");
  assert.equal(negotiateLocale("fr-CA"), "fr");
  assert.equal(negotiateLocale("de;q=0, ja"), "ja");
  assert.equal(negotiateLocale("sv"), undefined);
  assert.equal(negotiateLocale(undefined), undefined);
  assert.equal(negotiateLocale("*;q=x"), undefined);
});

Deno.test("formatMessage: named values, numbers in the locale's digits, plurals by CLDR", () => {
  const files = "{count, plural, one {# file} other {# files}} from {name}";
  assert.equal(formatMessage("en", files, { count: 1, name: "Ann" }), "1 file from Ann");
  assert.equal(formatMessage("en", files, { count: 1200, name: "Ann" }), "1,200 files from Ann");
  assert.equal(formatMessage("de", "{n} Dateien", { n: 1200 }), "1.200 Dateien");
  const polish = "{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}";
  assert.equal(formatMessage("pl", polish, { count: 1 }), "1 plik");
  assert.equal(formatMessage("pl", polish, { count: 3 }), "3 pliki");
  assert.equal(formatMessage("pl", polish, { count: 5 }), "5 plików");
  const arabic =
    "{count, plural, zero {لا ملفات} one {ملف واحد} two {ملفان} few {# ملفات} many {# ملفًا} other {# ملف}}";
  assert.equal(formatMessage("ar", arabic, { count: 2 }), "ملفان");
  assert.equal(formatMessage("ar", arabic, { count: 3 }), "3 ملفات");
  assert.equal(
    formatMessage("en", "{count, plural, =0 {no files} one {# file} other {# files}}", {
      count: 0,
    }),
    "no files",
  );
  assert.equal(formatMessage("en", "Hello {who}", {}), "Hello {who}", "a missing value shows");
});

Deno.test("translator: a key missing in a translation falls back to English, then to itself", () => {
  const t = translator("de", { hello: "Hallo {name}" }, { hello: "Hello {name}", bye: "Bye" });
  assert.equal(t("hello", { name: "Ann" }), "Hallo Ann");
  assert.equal(t("bye"), "Bye");
  assert.equal(t("nothing"), "nothing");
  assert.equal(direction("ar"), "rtl");
  assert.equal(direction("de"), "ltr");
});

Deno.test("formatSize, formatDate, formatRelative: through Intl in the reader's locale", () => {
  assert.equal(formatSize(1_500, "de"), "1,5 KB");
  assert.equal(formatSize(1_500, "ar-EG", (unit, size) => `${size} ${unit}`), "١٫٥ KB");
  assert.equal(formatSize(2_500_000, "fr", (unit, size) => `${size} ${unit}o`), "2,5 MBo");
  assert.match(formatDate("2026-11-25T14:05:00Z", "de"), /25\. November 2026/);
  assert.match(formatDate("2026-11-25T14:05:00Z", "ja"), /2026年11月25日/);
  const now = Date.parse("2026-11-25T00:00:00Z");
  assert.equal(formatRelative("2026-11-28T00:00:00Z", "en", now), "in 3 days");
  assert.equal(formatRelative("2026-11-28T00:00:00Z", "de", now), "in 3 Tagen");
  assert.equal(formatRelative(now - 5 * 60_000, "en", now), "5 minutes ago");
  assert.equal(formatRelative("nope", "en", now), "");
});

Deno.test("placeholders and catalogueProblems: a missing, extra or changed placeholder is found", () => {
  assert.deepEqual(placeholders("{a} and {count, plural, one {#} other {# {b}}}"), [
    "a",
    "b",
    "count",
  ]);
  const source = { a: "Hi {name}", b: "Bye" };
  assert.deepEqual(catalogueProblems(source, { de: { a: "Hallo {name}", b: "Tschüss" } }), []);
  assert.deepEqual(catalogueProblems(source, { de: { a: "Hallo {nom}", c: "x" } }), [
    "de: a has {nom}, English has {name}",
    "de: missing b",
    "de: extra c",
  ]);
});
