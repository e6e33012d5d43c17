/// <reference lib="dom" />
/**
 * The widget's icons as inline SVG, built with `createElementNS` (no markup strings): the
 * orange padlock that takes the place of Zendesk's grey paperclip, and a file icon for rows.
 *
 * @module
 */

const SVG = "http://www.w3.org/2000/svg";

/** The orange of the padlock. */
export const PADLOCK_ORANGE = "#e8800c";

function svg(size: number, className: string): SVGSVGElement {
  const element = document.createElementNS(SVG, "svg");
  element.setAttribute("width", String(size));
  element.setAttribute("height", String(size));
  element.setAttribute("viewBox", "0 0 16 16");
  element.setAttribute("aria-hidden", "true");
  element.setAttribute("focusable", "false");
  element.setAttribute("class", className);
  return element;
}

function child(parent: Element, name: string, attributes: Record<string, string>): Element {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  parent.append(element);
  return element;
}

/** The orange padlock (16×16 by default). */
export function padlockIcon(size = 16): SVGSVGElement {
  const icon = svg(size, "padlock-icon padlock-icon-lock");
  child(icon, "path", {
    d: "M4.75 7V5a3.25 3.25 0 0 1 6.5 0v2",
    fill: "none",
    stroke: PADLOCK_ORANGE,
    "stroke-width": "1.5",
    "stroke-linecap": "round",
  });
  child(icon, "rect", {
    x: "2.5",
    y: "7",
    width: "11",
    height: "8",
    rx: "1.5",
    fill: PADLOCK_ORANGE,
  });
  child(icon, "circle", { cx: "8", cy: "10.6", r: "1.15", fill: "#fff" });
  child(icon, "rect", { x: "7.4", y: "11", width: "1.2", height: "2", rx: ".6", fill: "#fff" });
  return icon;
}

/** A grey file icon, for a row of the file list. */
export function fileIcon(size = 16): SVGSVGElement {
  const icon = svg(size, "padlock-icon padlock-icon-file");
  child(icon, "path", {
    d: "M3.5 1.5h6l3 3v10h-9z M9.5 1.5v3h3",
    fill: "none",
    stroke: "currentColor",
    "stroke-linejoin": "round",
  });
  return icon;
}

/** A small ✕ for the remove button. */
export function closeIcon(size = 12): SVGSVGElement {
  const icon = svg(size, "padlock-icon padlock-icon-close");
  child(icon, "path", {
    d: "M3 3l10 10M13 3L3 13",
    fill: "none",
    stroke: "currentColor",
    "stroke-width": "2",
    "stroke-linecap": "round",
  });
  return icon;
}

/** A check mark for an uploaded file. */
export function checkIcon(size = 12): SVGSVGElement {
  const icon = svg(size, "padlock-icon padlock-icon-check");
  child(icon, "path", {
    d: "M2.5 8.5l3.5 3.5 7.5-8",
    fill: "none",
    stroke: "currentColor",
    "stroke-width": "2",
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
  });
  return icon;
}
