/// <reference lib="dom" />
/**
 * "Files on this ticket": one group per Secure Link found in the ticket, listing the files behind
 * it (name, size, who attached them, when). Clicking a file downloads and decrypts it in the
 * browser, with progress and Cancel, and saves it under its own name. A failure shows on its own
 * link only.
 *
 * Saving (see src/sinks.ts): in Zendesk the app runs in a cross-origin frame, where the save
 * dialog of the File System Access API is always refused. The app streams the file to disk
 * through its download service worker where the browser lets the frame register one (Chromium
 * with third-party storage allowed, the default; not where third-party cookies are blocked,
 * nor in incognito windows), and otherwise gathers it into a Blob (Chromium keeps large blobs
 * on disk, not in the page's memory), up to a cap beyond which the agent is told to open the
 * link in a browser tab, where the receive page streams it to disk.
 *
 * @module
 */
import { type ActivityEvent, ApiError, type FileInfo, type SendSafelyClient } from "../src/api.ts";
import {
  DownloadError,
  downloadFile,
  type OpenedPackage,
  openPackage,
  readMessage,
} from "../src/download.ts";
import { parseLink } from "../src/link.ts";
import { chooseSink, type FileSink, type SinkKind } from "../src/sinks.ts";
import type { CryptoPool } from "../src/worker_pool.ts";
import { h, replaceChildren } from "../ui/dom.ts";
import { agentLocale, dateTime, size, t } from "./strings.ts";
import { formatRelative } from "../ui/format.ts";
import { percent } from "../ui/percent.ts";
import {
  describeDownloadError,
  describeServiceError,
  isAbort,
  WRONG_KEY_MESSAGE,
} from "./messages.ts";
import type { FoundLink } from "./ticket_scan.ts";

/** Chooses where a file being downloaded goes (its `WritableStream`). */
export type ChooseFileSink = (file: FileInfo) => Promise<FileSink>;

/** The ways of saving that can work in the app's frame, best first. */
export const APP_SINKS: readonly SinkKind[] = ["service-worker", "blob"];

/**
 * The app's way of saving one file: its service worker's streamed download, else a Blob (see
 * the module's documentation).
 *
 * @throws {SinkError} `TOO_LARGE` when only the Blob works here and the file is over its cap.
 */
export function chooseAppSink(file: FileInfo): Promise<FileSink> {
  return chooseSink({
    name: file.fileName,
    size: file.fileSize,
    prefer: APP_SINKS,
    serviceWorkerUrl: new URL("download_sw.js", import.meta.url),
    // What the agent is told when a file is too large for the only way of saving in the frame.
    tooLargeAdvice: t("files.tooLargeAdvice"),
  });
}

/** Downloads listed under a file; older ones are counted. */
const MAX_ACTIVITY_LINES = 3;

/** "Downloaded by rita@example.com · 2 hours ago", or "Opened by …". */
function activityLine(event: ActivityEvent): string {
  const who = event.actor || t("activity.anyone");
  const when = formatRelative(event.timestamp, agentLocale());
  return t(event.kind === "opened" ? "activity.opened" : "activity.downloaded", { who, when });
}

/** Options of {@linkcode FilesView}. */
export interface FilesViewOptions {
  /** The signed-in agent's client. */
  client: SendSafelyClient;
  /** Called whenever the view's size may have changed. */
  onChange?: () => void;
  /** Where a file being downloaded goes. @default {chooseAppSink} */
  chooseSink?: ChooseFileSink;
  /** Workers that decrypt the parts; without it parts are decrypted in the page. */
  pool?: CryptoPool;
}

interface Group {
  link: FoundLink;
  element: HTMLElement;
  body: HTMLElement;
  controllers: Set<AbortController>;
}

/** The "Files on this ticket" section. Call {@linkcode FilesView.update} after each scan. */
export class FilesView {
  /** The section element, to insert into the page. */
  readonly element: HTMLElement;
  readonly #list: HTMLElement;
  readonly #status: HTMLElement;
  readonly #client: SendSafelyClient;
  readonly #onChange: () => void;
  readonly #chooseSink: ChooseFileSink;
  readonly #pool?: CryptoPool;
  #groups = new Map<string, Group>();

