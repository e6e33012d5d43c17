/// <reference lib="dom" />
/**
 * The small interface the cross-engine journeys (`tests/engines/`) are written against: one tab
 * of one browser engine, driven by whatever that engine speaks (Chromium: Playwright over CDP;
 * Firefox: Puppeteer over WebDriver BiDi; WebKitGTK: WebDriver classic). Only what the journeys
 * need: navigate, run a function in the page, wait for a condition, click, type, hand files to a
 * file input, enter an iframe, take a screenshot, and a folder where downloads land.
 *
 * @module
 */

/** The engines the journeys run in. */
export type EngineName = "chromium" | "firefox" | "webkit";

/** A document the test acts in: the tab's page, or an iframe of it. */
export interface Surface {
  /**
   * Runs `fn` in the document with `args` (JSON values) and returns its JSON result. `fn` is sent
   * as source text: it may not use anything from the test's scope.
   *
   * @throws {Error} when `fn` throws or rejects in the page.
   */
  evaluate<A extends unknown[], R>(
    fn: (...args: A) => R | Promise<R>,
    ...args: A
  ): Promise<Awaited<R>>;
  /** Clicks the first element matching `selector` (waiting until there is one). */
  click(selector: string): Promise<void>;
  /** Replaces the value of an `<input>` or `<textarea>` by typing `text` into it. */
  fill(selector: string, text: string): Promise<void>;
  /** Focuses an element (e.g. a rich-text editor) and types `text` with the keyboard. */
  type(selector: string, text: string): Promise<void>;
  /** Gives the files at `paths` to an `<input type=file>`, as choosing them in the dialog does. */
  setFiles(selector: string, paths: string[]): Promise<void>;
}

/** The tab of an engine. */
export interface Tab extends Surface {
  /** Loads `url` and waits for its `load` event. */
  goto(url: string): Promise<void>;
  /** The address of the top-level document. */
  url(): Promise<string>;
  /** The document of the iframe element matching `selector` in this page. */
  frame(selector: string): Surface;
  /** Saves a PNG of the element matching `selector` (WebKit: of the viewport), or of the viewport. */
  screenshot(path: string, selector?: string): Promise<void>;
}

/** A running browser engine with one tab. */
export interface Engine {
  name: EngineName;
  /** The engine's version, e.g. "153.8.0esr" or "2.50.6". */
  version: string;
  /** The tab every journey acts in (its viewport is 1000 CSS pixels wide, 1200 or more high). */
  tab: Tab;
  /** The folder where the engine saves downloads without asking. */
  downloadDir: string;
  /** Stops the engine and everything started for it. */
  close(): Promise<void>;
}

/** Options of {@linkcode waitFor}. */
export interface WaitOptions {
  /** What is awaited, for the error message. */
  what: string;
  /** @default {30000} */
  timeoutMs?: number;
  /** @default {100} */
  intervalMs?: number;
}

/**
 * Calls `check` until it returns something other than `undefined`, `null` or `false`, and returns
 * that. An error thrown by `check` (e.g. the page is navigating) counts as "not yet"; the last one
 * is the cause of the timeout error.
 *
 * @throws {Error} when the condition does not hold within the timeout.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: WaitOptions,
): Promise<T> {
  const { what, timeoutMs = 30_000, intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (true) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until `surface` evaluates `fn(...args)` to a value other than `undefined`, `null` or
 * `false`, and returns it.
 *
 * @throws {Error} when it does not within the timeout.
 */
export function waitInPage<A extends unknown[], R>(
  surface: Surface,
  options: WaitOptions,
  fn: (...args: A) => R | Promise<R>,
  ...args: A
): Promise<NonNullable<Awaited<R>>> {
  return waitFor(
    async () => await surface.evaluate(fn, ...args) as NonNullable<Awaited<R>> | undefined,
    options,
  );
}

/** Waits until an element matches `selector` in `surface`. */
export async function waitForSelector(
  surface: Surface,
  selector: string,
  timeoutMs = 30_000,
): Promise<void> {
  await waitInPage(
    surface,
    { what: `an element matching ${selector}`, timeoutMs },
    (selector: string) => document.querySelector(selector) !== null,
    selector,
  );
}

/**
 * Waits until the download folder holds `name` with exactly `size` bytes, no partial file of it
 * is left (Firefox writes `<name>.part` first), and returns its bytes.
 *
 * @throws {Error} when the file is not complete within the timeout.
 */
export async function waitForDownload(
  engine: Engine,
  name: string,
  size: number,
  timeoutMs = 60_000,
): Promise<Uint8Array> {
  const path = `${engine.downloadDir}/${name}`;
  return await waitFor(async () => {
    const info = await Deno.stat(path).catch(() => undefined);
    if (!info || info.size !== size) return undefined;
    for await (const entry of Deno.readDir(engine.downloadDir)) {
      if (entry.name !== name && entry.name.startsWith(name)) return undefined;
    }
    return await Deno.readFile(path);
  }, { what: `the download ${path} (${size} bytes)`, timeoutMs });
}
