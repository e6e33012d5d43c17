/**
 * Launches the system Chromium for browser tests, headless, with the flags this
 * workplace needs (no background networking: the machine has no internet).
 *
 * @module
 */
import { type Browser, chromium } from "playwright-core";

/** The Chromium executable: `CHROME_PATH`, else Debian's `/usr/bin/chromium`. */
export const CHROME_PATH = Deno.env.get("CHROME_PATH") ?? "/usr/bin/chromium";

/** Flags every test browser is started with. */
export const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Starts a headless Chromium. Close it with `await browser.close()`.
 *
 * @throws {Error} when the executable is missing or fails to start.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS, headless: true });
}
