/**
 * The language of a portal visitor: the `padlock_locale` cookie that a language menu sets,
 * else the browser's `Accept-Language`, else English.
 *
 * @module
 */
import { readCookie, serializeCookie } from "../auth/cookies.ts";
import { type Locale, matchLocale, negotiateLocale } from "../../ui/i18n.ts";
import type { Portal, PortalRequest } from "./context.ts";
import { withCookies } from "./context.ts";
import { redirect, safeNextPath } from "./page.ts";

/** Name of the cookie that remembers a visitor's language. */
export const LOCALE_COOKIE = "padlock_locale";

/** The locale to speak to the sender of `req`. */
export function requestLocale(req: Request): Locale {
  return matchLocale(readCookie(req, LOCALE_COOKIE)) ??
    negotiateLocale(req.headers.get("accept-language")) ?? "en";
}

/**
 * The locale of a mail to a recipient who asked for it from `req`: the language the visitor
 * chose in the menu, else the one the sender gave for the recipient (`stored`: the agent app
 * passes the Zendesk requester's), else the browser's, else English.
 */
export function mailLocale(req: Request, stored: string | undefined): Locale {
  return matchLocale(readCookie(req, LOCALE_COOKIE)) ?? matchLocale(stored) ??
    negotiateLocale(req.headers.get("accept-language")) ?? "en";
}

/** How long the language menu's choice is remembered: a year. */
const REMEMBER_S = 365 * 24 * 3600;

/**
 * `GET /language?set=<locale>&next=<path>`: the language menu. Remembers the choice in a cookie
 * and goes back to `next` (a path of this service only); an unknown locale forgets the choice.
 */
export function chooseLanguage(portal: Portal, request: PortalRequest): Response {
  const locale = matchLocale(request.url.searchParams.get("set"));
  request.setCookies.push(serializeCookie(LOCALE_COOKIE, locale ?? "", {
    maxAge: locale ? REMEMBER_S : 0,
    secure: portal.secureCookies,
    sameSite: "Lax",
  }));
  return withCookies(request, redirect(safeNextPath(request.url.searchParams.get("next")) ?? "/"));
}
