/// <reference lib="dom" />
/**
 * The widget's attachment area: a dropzone that takes the place of Zendesk's (same words,
 * the orange padlock, click or keyboard to choose, drag and drop, several files) and a list of
 * files with name, size, progress, status, retry and remove. Plain DOM: every text goes in
 * through `textContent`.
 *
 * @module
 */
import type { Attachment } from "./attachments.ts";
import { percent } from "../ui/percent.ts";
import { size, t, widgetDir } from "./strings.ts";
import { checkIcon, closeIcon, fileIcon, padlockIcon } from "./icons.ts";
import type { FormGeneration } from "./request_form.ts";

/** The words of the dropzone, in Zendesk's own wording. */
export interface DropzoneWords {
  /** Legacy form: the link-styled words ("Add file"); v4: unused. */
  action?: string;
  /** The rest ("or drop files here"), or the whole sentence on the v4 form. */
  text: string;
}

/** Options of {@linkcode DropzoneView}. */
export interface DropzoneViewOptions {
  generation: FormGeneration;
  words: DropzoneWords;
  /** Accessible name of the dropzone (the field's label). */
  label: string;
  /** Files the user chose or dropped. */
  onFiles: (files: File[]) => void;
  onRemove: (id: number) => void;
  onRetry: (id: number) => void;
}

interface Row {
  element: HTMLLIElement;
  status: HTMLElement;
  progress: HTMLElement;
  bar: HTMLElement;
  retry: HTMLButtonElement;
  remove: HTMLButtonElement;
}

/** The widget's attachment area; `element` is inserted where Zendesk's was. */
export class DropzoneView {
  /** The root element (`.padlock-attachments`). */
  readonly element: HTMLDivElement;
  #options: DropzoneViewOptions;
  #zone: HTMLDivElement;
  #input: HTMLInputElement;
  #list: HTMLUListElement;
  #status: HTMLDivElement;
  #alert: HTMLDivElement;
  #rows = new Map<number, Row>();
  #locked = false;
  #dragDepth = 0;

  /** Builds the area (not yet in the page). */
  constructor(options: DropzoneViewOptions) {
    this.#options = options;
    const root = document.createElement("div");
    root.className = `padlock-attachments padlock-${options.generation}`;
    root.dataset.padlock = "attachments";
    root.dir = widgetDir();

    const zone = document.createElement("div");
    zone.className = "padlock-dropzone";
    zone.tabIndex = 0;
    zone.setAttribute("role", "button");
    zone.setAttribute("aria-label", `${options.label}: ${wordsText(options.words)}`);
    zone.append(padlockIcon(16));
    const words = document.createElement("span");
    words.className = "padlock-words";
    if (options.words.action) {
      const action = document.createElement("span");
      action.className = "padlock-link-word";
      action.textContent = options.words.action;
      words.append(action, ` ${options.words.text}`);
    } else {
      words.textContent = options.words.text;
    }
    zone.append(words);

    const input = document.createElement("input");
    input.type = "file";
    input.multiple = true;
    input.hidden = true;
    input.tabIndex = -1;
    input.className = "padlock-input";
    input.setAttribute("aria-hidden", "true");

    const hint = document.createElement("p");
    hint.className = "padlock-hint";
    hint.textContent = t("dropzone.hint");
    hint.id = `padlock-hint-${uniqueId()}`;
    zone.setAttribute("aria-describedby", hint.id);

    const list = document.createElement("ul");
    list.className = "padlock-files";
    list.setAttribute("aria-label", t("files.label"));

    const status = document.createElement("div");
    status.className = "padlock-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    const alert = document.createElement("div");
    alert.className = "padlock-alert";
    alert.setAttribute("role", "alert");

    root.append(zone, input, hint, list, status, alert);
    this.element = root;
    this.#zone = zone;
    this.#input = input;
    this.#list = list;
    this.#status = status;
    this.#alert = alert;
    this.#bindEvents();
  }

  /** The dropzone element (the part that takes files). */
  get zone(): HTMLElement {
    return this.#zone;
  }

