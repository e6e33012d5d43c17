/// <reference lib="dom" />
/**
 * A tiny DOM builder for the views of every surface: elements get their text through text nodes
 * only, so untrusted text (file names, ticket text, server messages) can never become markup.
 *
 * @module
 */

/** Attributes, properties and listeners of {@linkcode h}. */
export interface ElementOptions {
  /** Space-separated class names. */
  class?: string;
  /** Attributes set with `setAttribute` (values are text, never markup). */
  attrs?: Record<string, string>;
  /** Event listeners by event name. */
  on?: Record<string, (event: Event) => void>;
}

/** A child of {@linkcode h}: a node, text (set as text), or nothing. */
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
  const element: HTMLElementTagNameMap[K] = document.createElement(tag);
  // One EventTarget type for every tag: the union of each tag's overloads is not callable.
  const target: EventTarget = element;
  if (options.class) element.className = options.class;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    element.setAttribute(name, value);
  }
  for (const [name, listener] of Object.entries(options.on ?? {})) {
    target.addEventListener(name, listener);
  }
  append(element, ...children);
  return element;
}

/** Appends children to `parent`; strings and numbers become text nodes. */
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
  parent.replaceChildren();
  append(parent, ...children);
}

const SVG = "http://www.w3.org/2000/svg";

/** Builds an inline SVG icon from path data (no markup parsing). */
export function icon(paths: string[], className = "icon", viewBox = "0 0 24 24"): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", viewBox);
  svg.setAttribute("class", className);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const data of paths) {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", data);
    svg.appendChild(path);
  }
  return svg;
}
