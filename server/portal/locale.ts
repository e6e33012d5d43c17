/**
 * The language of a portal visitor: the `padlock_locale` cookie that a language menu sets,
 * else the browser's `Accept-Language`, else English.
 *
 * @module
 */
import { readCookie } from "../auth/cookies.ts";
import { type Locale, matchLocale, negotiateLocale } from "../../ui/i18n.ts";

/** Name of the cookie that remembers a visitor's language. */
export const LOCALE_COOKIE = "padlock_locale";

/** The locale to speak to the sender of `req`. */
export function requestLocale(req: Request): Locale {
  return matchLocale(readCookie(req, LOCALE_COOKIE)) ??
    negotiateLocale(req.headers.get("accept-language")) ?? "en";
}
