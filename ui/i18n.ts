/**
 * Translation for every surface (widget, sidebar, receive and portal pages, mails): which
 * locales exist, how a browser's or a Help Center's language tag maps to one, and
 * {@linkcode translator}, which fills a message's named placeholders and plurals through `Intl`
 * (numbers, sizes and dates: `ui/format.ts`).
 *
 * Messages use a small subset of ICU MessageFormat: `{name}` for a value, and
 * `{count, plural, one {# file} other {# files}}` for a plural (`#` is the number, written in the
 * locale's digits; `=0` matches the value exactly; any category of `Intl.PluralRules`).
 *
 * @module
 */

/** A locale's messages, by key. */
export type Messages = Readonly<Record<string, string>>;

/** The values of a message's placeholders. */
export type Params = Readonly<Record<string, string | number>>;

/** The locales Padlock speaks. English is the source; the others are translations of it. */
export const LOCALES = [
  "en",
  "de",
  "fr",
  "es",
  "it",
  "pt-BR",
  "nl",
  "pl",
  "ja",
  "zh-CN",
  "ko",
  "ar",
] as const;

/** One of {@linkcode LOCALES}, or the pseudo-locale {@linkcode PSEUDO}. */
export type Locale = typeof LOCALES[number] | typeof PSEUDO;

/**
 * The pseudo-locale (the tag Chrome and Android use for it): English with every message
 * wrapped in `⟦…⟧`, so that a test can see any text that skipped translation.
 */
export const PSEUDO = "en-XA";

/**
 * The locale for a language tag (`de-AT` → `de`, `pt` → `pt-BR`, `zh-Hans-CN` → `zh-CN`,
 * Zendesk's `en-us` → `en`), or undefined when Padlock does not speak it.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const lower = (tag ?? "").trim().toLowerCase().replace(/_/g, "-");
  if (lower === PSEUDO.toLowerCase()) return PSEUDO;
  const language = lower.split("-")[0];
  // Traditional Chinese is not Simplified Chinese: leave it to the fallback.
  if (language === "zh") return /-(hant|tw|hk|mo)\b/.test(lower) ? undefined : "zh-CN";
  if (language === "pt") return "pt-BR";
  return LOCALES.find((locale) => locale === language);
}

/**
 * The best locale for an `Accept-Language` header (by its q-values, first match wins between
 * equals), or undefined when it names none that Padlock speaks.
 */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
  const ranges = (header ?? "").split(",").slice(0, 20).map((part, index) => {
    const [tag, ...rest] = part.trim().split(";");
    const q = rest.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
  }).filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const locale = matchLocale(range.tag);
    if (locale) return locale;
  }
  return undefined;
}

/** The writing direction of `locale`. */
export function direction(locale: string): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

// `{name, plural, branch {…} …}`: a branch may hold `{name}` placeholders, not another plural.
const PLURAL = /\{(\w+), plural,((?:\s*=?\w+\s*\{[^{}]*(?:\{\w+\}[^{}]*)*\})+)\s*\}/g;
const BRANCH = /(=?\w+)\s*\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g;

/** The locale `Intl` formats with (the pseudo-locale formats as English). */
export function intlLocale(locale: string): string {
  return locale === PSEUDO ? "en" : locale;
}

/**
 * Fills in `message`'s placeholders from `params`: numbers in the locale's digits, plurals by
 * `Intl.PluralRules`. A placeholder without a value stays as written.
 *
 * @example
 * ```ts
 * formatMessage("en", "{count, plural, one {# file} other {# files}} from {name}", {
 *   count: 2,
 *   name: "Ann",
 * }); // "2 files from Ann"
 * ```
 */
export function formatMessage(locale: string, message: string, params: Params = {}): string {
  return fillPlaceholders(
    locale,
    message.replace(PLURAL, (_, name: string, branches: string) => {
      const value = Number(params[name]);
      const category = new Intl.PluralRules(intlLocale(locale)).select(value);
      let chosen = "";
      for (const [, selector, text] of branches.matchAll(BRANCH)) {
        if (selector === `=${value}`) {
          chosen = text;
          break;
        }
        if (selector === category || (selector === "other" && !chosen)) chosen = text;
      }
      return chosen.replace(/#/g, new Intl.NumberFormat(intlLocale(locale)).format(value));
    }),
    params,
  );
}

/**
 * Fills in the `{name}` placeholders of `message` only (numbers in the locale's digits): for
 * catalogues without plurals, such as the Help Center widget's, whose loader counts its bytes.
 */
export function fillPlaceholders(locale: string, message: string, params: Params = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined
      ? whole
      : typeof value === "number"
      ? new Intl.NumberFormat(intlLocale(locale)).format(value)
      : value;
  });
}

/** A function that gives a message by key, filled in: see {@linkcode translator}. */
export type Translate = (key: string, params?: Params) => string;

/**
 * The messages of `locale` as a function of key and values; a key missing from `messages` is
 * taken from `fallback` (English), so a late translation shows English rather than a key, and an
 * unknown key shows itself.
 */
export function translator(
  locale: string,
  messages: Messages,
  fallback: Messages = messages,
): Translate {
  return (key, params) => formatMessage(locale, messages[key] ?? fallback[key] ?? key, params);
}

/** {@linkcode translator} for catalogues without plurals: see {@linkcode fillPlaceholders}. */
export function plainTranslator(
  locale: string,
  messages: Messages,
  fallback: Messages = messages,
): Translate {
  return (key, params) => fillPlaceholders(locale, messages[key] ?? fallback[key] ?? key, params);
}

/**
 * The placeholders of a message (`{name}` and plural selectors), sorted, for checking that a
 * translation keeps every placeholder of its English source.
 */
export function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const [, name] of message.matchAll(/\{(\w+)[},]/g)) names.add(name);
  return [...names].sort();
}
