/// <reference lib="dom" />
/**
 * The signed-out sidebar: "Activate a new account" and "Log in" open the service's connect page
 * in a new tab and start a device pairing (see `pairing.ts`); the sidebar shows the code the
 * agent should see on that page, polls until the agent allows it, and hands the key pair on.
 *
 * @module
 */
import { h, replaceChildren } from "../ui/dom.ts";
import {
  type PairedCredentials,
  type Pairing,
  PairingError,
  startPairing,
  waitForPairing,
} from "./pairing.ts";
import { t } from "./strings.ts";

/** Options of {@linkcode SignInView}. */
export interface SignInViewOptions {
  /** Origin of the service. */
  serviceUrl: string;
  /** Called once with the key pair when the agent allowed the pairing. */
  onSignedIn: (credentials: PairedCredentials) => void;
  /** A note shown above the buttons (e.g. why the agent was signed out). */
  notice?: string;
  /** Called whenever the view's size may have changed. */
  onChange?: () => void;
  /** The `fetch` for the pairing calls. @default {globalThis.fetch} */
  fetch?: typeof fetch;
}

/** Which page of the service the agent is sent to. */
type Purpose = "login" | "signup";

/** The signed-out view. */
export class SignInView {
  /** The section element. */
  readonly element: HTMLElement;
  readonly #options: SignInViewOptions;
  readonly #panel: HTMLElement;
  readonly #buttons: HTMLButtonElement[];
  #controller: AbortController | undefined;

  /** Builds the view. */
  constructor(options: SignInViewOptions) {
    this.#options = options;
    const activate = h(
      "button",
      { class: "button", attrs: { type: "button", "data-role": "activate" } },
      t("signin.activate"),
    );
    const login = h(
      "button",
      { class: "button button-primary", attrs: { type: "button", "data-role": "login" } },
      t("signin.login"),
    );
    activate.addEventListener("click", () => this.#begin("signup"));
    login.addEventListener("click", () => this.#begin("login"));
    this.#buttons = [activate, login];
    this.#panel = h("div", { class: "pairing", attrs: { "data-role": "pairing" } });
    this.element = h(
      "section",
      { class: "section signin" },
      h("h2", {}, t("signin.title")),
      options.notice ? h("p", { class: "message error" }, options.notice) : null,
      h(
        "p",
        {},
        t("signin.intro"),
      ),
      h("div", { class: "button-row" }, login, activate),
      this.#panel,
    );
  }

  /** Stops a pairing in progress (the view is going away). */
  destroy(): void {
    this.#controller?.abort();
  }

  #begin(purpose: Purpose): void {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    // Open the tab now, inside the click, or the browser blocks it as a pop-up; it is pointed at
    // the service once the pairing has started.
    const tab = globalThis.open("", "_blank");
    void this.#pair(purpose, tab, controller);
  }

  async #pair(purpose: Purpose, tab: Window | null, controller: AbortController): Promise<void> {
    const { serviceUrl, fetch } = this.#options;
    const signal = controller.signal;
    replaceChildren(this.#panel, h("p", { class: "muted" }, t("signin.starting")));
    this.#options.onChange?.();
    let pairing: Pairing;
    try {
      pairing = await startPairing(serviceUrl, { fetch, signal });
    } catch (error) {
      tab?.close();
      if (!signal.aborted) this.#fail(error);
      return;
    }
    const url = new URL(pairing.verificationUrl);
    if (purpose === "signup") url.searchParams.set("mode", "signup");
    if (tab && !tab.closed) {
      // The service page must not be able to reach back into the app through window.opener.
      tab.opener = null;
      tab.location.href = url.href;
    }
    const again = h(
      "a",
      {
        class: "link",
        attrs: { href: url.href, target: "_blank", rel: "noopener noreferrer" },
      },
      t(tab ? "signin.openAgain" : "signin.open"),
    );
    const cancel = h(
      "button",
      { class: "button-link", attrs: { type: "button" } },
      t("signin.cancel"),
    );
    cancel.addEventListener("click", () => {
      controller.abort();
      replaceChildren(this.#panel);
      this.#options.onChange?.();
    });
    replaceChildren(
      this.#panel,
      h(
        "p",
        {},
        t(purpose === "signup" ? "signin.signupSteps" : "signin.loginSteps"),
      ),
      h("p", { class: "user-code", attrs: { "data-role": "user-code" } }, pairing.userCode),
      h("p", { class: "muted" }, `${t("signin.waiting")} `, again, " · ", cancel),
    );
    this.#options.onChange?.();
    try {
      const credentials = await waitForPairing(serviceUrl, pairing, { fetch, signal });
      if (signal.aborted) return;
      this.#controller = undefined;
      this.#options.onSignedIn(credentials);
    } catch (error) {
      if (!signal.aborted) this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    const message = error instanceof PairingError
      ? error.message
      : t("signin.failed", { reason: error instanceof Error ? error.message : String(error) });
    replaceChildren(
      this.#panel,
      h("p", { class: "message error", attrs: { "data-role": "signin-error" } }, message),
    );
    for (const button of this.#buttons) button.disabled = false;
    this.#options.onChange?.();
  }
}
