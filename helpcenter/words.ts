/// <reference lib="dom" />
/**
 * The widget's words in one language, with the code that fills them in (placeholders, plurals,
 * sizes through `Intl`). A chunk of its own, loaded through `translation_pins.ts` only on a page
 * with a form to secure: the loader that every Help Center page runs keeps only the small
 * lookups of `strings.ts` (its budget is 10 KB gzipped).
 *
 * @module
 */
import { formatSize } from "../ui/format.ts";
import {
  direction,
  type Locale,
  matchLocale,
  plainTranslator,
  type Translate,
} from "../ui/i18n.ts";
import type { WidgetMessages } from "./messages.ts";

/** The widget's words in one locale. */
export interface Words {
  /** The locale they are in. */
  readonly locale: Locale;
  /** The writing direction of that locale. */
  readonly dir: "ltr" | "rtl";
  /** A message filled in with its parameters (English for a key the translation lacks). */
  readonly t: Translate;
  /** A file size in that locale. */
  size(bytes: number): string;
}

/** The locale of a Help Center page: its URL's `/hc/<locale>/`, else `<html lang>`, else English. */
export function pageLocale(doc: Document): Locale {
  const fromPath = /^\/hc\/([A-Za-z-]+)(?:\/|$)/.exec(doc.location?.pathname ?? "")?.[1];
  return matchLocale(fromPath) ?? matchLocale(doc.documentElement.lang) ?? "en";
}

/** The words of `messages` in `locale`, English (`en`) for what they lack. */
export function wordsOf(locale: Locale, messages: WidgetMessages, en: WidgetMessages): Words {
  const t = plainTranslator(locale, messages, en);
  return {
    locale,
    dir: direction(locale),
    t,
    size: (bytes) => formatSize(bytes, locale, (unit, size) => t(`size.${unit}`, { size })),
  };
}
