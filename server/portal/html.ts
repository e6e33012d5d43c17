/**
 * HTML for server-rendered pages: one escape function, and a tagged template that escapes
 * every interpolated value unless it is already `Html` (built by this template).
 *
 * @module
 */

/** Markup that is safe to insert as is: built only by {@linkcode html}. */
export class Html {
  /** The markup. */
  readonly value: string;
  /** Wraps markup. Only this module and trusted constants create it. */
  constructor(value: string) {
    this.value = value;
  }
  /** The markup as a string. */
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for an HTML text node or a quoted attribute value.
 *
 * @example
 * ```ts
 * escapeHtml('<img src=x onerror="alert(1)">'); // "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** A value {@linkcode html} accepts: text (escaped), markup, or lists of them; nothing for null. */
export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * Builds markup from a template whose interpolations are escaped.
 *
 * @example
 * ```ts
 * html`<p>${"<b>"}</p>`.value; // "<p>&lt;b&gt;</p>"
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}
