/**
 * A tiny HTML template helper for the sandbox's server-rendered pages: every interpolated value
 * is escaped unless it was built by {@linkcode html} itself or wrapped in {@linkcode raw}.
 *
 * @module
 */

/** A fragment of HTML that is already safe. */
export class Html {
  /** The markup. */
  readonly value: string;
  /** Wraps markup that is known to be safe. */
  constructor(value: string) {
    this.value = value;
  }
  /** The markup. */
  toString(): string {
    return this.value;
  }
}

/** Escapes text for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Marks trusted markup (constants written in this repository only). */
export function raw(markup: string): Html {
  return new Html(markup);
}

type Value = string | number | boolean | undefined | null | Html | Value[];

function render(value: Value): string {
  if (value === undefined || value === null || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  apos: "'",
  nbsp: " ",
};

/**
 * The text of an HTML fragment (tags dropped, blocks and `<br>` as line breaks, entities
 * decoded), so that user-supplied HTML can be shown again through escaping only.
 */
export function htmlToText(markup: string): string {
  return markup
    .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6]|blockquote|pre)\s*>/gi, "\n\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z0-9]+);/gi, (entity, name: string) => {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      }
      if (name.startsWith("#") && name !== "#39") {
        return String.fromCodePoint(parseInt(name.slice(1), 10));
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
