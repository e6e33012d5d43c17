/// <reference lib="dom" />
/**
 * Padlock for the Zendesk Help Center: end-to-end encrypted attachments on "Submit a request".
 * Bundle entry (`dist/helpcenter/padlock.js`), installed with one tag in the theme's
 * `document_head.hbs` (the `integrity` value is in `dist/AUDIT.md`):
 *
 * ```html
 * <script type="module" src="…/padlock.js" integrity="sha384-…" crossorigin="anonymous"
 *   data-padlock data-service-url="https://padlock.example.com" data-dropzone-id="…"
 *   data-ticket-forms="123,456"></script>
 * ```
 *
 * or configured by script with `Padlock.init({ serviceUrl, dropzoneId, ticketForms })`.
 * Runs in the browser only.
 *
 * This script runs on every Help Center page, so it holds only what finds and secures request
 * forms: configuration, form detection and the widget's view. The encryption and upload code
 * (`transfer.ts`, with `openpgp`) is a chunk of its own that `attachments.ts` imports when the
 * first file is attached, from beside this script (ES module URLs resolve against the
 * importing script's URL, so the folder works wherever it is hosted).
 *
 * @module
 */
import {
  ConfigError,
  configFromScript,
  findOwnScript,
  type PadlockOptions,
  parseConfig,
} from "./config.ts";
import { Widget } from "./widget.ts";
import { pin } from "../src/pins.ts";

// First: the hashes of every file this script can load, which the build writes here (and which
// the `integrity` of this script in the theme therefore covers).
pin("__PADLOCK_PINS__", import.meta.url);

/** The `window.Padlock` API. */
export interface PadlockApi {
  /** Starts the widget with the given configuration (once per page). */
  init(options: PadlockOptions): Widget;
  /** The running widget, if started. */
  readonly widget: Widget | undefined;
}

let running: Widget | undefined;

function init(options: PadlockOptions): Widget {
  if (running) return running;
  const widget = new Widget(parseConfig(options));
  running = widget;
  widget.start();
  return widget;
}

/** The API exposed as `window.Padlock`. */
export const Padlock: PadlockApi = {
  init,
  get widget() {
    return running;
  },
};

declare global {
  interface Window {
    Padlock?: PadlockApi;
  }
}

// Exposed as `window.Padlock` for themes that configure the widget by script.
Object.assign(globalThis, { Padlock });

const script = findOwnScript(document, import.meta.url);
if (script?.dataset.serviceUrl) {
  try {
    if (!running) {
      running = new Widget(configFromScript(script));
      running.start();
    }
  } catch (error) {
    // A misconfigured tag must not break the Help Center page: say so in the console only.
    if (error instanceof ConfigError) console.error(error.message);
    else throw error;
  }
}
