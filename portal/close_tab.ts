/// <reference lib="dom" />
/**
 * The last page of connecting the Zendesk app: the tab was opened by the app, so it may close
 * itself; when the browser refuses, the page already says to close it.
 *
 * @module
 */

/** Closes this tab after a moment (time to read the page), if the browser allows it. */
export function closeThisTab(delayMs = 1200): void {
  setTimeout(() => globalThis.close(), delayMs);
}
