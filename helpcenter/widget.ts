/// <reference lib="dom" />
/**
 * The widget on one page: watches the document for request forms (the v4 form appears after
 * load and is re-rendered by React; the user may switch ticket forms), secures those the
 * configuration selects, and leaves every other form exactly as Zendesk made it.
 *
 * @module
 */
import type { SendSafelyClient } from "../src/api.ts";
import { AttachmentSession, type Transfer } from "./attachments.ts";
import { isSecured, type PadlockConfig } from "./config.ts";
import { findRequestForms, ticketFormId } from "./request_form.ts";
import { AttachmentSlot, SecuredForm } from "./secured_form.ts";
import { installStyles } from "./styles.ts";
import { useLocale } from "./strings.ts";
import { UploaderGuard } from "./uploader_guard.ts";

/** Options of {@linkcode Widget}. */
export interface WidgetOptions {
  /**
   * The client the uploads go through.
   * @default {a drop-zone client for `config.serviceUrl` and `config.dropzoneId`, made when the
   * first file is attached}
   */
  client?: SendSafelyClient;
}

/** The widget on one page. */
export class Widget {
  /** The configuration it runs with. */
  readonly config: PadlockConfig;
  #document: Document;
  #client?: SendSafelyClient;
  #guard: UploaderGuard;
  #slots = new Map<string, AttachmentSlot>();
  #forms = new Map<HTMLFormElement, SecuredForm>();
  #observer?: MutationObserver;
  #scheduled = false;
  #speaking = false;
  #loadingWords?: Promise<void>;
  #onSubmit = (event: Event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    this.#forms.get(form)?.handleSubmit(event as SubmitEvent);
  };

  /** Creates the widget for `doc`; call {@linkcode Widget.start}. */
  constructor(config: PadlockConfig, doc: Document = document, options: WidgetOptions = {}) {
    this.config = config;
    this.#document = doc;
    this.#client = options.client;
    this.#guard = new UploaderGuard({
      securedFormOf: (node) => this.#securedFormOf(node),
      hasSecuredForms: () => this.#forms.size > 0,
    });
  }

  /**
   * Starts watching the page and secures the forms already there, once the widget's words in
   * the page's language are loaded (see `strings.ts`; only on a page with a form to secure).
   */
  start(): void {
    const view = this.#document.defaultView;
    if (!view) throw new Error("Padlock: the document has no window");
    this.#guard.install(view);
    view.addEventListener("submit", this.#onSubmit, true);
    this.#observer = new MutationObserver((records) => {
      if (records.some((record) => !insideWidget(record.target))) this.#schedule();
    });
    this.#observer.observe(this.#document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["value", "id", "data-garden-id"],
    });
    this.scan();
  }

  /** Stops watching and gives every form back as Zendesk made it. */
  stop(): void {
    this.#observer?.disconnect();
    this.#document.defaultView?.removeEventListener("submit", this.#onSubmit, true);
    for (const secured of this.#forms.values()) secured.detach();
    this.#forms.clear();
    this.#guard.uninstall();
  }

  /** The secured forms on the page now. */
  get securedForms(): SecuredForm[] {
    return [...this.#forms.values()];
  }

  /** Brings the page in line with the configuration (runs after every DOM change). */
  scan(): void {
    if (!this.#speaking) {
      const location = this.#document.location;
      const wanted = findRequestForms(this.#document)
        .some((form) => isSecured(this.config, ticketFormId(form, location)));
      this.#loadingWords ??= wanted
        ? useLocale(this.#document).then(() => {
          this.#speaking = true;
          this.scan();
        })
        : undefined;
      return;
    }
    for (const [form, secured] of this.#forms) {
      if (!form.isConnected) {
        secured.detach();
        this.#forms.delete(form);
      }
    }
    const location = this.#document.location;
    for (const form of findRequestForms(this.#document)) {
      const formId = ticketFormId(form, location);
      let secured = this.#forms.get(form);
      if (secured && secured.formId !== formId) {
        secured.detach();
        this.#forms.delete(form);
        secured = undefined;
      }
      if (!isSecured(this.config, formId)) continue;
      if (!secured) {
        // The stylesheet goes in with the first secured form: a page without one is left as is.
        installStyles(this.#document);
        secured = new SecuredForm(
          form,
          formId,
          this.#slot(formId),
          this.#guard,
          this.config.linkStyle === "hyperlink",
        );
        this.#forms.set(form, secured);
      }
      secured.sync();
    }
  }

  #slot(formId: string | undefined): AttachmentSlot {
    const key = formId ?? "";
    let slot = this.#slots.get(key);
    if (!slot) {
      slot = new AttachmentSlot((onChange) =>
        new AttachmentSession({ client: this.#client ?? this.#createClient, onChange })
      );
      this.#slots.set(key, slot);
    }
    return slot;
  }

  /** The page's one drop-zone client, made from the encryption and upload code once loaded. */
  #createClient = (transfer: Transfer): SendSafelyClient => {
    this.#client ??= new transfer.SendSafelyClient({
      host: this.config.serviceUrl,
      credentials: { dropzoneId: this.config.dropzoneId },
      requestApi: "JS_API",
    });
    return this.#client;
  };

  #securedFormOf(node: Node): SecuredForm | undefined {
    const element = node instanceof Element ? node : node.parentElement;
    const form = element?.closest("form");
    return form ? this.#forms.get(form) : undefined;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.scan();
    });
  }
}

/**
 * Whether a mutation happened where no request form can appear or change: in the widget's own
 * area (progress updates) or inside the rich-text editor's content (typing).
 */
function insideWidget(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(".padlock-attachments, .ck-editor__main") != null;
}
