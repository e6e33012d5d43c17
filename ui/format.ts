/// <reference lib="dom" />
/**
 * Small formatting helpers for the widget's text.
 *
 * @module
 */

/** A file size for people: `512 B`, `4.2 KB`, `6.3 MB`, `1.1 GB` (decimal units, as Zendesk). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) {
    throw new RangeError(`bytes must be a non-negative number: current value is ${bytes}`);
  }
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
