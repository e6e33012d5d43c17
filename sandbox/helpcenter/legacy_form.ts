/// <reference lib="dom" />
/**
 * Browser script of the sandbox's legacy request page: Zendesk's legacy uploader on
 * `#request-attachments` (drops anywhere on the page), as on a real legacy Help Center.
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
