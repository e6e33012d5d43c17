/// <reference lib="dom" />
/**
 * The file list of an opened package: each file with its name (as text), size and the package's
 * expiry, a Download button that turns into progress and Cancel, and "Download all", which saves
 * the files one after the other.
 *
 * @module
 */
import type { FileInfo } from "../src/api.ts";
import { h, replaceChildren } from "../ui/dom.ts";
import { date, size, t } from "./strings.ts";

/**
 * Downloads, decrypts and saves one file; rejects with an AbortError when cancelled. Calls
 * `onReconnecting` while it waits for the network to come back (until the next progress).
 */
export type FileDownloader = (
  file: FileInfo,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
  onReconnecting: () => void,
) => Promise<void>;

/** What the file list shows. */
export interface FilesViewOptions {
  /** The files of the package. */
  files: FileInfo[];
  /** When the package expires (ISO), if it does. */
  expires?: string;
  /** The sender's message, decrypted, if any. */
  message?: string;
  /** Who is signed in, if anyone (an agent opening a dropzone package). */
  signedInAs?: string;
  /** The download of one file. */
  download: FileDownloader;
}

interface Row {
  file: FileInfo;
  start(): Promise<boolean>;
  cancel(): void;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

function fileRow(file: FileInfo, download: FileDownloader): { element: HTMLLIElement; row: Row } {
  const status = h("div", { class: "file-status", attrs: { "data-role": "file-status" } });
  const bar = h("div", { class: "progress-bar" });
  const progress = h("div", {
    class: "progress",
    attrs: { role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", hidden: "" },
  }, bar);
  const button = h(
    "button",
    { class: "button small", attrs: { type: "button", "data-role": "download" } },
    t("files.download"),
  );
  const cancel = h(
    "button",
    { class: "button small", attrs: { type: "button", "data-role": "cancel", hidden: "" } },
    t("files.cancel"),
  );
  const element = h(
    "li",
    { class: "file", attrs: { "data-role": "file" } },
    h("div", { class: "file-name", attrs: { "data-role": "file-name" } }, file.fileName),
    h("div", { class: "file-meta" }, size(file.fileSize)),
    h("div", { class: "file-actions" }, button, cancel),
    progress,
    status,
  );
  let controller: AbortController | undefined;
  const setState = (state: string, text: string) => {
    element.dataset.state = state;
    status.textContent = text;
  };
  const row: Row = {
    file,
    async start() {
      if (controller) return false;
      controller = new AbortController();
      button.hidden = true;
      cancel.hidden = false;
      progress.hidden = false;
      bar.style.width = "0%";
      setState("downloading", t("files.downloading"));
      try {
        await download(file, controller.signal, (done, total) => {
          const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 100;
          bar.style.width = `${percent}%`;
          progress.setAttribute("aria-valuenow", String(percent));
          status.textContent = t("files.downloadingPercent", { percent });
        }, () => void (status.textContent = t("files.reconnecting")));
        setState("done", t("files.saved"));
        return true;
      } catch (error) {
        if (isAbort(error)) setState("cancelled", t("files.cancelled"));
        else setState("error", error instanceof Error ? error.message : String(error));
        return false;
      } finally {
        controller = undefined;
        button.hidden = false;
        button.textContent = t(
          element.dataset.state === "done" ? "files.downloadAgain" : "files.download",
        );
        cancel.hidden = true;
        progress.hidden = true;
      }
    },
    cancel() {
      controller?.abort();
    },
  };
  button.addEventListener("click", () => void row.start());
  cancel.addEventListener("click", () => row.cancel());
  return { element, row };
}

/** Shows the files in `card`. */
export function showFiles(card: HTMLElement, options: FilesViewOptions): void {
  card.dataset.state = "files";
  const rows: Row[] = [];
  const list = h("ul", { class: "files", attrs: { "data-role": "files" } });
  for (const file of options.files) {
    const { element, row } = fileRow(file, options.download);
    rows.push(row);
    list.appendChild(element);
  }
  let stopAll = false;
  const all = h(
    "button",
    { class: "button primary", attrs: { type: "button", "data-role": "download-all" } },
    t("files.downloadAll"),
  );
  all.addEventListener("click", async () => {
    if (all.dataset.running === "true") {
      stopAll = true;
      for (const row of rows) row.cancel();
      return;
    }
    stopAll = false;
    all.dataset.running = "true";
    all.textContent = t("files.cancelAll");
    for (const row of rows) {
      if (stopAll) break;
      await row.start();
    }
    all.dataset.running = "false";
    all.textContent = t("files.downloadAll");
  });
  const expiry = date(options.expires);
  const count = options.files.length;
  replaceChildren(
    card,
    h("h1", {}, t("files.count", { count })),
    h(
      "p",
      { class: "muted", attrs: { "data-role": "expiry" } },
      expiry ? `${t("files.until", { date: expiry })} ` : "",
      t("files.decrypted"),
    ),
    options.message
      ? h(
        "div",
        { class: "message-box", attrs: { "data-role": "package-message" } },
        options.message,
      )
      : null,
    count === 0 ? h("p", {}, t("files.empty")) : list,
    count > 1 ? h("div", { class: "actions" }, all) : null,
  );
}