  /** Opens the browser's file chooser. */
  choose(): void {
    if (!this.#locked) this.#input.click();
  }

  /**
   * Handles a drag carrying files anywhere in the secured form (the uploader guard routes them
   * here from the window's capture phase, so no page script sees them): highlights the
   * dropzone while the drag is over it and takes the files of the drop.
   */
  handleDrag(event: DragEvent): void {
    const overZone = event.target instanceof Node && this.#zone.contains(event.target);
    switch (event.type) {
      case "dragenter":
        event.preventDefault();
        if (overZone) this.#dragDepth++;
        this.#zone.classList.toggle("is-dragging", this.#dragDepth > 0 && !this.#locked);
        break;
      case "dragover":
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = this.#locked ? "none" : "copy";
        break;
      case "dragleave":
        if (overZone) this.#dragDepth = Math.max(0, this.#dragDepth - 1);
        this.#zone.classList.toggle("is-dragging", this.#dragDepth > 0 && !this.#locked);
        break;
      case "drop": {
        event.preventDefault();
        this.#dragDepth = 0;
        this.#zone.classList.remove("is-dragging");
        const files = [...(event.dataTransfer?.files ?? [])];
        if (files.length > 0 && !this.#locked) this.#options.onFiles(files);
        break;
      }
    }
  }

  /** Shows every attachment (adds, updates and drops rows to match). */
  render(attachments: readonly Attachment[]): void {
    const ids = new Set(attachments.map((attachment) => attachment.id));
    for (const [id, row] of this.#rows) {
      if (!ids.has(id)) {
        row.element.remove();
        this.#rows.delete(id);
      }
    }
    for (const attachment of attachments) this.update(attachment);
  }

  /** Shows the current state of one attachment. */
  update(attachment: Attachment): void {
    const { id, status, name } = attachment;
    if (status === "removed") {
      this.#rows.get(id)?.element.remove();
      this.#rows.delete(id);
      return;
    }
    let row = this.#rows.get(id);
    if (!row) {
      row = this.#createRow(attachment);
      this.#rows.set(id, row);
      this.#list.append(row.element);
    }
    const value = percent(attachment.done, attachment.size);
    row.element.dataset.status = status;
    row.element.toggleAttribute("data-reconnecting", attachment.reconnecting);
    row.progress.setAttribute("aria-valuenow", String(value));
    row.bar.style.width = `${value}%`;
    // A file refused for a dropzone rule gets no Retry: the same file is refused again.
    row.retry.hidden = attachment.refused || status != "failed";
    row.remove.disabled = this.#locked;
    const uploading = status === "uploading";
    row.remove.setAttribute(
      "aria-label",
      t(uploading ? "file.cancelName" : "file.removeName", { name }),
    );
    row.remove.title = t(uploading ? "file.cancel" : "file.remove");
    if (uploading) {
      // While the upload waits for the network, it goes on from the parts already stored.
      row.status.textContent = t(attachment.reconnecting ? "file.reconnecting" : "file.uploading", {
        percent: value,
      });
    } else if (status === "uploaded") {
      row.status.replaceChildren(checkIcon(12), t("file.uploaded"));
    } else {
      row.status.textContent = t("file.failed", { reason: attachment.error ?? t("error.unknown") });
    }
  }

  /** Shows (or, with an empty text, hides) a progress message such as "Finishing upload…". */
  setStatus(text: string): void {
    this.#status.textContent = text;
  }

  /** Shows (or, with an empty text, hides) an error the user must act on. */
  setAlert(text: string): void {
    this.#alert.textContent = text;
  }

  /** Locks the area while the form is being submitted: no new files, no removal. */
  setLocked(locked: boolean): void {
    this.#locked = locked;
    this.#zone.setAttribute("aria-disabled", String(locked));
    this.#zone.tabIndex = locked ? -1 : 0;
    for (const row of this.#rows.values()) {
      row.remove.disabled = locked;
      row.retry.disabled = locked;
    }
  }

  #createRow(attachment: Attachment): Row {
    const element = document.createElement("li");
    element.className = "padlock-file";
    const name = document.createElement("span");
    name.className = "padlock-file-name";
    name.textContent = attachment.name;
    name.title = attachment.name;
    const sizeLabel = document.createElement("span");
    sizeLabel.className = "padlock-file-size";
    sizeLabel.textContent = size(attachment.size);
    const actions = document.createElement("span");
    actions.className = "padlock-file-actions";
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "padlock-button padlock-retry";
    retry.textContent = t("file.retry");
    retry.setAttribute("aria-label", t("file.retryName", { name: attachment.name }));
    retry.addEventListener("click", () => this.#options.onRetry(attachment.id));
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "padlock-button padlock-remove";
    remove.append(closeIcon(12));
    remove.addEventListener("click", () => this.#options.onRemove(attachment.id));
    actions.append(retry, remove);
    const progress = document.createElement("div");
    progress.className = "padlock-progress";
    progress.setAttribute("role", "progressbar");
    progress.setAttribute("aria-valuemin", "0");
    progress.setAttribute("aria-valuemax", "100");
    progress.setAttribute("aria-label", t("file.progressName", { name: attachment.name }));
    const bar = document.createElement("div");
    bar.className = "padlock-progress-bar";
    progress.append(bar);
    const status = document.createElement("div");
    status.className = "padlock-file-status";
    element.append(fileIcon(16), name, sizeLabel, actions, progress, status);
    return { element, status, progress, bar, retry, remove };
  }

  #bindEvents(): void {
    const zone = this.#zone;
    zone.addEventListener("click", () => this.choose());
    zone.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.choose();
      }
    });
    this.#input.addEventListener("change", () => {
      const files = [...(this.#input.files ?? [])];
      // Clear the input so that choosing the same file again fires `change` again, and so
      // that no file stays in a form control.
      this.#input.value = "";
      if (files.length > 0 && !this.#locked) this.#options.onFiles(files);
    });
  }
}

/** Whether a drag carries files (not text or a link). */
export function hasFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes("Files");
}

function wordsText(words: DropzoneWords): string {
  return words.action ? `${words.action} ${words.text}` : words.text;
}

let counter = 0;
function uniqueId(): string {
  return String(++counter);
}
