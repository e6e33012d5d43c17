/**
 * How sizes, progress and dates read in every surface (widget, sidebar, portal), so that a file
 * shows the same size in the Help Center, in the ticket sidebar and on the receive page.
 *
 * @module
 */

/**
 * A file size for people: `512 B`, `4.2 KB`, `6.3 MB`, `1.1 GB` (decimal units, as Zendesk), or
 * `""` for a value that is not a size: sizes come from servers, and a view must not break on one.
 */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1000) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** Whole percent of `done` over `total`, between 0 and 100 (100 for an empty total). */
export function percent(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/**
 * A date and time for lists (`Nov 25, 2026, 02:16 AM` in the browser's language), or `""` when
 * `value` is missing or not a date.
 */
export function formatDateTime(value: string | undefined): string {
  const date = parseDate(value);
  return date
    ? date.toLocaleString(undefined, {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    })
    : "";
}

/** A long date (`25 November 2026` in the browser's language), or `""` when not a date. */
export function formatDate(value: string | undefined): string {
  const date = parseDate(value);
  return date
    ? date.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" })
    : "";
}

function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
