/// <reference lib="dom" />
/**
 * The widget's words in the page's language: the locale from the Help Center URL
 * (`/hc/<locale>/…`), else `<html lang>`, else English. Every locale, English too, is a chunk of
 * its own, loaded once when the page has a form to secure and before the widget shows anything:
 * the loader that every Help Center page runs carries no words (its budget is 10 KB gzipped).
 *
 * @module
 */
import type { Locale, Params } from "../ui/i18n.ts";
import type { WidgetKey } from "./messages.ts";
import type { Words } from "./words.ts";

// Before the words are loaded (which happens before any view is made), keys stand for words.
let words: Words | undefined;

/** The widget's message `key` in the page's language, filled in with `params`. */
export function t(key: WidgetKey, params?: Params): string {
  return words ? words.t(key, params) : key;
}

/** The writing direction of the widget's locale. */
export function widgetDir(): "ltr" | "rtl" {
  return words?.dir ?? "ltr";
}

/** A file size in the widget's locale. */
export function size(bytes: number): string {
  return words ? words.size(bytes) : `${bytes}`;
}

/** Names as a list in the widget's locale, each quoted: `"a.pdf", "b.pdf"`. */
export function quotedList(names: string[]): string {
  return names.map((name) => t("file.quoted", { name })).join(t("list.separator"));
}

/**
 * Switches the widget's words to the language of a Help Center page (its URL's `/hc/<locale>/`,
 * else `<html lang>`, else English) or to `locale`; resolves once its chunks are loaded. A
 * translation that fails to load leaves English: the form is secured all the same.
 *
 * @throws an error named `IntegrityError` when the English words' chunks differ from the build.
 */
export async function useLocale(from: Document | Locale): Promise<void> {
  // One pinned chunk holds the pins of every locale's chunk (see `translation_pins.ts`).
  words = await (await import("./translation_pins.ts")).loadWords(from);
}