  /** Builds an empty view. */
  constructor(options: FilesViewOptions) {
    const { client, onChange = () => {}, chooseSink = chooseAppSink, pool } = options;
    this.#client = client;
    this.#onChange = onChange;
    this.#chooseSink = chooseSink;
    this.#pool = pool;
    this.#status = h(
      "p",
      { class: "muted", attrs: { "data-role": "files-status" } },
      t("files.reading"),
    );
    this.#list = h("div", { class: "groups" });
    this.element = h(
      "section",
      { class: "section files", attrs: { "aria-labelledby": "files-title" } },
      h("h2", { attrs: { id: "files-title" } }, t("files.title")),
      this.#status,
      this.#list,
    );
  }

  /** Shows that reading the ticket failed. */
  showError(message: string): void {
    this.#status.className = "message error";
    this.#status.textContent = message;
    this.#onChange();
  }

  /**
   * Shows the links of the latest scan, newest first. Links already shown keep their state
   * (a download in progress goes on); new links are opened; links gone from the ticket go.
   */
  update(links: readonly FoundLink[]): void {
    const wanted = new Set(links.map((link) => link.url));
    for (const [url, group] of this.#groups) {
      if (wanted.has(url)) continue;
      for (const controller of group.controllers) controller.abort();
      group.element.remove();
      this.#groups.delete(url);
    }
    const ordered = [...links].reverse();
    for (const link of ordered) {
      if (!this.#groups.has(link.url)) this.#groups.set(link.url, this.#createGroup(link));
    }
    replaceChildren(this.#list, ...ordered.map((link) => this.#groups.get(link.url)?.element));
    this.#status.className = "muted";
    this.#status.textContent = t("files.count", { count: links.length });
    this.#onChange();
  }

  #createGroup(link: FoundLink): Group {
    const when = dateTime(link.createdAt);
    const who = link.author ? t("files.attachedBy", { name: link.author }) : t("files.attached");
    const body = h("div", { class: "group-body" }, h("p", { class: "muted" }, t("files.opening")));
    const element = h(
      "div",
      { class: "group", attrs: { "data-role": "link-group" } },
      h("p", { class: "group-meta" }, when ? t("files.metaWhen", { who, when }) : who),
      body,
    );
    const group: Group = { link, element, body, controllers: new Set() };
    void this.#open(group);
    return group;
  }

  async #open(group: Group): Promise<void> {
    let pkg: OpenedPackage;
    try {
      const parsed = parseLink(group.link.url);
      if (parsed.origin !== this.#client.host) {
        this.#showGroupError(
          group,
          t("files.otherService", { origin: parsed.origin }),
        );
        return;
      }
      pkg = await openPackage(this.#client, parsed);
    } catch (error) {
      this.#showGroupError(group, describeDownloadError(error));
      return;
    }
    // The message call checks the link's key (its checksum) without downloading anything, so a
    // wrong key shows at once rather than on the first click.
    let message: string | undefined;
    let wrongKey = false;
    try {
      message = await readMessage(this.#client, pkg);
    } catch (error) {
      wrongKey = (error instanceof ApiError && error.code === "PERMISSION_DENIED") ||
        (error instanceof DownloadError && error.code === "WRONG_KEY");
    }
    const files = pkg.files ?? [];
    // Who opened and downloaded what: only its sender and the agents of its dropzone may know.
    let activity: ActivityEvent[] = [];
    if (pkg.padlockManage) {
      activity = await this.#client.getActivity(pkg.packageId).catch(() => []);
    }
    const opened = activity.find((event) => event.kind === "opened");
    replaceChildren(
      group.body,
      this.#control(group, pkg),
      opened
        ? h(
          "p",
          { class: "activity muted", attrs: { "data-role": "opened" } },
          activityLine(opened),
        )
        : null,
      message
        ? h("p", { class: "package-message", attrs: { "data-role": "package-message" } }, message)
        : null,
      files.length === 0 ? h("p", { class: "muted" }, t("files.empty")) : h(
        "ul",
        { class: "file-list" },
        ...files.map((file) =>
          this.#fileRow(
            group,
            pkg,
            file,
            !wrongKey,
            activity.filter((event) => event.kind === "downloaded" && event.fileId === file.fileId),
          )
        ),
      ),
      h(
        "p",
        {
          class: "message error",
          attrs: { "data-role": "link-error", ...(wrongKey ? {} : { hidden: "" }) },
        },
        wrongKey ? WRONG_KEY_MESSAGE : "",
      ),
    );
    this.#onChange();
  }

  /**
   * When the package expires and, for its sender or an agent of its dropzone (the service says
   * so in `padlockManage`), Extend (7 more days, up to the service's maximum) and Delete now.
   */
  #control(group: Group, pkg: OpenedPackage): HTMLElement {
    const row = h("div", { class: "package-control", attrs: { "data-role": "control" } });
    const expires = h(
      "span",
      { class: "muted", attrs: { "data-role": "expires" } },
      pkg.expiration
        ? t("control.expires", { when: dateTime(pkg.expiration) })
        : t("control.never"),
    );
    const status = h("p", {
      class: "message error",
      attrs: { "data-role": "control-status", hidden: "" },
    });
    const failed = (error: unknown) => {
      status.textContent = t("control.failed", { reason: describeServiceError(error) });
      status.hidden = false;
      this.#onChange();
    };
    const button = (key: "control.extend" | "control.delete", role: string) =>
      h("button", { class: "button-link", attrs: { type: "button", "data-role": role } }, t(key));
    const actions = h("span", { class: "control-actions" });
    if (pkg.padlockManage) {
      if (pkg.expiration) {
        const extend = button("control.extend", "extend");
        extend.addEventListener("click", async () => {
          extend.disabled = true;
          try {
            await this.#client.updatePackage(pkg.packageId, { life: (pkg.life ?? 0) + 7 });
            await this.#open(group);
          } catch (error) {
            extend.disabled = false;
            failed(error);
          }
        });
        actions.append(extend);
      }
      const remove = button("control.delete", "delete");
      remove.addEventListener("click", () => {
        const confirm = h(
          "button",
          { class: "button danger", attrs: { type: "button", "data-role": "confirm-delete" } },
          t("control.confirmDelete"),
        );
        const keep = h(
          "button",
          { class: "button-link", attrs: { type: "button", "data-role": "keep" } },
          t("control.keep"),
        );
        keep.addEventListener("click", () => void this.#open(group));
        confirm.addEventListener("click", async () => {
          confirm.disabled = true;
          try {
            await this.#client.deletePackage(pkg.packageId);
            for (const controller of group.controllers) controller.abort();
            replaceChildren(
              group.body,
              h(
                "p",
                { class: "message success", attrs: { "data-role": "deleted" } },
                t(
                  "control.deleted",
                ),
              ),
            );
            this.#onChange();
          } catch (error) {
            confirm.disabled = false;
            failed(error);
          }
        });
        replaceChildren(
          actions,
          h("span", { class: "control-confirm" }, t("control.confirm")),
          confirm,
          keep,
        );
        this.#onChange();
      });
      actions.append(remove);
    }
    row.append(expires, actions, status);
    return row;
  }

  #showGroupError(group: Group, message: string): void {
    replaceChildren(
      group.body,
      h("p", { class: "message error", attrs: { "data-role": "link-error" } }, message),
    );
    this.#onChange();
  }

  #fileRow(
    group: Group,
    pkg: OpenedPackage,
    file: FileInfo,
    enabled: boolean,
    downloads: readonly ActivityEvent[] = [],
  ): HTMLElement {
    const name = h(
      "button",
      {
        class: "file-name",
        attrs: {
          type: "button",
          "data-role": "file",
          title: t("files.download", { name: file.fileName }),
        },
      },
      file.fileName,
    );
    const meta = h("span", { class: "file-meta muted" }, size(file.fileSize));
    const progress = h("div", { class: "progress", attrs: { hidden: "" } });
    // The latest downloads of this file (newest first), when the service tells this agent.
    const shown = downloads.slice(0, MAX_ACTIVITY_LINES);
    const activity = shown.length === 0 ? null : h(
      "ul",
      { class: "activity", attrs: { "data-role": "activity" } },
      ...shown.map((event) => h("li", { class: "muted" }, activityLine(event))),
      downloads.length > shown.length
        ? h(
          "li",
          { class: "muted" },
          t("activity.more", { count: downloads.length - shown.length }),
        )
        : null,
    );
    const row = h("li", { class: "file" }, name, meta, activity, progress);
    name.disabled = !enabled;
    name.addEventListener("click", () => void this.#download(group, pkg, file, name, progress));
    return row;
  }

  async #download(
    group: Group,
    pkg: OpenedPackage,
    file: FileInfo,
    button: HTMLButtonElement,
    progress: HTMLElement,
  ): Promise<void> {
    const linkError = group.body.querySelector<HTMLElement>('[data-role="link-error"]');
    if (linkError) linkError.hidden = true;
    const controller = new AbortController();
    group.controllers.add(controller);
    button.disabled = true;
    const bar = h("progress", { attrs: { max: String(Math.max(file.fileSize, 1)), value: "0" } });
    const label = h(
      "span",
      { class: "muted", attrs: { "data-role": "progress-label" } },
      t("files.percent", { percent: 0 }),
    );
    const cancel = h(
      "button",
      { class: "button-link", attrs: { type: "button", "data-role": "cancel" } },
      t("files.cancel"),
    );
    cancel.addEventListener("click", () => controller.abort());
    replaceChildren(progress, bar, label, cancel);
    progress.hidden = false;
    this.#onChange();

    try {
      // The decryption code is checked before a file is saved anywhere (src/pins.ts).
      await this.#pool?.checkCode();
      const sink = await this.#chooseSink(file);
      await downloadFile(this.#client, pkg, file, sink.stream, {
        signal: controller.signal,
        decrypt: this.#pool?.decrypt,
        concurrency: this.#pool?.concurrency,
        // The download waits for the network, then goes on with the parts not yet saved.
        onRetry: () => void (label.textContent = t("files.reconnecting")),
        onProgress: (done, total) => {
          bar.max = Math.max(total, 1);
          bar.value = done;
          label.textContent = t("files.percent", { percent: percent(done, total) });
        },
      });
      replaceChildren(
        progress,
        h("span", { class: "muted", attrs: { "data-role": "done" } }, t("files.downloaded")),
      );
    } catch (error) {
      if (isAbort(error)) {
        replaceChildren(progress, h("span", { class: "muted" }, t("files.cancelled")));
      } else {
        progress.hidden = true;
        if (linkError) {
          linkError.textContent = describeDownloadError(error);
          linkError.hidden = false;
        }
      }
    } finally {
      group.controllers.delete(controller);
      button.disabled = false;
      this.#onChange();
    }
  }
}
