/// <reference lib="dom" />
/**
 * One secured request form: puts the widget's attachment area where Zendesk's was, keeps it
 * there when the page re-renders the form, and intercepts the submission to wait for uploads,
 * finalize the package, append the Secure Link to the description and then submit the form as
 * it would have been submitted, exactly once.
 *
 * @module
 */
import { type Attachment, AttachmentSession } from "./attachments.ts";
import { appendSecureLink } from "./description.ts";
import { DropzoneView, type DropzoneWords } from "./dropzone_view.ts";
import {
  describeForm,
  type FormGeneration,
  requesterEmail,
  submitButtons,
} from "./request_form.ts";
import type { UploaderGuard } from "./uploader_guard.ts";
import { t } from "./strings.ts";

/**
 * The attachments of one ticket form on this page. It outlives a form element that the page
 * re-renders: the new element gets a new view of the same attachments.
 */
export class AttachmentSlot {
  /** The files and their package. */
  readonly session: AttachmentSession;
  /** The view that shows them now, if a form is on the page. */
  view?: DropzoneView;

  /** Creates the slot with a session built by `createSession`. */
  constructor(
    createSession: (onChange: (attachment: Attachment | undefined) => void) => AttachmentSession,
  ) {
    this.session = createSession((attachment) => {
      if (attachment) this.view?.update(attachment);
    });
  }
}

/** The dropzone's words as Zendesk writes them in the widget's language. */
function dropzoneWords(generation: FormGeneration): DropzoneWords {
  return generation === "legacy"
    ? { action: t("dropzone.legacy.action"), text: t("dropzone.legacy.text") }
    : { text: t("dropzone.v4") };
}

/** The widget on one request form. */
export class SecuredForm {
  /** The form element. */
  readonly form: HTMLFormElement;
  /** The ticket form id the form had when it was secured. */
  readonly formId: string | undefined;
  #slot: AttachmentSlot;
  #guard: UploaderGuard;
  #view?: DropzoneView;
  #area: HTMLElement | null = null;
  #held = new Set<HTMLElement>();
  #submitting = false;
  #bypass = false;
  #linkAppended = false;
  /** `data-link-style="hyperlink"`: linked words instead of the URL in rich text. */
  #hyperlink: boolean;
  #buttons: { element: HTMLButtonElement | HTMLInputElement; disabled: boolean }[] = [];

  /** Binds the widget to `form`; nothing changes in the page until {@linkcode SecuredForm.sync}. */
  constructor(
    form: HTMLFormElement,
    formId: string | undefined,
    slot: AttachmentSlot,
    guard: UploaderGuard,
    hyperlink = false,
  ) {
    this.#hyperlink = hyperlink;
    this.form = form;
    this.formId = formId;
    this.#slot = slot;
    this.#guard = guard;
  }

  /** The widget's view, once the form was synced. */
  get view(): DropzoneView | undefined {
    return this.#view;
  }

  /**
   * Makes the page match: Zendesk's uploader hidden and disabled, the widget's area right after
   * where Zendesk's dropzone is. Changes nothing when everything is already in place, so that
   * it can run on every DOM mutation.
   */
  sync(): void {
    const parts = describeForm(this.form);
    const view = this.#view ?? this.#createView(parts.generation);
    for (const input of parts.fileInputs) this.#hold(input, () => this.#guard.disable(input));
    for (const list of parts.uploadLists) this.#hold(list, () => this.#guard.hide(list));
    const area = parts.attachmentArea;
    if (area && area !== this.#area) {
      const height = area.getBoundingClientRect().height;
      if (height > 0) view.zone.style.minHeight = `${Math.round(height)}px`;
      this.#hold(area, () => this.#guard.hide(area));
    }
    this.#area = area;
    const element = view.element;
    if (area) {
      if (element.previousElementSibling !== area) area.after(element);
    } else if (!this.form.contains(element)) {
      const buttons = submitButtons(this.form);
      const anchor = buttons[0]?.closest("footer") ?? buttons[0];
      if (anchor && anchor.parentElement) anchor.before(element);
      else this.form.append(element);
    }
  }

