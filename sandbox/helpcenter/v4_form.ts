/// <reference lib="dom" />
/**
 * Browser script of the sandbox's v4 request page, imitating Copenhagen 4's React form: it
 * renders the form some time after load into `#new-request-form`, with Garden markup
 * (`data-garden-id`), a CKEditor 5 description whose textarea is only synced at submit, and
 * Zendesk's uploader on the Garden dropzone. Choosing another ticket form re-renders the whole
 * form (new elements), and `window.sandboxRerender()` re-renders it in place, as React may.
 *
 * @module
 */
import { createEditor } from "./editor.ts";
import { installZendeskUploader } from "./zendesk_uploader.ts";

interface TicketForm {
  id: string;
  name: string;
}

interface FormData {
  forms: TicketForm[];
  selected: string;
  action: string;
  authenticityToken: string;
  /** Why the server refused the last submission (Zendesk shows it above the form). */
  error?: string;
  values?: { subject: string; email: string };
}

const mount = document.getElementById("new-request-form")!;
const data = JSON.parse(
  document.getElementById("new-request-form-data")!.textContent ?? "{}",
) as FormData;
let editor: Awaited<ReturnType<typeof createEditor>> | undefined;
let rendering: Promise<void> = Promise.resolve();
// Deterministic ids and class names, so that tests can compare the DOM of two renders.
let fieldCounter = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `field-${++fieldCounter}`;
  control.id = id;
  return element(
    "div",
    { class: "garden-field", "data-garden-id": "forms.field" },
    element(
      "label",
      { class: "garden-label", for: id, "data-garden-id": "forms.input_label" },
      label,
    ),
    ...(hint
      ? [element("span", { class: "garden-hint", "data-garden-id": "forms.input_hint" }, hint)]
      : []),
    control,
  );
}

function combobox(selected: TicketForm, onChoose: (form: TicketForm) => void): HTMLElement {
  const button = element("button", {
    type: "button",
    class: "garden-input",
    role: "combobox",
    "aria-expanded": "false",
    "data-garden-id": "dropdowns.combobox.input",
  }, selected.name);
  const listbox = element("ul", { class: "garden-listbox", role: "listbox", hidden: "" });
  for (const form of data.forms) {
    const option = element("li", {
      role: "option",
      "data-value": form.id,
      "aria-selected": String(form.id === selected.id),
    }, form.name);
    option.addEventListener("click", () => {
      listbox.hidden = true;
      if (form.id !== selected.id) onChoose(form);
    });
    listbox.append(option);
  }
  button.addEventListener("click", () => {
    listbox.hidden = !listbox.hidden;
    button.setAttribute("aria-expanded", String(!listbox.hidden));
  });
  return element(
    "div",
    { class: "garden-combobox", "data-garden-id": "dropdowns.combobox" },
    button,
    listbox,
  );
}

function buildForm(formId: string): { form: HTMLFormElement; textarea: HTMLTextAreaElement } {
  fieldCounter = 0;
  const selected = data.forms.find((form) => form.id === formId) ?? data.forms[0];
  const form = element("form", {
    action: data.action,
    method: "post",
    class: "sc-1wf3kz9 garden-form request-form-v4",
  });
  const textarea = element("textarea", {
    name: "request[description]",
    class: "garden-textarea",
    "data-garden-id": "forms.textarea",
  });
  const fileInput = element("input", { type: "file", multiple: "", hidden: "", tabindex: "-1" });
  const dropzone = element(
    "div",
    {
      class: "garden-file-upload",
      "data-garden-id": "forms.file_upload",
      role: "button",
      tabindex: "0",
    },
    "Choose a file or drag and drop here",
    fileInput,
  );
  dropzone.addEventListener("click", (event) => {
    if (event.target !== fileInput) fileInput.click();
  });
  const fileList = element("ul", {
    class: "garden-file-list",
    "data-garden-id": "forms.file_list",
  });
  const attachments = element(
    "div",
    { class: "garden-field", "data-garden-id": "forms.field" },
    element(
      "label",
      { class: "garden-label", "data-garden-id": "forms.input_label" },
      "Attachments (optional)",
    ),
    dropzone,
    fileList,
  );
  const submit = element("button", {
    type: "submit",
    class: "garden-button",
    "data-garden-id": "buttons.button",
  }, "Submit");
  const email = element("input", {
    type: "email",
    name: "request[anonymous_requester_email]",
    class: "garden-input",
    required: "",
    "data-garden-id": "forms.input",
  });
  const subject = element("input", {
    type: "text",
    name: "request[subject]",
    class: "garden-input",
    required: "",
    maxlength: "150",
    "data-garden-id": "forms.input",
  });
  email.value = data.values?.email ?? "";
  subject.value = data.values?.subject ?? "";
  if (data.error) {
    form.append(element("div", {
      class: "garden-alert",
      role: "alert",
      "data-garden-id": "notifications.alert",
    }, data.error));
  }
  form.append(
    element("input", { type: "hidden", name: "authenticity_token", value: data.authenticityToken }),
    element("input", { type: "hidden", name: "request[ticket_form_id]", value: selected.id }),
    field(
      "Please choose your issue below",
      combobox(selected, (choice) => {
        history.pushState(null, "", `?ticket_form_id=${encodeURIComponent(choice.id)}`);
        void render(choice.id);
      }),
    ),
    field("Your email address", email),
    field("Subject", subject),
    field(
      "Description",
      textarea,
      "Please enter the details of your request. A member of our support staff will respond as soon as possible.",
    ),
    element("input", { type: "hidden", name: "request[description_mimetype]", value: "text/html" }),
    attachments,
    element("footer", {}, submit),
  );
  installZendeskUploader({
    input: fileInput,
    dropTarget: dropzone,
    endpoint: "/api/v2/uploads.json",
    list: fileList,
    form,
  });
  return { form, textarea };
}

/** Renders (or re-renders) the form for ticket form `formId`, asynchronously, like React. */
function render(formId: string): Promise<void> {
  rendering = rendering.then(async () => {
    if (editor) {
      const old = editor;
      editor = undefined;
      await old.destroy();
    }
    if (!mount.firstElementChild) {
      mount.append(element("p", { class: "form-loading" }, "Loading…"));
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    const { form, textarea } = buildForm(formId);
    mount.replaceChildren(form);
    editor = await createEditor(textarea);
    mount.dataset.rendered = formId;
  });
  return rendering;
}

declare global {
  interface Window {
    sandboxRerender?: () => Promise<void>;
  }
}

function currentFormId(): string {
  return new URLSearchParams(location.search).get("ticket_form_id") ?? data.selected;
}

globalThis.addEventListener("popstate", () => void render(currentFormId()));
Object.assign(globalThis, { sandboxRerender: () => render(currentFormId()) });
void render(currentFormId());
