/**
 * The sandbox Help Center's pages, rendered on the server: the v4-style "Submit a request" page
 * (an empty mount point that a script fills after load, as Copenhagen 4 does), the legacy-style
 * page (server-rendered, with the DOM ids of `spec/helpcenter.md`), the ticket page and the
 * index. Both request pages carry the widget's `<script>` tag as an admin pastes it into
 * `document_head.hbs`.
 *
 * @module
 */
import { FAVICON_HREF } from "../../server/portal/page.ts";
import type { Ticket } from "../tickets.ts";
import { type Html, html, htmlToText, raw } from "./html.ts";

/** A ticket form of the sandbox account. */
export interface TicketForm {
  id: string;
  name: string;
}

/** The sandbox account's ticket forms; only the first is in the widget's configured list. */
export const TICKET_FORMS: TicketForm[] = [
  { id: "360001", name: "Technical support" },
  { id: "360002", name: "Feedback" },
];

/** The widget's installation, as the admin configured it. */
export interface WidgetTag {
  /** URL of `padlock.js` (the theme asset, or the service's `/widget/padlock.js`). */
  src: string;
  /** The tag's `integrity` (Subresource Integrity of `padlock.js`), when the admin set one. */
  integrity?: string;
  serviceUrl: string;
  dropzoneId: string;
  /** Comma-separated ticket form ids; empty for every form. */
  ticketForms: string;
  /**
   * `tag`: configured by the tag's `data-` attributes; `init`: a bare tag and a
   * `Padlock.init({...})` call, the other way an admin may install it.
   * @default {"tag"}
   */
  install?: "tag" | "init";
  /** The tag's `data-link-style` (`url` or `hyperlink`), when the admin set one. */
  linkStyle?: string;
}

/** The widget's script tag as an admin pastes it into `document_head.hbs`. */
export function widgetScriptTag(tag: WidgetTag): Html {
  if (tag.install === "init") {
    const options = JSON.stringify({
      serviceUrl: tag.serviceUrl,
      dropzoneId: tag.dropzoneId,
      ticketForms: tag.ticketForms,
      linkStyle: tag.linkStyle,
    }).replace(/</g, "\\u003c");
    return html`
      <script type="module" src="${tag.src}"></script>
      <script type="module">window.Padlock.init(${raw(options)});</script>
    `;
  }
  const linkStyle = tag.linkStyle === undefined ? raw("") : html`
    data-link-style="${tag.linkStyle}"
  `;
  if (tag.integrity) {
    return html`
      <script type="module" src="${tag.src}" integrity="${tag.integrity}" crossorigin="anonymous"
        data-padlock data-service-url="${tag.serviceUrl}" data-dropzone-id="${tag.dropzoneId}"
        data-ticket-forms="${tag.ticketForms}" ${linkStyle}></script>
    `;
  }
  return html`
    <script type="module" src="${tag.src}" data-padlock data-service-url="${tag.serviceUrl}"
      data-dropzone-id="${tag.dropzoneId}" data-ticket-forms="${tag
        .ticketForms}" ${linkStyle}></script>
  `;
}

function layout(
  options: { title: string; head?: Html; body: Html; crumbs?: string[]; locale?: string },
): string {
  const crumbs = options.crumbs ?? [];
  // As Zendesk renders a Help Center page in one of its languages (`/hc/<locale>/…`).
  const locale = options.locale ?? "en-US";
  const dir = /^(ar|he|fa)\b/i.test(locale) ? "rtl" : "ltr";
  return html`
    <!DOCTYPE html>
    <html lang="${locale}" dir="${dir}">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>${options.title} – Padlock Demo</title>
      <link rel="icon" href="${FAVICON_HREF}">
      <link rel="stylesheet" href="/sandbox/assets/theme.css">
      ${options.head}
      </head>
      <body>
        <header class="header">
          <a class="logo" href="/"><span class="logo-mark">P</span> Padlock Demo</a>
          <nav class="user-nav"><a href="/hc/en-us/requests/new">Submit a request</a>
          <a href="/hc/en-us/requests">Requests</a></nav>
        </header>
        <div class="hero"></div>
        <main class="container">
        ${crumbs.length
          ? html`<ol class="breadcrumbs"><li><a href="/">Padlock Demo</a></li>${
            crumbs.map((crumb) => html`<li>${crumb}</li>`)
          }</ol>`
          : ""}
        ${options.body}
      </main>
      </body>
    </html>
  `.value;
}

