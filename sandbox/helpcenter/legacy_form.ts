/// <reference lib="dom" />
/**
 * Browser script of the sandbox's legacy request page: Zendesk's legacy uploader on
 * `#request-attachments` (drops anywhere on the page), as on a real legacy Help Center, and the
 * ticket form selector that reloads the page with the chosen form (a listener here rather than
 * an `onchange` attribute, so that the page runs under a policy without inline script).
 *
 * @module
 */
import { installZendeskUploader } from "./zendesk_uploader.ts";

const form = document.querySelector<HTMLFormElement>("form#new_request");
const input = document.querySelector<HTMLInputElement>("#request-attachments");
const list = document.querySelector<HTMLElement>("#request-attachments-pool");
if (form && input && list) {
  installZendeskUploader({
    input,
    dropTarget: document,
    endpoint: "/hc/en-us/request_uploads",
    list,
    form,
  });
}

const formSelect = document.querySelector<HTMLSelectElement>("#request_issue_type_select");
formSelect?.addEventListener("change", () => {
  location.search = `?theme=legacy&ticket_form_id=${encodeURIComponent(formSelect.value)}`;
});
