/// <reference lib="dom" />
// @ts-check
/**
 * The host side of the Zendesk App Framework (ZAF v2) protocol, for the sandbox ticket page:
 * loads the app in the sidebar iframe (another origin) with `?origin=…&app_guid=…`, answers its
 * handshake with `zaf.app.registered`, serves `get`/`set`/`invoke`, keeps its event
 * subscriptions, sends `ticket.updated` / `ticket.comments.changed` when the ticket changes,
 * `ticket.submit.*` around a reply and `app.activated` when the apps pane is shown again,
 * proxies `request:<n>` to the sandbox's Zendesk API stand-in, and runs the `ticket.save` hook
 * when the agent submits a reply. Every message is checked for the app's origin and window.
 *
 * Conversation text is rendered as text and sanitised anchors only. Dev-only, never deployed.
 */

const body = document.body;
const ticketId = Number(body.dataset.ticketId);
const appUrl = String(body.dataset.appUrl);
const settings = JSON.parse(body.dataset.settings ?? "{}");
const agent = JSON.parse(body.dataset.agent ?? "{}");
/** A rich-text reply editor: the reply field holds HTML, submitted as such. */
const richText = body.dataset.richText === "true";
const appOrigin = new URL(appUrl).origin;
const appGuid = crypto.randomUUID();
const SAVE_HOOK_TIMEOUT = 10_000;

const frame = /** @type {HTMLIFrameElement} */ (document.getElementById("app-frame"));
const conversation = /** @type {HTMLOListElement} */ (document.getElementById("conversation"));
const form = /** @type {HTMLFormElement} */ (document.getElementById("reply"));
const replyText = /** @type {HTMLTextAreaElement} */ (document.getElementById("reply-text"));
const attachmentsInput = /** @type {HTMLInputElement} */ (
  document.getElementById("zendesk-attachments")
);
const attachmentNames = /** @type {HTMLElement} */ (document.getElementById("attachment-names"));
const internalNote = /** @type {HTMLInputElement} */ (document.getElementById("internal-note"));
const replyError = /** @type {HTMLElement} */ (document.getElementById("reply-error"));
const submitButton = /** @type {HTMLButtonElement} */ (document.getElementById("submit-reply"));
const appsToggle = /** @type {HTMLButtonElement} */ (document.getElementById("toggle-apps"));
const appsPane = /** @type {HTMLElement} */ (document.getElementById("apps-pane"));

/** @type {any} */
let ticket = null;
let registered = false;
/** @type {Map<string, number>} event name → subscriber count */
const subscriptions = new Map();
/** @type {Map<string, (reply: any) => void>} */
const pendingReplies = new Map();

// ---------------------------------------------------------------------------------------------
// Ticket data and the conversation

async function loadTicket() {
  const response = await fetch(`/agent/tickets/${ticketId}.json`, { cache: "no-store" });
  if (!response.ok) throw new Error(`The ticket could not be read (HTTP ${response.status})`);
  return await response.json();
}

/**
 * Appends the comment's HTML to `parent` as text, keeping only line breaks and http(s) anchors.
 * @param {Node} parent
 * @param {string} html
 */
function appendSanitised(parent, html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  /** @param {Node} node @param {Node} into */
  const walk = (node, into) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        into.appendChild(document.createTextNode(child.textContent ?? ""));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const element = /** @type {Element} */ (child);
        const tag = element.tagName.toLowerCase();
        if (tag === "script" || tag === "style" || tag === "template") continue;
        if (tag === "br") {
          into.appendChild(document.createElement("br"));
        } else if (tag === "a") {
          const href = element.getAttribute("href") ?? "";
          let safe = "";
          try {
            const url = new URL(href);
            if (url.protocol === "https:" || url.protocol === "http:") safe = url.href;
          } catch {
            safe = "";
          }
          if (safe) {
            const anchor = document.createElement("a");
            anchor.href = safe;
            anchor.target = "_blank";
            anchor.rel = "noopener noreferrer";
            anchor.textContent = element.textContent ?? "";
            into.appendChild(anchor);
          } else {
            walk(element, into);
          }
        } else if (tag === "p" || tag === "div" || tag === "li") {
          const block = document.createElement("div");
          walk(element, block);
          into.appendChild(block);
        } else {
          walk(element, into);
        }
      }
    }
  };
  walk(doc.body, parent);
}

