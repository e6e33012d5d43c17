/**
 * Firefox ESR (Debian's `firefox-esr`) for the journeys, headless, driven by `puppeteer-core`
 * over WebDriver BiDi (Playwright's own Firefox protocol needs its patched build, and its BiDi
 * path sends a command that Firefox ESR does not know). Downloads are saved without asking into
 * a temporary folder.
 *
 * @module
 */
import puppeteer, { type ElementHandle, type Frame, type Page } from "puppeteer-core";
import type { Engine, Surface, Tab } from "./driver.ts";

/** The Firefox executable: `FIREFOX_PATH`, else Debian's `/usr/bin/firefox-esr`. */
export const FIREFOX_PATH = Deno.env.get("FIREFOX_PATH") ?? "/usr/bin/firefox-esr";

class FirefoxSurface implements Surface {
  readonly #target: () => Promise<Page | Frame>;

  constructor(target: () => Promise<Page | Frame>) {
    this.#target = target;
  }

  async evaluate<A extends unknown[], R>(
    fn: (...args: A) => R | Promise<R>,
    ...args: A
  ): Promise<Awaited<R>> {
    const target = await this.#target();
    // deno-lint-ignore no-explicit-any
    return await target.evaluate(fn as any, ...args) as Awaited<R>;
  }

  async click(selector: string): Promise<void> {
    const target = await this.#target();
    await target.waitForSelector(selector);
    await target.click(selector);
  }

  async fill(selector: string, text: string): Promise<void> {
    await (await this.#target()).locator(selector).fill(text);
  }

  async type(selector: string, text: string): Promise<void> {
    const target = await this.#target();
    await target.waitForSelector(selector);
    // A click puts the caret in the element, as a person does (focus() alone leaves a rich-text
    // editor without a selection, and it drops the keys).
    await target.click(selector);
    const page = "page" in target ? target.page() : target;
    await page.keyboard.type(text);
  }

  async setFiles(selector: string, paths: string[]): Promise<void> {
    const target = await this.#target();
    const input = await target.waitForSelector(selector) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...paths);
  }
}

class FirefoxTab extends FirefoxSurface implements Tab {
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
    // Looked up for every command: the iframe may have been reloaded meanwhile.
    return new FirefoxSurface(async () => {
      const element = await this.#page.waitForSelector(selector);
      const frame = await element?.contentFrame();
      if (!frame) throw new Error(`${selector} is not an iframe with a document`);
      return frame;
    });
  }

  async screenshot(path: string, selector?: string): Promise<void> {
    if (!selector) {
      await this.#page.screenshot({ path: path as `${string}.png` });
      return;
    }
    const element = await this.#page.waitForSelector(selector);
    await element!.screenshot({ path: path as `${string}.png` });
  }
}

/**
 * Starts headless Firefox ESR with one tab.
 *
 * @throws {Error} when Firefox is missing (`apt-get install -y firefox-esr`) or does not start.
 */
export async function launchFirefox(): Promise<Engine> {
  await Deno.stat(FIREFOX_PATH).catch(() => {
    throw new Error(`${FIREFOX_PATH} is missing: apt-get install -y firefox-esr`);
  });
  const downloadDir = await Deno.makeTempDir({ prefix: "padlock-firefox-downloads-" });
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1000, height: 1200 },
    // No network events: the journeys do not read them, and collecting them costs memory.
    networkEnabled: false,
    extraPrefsFirefox: {
      // Puppeteer asks Firefox to keep copies of request and response bodies for it (WebDriver
      // BiDi data collectors, up to 200 MB by default) in the browser's main process. With no
      // room for them Firefox refuses the collectors (Puppeteer goes on without) and copies
      // nothing: the test that measures the browser's memory measures the browser alone.
      "remote.network.maxTotalDataSize": 0,
      "browser.download.dir": downloadDir,
      "browser.download.folderList": 2,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      // The downloads panel would open over the page after each download.
      "browser.download.alwaysOpenPanel": false,
    },
  }).catch(async (error) => {
    await Deno.remove(downloadDir, { recursive: true });
    throw error;
  });
  const page = (await browser.pages())[0] ?? await browser.newPage();
  const version = (await browser.version()).replace(/^firefox\//i, "");
  return {
    name: "firefox",
    version,
    tab: new FirefoxTab(page),
    downloadDir,
    async close() {
      await browser.close();
      await Deno.remove(downloadDir, { recursive: true });
    },
  };
}
