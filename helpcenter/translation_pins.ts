/// <reference lib="dom" />
/**
 * A chunk that holds only pins: the hashes of the widget's words (English and each translation,
 * a chunk each), written here by the build, and the imports of those chunks, checked against
 * them. The loader, on every Help Center page, pins this one small file instead of thirteen (each
 * hash is 48 bytes that no compression makes smaller, and the loader has a budget), as it pins
 * `transfer_pins.ts` for the encryption code. The code that fills the words in (`words.ts`, with
 * `ui/i18n.ts`) is pinned here too: the loader does not carry it.
 *
 * It imports nothing statically (the build would refuse the chain otherwise: a static import
 * runs before this file could check it), and reaches the page's registry (`src/pins.ts`, in the
 * loader) through `globalThis`.
 *
 * @module
 */
import type { PinRegistry } from "../src/pins.ts";
import type { Locale } from "../ui/i18n.ts";
import type { WidgetMessages } from "./messages.ts";
import type { Words } from "./words.ts";

(globalThis as Record<symbol, PinRegistry | undefined>)[Symbol.for("padlock.pins")]?.add(
  "__PADLOCK_PINS__",
  import.meta.url,
);

/**
 * The widget's words for a page (`/hc/<locale>/`, `<html lang>`) or a locale: that locale's
 * translation, or English when it cannot be loaded. Every chunk is checked against its hash.
 *
 * @throws an error named `IntegrityError` when the English words or the code that fills them in
 *   differ from the build; a `TypeError` when they cannot be fetched.
 */
export async function loadWords(from: Document | Locale): Promise<Words> {
  const [{ pageLocale, wordsOf }, { default: en }] = await Promise.all([
    import("./words.ts"),
    import("./messages.ts"),
  ]);
  let locale = typeof from === "string" ? from : pageLocale(from);
  let messages = en;
  if (locale !== "en") {
    try {
      messages = (await TRANSLATIONS[locale]()).default;
    } catch {
      locale = "en";
    }
  }
  return wordsOf(locale, messages, en);
}

/** Each translation, a chunk of its own (a static `import()` each, so the bundler splits them). */
const TRANSLATIONS: Record<Exclude<Locale, "en">, () => Promise<{ default: WidgetMessages }>> = {
  "en-XA": () => import("./translations/en-XA.ts"),
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
