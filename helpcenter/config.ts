/// <reference lib="dom" />
/**
 * The widget's configuration: where the Secure Link service is, which dropzone receives the
 * files, and which ticket forms are secured. Read from the `data-` attributes of the widget's
 * own `<script>` tag, or given to `Padlock.init({...})`.
 *
 * @module
 */

/** What the widget needs to know about the installation. */
export interface PadlockConfig {
  /** Base URL of the Secure Link service (scheme, host, optional port and path; no trailing slash). */
  serviceUrl: string;
  /** The dropzone id that receives the files (sent as `ss-api-key` on the drop-zone API). */
  dropzoneId: string;
  /**
   * Ticket form ids whose request forms are secured.
   * @default {undefined} every request form is secured
   */
  ticketForms?: string[];
  /**
   * `hyperlink`: a rich-text description gets the words "Use this link to access the attached
   * files" linked to the Secure Link instead of the URL (`data-link-style`).
   * @default {undefined} the URL
   */
  linkStyle?: "hyperlink";
}

/** The configuration as an admin writes it, before it is checked. */
export interface PadlockOptions {
  serviceUrl?: unknown;
  dropzoneId?: unknown;
  /** A list of ids, or a comma-separated string such as `"123,456"`. */
  ticketForms?: unknown;
  /** `"url"` (the default) or `"hyperlink"`. */
  linkStyle?: unknown;
}

/** The configuration is missing a value or has one the widget cannot use. */
export class ConfigError extends Error {
  /** Creates the error with a message that says which setting is wrong. */
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const DROPZONE_ID = /^[A-Za-z0-9_-]{1,200}$/;
const FORM_ID = /^[0-9A-Za-z_-]{1,40}$/;

/**
 * Checks and normalises the options of `Padlock.init` or of the script tag.
 *
 * @throws {ConfigError} when `serviceUrl` is not an http(s) URL, `dropzoneId` is missing or has
 * characters other than `A-Z a-z 0-9 _ -`, a ticket form id is not a plain id, or `linkStyle`
 * is neither `url` nor `hyperlink`.
 */
export function parseConfig(options: PadlockOptions): PadlockConfig {
  const { serviceUrl, dropzoneId, ticketForms, linkStyle } = options;
  if (typeof serviceUrl !== "string" || serviceUrl.trim() === "") {
    throw new ConfigError("Padlock: serviceUrl is missing (data-service-url on the script tag)");
  }
  let url: URL;
  try {
    url = new URL(serviceUrl.trim());
  } catch {
    throw new ConfigError(`Padlock: serviceUrl is not a URL: current value is "${serviceUrl}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`Padlock: serviceUrl must be http(s): current value is "${serviceUrl}"`);
  }
  if (typeof dropzoneId !== "string" || !DROPZONE_ID.test(dropzoneId.trim())) {
    throw new ConfigError(
      "Padlock: dropzoneId is missing or malformed (data-dropzone-id on the script tag)",
    );
  }
  if (linkStyle != null && linkStyle !== "url" && linkStyle !== "hyperlink") {
    throw new ConfigError("Padlock: linkStyle must be url or hyperlink (data-link-style)");
  }
  return {
    serviceUrl: (url.origin + url.pathname).replace(/\/+$/, ""),
    dropzoneId: dropzoneId.trim(),
    ticketForms: parseTicketForms(ticketForms),
    ...(linkStyle === "hyperlink" ? { linkStyle } : {}),
  };
}

function parseTicketForms(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value.map(String) : String(value).split(",");
  const ids = items.map((item) => item.trim()).filter((item) => item !== "");
  if (ids.length === 0) return undefined;
  for (const id of ids) {
    if (!FORM_ID.test(id)) {
      throw new ConfigError(`Padlock: ticket form id is malformed: current value is "${id}"`);
    }
  }
  return ids;
}

/**
 * Reads the configuration from the `data-` attributes of the widget's script tag:
 * `data-service-url`, `data-dropzone-id` and the optional `data-ticket-forms="123,456"` and
 * `data-link-style="hyperlink"`.
 *
 * @throws {ConfigError} as {@linkcode parseConfig}.
 */
export function configFromScript(script: HTMLScriptElement): PadlockConfig {
  return parseConfig({
    serviceUrl: script.dataset.serviceUrl,
    dropzoneId: script.dataset.dropzoneId,
    ticketForms: script.dataset.ticketForms,
    linkStyle: script.dataset.linkStyle,
  });
}

/**
 * Finds the widget's own `<script>` tag. `document.currentScript` is null for module scripts,
 * so the tag is found by its `data-padlock` attribute or by its `src` matching the module URL.
 */
export function findOwnScript(doc: Document, moduleUrl: string): HTMLScriptElement | null {
  const marked = doc.querySelector<HTMLScriptElement>("script[data-padlock]");
  if (marked) return marked;
  const own = stripQuery(moduleUrl);
  for (const script of doc.querySelectorAll<HTMLScriptElement>("script[src]")) {
    if (stripQuery(script.src) === own) return script;
  }
  return null;
}

function stripQuery(url: string): string {
  return url.replace(/[?#].*$/, "");
}

/** Whether the request form of ticket form `formId` is secured under `config`. */
export function isSecured(config: PadlockConfig, formId: string | undefined): boolean {
  if (!config.ticketForms) return true;
  return formId !== undefined && config.ticketForms.includes(formId);
}
