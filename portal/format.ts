/**
 * How sizes and dates read on the portal pages.
 *
 * @module
 */

/**
 * Formats a byte count the way Zendesk does (1 decimal above 1 KB).
 *
 * @example
 * ```ts
 * formatBytes(2_621_440); // "2.5 MB"
 * ```
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Formats an ISO date as a long date in the browser's language ("12 May 2026"); "" when invalid. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
}