/**
 * A comment's time as the conversation shows it; the app's sidebar uses the same format
 * (`formatDateTime` of `ui/format.ts`), so an agent can match a link to its comment.
 * @param {string} value
 */
function formatDateTime(value) {
  return new Date(value).toLocaleString(undefined, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

function renderConversation() {
  conversation.replaceChildren();
  for (const comment of ticket.comments) {
    const item = document.createElement("li");
    item.className = `comment ${comment.role}${comment.public ? "" : " internal"}`;
    item.dataset.commentId = String(comment.id);
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = `${comment.author.name} (${comment.role}) · ${
      formatDateTime(comment.createdAt)
    }${comment.public ? "" : " · internal note"}`;
    const content = document.createElement("div");
    content.className = "content";
    appendSanitised(content, comment.html);
    item.append(meta, content);
    conversation.appendChild(item);
  }
}

/** The description as plain text, as Zendesk's `ticket.description` gives it. */
function descriptionText() {
  if (ticket.descriptionMimetype !== "text/html") return ticket.description;
  return new DOMParser().parseFromString(ticket.description, "text/html").body.textContent ?? "";
}

// ---------------------------------------------------------------------------------------------
// The ZAF host

/** @param {unknown} message */
function post(message) {
  frame.contentWindow?.postMessage(JSON.stringify(message), appOrigin);
}

/**
 * Sends an event if the app subscribed to it (Zendesk binds events on the first subscriber).
 * @param {string} name
 * @param {unknown} message
 */
function emit(name, message) {
  if ((subscriptions.get(name) ?? 0) > 0) post({ key: `zaf.${name}`, message });
}

function requester() {
  return {
    id: 1000 + ticket.id,
    name: ticket.requester.name,
    email: ticket.requester.email,
    locale: ticket.requester.locale ?? "en-US",
  };
}

/** @param {any} comment */
function authorOf(comment) {
  return comment.role === "agent"
    ? { id: agent.id, name: comment.author.name, email: comment.author.email, role: "agent" }
    : {
      id: 1000 + ticket.id,
      name: comment.author.name,
      email: comment.author.email,
      role: "end-user",
    };
}

function attachments() {
  return Array.from(attachmentsInput.files ?? []).map((file) => ({
    filename: file.name,
    contentType: file.type || "application/octet-stream",
    size: file.size,
  }));
}

/** @type {Record<string, () => unknown>} */
const paths = {
  "ticket.id": () => ticket.id,
  "ticket.subject": () => ticket.subject,
  "ticket.requester": requester,
  "ticket.collaborators": () => ticket.people.collaborators,
  "ticket.followers": () => ticket.people.followers,
  "ticket.assignee": () => ticket.people.assignee,
  "ticket.description": descriptionText,
  "ticket.comments": () =>
    ticket.comments.map((/** @type {any} */ comment) => ({
      id: comment.id,
      value: comment.html,
      author: authorOf(comment),
      via: { channel: "web" },
      createdAt: comment.createdAt,
      imported: false,
      nonPublic: !comment.public,
    })),
  "ticket.conversation": () =>
    ticket.comments.map((/** @type {any} */ comment) => ({
      author: { ...authorOf(comment), avatar: "" },
      channel: { name: "web" },
      message: { content: comment.html, contentType: "text/html" },
      timestamp: comment.createdAt,
      attachments: [],
    })),
  "currentUser": () => ({
    id: agent.id,
    name: agent.name,
    email: agent.email,
    role: agent.role,
    locale: agent.locale ?? "en-US",
    groups: [{ id: 1, name: "Support" }],
  }),
  "comment.text": () => replyText.value,
  "comment.attachments": attachments,
  "comment.type": () => (internalNote.checked ? "internalNote" : "publicReply"),
  "comment.useRichText": () => richText,
};

/** @type {Record<string, (...args: any[]) => unknown>} */
const actions = {
  "ticket.comment.appendText": (text) => appendToReply(textForReply(String(text))),
  "comment.appendText": (text) => appendToReply(textForReply(String(text))),
  "ticket.comment.appendHtml": (html) =>
    appendToReply(richText ? String(html) : htmlToText(String(html))),
  "comment.appendHtml": (html) => appendToReply(richText ? String(html) : htmlToText(String(html))),
  "resize": (size) => {
    const height = size && typeof size.height !== "undefined" ? String(size.height) : "";
    if (/^\d+(\.\d+)?(px)?$/.test(height)) {
      frame.style.height = height.endsWith("px") ? height : `${height}px`;
    }
  },
};

/** @param {string} html */
function htmlToText(html) {
  return new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
}

/**
 * Text as the reply field holds it: escaped, line breaks as `<br>`, in a rich-text editor.
 * @param {string} text
 */
function textForReply(text) {
  if (!richText) return text;
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped.replace(/\n/g, "<br>");
}

/** @param {string} text */
function appendToReply(text) {
  replyText.value += text;
  replyText.dispatchEvent(new Event("input"));
}

/** @param {string} path */
function unknownPath(path) {
  return { name: "Error", message: "is not a valid path for this location", path };
}

/** @param {any} data */
function handleRequest(data) {
  const { id, request, params } = data;
  if (request === "get" && Array.isArray(params)) {
    /** @type {any} */
    const result = { errors: {} };
    for (const path of params) {
      if (typeof path === "string" && Object.hasOwn(paths, path)) result[path] = paths[path]();
      else result.errors[path] = unknownPath(path);
    }
    post({ id, result });
  } else if (request === "set" && params && typeof params === "object") {
    /** @type {any} */
    const result = { errors: {} };
    for (const [path, value] of Object.entries(params)) {
      if (path === "comment.text") {
        replyText.value = String(value);
        result[path] = replyText.value;
      } else {
        result.errors[path] = { name: "Error", message: "cannot be set", path };
      }
    }
    post({ id, result });
  } else if (request === "invoke" && params && typeof params === "object") {
    /** @type {any} */
    const result = { errors: {} };
    for (const [action, args] of Object.entries(params)) {
      if (Object.hasOwn(actions, action)) {
        result[action] = actions[action](...(Array.isArray(args) ? args : [args]));
      } else {
        result.errors[action] = { name: "Error", message: "is not a valid action", path: action };
      }
    }
    post({ id, result });
  } else {
    post({ id, error: { name: "Error", message: `Unknown request ${String(request)}` } });
  }
}

/**
 * Zendesk's request proxy: `/api/v2/…` goes to the sandbox's stand-in of the Zendesk API.
 * @param {string} key
 * @param {any} options
 */
async function proxy(key, options) {
  const settingsObject = typeof options === "string" ? { url: options } : options ?? {};
  const url = String(settingsObject.url ?? "");
  try {
    const target = url.startsWith("/api/v2/") ? `/agent${url}` : url;
    const response = await fetch(target, {
      method: settingsObject.type ?? "GET",
      headers: settingsObject.contentType ? { "content-type": settingsObject.contentType } : {},
      body: settingsObject.data && settingsObject.type && settingsObject.type !== "GET"
        ? String(settingsObject.data)
        : undefined,
    });
    const text = await response.text();
    if (!response.ok) {
      emit(`${key}.fail`, {
        responseArgs: [
          { status: response.status, responseText: text },
          "error",
          response.statusText,
        ],
      });
      return;
    }
    let value = text;
    try {
      value = JSON.parse(text);
    } catch {
      // not JSON: passed on as text
    }
    emit(`${key}.done`, { responseArgs: [value, "success", { status: response.status }] });
  } catch (error) {
    emit(`${key}.fail`, { responseArgs: [{ status: 0, responseText: String(error) }, "error"] });
  }
}

function register() {
  registered = true;
  post({
    key: "zaf.app.registered",
    message: {
      metadata: {
        appId: 1,
        installationId: 1,
        name: "Padlock",
        version: "1.0.0",
        settings,
      },
      context: {
        instanceGuid: appGuid,
        product: "support",
        account: { subdomain: "sandbox" },
        location: "ticket_sidebar",
        ticketId: ticket.id,
      },
    },
  });
}

globalThis.addEventListener("message", (event) => {
  // Only the app's own window, from the app's origin, speaks ZAF to this page.
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
  let data = event.data;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return;
    }
  }
  if (!data || typeof data !== "object" || data.appGuid !== appGuid) return;
  if (typeof data.id === "number" && typeof data.request === "string") {
    if (registered) handleRequest(data);
    return;
  }
  const key = typeof data.key === "string" ? data.key : "";
  if (key === "iframe.handshake") {
    register();
  } else if (key.startsWith("iframe.on:") || key.startsWith("iframe.off:")) {
    const name = key.slice(key.indexOf(":") + 1);
    const count = Number(data.message?.subscriberCount ?? 0);
    subscriptions.set(name, Number.isFinite(count) ? count : 0);
  } else if (key.startsWith("iframe.reply:")) {
    const name = key.slice("iframe.reply:".length);
    pendingReplies.get(name)?.(data);
  } else if (/^request:\d+$/.test(key)) {
    void proxy(key, data.message);
  }
});