  /** Removes the widget from the form and gives Zendesk's uploader back (the files stay). */
  detach(): void {
    this.#view?.element.remove();
    if (this.#slot.view === this.#view) this.#slot.view = undefined;
    for (const element of this.#held) this.#guard.release(element);
    this.#held.clear();
    this.#view = undefined;
    this.#area = null;
  }

  /** Attaches files (chosen, dropped or pasted). */
  takeFiles(files: File[]): void {
    const session = this.#slot.session;
    if (session.finalized || this.#submitting) return;
    this.#view?.setAlert("");
    for (const file of files) session.add(file, file.name);
  }

  /** Handles a drag carrying files anywhere in the form (see `DropzoneView.handleDrag`). */
  handleDrag(event: DragEvent): void {
    if (this.#view) this.#view.handleDrag(event);
    else event.preventDefault();
  }

  /**
   * Handles the form's `submit` event (from a capture listener on the window, before the page's
   * own handlers). With no file attached the submission goes on untouched.
   */
  handleSubmit(event: SubmitEvent): void {
    if (this.#bypass) return;
    const session = this.#slot.session;
    if (session.attachments.length === 0 && !this.#submitting) return;
    if (session.finalized && this.#linkAppended && !this.#submitting) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (this.#submitting) return;
    void this.#finishAndSubmit(event.submitter);
  }

  async #finishAndSubmit(submitter: HTMLElement | null): Promise<void> {
    const session = this.#slot.session;
    const view = this.#view;
    this.#submitting = true;
    view?.setAlert("");
    view?.setLocked(true);
    this.#disableButtons();
    view?.setStatus(t(session.busy ? "submit.finishing" : "submit.securing"));
    try {
      const link = await session.finalize({ unconfirmedSender: requesterEmail(this.form) });
      if (link) {
        appendSecureLink(this.form, link, this.#hyperlink);
        this.#linkAppended = true;
      }
    } catch (error) {
      this.#submitting = false;
      this.#restoreButtons();
      view?.setStatus("");
      view?.setLocked(session.finalized);
      view?.setAlert(
        error instanceof Error && error.name !== "Error" ? error.message : t("submit.failed"),
      );
      return;
    }
    view?.setStatus(t("submit.submitting"));
    this.#restoreButtons();
    this.#submitting = false;
    this.#submit(submitter);
  }

  /** Submits the form as the user's click would have, with the widget out of the way. */
  #submit(submitter: HTMLElement | null): void {
    const form = this.form;
    this.#bypass = true;
    try {
      if (typeof form.requestSubmit === "function") {
        const own = submitter && "form" in submitter &&
            (submitter as HTMLButtonElement).form === form
          ? submitter
          : undefined;
        form.requestSubmit(own);
      } else {
        HTMLFormElement.prototype.submit.call(form);
      }
    } finally {
      this.#bypass = false;
    }
  }

  #createView(generation: FormGeneration): DropzoneView {
    const view = new DropzoneView({
      generation,
      words: dropzoneWords(generation),
      label: t("dropzone.label"),
      onFiles: (files) => this.takeFiles(files),
      onRemove: (id) => void this.#slot.session.remove(id),
      onRetry: (id) => {
        this.#view?.setAlert("");
        this.#slot.session.retry(id);
      },
    });
    view.render(this.#slot.session.attachments);
    if (this.#slot.session.finalized) view.setLocked(true);
    this.#slot.view = view;
    this.#view = view;
    return view;
  }

  #hold(element: HTMLElement, action: () => void): void {
    if (this.#guard.holds(element)) return;
    action();
    this.#held.add(element);
  }

  #disableButtons(): void {
    this.#buttons = submitButtons(this.form).map((element) => ({
      element,
      disabled: element.disabled,
    }));
    for (const { element } of this.#buttons) {
      element.disabled = true;
      element.setAttribute("aria-busy", "true");
    }
  }

  #restoreButtons(): void {
    for (const { element, disabled } of this.#buttons) {
      element.disabled = disabled;
      element.removeAttribute("aria-busy");
    }
    this.#buttons = [];
  }
}
