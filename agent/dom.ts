/// <reference lib="dom" />
/**
 * A tiny DOM builder for the sidebar views: elements get their text through `textContent` only,
 * so untrusted text (file names, ticket text, server messages) can never become markup.
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

/** A cloud with an upward arrow (the "send files" button). */
export const CLOUD_UPLOAD = [
  "M19.35 10.04A7.49 7.49 0 0 0 12 4C9.11 4 6.6 5.64 5.35 8.04A5.994 5.994 0 0 0 0 14c0 3.31 " +
  "2.69 6 6 6h13c2.76 0 5-2.24 5-5 0-2.64-2.05-4.78-4.65-4.96zM14 13v4h-4v-4H7l5-5 5 5h-3z",
];

/** A padlock. */
export const LOCK = [
  "M18 8h-1V6A5 5 0 0 0 7 6v2H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 " +
  "0-2-2zM9 6a3 3 0 0 1 6 0v2H9V6zm3 11a2 2 0 1 1 0-4 2 2 0 0 1 0 4z",
];

/** Formats a byte count for people: `0 B`, `12 KB`, `3.4 MB`. */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1000) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** Formats a date for the sidebar (`Mar 3, 2025, 14:05`), or `""` when it is not a date. */
export function formatDate(value: string | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
