/**
 * The portal's words on the server: the frame of every portal page, the pages it renders
 * (receive page shell, sign-in, account, activation, connecting the app, errors) and the answers
 * of the receive page's calls, in the visitor's locale (`locale.ts`), and the messages the
 * receive page's script reads from the page.
 *
 * @module
 */
import { type Locale, matchLocale, type Translate, translator } from "../../ui/i18n.ts";
import { pseudoMessages } from "../../ui/pseudo.ts";
import scriptEn, { type PortalCatalogue } from "../../portal/messages.ts";
import pageEn from "../../portal/page_messages.ts";
import ar from "../../portal/translations/ar.ts";
import de from "../../portal/translations/de.ts";
import es from "../../portal/translations/es.ts";
import fr from "../../portal/translations/fr.ts";
import it from "../../portal/translations/it.ts";
import ja from "../../portal/translations/ja.ts";
import ko from "../../portal/translations/ko.ts";
import nl from "../../portal/translations/nl.ts";
import pl from "../../portal/translations/pl.ts";
import ptBR from "../../portal/translations/pt-BR.ts";
import zhCN from "../../portal/translations/zh-CN.ts";
import { escapeHtml, Html, html, type HtmlValue } from "./html.ts";

const en: PortalCatalogue = { ...scriptEn, ...pageEn };

/** The translations of the portal's pages, every locale of `LOCALES` and the pseudo-locale. */
const TRANSLATIONS: Record<Locale, PortalCatalogue> = {
  en,
  de,
  fr,
  es,
  it,
  "pt-BR": ptBR,
  nl,
  pl,
  ja,
  "zh-CN": zhCN,
  ko,
  ar,
  "en-XA": pseudoMessages(en) as PortalCatalogue,
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

/**
 * The messages of `locale` the page's script uses (the server-rendered pages' `page.*` left
 * out) as JSON, safe inside a `<script>` element.
 */
export function messagesJson(locale: string): string {
  const messages = Object.fromEntries(
    Object.entries(TRANSLATIONS[pageLocale(locale)] ?? en).filter(([key]) =>
      !key.startsWith("page.")
    ),
  );
  return JSON.stringify(messages).replace(/</g, "\\u003c");
}

/**
 * A translated message as markup, its `{name}` placeholders replaced by `values` (markup such as
 * a link, or text, escaped) and the rest of it escaped: for a sentence with a link or a bold
 * word inside, whose place differs between languages.
 *
 * @example
 * ```ts
 * richText("New here? {link} then come back.", { link: html`<a href="/activate">Activate</a>` });
 * ```
 */
export function richText(message: string, values: Record<string, HtmlValue>): Html {
  const parts = message.split(/\{(\w+)\}/);
  let out = "";
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) out += escapeHtml(parts[i]);
    else out += parts[i] in values ? html`${values[parts[i]]}`.value : escapeHtml(`{${parts[i]}}`);
  }
  return new Html(out);
}

/** Each locale's own name for the language menu (`Deutsch`, `日本語`). */
export function localeName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