// ---------------------------------------------------------------------------------------------
// Save hook and reply

/** Runs the app's `ticket.save` hook; resolves with the refusal message, or null to go on. */
function runSaveHook() {
  if ((subscriptions.get("ticket.save") ?? 0) === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pendingReplies.delete("ticket.save");
      resolve("An app did not answer in time; the reply was not submitted.");
    }, SAVE_HOOK_TIMEOUT);
    pendingReplies.set("ticket.save", (reply) => {
      clearTimeout(timer);
      pendingReplies.delete("ticket.save");
      resolve(reply.error ? String(reply.error.msg ?? "An app stopped the update.") : null);
    });
    post({ key: "zaf.ticket.save", message: {}, needsReply: true });
  });
}

/** @param {string} message */
function showError(message) {
  replyError.textContent = message;
  replyError.hidden = !message;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  showError("");
  if (replyText.value.trim() === "" && attachments().length === 0) {
    showError("Write a reply first.");
    return;
  }
  submitButton.disabled = true;
  let outcome = "";
  try {
    const refusal = await runSaveHook();
    if (refusal) {
      showError(refusal);
      return;
    }
    // Zendesk's submit events: start once the hooks let the save go, then done or fail, always.
    emit("ticket.submit.start", {});
    outcome = "fail";
    const response = await fetch(`/agent/tickets/${ticketId}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        [richText ? "html" : "text"]: replyText.value,
        public: !internalNote.checked,
      }),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      showError(`The reply was not saved: ${problem.error ?? response.status}`);
      return;
    }
    outcome = "done";
    replyText.value = "";
    attachmentsInput.value = "";
    attachmentNames.textContent = "";
    await refresh(true);
  } finally {
    if (outcome) {
      emit(`ticket.submit.${outcome}`, { id: ticketId });
      emit("ticket.submit.always", { id: ticketId });
    }
    submitButton.disabled = false;
  }
});

// Zendesk sends `app.activated` when an app's pane is shown again (the app rescans then).
appsToggle.addEventListener("click", () => {
  const show = appsPane.hidden;
  appsPane.hidden = !show;
  appsToggle.setAttribute("aria-expanded", String(show));
  if (show) emit("app.activated", { firstLoad: false });
});

attachmentsInput.addEventListener("change", () => {
  attachmentNames.textContent = attachments().map((file) => file.filename).join(", ");
});

/** Reloads the ticket; when it changed, redraws it and tells the app. */
async function refresh(force = false) {
  const latest = await loadTicket();
  const changed = force || JSON.stringify(latest.comments) !== JSON.stringify(ticket.comments);
  ticket = latest;
  if (!changed) return;
  renderConversation();
  emit("ticket.comments.changed", paths["ticket.comments"]());
  emit("ticket.updated", { id: ticket.id });
}

async function start() {
  ticket = await loadTicket();
  renderConversation();
  const src = new URL(`${appUrl}/assets/iframe.html`);
  src.searchParams.set("origin", location.origin);
  src.searchParams.set("app_guid", appGuid);
  frame.src = src.href;
  // Someone may add a comment from the Help Center meanwhile: look every few seconds.
  setInterval(() => void refresh().catch(() => {}), 3000);
}

start().catch((error) => {
  showError(String(error));
});