/** The data the v4 form script renders from (embedded as JSON in the page). */
export interface V4FormData {
  forms: TicketForm[];
  selected: string;
  action: string;
  authenticityToken: string;
  /** Why the last submission was refused, shown above the form. */
  error?: string;
  /** What the refused submission held, put back into the form. */
  values?: { subject: string; email: string };
}

/** The v4-style request page: the form is rendered by `/sandbox/assets/v4-form.js` after load. */
export function v4RequestPage(
  options: { widget: WidgetTag; data: V4FormData; locale?: string },
): string {
  const json = JSON.stringify(options.data).replace(/</g, "\\u003c");
  return layout({
    locale: options.locale,
    title: "Submit a request",
    crumbs: ["Submit a request"],
    head: html`${widgetScriptTag(options.widget)}
  <link rel="stylesheet" href="/sandbox/assets/ckeditor.css">`,
    body: html`
      <h1 class="page-title">Submit a request</h1>
      <p class="sandbox-note">Sandbox: Copenhagen v4 form (rendered after load, rich-text editor).
            Ticket form "Technical support" is secured by Padlock; "Feedback" is not in the configured
            list. <a href="/hc/en-us/requests/new?theme=legacy">Legacy form</a></p>
      <div id="main-content" class="form">
        <div id="new-request-form"></div>
      </div>
      <script type="application/json" id="new-request-form-data">${raw(json)}</script>
      <script type="module" src="/sandbox/assets/v4-form.js"></script>
    `,
  });
}

/** The legacy (templating API v1–v3) request page, server-rendered. */
export function legacyRequestPage(
  options: {
    widget: WidgetTag;
    forms: TicketForm[];
    selected: string;
    authenticityToken: string;
    /** Why the last submission was refused, shown above the form. */
    error?: string;
    locale?: string;
  },
): string {
  const { forms, selected } = options;
  return layout({
    locale: options.locale,
    title: "Submit a request",
    crumbs: ["Submit a request"],
    head: widgetScriptTag(options.widget),
    body: html`
      <h1 class="page-title">Submit a request</h1>
      <p class="sandbox-note">Sandbox: legacy (server-rendered) form. Ticket form "Technical support"
            is secured by Padlock; "Feedback" is not in the configured list.
            <a href="/hc/en-us/requests/new">v4 form</a></p>
      ${options.error
        ? html`<div class="notification notification-error" role="alert">${options.error}</div>`
        : ""}
      <div class="form">
        <form id="new_request" class="request-form" action="/hc/en-us/requests" method="post"
          data-form-type="request" accept-charset="UTF-8">
          <input type="hidden" name="utf8" value="✓">
          <input type="hidden" name="authenticity_token" value="${options.authenticityToken}">
          <input type="hidden" name="sandbox_theme" value="legacy">
          <div class="form-field select optional request_ticket_form_id">
            <label for="request_issue_type_select">Please choose your issue below</label>
            <select name="request_issue_type_select" id="request_issue_type_select">
                ${forms.map((form) =>
                  html`<option value="${form.id}" ${
                    raw(form.id === selected ? "selected" : "")
                  }>${form.name}</option>`
                )}
              </select>
          </div>
          <input type="hidden" name="request[ticket_form_id]" id="request_ticket_form_id"
            value="${selected}">
          <div class="form-field string required request_anonymous_requester_email">
            <label for="request_anonymous_requester_email">Your email address</label>
            <input type="text" name="request[anonymous_requester_email]"
              id="request_anonymous_requester_email" required>
          </div>
          <div class="form-field string required request_subject">
            <label for="request_subject">Subject</label>
            <input type="text" name="request[subject]" id="request_subject" maxlength="150" required>
          </div>
          <div class="form-field text required request_description">
            <label for="request_description">Description</label>
            <textarea name="request[description]" id="request_description" required></textarea>
            <p id="request_description_hint">Please enter the details of your request. A member of our
                support staff will respond as soon as possible.</p>
          </div>
          <div class="form-field">
            <label for="request-attachments">Attachments <span class="optional">(optional)</span></label>
            <div id="upload-dropzone" class="upload-dropzone">
              <input type="file" multiple="true" id="request-attachments" data-fileupload="true"
                data-dropzone="upload-dropzone" data-error="upload-error"
                data-create-url="/hc/en-us/request_uploads" data-name="request[attachments][]"
                data-pool="request-attachments-pool" aria-describedby="upload-error">
              <span><a>Add file</a> or drop files here</span>
            </div>
            <div id="upload-error" class="notification notification-error notification-inline"
              style="display: none;"><span data-upload-error-message></span></div>
            <ul id="request-attachments-pool" class="upload-pool"></ul>
          </div>
          <footer><input type="submit" name="commit" value="Submit"></footer>
        </form>
      </div>
      <script type="module" src="/sandbox/assets/legacy-uploader.js"></script>
    `,
  });
}

