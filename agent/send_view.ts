/// <reference lib="dom" />
/**
 * "Send files": the orange cloud button picks files, which are encrypted and uploaded into a new
 * package for the ticket's requester; when done, the Secure Link is appended to the agent's reply.
 * "Require authentication to access files" chooses between a named-recipient package (the
 * requester verifies their email) and an undisclosed link (anyone holding the link).
 *
 * A failure keeps what was done: Retry goes on with the same package and uploads only the
 * missing parts.
 *
 * @module
 */
import type { SendSafelyClient } from "../src/api.ts";
import {
  createPackage,
  finalizePackage,
  type PackageHandle,
  PackageNeedsApprovalError,
  UploadError,
  uploadFile,
} from "../src/upload.ts";
import type { ZafClient } from "../src/zaf.ts";
import type { CryptoPool } from "../src/worker_pool.ts";
import { h, icon, replaceChildren } from "../ui/dom.ts";
import { size, t } from "./strings.ts";
import { CLOUD_UPLOAD } from "./icons.ts";
import { describeServiceError, isAbort } from "./messages.ts";
import {
  MissingEmailError,
  recipientEmails,
  type TicketRecipient,
  ticketRecipients,
} from "./recipients.ts";

/** Options of {@linkcode SendView}. */
export interface SendViewOptions {
  /** The connection to Zendesk (the requester, the reply editor). */
  zaf: ZafClient;
  /** The signed-in agent's client. */
  client: SendSafelyClient;
  /** Whether "Require authentication to access files" starts ticked. */
  requireAuthDefault: boolean;
  /** Every agent and admin is a recipient instead of the assignee ("Add all agents as recipients"). */
  allAgents?: boolean;
  /** Rich-text replies get a hyperlink with words instead of the URL ("Insert a hyperlink"). */
  hyperlink?: boolean;
  /** Called whenever the view's size may have changed. */
  onChange?: () => void;
  /** Workers that encrypt the parts; without it parts are encrypted in the page. */
  pool?: CryptoPool;
}

interface PendingFile {
  blob: Blob;
  name: string;
  done: boolean;
  resume?: { fileId: string; completedParts: number[] };
  row: HTMLElement;
  bar: HTMLProgressElement;
}

interface Batch {
  files: PendingFile[];
  requireAuth: boolean;
  recipients?: string[];
  /** The requester's Zendesk locale: the language of the mails Padlock sends them. */
  recipientLocale?: string;
  pkg?: PackageHandle;
  link?: string;
  needsApproval?: boolean;
}

/**
 * Appends `text` to the reply being written; `ticket.comment.appendText` first, then the older
 * `comment.appendText`.
 *
 * @throws {ZafError} when Zendesk refuses both.
 */
export async function appendToReply(zaf: ZafClient, text: string): Promise<void> {
  try {
    await zaf.invoke("ticket.comment.appendText", text);
  } catch {
    await zaf.invoke("comment.appendText", text);
  }
}

/**
 * The text appended to a reply for a Secure Link: labelled as the Help Center widget labels the
 * link it adds to a request, after a blank line when the reply already holds text (`current`, as
 * `comment.text` gives it: plain text or the editor's HTML), without one when it is empty.
 * `label` replaces the words (a file request's link has its own).
 */
export function replyAddition(
  current: string,
  link: string,
  label: string = t("send.replyLabel"),
): string {
  const text = current.replace(/<[^>]*>/g, "").replace(/&nbsp;|\s/g, "");
  const gap = text === "" ? "" : current.endsWith("\n") ? "\n" : "\n\n";
  return `${gap}${label} ${link}\n`;
}

/**
 * The HTML appended to a rich-text reply when the app inserts a hyperlink: the words "Use this
 * link to access the attached files" linked to the Secure Link.
 */
export function hyperlinkHtml(link: string): string {
  return `<p><a href="${escapeHtml(link)}">${escapeHtml(t("hyperlink.text"))}</a></p>`;
}

/**
 * Appends `html` to a rich-text reply; `ticket.comment.appendHtml` first, then the older
 * `comment.appendHtml`.
 *
 * @throws {ZafError} when Zendesk refuses both.
 */
