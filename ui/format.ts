/**
 * How sizes, progress and dates read in every surface (widget, sidebar, portal, mails), through
 * `Intl` in the reader's locale, so that a file shows the same size in the Help Center, in the
 * ticket sidebar and on the receive page.
 *
 * @module
 */
import { intlLocale } from "./i18n.ts";

/** Units of {@linkcode formatSize}, decimal as Zendesk's. */
export type SizeUnit = "B" | "KB" | "MB" | "GB" | "TB";

/**
 * A file size for people: `512 B`, `4.2 KB`, `6.3 MB`, `1.1 GB` (decimal units, as Zendesk), the
 * number in `locale`'s digits (`1,5 KB` in German) and the unit written by `unit` (the
 * catalogue's `size.KB` …), or `""` for a value that is not a size: sizes come from servers, and
 * a view must not break on one.
 */
export function formatSize(
  bytes: number,
  locale = "en",
  unit: (unit: SizeUnit, size: string) => string = (unit, size) => `${size} ${unit}`,
): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  const units: SizeUnit[] = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let index = 0;
  while (value >= 1000 && index < units.length - 1) {
    value /= 1000;
    index++;
  }
  const digits = index > 0 && value < 10 ? 1 : 0;
  const size = new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(digits ? value : Math.round(value));
  return unit(units[index], size);
}

/**
 * A date and time for lists (`Nov 25, 2026, 02:16 AM` in English), or `""` when `value` is
 * missing or not a date.
 */
export function formatDateTime(value: string | number | undefined, locale?: string): string {
  return formatTime(value, locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** A long date (`November 25, 2026` in English), or `""` when not a date. */
export function formatDate(value: string | number | undefined, locale?: string): string {
  return formatTime(value, locale, { day: "numeric", month: "long", year: "numeric" });
}

/**
 * A time relative to `now` in its largest whole unit (`in 3 days`, `5 minutes ago`, `tomorrow`),
 * or `""` when `value` is not a date.
 */
export function formatRelative(
  value: string | number | undefined,
  locale = "en",
  now: number = Date.now(),
): string {
  const time = parseTime(value);
  if (time === undefined) return "";
  const seconds = Math.round((time - now) / 1000);
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "auto" });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];
  for (const [unit, length] of units) {
    if (Math.abs(seconds) >= length) return format.format(Math.round(seconds / length), unit);
  }
  return format.format(seconds, "second");
}

function formatTime(
  value: string | number | undefined,
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): string {
  const time = parseTime(value);
  return time === undefined
    ? ""
    : new Date(time).toLocaleString(locale ? intlLocale(locale) : undefined, options);
}

function parseTime(value: string | number | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : time;
}
