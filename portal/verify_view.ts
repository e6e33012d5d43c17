/// <reference lib="dom" />
/**
 * Email verification on the receive page: the visitor's address, then the 6-digit code mailed to
 * it, with "remember this browser". The answers are the server's; the page shows them as text.
 *
 * @module
 */
import { h, replaceChildren } from "../ui/dom.ts";
import { PortalApiError } from "./portal_api.ts";
import { t } from "./strings.ts";

/** What the verification view needs from the page. */
export interface VerifyHandlers {
  /** Asks for a code to be mailed; resolves with the server's message. */
  requestCode(email: string): Promise<string>;
  /** Checks a code; resolves when the session may open the package. */
  verify(email: string, code: string, remember: boolean): Promise<void>;
  /** Called once verified. */
  onVerified(): void;
}

function alertBox(): HTMLDivElement {
  return h("div", { class: "alert", attrs: { role: "alert", "data-role": "alert" } });
}

function busy(button: HTMLButtonElement, on: boolean): void {
  button.disabled = on;
}

/** Shows the address form in `card`. */
export function showEmailStep(card: HTMLElement, handlers: VerifyHandlers, email = ""): void {
  card.dataset.state = "verify-email";
  const input = h("input", {
    attrs: {
      id: "email",
      name: "email",
      type: "email",
      autocomplete: "email",
      required: "",
    },
  });
  input.value = email;
  const alert = alertBox();
  const submit = h(
    "button",
    { class: "button primary", attrs: { type: "submit" } },
    t("verify.sendCode"),
  );
  const form = h(
    "form",
    { attrs: { "data-role": "email-form", novalidate: "" } },
    h(
      "div",
      { class: "field" },
      h("label", { attrs: { for: "email" } }, t("verify.email")),
      h("p", { class: "hint" }, t("verify.emailHint")),
      input,
    ),
    h("div", { class: "actions" }, submit),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    alert.textContent = "";
    const address = input.value.trim();
    if (!address.includes("@")) {
      alert.textContent = t("verify.enterEmail");
      return;
    }
    busy(submit, true);
    try {
      const message = await handlers.requestCode(address);
      showCodeStep(card, handlers, address, message);
    } catch (error) {
      alert.textContent = error instanceof Error ? error.message : String(error);
      busy(submit, false);
    }
  });
  replaceChildren(
    card,
    h("h1", {}, t("verify.title")),
    h(
      "p",
      { class: "muted" },
      t("verify.intro"),
    ),
    alert,
    form,
  );
  input.focus();
}

/** Shows the code form in `card`, under the server's message. */
export function showCodeStep(
  card: HTMLElement,
  handlers: VerifyHandlers,
  email: string,
  message: string,
): void {
  card.dataset.state = "verify-code";
  const input = h("input", {
    class: "code",
    attrs: {
      id: "code",
      name: "code",
      type: "text",
      inputmode: "numeric",
      autocomplete: "one-time-code",
      maxlength: "6",
      pattern: "[0-9]{6}",
      required: "",
    },
  });
  const remember = h("input", { attrs: { id: "remember", name: "remember", type: "checkbox" } });
  const alert = alertBox();
  const notice = h("div", { class: "alert info", attrs: { "data-role": "notice" } }, message);
  const submit = h(
    "button",
    { class: "button primary", attrs: { type: "submit" } },
    t("verify.verify"),
  );
  const resend = h(
    "button",
    { class: "link-button", attrs: { type: "button", "data-role": "resend" } },
    t("verify.resend"),
  );
  const other = h(
    "button",
    { class: "link-button", attrs: { type: "button", "data-role": "other-email" } },
    t("verify.other"),
  );
  const form = h(
    "form",
    { attrs: { "data-role": "code-form", novalidate: "" } },
    h(
      "div",
      { class: "field" },
      h("label", { attrs: { for: "code" } }, t("verify.code")),
      input,
    ),
    h(
      "label",
      { class: "check" },
      remember,
      t("verify.remember"),
    ),
    h("div", { class: "actions" }, submit, resend, other),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    alert.textContent = "";
    const code = input.value.replace(/\s/g, "");
    if (!/^[0-9]{6}$/.test(code)) {
      alert.textContent = t("verify.enterCode");
      return;
    }
    busy(submit, true);
    try {
      await handlers.verify(email, code, remember.checked);
      handlers.onVerified();
    } catch (error) {
      alert.textContent = error instanceof Error ? error.message : String(error);
      if (error instanceof PortalApiError && error.code !== "INVALID_CODE") input.value = "";
      busy(submit, false);
      input.focus();
    }
  });
  resend.addEventListener("click", async () => {
    alert.textContent = "";
    resend.disabled = true;
    try {
      notice.textContent = await handlers.requestCode(email);
      input.value = "";
    } catch (error) {
      alert.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      resend.disabled = false;
    }
  });
  other.addEventListener("click", () => showEmailStep(card, handlers, email));
  replaceChildren(
    card,
    h("h1", {}, t("verify.codeTitle")),
    notice,
    alert,
    form,
  );
  input.focus();
}
