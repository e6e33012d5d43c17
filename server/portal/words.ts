/**
 * The receive page's words on the server: the frame of every portal page, the receive page's
 * shell and the answers of its calls, in the visitor's locale (`locale.ts`), and the messages
 * the page's script reads from the page.
 *
 * @module
 */
import { type Locale, matchLocale, type Translate, translator } from "../../ui/i18n.ts";
import { pseudoMessages } from "../../ui/pseudo.ts";
import en, { type PortalMessages } from "../../portal/messages.ts";
import ar from "../../portal/translations/ar.ts";
import de from "../../portal/translations/de.ts";
import ja from "../../portal/translations/ja.ts";

/**
 * The translations of the receive page. A locale missing here shows English on the receive page
 * (its widget, sidebar and mails are translated all the same).
 */
const TRANSLATIONS: Partial<Record<Locale, PortalMessages>> = {
  en,
  de,
  ja,
  ar,
  "en-XA": pseudoMessages(en) as PortalMessages,
};

/** The locales the receive page speaks, for its language menu. */
export const PAGE_LOCALES: Locale[] = Object.keys(TRANSLATIONS).filter((locale) =>
  locale !== "en-XA"
) as Locale[];

/** The locale the receive page speaks for a visitor whose locale is `locale`. */
export function pageLocale(locale: string): Locale {
  const matched = matchLocale(locale);
  return matched && TRANSLATIONS[matched] ? matched : "en";
}

/** The receive page's words in `locale`. */
export function portalWords(locale: string): Translate {
  const matched = pageLocale(locale);
  return translator(matched, TRANSLATIONS[matched] ?? en, en);
}

/** The messages of `locale` as JSON for the page's script, safe inside a `<script>` element. */
export function messagesJson(locale: string): string {
  return JSON.stringify(TRANSLATIONS[pageLocale(locale)] ?? en).replace(/</g, "\\u003c");
}

/** Each locale's own name for the language menu (`Deutsch`, `日本語`). */
export function localeName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
