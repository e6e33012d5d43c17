/// <reference lib="dom" />
/**
 * An imitation of Zendesk's own attachment uploader, for the sandbox pages only: a file chosen
 * in Zendesk's file input or dropped on its dropzone (the legacy uploader takes drops anywhere
 * on the page) is POSTed to Zendesk's upload endpoint, as Zendesk does. On a secured form the
 * widget must keep this from ever firing; the sandbox records every call it receives.
 *
 * @module
 */

/** Options of {@linkcode installZendeskUploader}. */
export interface ZendeskUploaderOptions {
  /** Zendesk's file input. */
  input: HTMLInputElement;
  /** The element that takes drops (the legacy uploader uses the whole document). */
  dropTarget: EventTarget;
  /** Where files go: `/hc/en-us/request_uploads` (legacy) or `/api/v2/uploads.json` (v4). */
  endpoint: string;
  /** Zendesk's list of uploaded files. */
  list: HTMLElement;
  /** The form the upload tokens are added to. */
  form: HTMLFormElement;
}

/** Wires the imitation uploader to a form, as Zendesk's scripts do. */
export function installZendeskUploader(options: ZendeskUploaderOptions): void {
  const { input, dropTarget, endpoint, list, form } = options;
  input.addEventListener("change", () => {
    void upload([...(input.files ?? [])]);
    input.value = "";
  });
  dropTarget.addEventListener("dragover", (event) => event.preventDefault());
  dropTarget.addEventListener("drop", (event) => {
    event.preventDefault();
    void upload([...((event as DragEvent).dataTransfer?.files ?? [])]);
  });

  async function upload(files: File[]): Promise<void> {
    for (const file of files) {
      const url = endpoint.includes("uploads.json")
        ? `${endpoint}?filename=${encodeURIComponent(file.name)}`
        : endpoint;
      const body = endpoint.includes("uploads.json") ? file : formData(file);
      const response = await fetch(url, { method: "POST", body });
      const { upload } = await response.json() as { upload: { token: string } };
      const token = document.createElement("input");
      token.type = "hidden";
      token.name = "request[attachments][]";
      token.value = upload.token;
      form.append(token);
      const item = document.createElement("li");
      item.textContent = file.name;
      list.append(item);
    }
  }
}

function formData(file: File): FormData {
  const data = new FormData();
  data.append("uploaded_data", file);
  return data;
}