async function appendHtmlToReply(zaf: ZafClient, html: string): Promise<void> {
  try {
    await zaf.invoke("ticket.comment.appendHtml", html);
  } catch {
    await zaf.invoke("comment.appendHtml", html);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The "Send files" section. */
export class SendView {
  /** The section element, to insert into the page. */
  readonly element: HTMLElement;
  readonly #zaf: ZafClient;
  readonly #client: SendSafelyClient;
  readonly #pool?: CryptoPool;
  readonly #onChange: () => void;
  readonly #input: HTMLInputElement;
  readonly #button: HTMLButtonElement;
  readonly #requireAuth: HTMLInputElement;
  readonly #uploads: HTMLElement;
  readonly #status: HTMLElement;
  readonly #actions: HTMLElement;
  readonly #allAgents: boolean;
  readonly #hyperlink: boolean;
  /** "Who can open the files": the recipients a "Require authentication" package would get. */
  readonly #audience: HTMLElement;
  /** Counts the audience's reads, so that a slow older read does not overwrite a newer one. */
  #audienceRead = 0;
  #batch: Batch | undefined;
  #controller: AbortController | undefined;
  /** The link the status reports as added to the reply, until that reply goes out. */
  #delivered: string | undefined;

  /** Builds the section. */
  constructor(options: SendViewOptions) {
    const { zaf, client, requireAuthDefault, onChange = () => {}, pool } = options;
    this.#allAgents = options.allAgents ?? false;
    this.#hyperlink = options.hyperlink ?? false;
    this.#zaf = zaf;
    this.#client = client;
    this.#pool = pool;
    this.#onChange = onChange;
    this.#input = h("input", {
      class: "visually-hidden",
      attrs: { type: "file", multiple: "", tabindex: "-1", "data-role": "file-input" },
    });
    this.#input.addEventListener("change", () => {
      const files = [...(this.#input.files ?? [])];
      this.#input.value = "";
      if (files.length > 0) void this.#start(files);
    });
    this.#button = h(
      "button",
      { class: "cloud-button", attrs: { type: "button", "data-role": "send" } },
      icon(CLOUD_UPLOAD, "icon cloud"),
      t("send.button"),
    );
    this.#button.addEventListener("click", () => this.#input.click());
    this.#requireAuth = h("input", {
      attrs: { type: "checkbox", id: "require-auth", "data-role": "require-auth" },
    });
    this.#requireAuth.checked = requireAuthDefault;
    this.#requireAuth.addEventListener("change", () => void this.refreshRecipients());
    this.#audience = h("div", { class: "audience", attrs: { "data-role": "audience" } });
    this.#uploads = h("ul", { class: "upload-list" });
    this.#status = h("p", { class: "message", attrs: { "data-role": "send-status", hidden: "" } });
    this.#actions = h("div", { class: "actions" });
    this.element = h(
      "section",
      { class: "section send", attrs: { "aria-labelledby": "send-title" } },
      h("h2", { attrs: { id: "send-title" } }, t("send.title")),
      h("div", { class: "send-row" }, this.#button, this.#input),
      h(
        "label",
        { class: "checkbox", attrs: { for: "require-auth" } },
        this.#requireAuth,
        t("send.requireAuth"),
      ),
      this.#audience,
      h(
        "p",
        { class: "note" },
        t("send.paperclip"),
      ),
      this.#uploads,
      this.#status,
      this.#actions,
    );
  }

  /** Reads the ticket's people again and shows who will be able to open the files. */
  async refreshRecipients(): Promise<void> {
    const read = ++this.#audienceRead;
    if (!this.#requireAuth.checked) {
      this.#audience.dataset.state = "anyone";
      replaceChildren(this.#audience, h("p", { class: "note" }, t("recipients.anyone")));
      this.#onChange();
      return;
    }
    let recipients: TicketRecipient[];
    try {
      recipients = await ticketRecipients(this.#zaf, { allAgents: this.#allAgents });
    } catch (error) {
      if (read !== this.#audienceRead) return;
      this.#audience.dataset.state = "error";
      replaceChildren(
        this.#audience,
        h(
          "p",
          { class: "message error" },
          t("recipients.unreadable", {
            reason: describeServiceError(error),
          }),
        ),
      );
      this.#onChange();
      return;
    }
    if (read !== this.#audienceRead) return;
    const missing = recipients.filter((recipient) => recipient.email === undefined);
    this.#audience.dataset.state = missing.length > 0 ? "missing-email" : "ready";
    replaceChildren(
      this.#audience,
      h("p", { class: "audience-title" }, t("recipients.title", { count: recipients.length })),
      h(
        "ul",
        { class: "audience-list" },
        ...recipients.map((recipient) =>
          h(
            "li",
            {
              class: recipient.email === undefined ? "recipient no-email" : "recipient",
              attrs: { "data-role": "recipient", "data-reason": recipient.reason },
            },
            h("span", { class: "recipient-name" }, recipient.name),
            h(
              "span",
              { class: "muted" },
              `${recipient.email ?? t("recipients.emailMissing")} · ${
                t(`recipients.${recipient.reason}`)
              }`,
            ),
          )
        ),
      ),
      missing.length > 0
        ? h(
          "p",
          { class: "message error", attrs: { "data-role": "missing-email" } },
          missingEmailMessage(missing.map((recipient) => recipient.name)),
        )
        : null,
    );
    this.#onChange();
  }

  #setStatus(kind: "info" | "error" | "success", text: string): void {
    this.#status.className = `message ${kind === "info" ? "muted" : kind}`;
    this.#status.textContent = text;
    this.#status.hidden = false;
  }

  #setBusy(busy: boolean): void {
    this.#button.disabled = busy;
    this.#requireAuth.disabled = busy;
  }

  /**
   * The reply went out (Zendesk's `ticket.submit.done`): clears the report of the batch whose link
   * it carried, and its file rows, so they are not taken for the next reply's.
   */
  replySent(): void {
    if (this.#delivered === undefined) return;
    this.#delivered = undefined;
    this.#reset();
  }

  /**
   * The ticket's comments now hold these links: when one is the link of the reported batch, its
   * reply went out (for Zendesk setups that send no `ticket.submit.done`), so the report goes.
   */
  linksInTicket(urls: readonly string[]): void {
    if (this.#delivered !== undefined && urls.includes(this.#delivered)) this.replySent();
  }

  async #start(files: File[]): Promise<void> {
    this.#delivered = undefined;
    const requireAuth = this.#requireAuth.checked;
    this.#batch = {
      requireAuth,
      files: files.map((file) => {
        const bar = h("progress", { attrs: { max: String(Math.max(file.size, 1)), value: "0" } });
        const row = h(
          "li",
          { class: "upload" },
          h("span", { class: "file-name-text" }, file.name),
          h("span", { class: "muted" }, size(file.size)),
          bar,
        );
        return { blob: file, name: file.name, done: false, row, bar };
      }),
    };
    replaceChildren(this.#uploads, ...this.#batch.files.map((file) => file.row));
    await this.#run();
  }

  async #run(): Promise<void> {
    const batch = this.#batch;
    if (!batch) return;
    const controller = new AbortController();
    this.#controller = controller;
    const signal = controller.signal;
    this.#setBusy(true);
    const cancel = h("button", {
      class: "button",
      attrs: { type: "button", "data-role": "cancel-send" },
    }, t("send.cancel"));
    cancel.addEventListener("click", () => controller.abort());
    replaceChildren(this.#actions, cancel);
    this.#setStatus("info", t("send.uploading"));
    this.#onChange();
    try {
      if (batch.requireAuth && batch.recipients === undefined) {
        // Read at sending time, so that the people are the ticket's now; no package is made
        // while anyone lacks an email, so nothing goes out half-addressed.
        const people = await ticketRecipients(this.#zaf, { allAgents: this.#allAgents });
        try {
          batch.recipients = recipientEmails(people);
        } catch (error) {
          if (!(error instanceof MissingEmailError)) throw error;
          void this.refreshRecipients();
          throw new SendError(
            t("recipients.nothingSent", { reason: missingEmailMessage(error.names) }),
          );
        }
        // The requester comes first, with their Zendesk locale: the language of their mails.
        batch.recipientLocale = people.find((person) => person.reason === "requester")?.locale;
      }
      batch.pkg ??= await createPackage(this.#client, { signal });
      // While the network or the service is away the upload waits, then goes on from the
      // parts already stored; the status says so until the next part arrives.
      let reconnecting = false;
      for (const file of batch.files) {
        if (file.done) continue;
        try {
          await uploadFile(this.#client, batch.pkg, file.blob, {
            name: file.name,
            signal,
            encrypt: this.#pool?.encrypt,
            concurrency: this.#pool?.concurrency,
            resume: file.resume,
            onRetry: () => {
              if (reconnecting) return;
              reconnecting = true;
              this.#setStatus("info", t("send.reconnecting"));
            },
            onProgress: (done, total) => {
              file.bar.max = Math.max(total, 1);
              file.bar.value = done;
            },
            // Not on progress: a part sent before the outage can be answered after the first
            // refused attempt, which would hide "Reconnecting…" at once.
            onRecovered: () => {
              if (!reconnecting) return;
              reconnecting = false;
              this.#setStatus("info", t("send.uploading"));
            },
          });
          file.done = true;
          file.resume = undefined;
          file.bar.value = file.bar.max;
        } catch (error) {
          if (error instanceof UploadError && error.fileId) {
            file.resume = { fileId: error.fileId, completedParts: error.completedParts };
          }
          throw error;
        }
      }
      if (batch.link === undefined) {
        try {
          batch.link = await finalizePackage(this.#client, batch.pkg, {
            undisclosed: !batch.requireAuth,
            recipients: batch.requireAuth ? batch.recipients ?? [] : [],
            recipientLocale: batch.recipientLocale,
            notifyRecipients: false,
            signal,
          });
        } catch (error) {
          if (!(error instanceof PackageNeedsApprovalError)) throw error;
          batch.link = error.link;
          batch.needsApproval = true;
        }
      }
      await this.#deliver(batch.link);
    } catch (error) {
      if (isAbort(error)) {
        this.#setStatus("info", t("send.cancelled"));
        this.#discardPackage();
        replaceChildren(this.#actions);
      } else {
        this.#setStatus(
          "error",
          error instanceof SendError ? error.message : describeServiceError(error),
        );
        const retry = h("button", {
          class: "button",
          attrs: { type: "button", "data-role": "retry" },
        }, t("send.retry"));
        retry.addEventListener("click", () => void this.#run());
        const discard = h(
          "button",
          { class: "button-link", attrs: { type: "button" } },
          t("send.discard"),
        );
        discard.addEventListener("click", () => this.#reset());
        replaceChildren(this.#actions, retry, discard);
      }
    } finally {
      this.#controller = undefined;
      this.#setBusy(false);
      this.#onChange();
    }
  }

  async #deliver(link: string): Promise<void> {
    try {
      const current = await this.#zaf.getValue("comment.text").then(
        (value) => typeof value === "string" ? value : "",
        () => "",
      );
      // A plain-text reply cannot carry a hyperlink: it keeps the URL.
      const rich = this.#hyperlink &&
        await this.#zaf.getValue("comment.useRichText").then(
          (value) => value === true,
          () => false,
        );
      if (rich) await appendHtmlToReply(this.#zaf, hyperlinkHtml(link));
      else await appendToReply(this.#zaf, replyAddition(current, link));
    } catch {
      // Zendesk refused to edit the reply: let the agent copy the link instead of losing it.
      const field = h("input", {
        class: "link-field",
        attrs: {
          type: "text",
          readonly: "",
          "aria-label": t("send.linkLabel"),
          "data-role": "link-field",
        },
      });
      field.value = link;
      this.#setStatus(
        "error",
        t("send.notAdded"),
      );
      replaceChildren(this.#actions, field);
      this.#batch = undefined;
      return;
    }
    const count = this.#batch?.files.length ?? 0;
    const sent = t("send.sent", { count });
    this.#setStatus(
      "success",
      this.#batch?.needsApproval ? `${sent} ${t("send.approval")}` : sent,
    );
    this.#delivered = link;
    this.#batch = undefined;
    replaceChildren(this.#actions);
  }

  /** Deletes the half-built package of the current batch (best effort) and forgets the batch. */
  #discardPackage(): void {
    const pkg = this.#batch?.link === undefined ? this.#batch?.pkg : undefined;
    this.#batch = undefined;
    if (pkg) this.#client.deletePackage(pkg.packageId).catch(() => {});
  }

  #reset(): void {
    this.#controller?.abort();
    this.#discardPackage();
    replaceChildren(this.#uploads);
    replaceChildren(this.#actions);
    this.#status.hidden = true;
    this.#onChange();
  }
}

/** The message naming the people without an email (nothing is sent to anyone). */
function missingEmailMessage(names: readonly string[]): string {
  return t("recipients.noEmail", { names: names.join(", ") });
}

/** A problem the agent can fix before sending (shown as is). */
class SendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SendError";
  }
}
