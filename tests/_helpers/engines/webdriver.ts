/**
 * A thin client of WebDriver classic (W3C WebDriver, HTTP + JSON) with the dozen commands the
 * journeys use: a session, navigation, script execution, elements (find, click, clear, send
 * keys, screenshot), frames and the window size. WebDriver classic is a W3C Recommendation whose
 * commands are a fixed set of JSON requests; a client of its own here is ~150 lines over `fetch`
 * instead of a dependency tree (selenium-webdriver, webdriverio) for the same requests.
 *
 * @module
 */

/** The key under which WebDriver returns an element reference. */
export const ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";

/** An element reference as WebDriver sends and accepts it. */
export type ElementRef = { [ELEMENT_KEY]: string };

/** A WebDriver error answer (`error` is the W3C error code, e.g. "no such element"). */
export class WebDriverError extends Error {
  /** The W3C error code. */
  code: string;

  /**
   * Creates the error.
   *
   * @param code the W3C error code.
   * @param message the driver's message.
   */
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = "WebDriverError";
    this.code = code;
  }
}

/** The result a script sent by {@linkcode WebDriverSession.execute} hands back. */
type ScriptOutcome = { ok: unknown } | { thrown: string };

/** One WebDriver session. */
export class WebDriverSession {
  readonly #base: string;
  /** The capabilities the driver answered with. */
  readonly capabilities: Record<string, unknown>;

  private constructor(base: string, capabilities: Record<string, unknown>) {
    this.#base = base;
    this.capabilities = capabilities;
  }

  /**
   * Opens a session on the driver at `driverUrl`.
   *
   * @throws {WebDriverError} when the driver refuses the session.
   */
  static async create(
    driverUrl: string,
    capabilities: Record<string, unknown>,
  ): Promise<WebDriverSession> {
    const value = await call(driverUrl, "POST", "/session", {
      capabilities: { alwaysMatch: capabilities },
    }) as { sessionId: string; capabilities: Record<string, unknown> };
    return new WebDriverSession(`${driverUrl}/session/${value.sessionId}`, value.capabilities);
  }

  /** Sends one command of this session and returns its `value`. */
  command(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
    return call(this.#base, method, path, body);
  }

  /** Navigates the top-level browsing context and waits for the page to load. */
  async navigate(url: string): Promise<void> {
    await this.command("POST", "/url", { url });
  }

  /** The address of the top-level browsing context. */
  async url(): Promise<string> {
    return String(await this.command("GET", "/url"));
  }

  /**
   * Runs `source` (a function's text) in the current browsing context with `args`, awaiting a
   * returned promise, and returns its JSON result.
   *
   * @throws {Error} with the page's message when the function throws or rejects.
   */
  async execute(source: string, args: unknown[]): Promise<unknown> {
    const script = `const done = arguments[arguments.length - 1];
const args = Array.prototype.slice.call(arguments, 0, -1);
Promise.resolve().then(() => (${source}).apply(null, args)).then(
  (value) => done({ ok: value === undefined ? null : value }),
  (error) => done({ thrown: String(error && error.stack ? error.message + "\\n" + error.stack : error) }),
);`;
    const outcome = await this.command("POST", "/execute/async", { script, args }) as ScriptOutcome;
    if ("thrown" in outcome) throw new Error(`In the page: ${outcome.thrown}`);
    return outcome.ok;
  }

  /**
   * The first element matching a CSS selector in the current browsing context.
   *
   * @throws {WebDriverError} "no such element" when none matches.
   */
  async find(selector: string): Promise<ElementRef> {
    return await this.command("POST", "/element", {
      using: "css selector",
      value: selector,
    }) as ElementRef;
  }

  /** Clicks an element (scrolled into view first, as a user's click). */
  async click(element: ElementRef): Promise<void> {
    await this.command("POST", `/element/${element[ELEMENT_KEY]}/click`, {});
  }

  /** Empties an editable element. */
  async clear(element: ElementRef): Promise<void> {
    await this.command("POST", `/element/${element[ELEMENT_KEY]}/clear`, {});
  }

  /** Types `text` into an element (for a file input: the file paths, one per line). */
  async sendKeys(element: ElementRef, text: string): Promise<void> {
    await this.command("POST", `/element/${element[ELEMENT_KEY]}/value`, { text });
  }

  /** A PNG of the element, or of the viewport without one. */
  async screenshot(element?: ElementRef): Promise<Uint8Array> {
    const path = element ? `/element/${element[ELEMENT_KEY]}/screenshot` : "/screenshot";
    const base64 = String(await this.command("GET", path));
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  }

  /** Makes the iframe `element` the current browsing context, or the top level with `null`. */
  async switchToFrame(element: ElementRef | null): Promise<void> {
    await this.command("POST", "/frame", { id: element });
  }

  /** Sets the window's outer size. */
  async setWindowSize(width: number, height: number): Promise<void> {
    await this.command("POST", "/window/rect", { width, height });
  }

  /** Ends the session (the driver closes the browser). */
  async delete(): Promise<void> {
    await this.command("DELETE", "");
  }
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: { value?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new WebDriverError("unknown error", `${response.status} ${text.slice(0, 200)}`);
  }
  const value = parsed.value as { error?: string; message?: string } | undefined;
  if (!response.ok || (value && typeof value === "object" && "error" in value && value.error)) {
    throw new WebDriverError(String(value?.error ?? response.status), String(value?.message));
  }
  return parsed.value;
}
