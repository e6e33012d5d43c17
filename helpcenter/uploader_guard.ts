/// <reference lib="dom" />
/**
 * Keeps Zendesk's own uploader away from the files of a secured form: hides its dropzone and
 * upload list, disables its file inputs, and stops, before any page script sees them, the
 * `change` events of those inputs and the file drops and pastes that Zendesk's uploader
 * listens for (the legacy uploader takes drops anywhere on the page). Files dropped or pasted
 * in a secured form go to the widget instead. Pages without a secured form are not touched.
 *
 * @module
 */
import { hasFiles } from "./dropzone_view.ts";

/** What the guard needs to know about the secured forms on the page. */
export interface GuardHost {
  /** The secured form's file taker for a node inside a secured form, else undefined. */
  securedFormOf(
    node: Node,
  ): { takeFiles(files: File[]): void; handleDrag(event: DragEvent): void } | undefined;
  /** Whether the page has a secured form at the moment. */
  hasSecuredForms(): boolean;
}

interface Saved {
  element: HTMLElement;
  display: string;
  priority: string;
  disabled?: boolean;
}

const DRAG_EVENTS = ["dragenter", "dragover", "dragleave", "drop"] as const;

/** The guard of one page. */
export class UploaderGuard {
  #host: GuardHost;
  #saved = new Map<HTMLElement, Saved>();
  #listeners: [string, EventListener][] = [];
  #window?: Window;

  /** Creates the guard; call {@linkcode UploaderGuard.install} to start it. */
  constructor(host: GuardHost) {
    this.#host = host;
  }

  /**
   * Adds the capture-phase listeners to `win`. Listeners on the window in the capture phase
   * run before any listener of the page's own scripts on the form or its inputs.
   */
  install(win: Window): void {
    if (this.#window) return;
    this.#window = win;
    const add = (type: string, listener: EventListener) => {
      win.addEventListener(type, listener, true);
      this.#listeners.push([type, listener]);
    };
    const stopFileInput = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || target.type !== "file") return;
      if (target.closest(".padlock-attachments")) return;
      if (!this.#saved.has(target) && !this.#host.securedFormOf(target)) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      // Drop whatever the input holds, so nothing can read the file from it later.
      target.value = "";
    };
    add("change", stopFileInput);
    add("input", stopFileInput);
    add("click", (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && this.#saved.has(target)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    });
    for (const type of DRAG_EVENTS) {
      add(type, (event) => this.#onDrag(event as DragEvent));
    }
    add("paste", (event) => {
      const clipboard = (event as ClipboardEvent).clipboardData;
      const files = [...(clipboard?.files ?? [])];
      if (files.length === 0 || !(event.target instanceof Node)) return;
      const secured = this.#host.securedFormOf(event.target);
      if (!secured) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      secured.takeFiles(files);
    });
  }

  /** Removes the listeners and shows again every element the guard hid. */
  uninstall(): void {
    for (const [type, listener] of this.#listeners) {
      this.#window?.removeEventListener(type, listener, true);
    }
    this.#listeners = [];
    this.#window = undefined;
    for (const element of [...this.#saved.keys()]) this.release(element);
  }

  /** Hides `element` (Zendesk's dropzone or upload list); idempotent. */
  hide(element: HTMLElement): void {
    if (this.#saved.has(element)) return;
    this.#saved.set(element, {
      element,
      display: element.style.getPropertyValue("display"),
      priority: element.style.getPropertyPriority("display"),
    });
    element.style.setProperty("display", "none", "important");
  }

  /** Disables Zendesk's file `input` so that it can neither open a chooser nor be submitted. */
  disable(input: HTMLInputElement): void {
    if (this.#saved.has(input)) return;
    this.#saved.set(input, { element: input, display: "", priority: "", disabled: input.disabled });
    input.value = "";
    input.disabled = true;
  }

  /** Whether the guard holds `element` hidden or disabled. */
  holds(element: HTMLElement): boolean {
    return this.#saved.has(element);
  }

  /** Gives `element` back as it was. */
  release(element: HTMLElement): void {
    const saved = this.#saved.get(element);
    if (!saved) return;
    this.#saved.delete(element);
    if (saved.disabled !== undefined && element instanceof HTMLInputElement) {
      element.disabled = saved.disabled;
      return;
    }
    if (saved.display) element.style.setProperty("display", saved.display, saved.priority);
    else element.style.removeProperty("display");
    if (element.getAttribute("style") === "") element.removeAttribute("style");
  }

  #onDrag(event: DragEvent): void {
    if (!hasFiles(event) || !this.#host.hasSecuredForms()) return;
    const target = event.target;
    if (!(target instanceof Node)) return;
    // No page script sees a file drag while a secured form is on the page: Zendesk's legacy
    // uploader takes drops anywhere on the document.
    event.stopImmediatePropagation();
    const secured = this.#host.securedFormOf(target);
    if (secured) {
      secured.handleDrag(event);
    } else if (event.type !== "dragleave") {
      // Outside the secured form a drop does nothing (not even open the file in the tab).
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "none";
    }
  }
}
