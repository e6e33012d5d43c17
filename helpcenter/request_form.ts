/// <reference lib="dom" />
/**
 * Finds Zendesk's "Submit a request" forms on a Help Center page and the parts of them the
 * widget works with, in both generations of the form: the server-rendered legacy form
 * (`form#new_request`) and the React-rendered v4 form (Garden components, no ids).
 * See `spec/helpcenter.md`. Reads the DOM only; never changes it.
 *
 * @module
 */

/** Which generation of Zendesk's request form this is. */
export type FormGeneration = "legacy" | "v4";

/** The CKEditor 5 API the widget uses, as found on `.ck-editor__editable`'s `ckeditorInstance`. */
export interface RichTextEditor {
  getData(): string;
  setData(data: string): void;
  updateSourceElement?(): void;
  model: {
    // deno-lint-ignore no-explicit-any
    change(callback: (writer: any) => void): void;
    // deno-lint-ignore no-explicit-any
    document: { getRoot(): any };
    schema: { checkAttribute(context: string, attribute: string): boolean };
  };
}

/** The parts of one request form. */
export interface RequestForm {
  form: HTMLFormElement;
  generation: FormGeneration;
  /** Zendesk's attachment dropzone: legacy `#upload-dropzone`, v4 `forms.file_upload`. */
  attachmentArea: HTMLElement | null;
  /** Zendesk's own lists of uploaded files (kept hidden on a secured form). */
  uploadLists: HTMLElement[];
  /** Zendesk's own file inputs. */
  fileInputs: HTMLInputElement[];
  /** The description textarea (hidden when a rich-text editor replaces it). */
  description: HTMLTextAreaElement | null;
}

const DESCRIPTION = 'textarea[name="request[description]"]';
const V4_DROPZONE = '[data-garden-id="forms.file_upload"]';

/** Every request form in `root`: `form#new_request`, or a form with a description field. */
export function findRequestForms(root: ParentNode): HTMLFormElement[] {
  const forms = new Set<HTMLFormElement>();
  for (const form of root.querySelectorAll<HTMLFormElement>("form#new_request")) forms.add(form);
  for (const textarea of root.querySelectorAll<HTMLTextAreaElement>(DESCRIPTION)) {
    const form = textarea.closest("form");
    if (form) forms.add(form);
  }
  return [...forms];
}

/** Describes the parts of a request form found by {@linkcode findRequestForms}. */
export function describeForm(form: HTMLFormElement): RequestForm {
  const legacyArea = form.querySelector<HTMLElement>("#upload-dropzone");
  const v4Area = form.querySelector<HTMLElement>(V4_DROPZONE);
  const generation: FormGeneration = form.id === "new_request" || legacyArea ? "legacy" : "v4";
  const attachmentArea = generation === "legacy" ? legacyArea : v4Area;
  const uploadLists = [
    ...form.querySelectorAll<HTMLElement>("#request-attachments-pool, .upload-pool"),
  ];
  const fileInputs = [...form.querySelectorAll<HTMLInputElement>('input[type="file"]')]
    .filter((input) => !input.closest(".padlock-attachments"));
  return {
    form,
    generation,
    attachmentArea,
    uploadLists,
    fileInputs,
    description: form.querySelector<HTMLTextAreaElement>(DESCRIPTION),
  };
}

/**
 * The ticket form id of a request form: the hidden `request[ticket_form_id]` input, else the
 * legacy selector, else `?ticket_form_id=` in the page URL; undefined when there is none.
 */
export function ticketFormId(form: HTMLFormElement, location: Location): string | undefined {
  const hidden = form.querySelector<HTMLInputElement>(
    'input[name="request[ticket_form_id]"], #request_ticket_form_id',
  );
  if (hidden?.value) return hidden.value;
  const select = form.querySelector<HTMLSelectElement>("#request_issue_type_select");
  if (select?.value) return select.value;
  return new URLSearchParams(location.search).get("ticket_form_id") ?? undefined;
}

/** The CKEditor 5 instance that edits the description, if the form has one. */
export function findEditor(form: HTMLFormElement): RichTextEditor | undefined {
  const editable = form.querySelector(".ck-editor__editable") as
    | (Element & { ckeditorInstance?: RichTextEditor })
    | null;
  const editor = editable?.ckeditorInstance;
  return editor && typeof editor.getData === "function" ? editor : undefined;
}

/** The requester's email as typed in the form (anonymous requests), if there is one. */
export function requesterEmail(form: HTMLFormElement): string | undefined {
  const input = form.querySelector<HTMLInputElement>(
    '#request_anonymous_requester_email, input[name="request[anonymous_requester_email]"]',
  );
  const value = input?.value.trim();
  return value ? value : undefined;
}

/** Whether the description is HTML (`request[description_mimetype]` is `text/html`). */
export function descriptionIsHtml(form: HTMLFormElement): boolean {
  const input = form.querySelector<HTMLInputElement>(
    'input[name="request[description_mimetype]"]',
  );
  return input?.value === "text/html";
}

/** The form's submit controls. */
export function submitButtons(form: HTMLFormElement): (HTMLButtonElement | HTMLInputElement)[] {
  return [
    ...form.querySelectorAll<HTMLButtonElement | HTMLInputElement>(
      'button[type="submit"], button:not([type]), input[type="submit"]',
    ),
  ].filter((element) => !element.closest(".padlock-attachments"));
}
