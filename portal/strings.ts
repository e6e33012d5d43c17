/// <reference lib="dom" />
/**
 * The receive page's words in the visitor's language: the service chose the locale (a
 * remembered choice, else `Accept-Language`), wrote it in `<html lang>` and put the locale's
 * messages in the page (`<script type="application/json" id="padlock-messages">`); English is
 * built in for any key the page lacks.
 *
 * @module
 */
import { formatDate, formatSize } from "../ui/format.ts";
import { type Params, translator } from "../ui/i18n.ts";
import en, { type PortalKey, type PortalMessages } from "./messages.ts";

let words = translator("en", en);
let current = "en";

/** Takes the locale and the messages the service put in `doc`. */
export function readPageWords(doc: Document): void {
  current = doc.documentElement.lang || "en";
  let messages: PortalMessages = en;
  try {
    const text = doc.getElementById("padlock-messages")?.textContent;
    if (text) messages = JSON.parse(text);
  } catch {
    messages = en;
  }
  words = translator(current, messages, en);
}

/** The page's message `key` in the visitor's language, filled in with `params`. */
export function t(key: PortalKey, params?: Params): string {
  return words(key, params);
}

/** A file size in the visitor's locale. */
export function size(bytes: number): string {
  return formatSize(bytes, current, (unit, size) => t(`size.${unit}`, { size }));
}

/** A long date in the visitor's locale, or `""` when not a date. */
export function date(value: string | undefined): string {
  return formatDate(value, current);
}
