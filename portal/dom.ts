/// <reference lib="dom" />
/**
 * A tiny DOM builder for the portal pages: text goes in through `textContent` only, so untrusted
 * text (file names, server messages) can never become markup.
 *
 * @module
 */

/** Attributes and listeners of {@linkcode h}. */
export interface ElementOptions {
  /** Space-separated class names. */
  class?: string;
  /** Attributes set with `setAttribute` (values are text, never markup). */
  attrs?: Record<string, string>;
  /** Event listeners by event name. */
  on?: Record<string, (event: Event) => void>;
}

/** A child of {@linkcode h}: a node, text, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element with options and children; strings become text nodes.
 *
 * @example
 * ```ts ignore
 * const item = h("li", { class: "file" }, fileName);
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    element.setAttribute(name, value);
  }
  for (const [name, listener] of Object.entries(options.on ?? {})) {
    element.addEventListener(name, listener);
  }
  append(element, ...children);
  return element;
}

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}
