/// <reference lib="dom" />
/**
 * The widget's words in the page's language: the locale from the Help Center URL
 * (`/hc/<locale>/…`), else `<html lang>`, else English. Every locale, English too, is a chunk of
 * its own, loaded once when the page has a form to secure and before the widget shows anything:
 * the loader that every Help Center page runs carries no words (its budget is 10 KB gzipped).
 *
 * @module
 */
import { formatSize } from "../ui/format.ts";
import {
  direction,
  type Locale,
  matchLocale,
  type Params,
  plainTranslator,
  PSEUDO,
} from "../ui/i18n.ts";
import type { WidgetKey, WidgetMessages } from "./messages.ts";

// Before a locale is loaded (which happens before any view is made), keys stand for words.
let words = plainTranslator("en", {});
let current: Locale = "en";

/** The widget's message `key` in the page's language, filled in with `params`. */
export function t(key: WidgetKey, params?: Params): string {
  return words(key, params);
}

/** The writing direction of the widget's locale. */
export function widgetDir(): "ltr" | "rtl" {
  return direction(current);
}

/** A file size in the widget's locale. */
export function size(bytes: number): string {
  return formatSize(bytes, current, (unit, size) => t(`size.${unit}`, { size }));
}

/** Names as a list in the widget's locale, each quoted: `"a.pdf", "b.pdf"`. */
export function quotedList(names: string[]): string {
  return names.map((name) => t("file.quoted", { name })).join(t("list.separator"));
}

/** The locale of a Help Center page: its URL's `/hc/<locale>/`, else `<html lang>`, else English. */
export function pageLocale(doc: Document): Locale {
  const fromPath = /^\/hc\/([A-Za-z-]+)(?:\/|$)/.exec(doc.location?.pathname ?? "")?.[1];
  return matchLocale(fromPath) ?? matchLocale(doc.documentElement.lang) ?? "en";
}

/**
 * Switches the widget's words to `locale`; resolves once its chunk is loaded. A translation that
 * fails to load leaves English: the form is secured all the same.
 */
export async function useLocale(locale: Locale): Promise<void> {
  const { default: en } = await import("./messages.ts");
  let messages = en;
  if (locale !== "en") {
    try {
      messages = (await TRANSLATIONS[locale]()).default;
    } catch {
      locale = "en";
    }
  }
  words = plainTranslator(locale, messages, en);
  current = locale;
}

/** Each translation, a chunk of its own (a static `import()` each, so the bundler splits them). */
const TRANSLATIONS: Record<Exclude<Locale, "en">, () => Promise<{ default: WidgetMessages }>> = {
  [PSEUDO]: () => import("./translations/en-XA.ts"),
  de: () => import("./translations/de.ts"),
  fr: () => import("./translations/fr.ts"),
  es: () => import("./translations/es.ts"),
  it: () => import("./translations/it.ts"),
  "pt-BR": () => import("./translations/pt-BR.ts"),
  nl: () => import("./translations/nl.ts"),
  pl: () => import("./translations/pl.ts"),
  ja: () => import("./translations/ja.ts"),
  "zh-CN": () => import("./translations/zh-CN.ts"),
  ko: () => import("./translations/ko.ts"),
  ar: () => import("./translations/ar.ts"),
};
