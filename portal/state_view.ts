/// <reference lib="dom" />
/**
 * The one-message states of the receive page: loading, expired or deleted, wrong or missing key,
 * no permission, sign in.
 *
 * @module
 */
import { type Child, h, replaceChildren } from "../ui/dom.ts";

/** Options of {@linkcode showState}. */
export interface StateOptions {
  /** Name of the state, set as `data-state` on the card (for tests and styles). */
  state: string;
  /** The heading. */
  title: string;
  /** The explanation. */
  message: string;
  /** Red icon for failures. */
  error?: boolean;
  /** Buttons or links under the message. */
  actions?: Child[];
}

/** Replaces the card's content with a heading, a message and optional actions. */
export function showState(card: HTMLElement, options: StateOptions): void {
  card.dataset.state = options.state;
  replaceChildren(
    card,
    h(
      "div",
      { class: `state${options.error ? " error" : ""}`, attrs: { "data-role": "state" } },
      h("div", { class: "icon", attrs: { "aria-hidden": "true" } }, options.error ? "!" : "i"),
      h("h1", {}, options.title),
      h("p", { class: "muted", attrs: { "data-role": "message" } }, options.message),
      options.actions?.length ? h("div", { class: "actions" }, ...options.actions) : null,
    ),
  );
}
