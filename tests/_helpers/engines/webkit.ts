/**
 * WebKitGTK (Safari's engine, Debian's `webkit2gtk-driver`) for the journeys: a private X
 * screen (`Xvfb`, since MiniBrowser has no headless mode), `WebKitWebDriver` on a free port with
 * a temporary home folder (where WebKitGTK saves downloads), and one WebDriver classic session
 * driving MiniBrowser. The driver serves one session at a time, so journeys in WebKit run one
 * after the other.
 *
 * @module
 */
import type { Engine, Surface, Tab } from "./driver.ts";
import { waitFor } from "./driver.ts";
import { type ElementRef, WebDriverError, WebDriverSession } from "./webdriver.ts";

/** The driver executable: `WEBKIT_DRIVER_PATH`, else Debian's. */
export const WEBKIT_DRIVER_PATH = Deno.env.get("WEBKIT_DRIVER_PATH") ?? "/usr/bin/WebKitWebDriver";

/** The browser the driver starts (Debian's `libwebkit2gtk-4.1` MiniBrowser). */
export const MINIBROWSER_PATH = Deno.env.get("WEBKIT_BROWSER_PATH") ??
  "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/** Starts `Xvfb` on a free display and returns it with its display name (`:N`). */
async function startXvfb(): Promise<{ display: string; stop(): Promise<void> }> {
  // `-displayfd 1` makes Xvfb pick a free display and print its number once it accepts clients.
  const child = new Deno.Command("Xvfb", {
    args: ["-displayfd", "1", "-screen", "0", "1280x2000x24", "-nolisten", "tcp"],
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) {
      await child.status;
      throw new Error("Xvfb exited before it told its display");
    }
    text += value;
  }
  await reader.cancel();
  return {
    display: `:${text.trim()}`,
    async stop() {
      child.kill("SIGTERM");
      await child.status;
    },
  };
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

class WebKitSurface implements Surface {
  readonly #session: WebDriverSession;
  readonly #state: { frame: string | null };
  readonly #frame: string | null;

  constructor(session: WebDriverSession, state: { frame: string | null }, frame: string | null) {
    this.#session = session;
    this.#state = state;
    this.#frame = frame;
  }

  /** Makes this document the session's current browsing context. */
  async enter(): Promise<void> {
    // A frame is entered anew for every command: the iframe may have been reloaded meanwhile.
    if (this.#frame === null && this.#state.frame === null) return;
    await this.#session.switchToFrame(null);
    this.#state.frame = null;
    if (this.#frame !== null) {
      await this.#session.switchToFrame(await this.#find(this.#frame));
      this.#state.frame = this.#frame;
    }
  }

  #find(selector: string): Promise<ElementRef> {
    return waitFor(async () => {
      try {
        return await this.#session.find(selector);
      } catch (error) {
        if (error instanceof WebDriverError && error.code === "no such element") return undefined;
        throw error;
      }
    }, { what: `an element matching ${selector}` });
  }

  async element(selector: string): Promise<ElementRef> {
    await this.enter();
    return await this.#find(selector);
  }

  async evaluate<A extends unknown[], R>(
    fn: (...args: A) => R | Promise<R>,
    ...args: A
  ): Promise<Awaited<R>> {
    await this.enter();
    return await this.#session.execute(fn.toString(), args) as Awaited<R>;
  }

  async click(selector: string): Promise<void> {
    await this.#session.click(await this.element(selector));
  }

  async fill(selector: string, text: string): Promise<void> {
    const element = await this.element(selector);
    await this.#session.clear(element);
    await this.#session.sendKeys(element, text);
  }

  async type(selector: string, text: string): Promise<void> {
    await this.#session.sendKeys(await this.element(selector), text);
  }

  async setFiles(selector: string, paths: string[]): Promise<void> {
    // A file input takes its files as keys, one path per line.
    await this.#session.sendKeys(await this.element(selector), paths.join("\n"));
  }
}

class WebKitTab extends WebKitSurface implements Tab {
  readonly #session: WebDriverSession;
  readonly #state: { frame: string | null };

  constructor(session: WebDriverSession, state: { frame: string | null }) {
    super(session, state, null);
    this.#session = session;
    this.#state = state;
  }

  async goto(url: string): Promise<void> {
    await this.#session.navigate(url);
    this.#state.frame = null; // navigating resets the current browsing context to the top level
  }

  url(): Promise<string> {
    return this.#session.url();
  }

  frame(selector: string): Surface {
    return new WebKitSurface(this.#session, this.#state, selector);
  }

  async screenshot(path: string, selector?: string): Promise<void> {
    await this.enter();
    // WebKitGTK 2.50's element screenshots come back with a black band over part of the element:
    // the viewport from the top of the page stands in for the element (`selector` is waited for).
    if (selector) await this.element(selector);
    await this.#session.execute("() => window.scrollTo(0, 0)", []);
    await Deno.writeFile(path, await this.#session.screenshot());
  }
}

/**
 * Starts Xvfb, WebKitWebDriver and a MiniBrowser session.
 *
 * @throws {Error} when `Xvfb`, the driver or MiniBrowser is missing (`apt-get install -y
 *   webkit2gtk-driver xvfb`) or does not start.
 */
export async function launchWebKit(): Promise<Engine> {
  for (const path of [WEBKIT_DRIVER_PATH, MINIBROWSER_PATH]) {
    await Deno.stat(path).catch(() => {
      throw new Error(`${path} is missing: apt-get install -y webkit2gtk-driver xvfb`);
    });
  }
  const home = await Deno.makeTempDir({ prefix: "padlock-webkit-home-" });
  const xvfb = await startXvfb();
  const port = freePort();
  const driver = new Deno.Command(WEBKIT_DRIVER_PATH, {
    args: [`--port=${port}`],
    env: { DISPLAY: xvfb.display, HOME: home, XDG_CONFIG_HOME: `${home}/.config` },
    stdout: "null",
    stderr: "null",
  }).spawn();
  const driverUrl = `http://127.0.0.1:${port}`;
  const stopAll = async () => {
    try {
      driver.kill("SIGTERM");
    } catch { /* already gone */ }
    await driver.status;
    await xvfb.stop();
    await Deno.remove(home, { recursive: true });
  };
  let session: WebDriverSession;
  try {
    await waitFor(async () => {
      const response = await fetch(`${driverUrl}/status`);
      const body = await response.json() as { value: { ready: boolean } };
      return body.value.ready;
    }, { what: "WebKitWebDriver to be ready", timeoutMs: 20_000 });
    session = await WebDriverSession.create(driverUrl, {
      "webkitgtk:browserOptions": { binary: MINIBROWSER_PATH, args: ["--automation"] },
    });
    // A viewport of 1000 by about 1440 CSS pixels under MiniBrowser's toolbar: a whole request
    // form fits in it (an element screenshot shows only what is in the viewport).
    await session.setWindowSize(1000, 1700);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const state = { frame: null as string | null };
  return {
    name: "webkit",
    version: String(session.capabilities.browserVersion),
    tab: new WebKitTab(session, state),
    downloadDir: home,
    async close() {
      await session.delete().catch(() => {});
      await stopAll();
    },
  };
}
