/**
 * `GET /dev/outbox` (a page) and `GET /dev/outbox.json`: the mails written to the outbox, for the
 * sandbox and local testing. Served only when `devOutbox` is on: the outbox holds live codes.
 *
 * @module
 */
import { listOutbox } from "../mail/outbox.ts";
import type { Portal, PortalRequest } from "./context.ts";
import { html } from "./html.ts";
import { json, page } from "./respond.ts";

/** `GET /dev/outbox.json`: every mail, newest first. */
export async function outboxJson(portal: Portal, request: PortalRequest): Promise<Response> {
  const messages = (await listOutbox(portal.services.config.dataDir)).reverse();
  return json(portal, request, { response: "SUCCESS", messages });
}

/** `GET /dev/outbox`: every mail, newest first, as a page. */
export async function outboxPage(portal: Portal, request: PortalRequest): Promise<Response> {
  const messages = (await listOutbox(portal.services.config.dataDir)).reverse();
  return page(portal, request, {
    title: "Outbox",
    body: html`<h1>Outbox</h1>
<p class="muted">Development only: mails the service would have sent (no SMTP server is set up).</p>
${messages.length === 0 ? html`<p>No mail yet.</p>` : ""}
${
      messages.map((message) =>
        html`<article class="mail" data-role="mail"><strong>${message.subject}</strong>
<div class="small muted">To ${message.to} · ${message.createdAt}</div><pre>${message.text}</pre></article>`
      )
    }`,
  });
}
