/**
 * Chromium for the journeys, through `playwright-core` like the rest of the suite (the same
 * executable and flags as `tests/_helpers/browser.ts`). Downloads are saved under their
 * suggested names into a temporary folder, as the other engines do.
 *
 * @module
 */
import type { Frame, Page } from "playwright-core";
import { launchBrowser } from "../browser.ts";
import type { Engine, Surface, Tab } from "./driver.ts";

class ChromiumSurface implements Surface {
  readonly #target: () => Promise<Page | Frame>;

  constructor(target: () => Promise<Page | Frame>) {
    this.#target = target;
  }

  async evaluate<A extends unknown[], R>(
    fn: (...args: A) => R | Promise<R>,
    ...args: A
  ): Promise<Awaited<R>> {
    const target = await this.#target();
    // An expression, not a function: Playwright passes a function one argument only. Evaluated
    // through the DevTools protocol, it is not subject to the page's Content Security Policy.
    return await target.evaluate(
      `(${fn.toString()}).apply(null, ${JSON.stringify(args)})`,
    ) as Awaited<R>;
  }

  async click(selector: string): Promise<void> {
    await (await this.#target()).click(selector);
  }

  async fill(selector: string, text: string): Promise<void> {
    await (await this.#target()).fill(selector, text);
  }

  async type(selector: string, text: string): Promise<void> {
    await (await this.#target()).locator(selector).pressSequentially(text);
  }

  async setFiles(selector: string, paths: string[]): Promise<void> {
    await (await this.#target()).setInputFiles(selector, paths);
  }
}

class ChromiumTab extends ChromiumSurface implements Tab {
  readonly #page: Page;

  constructor(page: Page) {
    super(() => Promise.resolve(page));
    this.#page = page;
  }

  async goto(url: string): Promise<void> {
    await this.#page.goto(url, { waitUntil: "load" });
  }

  url(): Promise<string> {
    return Promise.resolve(this.#page.url());
  }

  frame(selector: string): Surface {
    return new ChromiumSurface(async () => {
      const frame = await (await this.#page.waitForSelector(selector)).contentFrame();
      if (!frame) throw new Error(`${selector} is not an iframe with a document`);
      return frame;
    });
  }

  async screenshot(path: string, selector?: string): Promise<void> {
    if (selector) await this.#page.locator(selector).screenshot({ path });
    else await this.#page.screenshot({ path });
  }
}

/**
 * Starts headless Chromium with one tab.
 *
 * @throws {Error} when Chromium is missing or does not start.
 */
export async function launchChromium(): Promise<Engine> {
  const downloadDir = await Deno.makeTempDir({ prefix: "padlock-chromium-downloads-" });
  const browser = await launchBrowser();
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1000, height: 1200 },
  });
  const saving: Promise<void>[] = [];
  context.on("download", (download) => {
    // Saved next to its final name first, then renamed: the file appears only when complete.
    const path = `${downloadDir}/${download.suggestedFilename()}`;
    saving.push(
      download.saveAs(`${path}.part`).then(() => Deno.rename(`${path}.part`, path)),
    );
  });
  const page = await context.newPage();
  return {
    name: "chromium",
    version: browser.version(),
    tab: new ChromiumTab(page),
    downloadDir,
    async close() {
      await Promise.allSettled(saving);
      await browser.close();
      await Deno.remove(downloadDir, { recursive: true });
    },
  };
}