/** A ticket as the requester sees it; all user text is shown through escaping only. */
export function ticketPage(ticket: Ticket): string {
  return layout({
    title: ticket.subject || `Request #${ticket.id}`,
    crumbs: ["Requests", `#${ticket.id}`],
    body: html`<h1 class="page-title">${ticket.subject || "(no subject)"}</h1>
    <div class="ticket-meta">Request #${ticket.id} · ${ticket.requester.email} ·
      ticket form ${ticket.formId ?? "none"}</div>
    ${
      ticket.comments.map((comment) =>
        html`
          <article class="comment" data-comment-id="${comment.id}">
            <span class="comment-author">${comment.author.name}</span>
            <span class="comment-time">${comment.createdAt}</span>
            <div class="comment-body">${safeBody(comment.html)}</div>
          </article>
        `
      )
    }`,
  });
}

/**
 * A comment's HTML shown safely: reduced to its text, escaped, with line breaks kept and http(s)
 * URLs (Secure Links included, with their fragment) as links.
 */
export function safeBody(markup: string): Html {
  const text = htmlToText(markup);
  const parts: Html[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    const pieces: Html[] = [];
    let last = 0;
    for (const match of paragraph.matchAll(/https?:\/\/[^\s<>"']+/g)) {
      const url = match[0].replace(/[.,;:!?)]+$/, "");
      pieces.push(html`${paragraph.slice(last, match.index)}`);
      pieces.push(html`<a href="${url}" rel="noreferrer" target="_blank">${url}</a>`);
      last = match.index + url.length;
    }
    pieces.push(html`${paragraph.slice(last)}`);
    parts.push(html`<p>${raw(pieces.join("").replace(/\n/g, "<br>"))}</p>`);
  }
  return html`${parts}`;
}

/** The list of requests. */
export function ticketsPage(tickets: Ticket[]): string {
  return layout({
    title: "Requests",
    crumbs: ["Requests"],
    body: html`<h1 class="page-title">Requests</h1>
    ${
      tickets.length === 0
        ? html`<p>No requests yet. <a href="/hc/en-us/requests/new">Submit one</a>.</p>`
        : html`<ul class="tickets">${
          tickets.slice().reverse().map((ticket) =>
            html`<li><a href="/hc/en-us/requests/${ticket.id}">#${ticket.id} ${
              ticket.subject || "(no subject)"
            }</a> · ${ticket.requester.email}</li>`
          )
        }</ul>`
    }`,
  });
}

/** The sandbox's start page. */
export function indexPage(options: { serviceUrl: string; agentUrl?: string }): string {
  return layout({
    title: "Home",
    body: html`
      <h1 class="page-title">Padlock sandbox</h1>
      <p>A local stand-in for a Zendesk Help Center, with the Padlock widget installed.</p>
      <div class="cards">
            <a class="card" href="/hc/en-us/requests/new"><h2>Submit a request (v4 form)</h2>
              <p>Copenhagen 4: form rendered after load, CKEditor 5.</p></a>
            <a class="card" href="/hc/en-us/requests/new?theme=legacy"><h2>Submit a request (legacy)</h2>
              <p>Server-rendered form with Zendesk's legacy ids.</p></a>
            <a class="card" href="/hc/en-us/requests"><h2>Requests</h2>
              <p>Tickets created here, with their Secure Links.</p></a>
            ${options.agentUrl
              ? html`<a class="card" href="${options.agentUrl}"><h2>Agent workspace</h2>
        <p>Tickets with the Padlock app in the sidebar.</p></a>`
              : ""}
          </div>
      <p class="ticket-meta">Secure Link service: ${options.serviceUrl}</p>
    `,
  });
}
