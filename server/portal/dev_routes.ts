/**
 * `GET /dev/outbox` (a page) and `GET /dev/outbox.json`: the mails written to the outbox, for the
 * sandbox and local testing. Served only when `devOutbox` is on: the outbox holds live codes.
 *
 * @module
 */
import { listOutbox } from "../mail/outbox.ts";
import type { Portal, PortalRequest } from "./context.ts";
import { html } from "./html.ts";
import { json, page, wordsFor } from "./respond.ts";
import { requestLocale } from "./locale.ts";
import { pageLocale } from "./words.ts";
import { formatDateTime } from "../../ui/format.ts";

/** `GET /dev/outbox.json`: every mail, newest first. */
export async function outboxJson(portal: Portal, request: PortalRequest): Promise<Response> {
  const messages = (await listOutbox(portal.services.config.dataDir)).reverse();
  return json(portal, request, { response: "SUCCESS", messages });
}

/** `GET /dev/outbox`: every mail, newest first, as a page. */
export async function outboxPage(portal: Portal, request: PortalRequest): Promise<Response> {
  const messages = (await listOutbox(portal.services.config.dataDir)).reverse();
  const t = wordsFor(request);
  const locale = pageLocale(requestLocale(request.req));
  return page(portal, request, {
    title: t("page.outbox.title"),
    body: html`<h1>${t("page.outbox.title")}</h1>
<p class="muted">${t("page.outbox.intro")}</p>
${messages.length === 0 ? html`<p>${t("page.outbox.empty")}</p>` : ""}
${
      messages.map((message) =>
        html`<article class="mail" data-role="mail"><strong>${message.subject}</strong>
<div class="small muted">${
          t("page.outbox.to", { to: message.to, date: formatDateTime(message.createdAt, locale) })
        }</div><pre>${message.text}</pre></article>`
      )
    }`,
  });
}
