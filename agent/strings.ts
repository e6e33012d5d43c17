/// <reference lib="dom" />
/**
 * The sidebar's words in the agent's Zendesk language (ZAF `currentUser.locale`). English is
 * built into the app; another locale's words are fetched once, before the app shows anything,
 * from `assets/locales/<locale>.json` beside this script (the app's JavaScript has a budget).
 *
 * @module
 */
import { formatDateTime, formatSize } from "../ui/format.ts";
import {
  direction,
  type Locale,
  matchLocale,
  type Params,
  PSEUDO,
  translator,
} from "../ui/i18n.ts";
import { pseudoMessages } from "../ui/pseudo.ts";
import en from "./assets/locales/en.json" with { type: "json" };

/** A message key of the sidebar. */
export type AgentKey = keyof typeof en;

/** The sidebar's messages in one language: every key of the English source. */
export type AgentMessages = Readonly<Record<AgentKey, string>>;

let words = translator("en", en);
let current: Locale = "en";

/** The sidebar's message `key` in the agent's language, filled in with `params`. */
export function t(key: AgentKey, params?: Params): string {
  return words(key, params);
}

/** The locale the sidebar speaks. */
export function agentLocale(): Locale {
  return current;
}

/** A file size in the agent's locale. */
export function size(bytes: number): string {
  return formatSize(bytes, current, (unit, size) => t(`size.${unit}`, { size }));
}

/** A date and time in the agent's locale, or `""` when not a date. */
export function dateTime(value: string | undefined): string {
  return formatDateTime(value, current);
}

/**
 * Switches the sidebar to the locale of a Zendesk language tag (`ja`, `pt-BR`, `en-US`) and
 * sets the frame's `lang` and `dir`. A locale Padlock does not speak, or whose words cannot be
 * fetched, leaves English.
 */
export async function useLocale(tag: string | undefined, doc: Document = document): Promise<void> {
  let locale = matchLocale(tag) ?? "en";
  let messages: AgentMessages = en;
  if (locale === PSEUDO) messages = pseudoMessages(en) as AgentMessages;
  else if (locale !== "en") {
    try {
      const response = await fetch(new URL(`locales/${locale}.json`, import.meta.url));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      messages = await response.json();
    } catch {
      locale = "en";
    }
  }
  words = translator(locale, messages, en);
  current = locale;
  doc.documentElement.lang = locale;
  doc.documentElement.dir = direction(locale);
}
