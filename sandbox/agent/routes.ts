/**
 * The sandbox's agent view, a dev-only stand-in for Zendesk's agent interface: a ticket list
 * (`/agent/`), a ticket page (`/agent/tickets/:id`) with the conversation, a reply editor and the
 * Padlock app in a sidebar iframe, and the host side of the ZAF protocol (in `host.js`, over real
 * `postMessage`). The app is served from a different origin by {@linkcode startAgentAppHost}, as
 * Zendesk serves apps from its own content domain. Never deployed.
 *
 * @module
 */
import { escapeHtml, textToHtml, type Ticket, type TicketStore } from "../tickets.ts";
import { htmlToText } from "../helpcenter/html.ts";
import { FAVICON_HREF } from "../../server/portal/page.ts";

/** The agent the sandbox pretends is signed in to Zendesk. */
export interface SandboxAgent {
  /** The agent's Zendesk user id. */
  id: number;
  /** The agent's name. */
  name: string;
  /** The agent's email. */
  email: string;
  /** `admin`, `agent` or a custom role name. */
  role: string;
}

/** Options of {@linkcode agentRoutes}. */
export interface AgentRoutesOptions {
  /** The ticket store shared with the Help Center pages. */
  tickets: TicketStore;
  /** Origin of the Padlock service (the app's `service_url` setting). */
  serviceUrl: string;
  /**
   * Base URL of the app host ({@linkcode startAgentAppHost}). Without it the app is served by
   * these routes under `/agent/app/`, on the sandbox's own origin, which Zendesk never does.
   */
  appOrigin?: string;
  /** The signed-in agent. @default {DEMO_AGENT} */
  agent?: SandboxAgent;
  /**
   * Installation settings besides `service_url` (each can also be overridden per page with a
   * query parameter of the same name, e.g. `?block_unencrypted_attachments=true`).
   */
  settings?: Record<string, unknown>;
  /** Directory of the built app. @default {"dist/agent" of the project} */
  appDir?: string;
  /**
   * The account's agents and admins, as `GET /api/v2/users.json?role[]=agent&role[]=admin`
   * lists them (the signed-in agent is added when missing). @default {[agent]}
   */
  agents?: SandboxAgent[];
  /** The largest page that users API gives, so that tests see several pages. @default {100} */
  usersPageSize?: number;
}

/** The demo agent of the sandbox. */
export const DEMO_AGENT: SandboxAgent = {
  id: 900,
  name: "Alex Agent",
  email: "agent@example.com",
  role: "admin",
};

/** The installation parameters the sandbox host sends unless told otherwise. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  require_auth_default: true,
  block_unencrypted_attachments: false,
  allowed_roles: "",
};

const SETTING_NAMES = [
  "require_auth_default",
  "block_unencrypted_attachments",
  "allowed_roles",
  "all_agents_as_recipients",
  "insert_hyperlink",
];

const DIST_AGENT = new URL("../../dist/agent/", import.meta.url).pathname;

const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json; charset=utf-8",
  png: "image/png",
  svg: "image/svg+xml",
};

/** Serves one file of `dir` for `path` (no `..`), or `undefined` when it does not exist. */
async function serveFile(dir: string, path: string): Promise<Response | undefined> {
  let clean: string;
  try {
    clean = decodeURIComponent(path).replace(/^\/+/, "");
  } catch {
    return undefined; // malformed percent-encoding names no file
  }
  if (
    clean === "" || clean.includes("\0") ||
    clean.split("/").some((part) => part === ".." || part === "")
  ) {
    return undefined;
  }
  let body: Uint8Array;
  try {
    body = await Deno.readFile(`${dir.replace(/\/?$/, "/")}${clean}`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || error instanceof Deno.errors.IsADirectory) {
      return undefined;
    }
    throw error;
  }
  const extension = clean.slice(clean.lastIndexOf(".") + 1);
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": CONTENT_TYPES[extension] ?? "application/octet-stream",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** A running app host. */
export interface AgentAppHost {
  /** Base URL, e.g. `http://127.0.0.1:54321`; the app page is `<url>/assets/iframe.html`. */
  url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Options of {@linkcode startAgentAppHost}. */
export interface AgentAppHostOptions {
  /** Port, 0 for any free port. @default {0} */
  port?: number;
  /** Interface to listen on. @default {"127.0.0.1"} */
  hostname?: string;
  /** Directory of the built app. @default {"dist/agent" of the project} */
  appDir?: string;
}

/**
 * Serves the built app (`dist/agent/`) on its own origin, as Zendesk serves apps from a content
 * domain apart from the agent interface.
 */
export function startAgentAppHost(options: AgentAppHostOptions = {}): AgentAppHost {
  const { port = 0, hostname = "127.0.0.1", appDir = DIST_AGENT } = options;
  const server = Deno.serve({ port, hostname, onListen() {} }, async (request) => {
    const url = new URL(request.url);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response("Method not allowed", { status: 405 });
    }
    return await serveFile(appDir, url.pathname) ?? new Response("Not found", { status: 404 });
  });
  const address = server.addr as Deno.NetAddr;
  return {
    url: `http://${address.hostname}:${address.port}`,
    close: () => server.shutdown(),
  };
}

function page(title: string, body: string, bodyAttributes = "", frameOrigin = "'none'"): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Sandbox Zendesk</title>
<link rel="icon" href="${escapeHtml(FAVICON_HREF)}">
<link rel="stylesheet" href="/agent/assets/host.css">
</head>
<body${bodyAttributes}>
<header class="topbar"><a href="/agent/">Sandbox Zendesk · Agent</a><span>Dev stand-in, not Zendesk</span></header>
${body}
</body>
</html>`;
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": `default-src 'self'; script-src 'self'; style-src 'self'; ` +
        `img-src 'self' data:; frame-src ${frameOrigin}; object-src 'none'; base-uri 'none'`,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    },
  });
}

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

function listPage(tickets: Ticket[]): Response {
  const rows = tickets.slice().reverse().map((ticket) =>
    `<tr><td>#${ticket.id}</td><td><a href="/agent/tickets/${ticket.id}">${
      escapeHtml(ticket.subject || "(no subject)")
    }</a></td><td>${escapeHtml(ticket.requester.name)} &lt;${
      escapeHtml(ticket.requester.email)
    }&gt;</td><td>${ticket.comments.length}</td><td>${escapeHtml(ticket.createdAt)}</td></tr>`
  ).join("\n");
  return page(
    "Tickets",
    `<main class="list"><h1>Tickets</h1>${
      tickets.length === 0
        ? '<p class="muted">No tickets yet. Submit one from the Help Center.</p>'
        : `<table><thead><tr><th>ID</th><th>Subject</th><th>Requester</th><th>Comments</th>` +
          `<th>Created</th></tr></thead><tbody>${rows}</tbody></table>`
    }</main>`,
  );
}

/** The attribute text of the data the host script reads (no inline script: strict CSP). */
function dataAttributes(values: Record<string, unknown>): string {
  return Object.entries(values).map(([name, value]) =>
    ` data-${name}="${escapeHtml(typeof value === "string" ? value : JSON.stringify(value))}"`
  ).join("");
}

function ticketPage(ticket: Ticket, config: Record<string, unknown>, appOrigin: string): Response {
  const body = `<div class="layout">
<main class="ticket">
  <h1><span class="muted">#${ticket.id}</span> ${escapeHtml(ticket.subject || "(no subject)")}</h1>
  <p class="muted">Requester: ${escapeHtml(ticket.requester.name)} &lt;${
    escapeHtml(ticket.requester.email)
  }&gt;</p>
  <ol id="conversation" class="conversation" aria-live="polite"></ol>
  <form id="reply" class="reply">
    <label for="reply-text">Reply</label>
    <textarea id="reply-text" name="text" rows="6"></textarea>
    <div class="reply-tools">
      <label class="attach">Attach with Zendesk (not encrypted)
        <input id="zendesk-attachments" type="file" multiple></label>
      <span id="attachment-names" class="muted"></span>
      <label><input id="internal-note" type="checkbox"> Internal note</label>
    </div>
    <p id="reply-error" class="error" role="alert" hidden></p>
    <button id="submit-reply" type="submit">Submit as Open</button>
  </form>
</main>
<aside class="apps">
  <h2><button id="toggle-apps" type="button" aria-expanded="true"
    aria-controls="apps-pane">Apps</button></h2>
  <div id="apps-pane"><iframe id="app-frame" title="Padlock app"></iframe></div>
</aside>
</div>
<script type="module" src="/agent/assets/host.js"></script>`;
  return page(`#${ticket.id} ${ticket.subject}`, body, dataAttributes(config), appOrigin);
}

function settingFromQuery(value: string): unknown {
  if (value === "true") return true;
  if (value === "false") return false;
  return value;
}

/** The requester's Zendesk user id in the sandbox (one end-user per ticket). */
function requesterId(ticket: Ticket): number {
  return 1000 + ticket.id;
}

/** A user in the shape of Zendesk's REST API. */
function apiUser(
  user: { id: number; name: string; email: string; role: string },
): Record<string, unknown> {
  return {
    id: user.id,
    url: `/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    role: user.role,
    locale: "en-US",
    time_zone: "UTC",
    active: true,
    verified: true,
  };
}

function apiRequester(ticket: Ticket): Record<string, unknown> {
  return apiUser({ ...ticket.requester, id: requesterId(ticket), role: "end-user" });
}

/** The ticket in the shape of Zendesk's REST API (`description` is plain text there). */
function apiTicket(ticket: Ticket, agent: SandboxAgent): Record<string, unknown> {
  const description = ticket.descriptionMimetype === "text/html"
    ? htmlToText(ticket.description)
    : ticket.description;
  return {
    id: ticket.id,
    url: `/api/v2/tickets/${ticket.id}.json`,
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description,
    status: "open",
    requester_id: requesterId(ticket),
    submitter_id: requesterId(ticket),
    assignee_id: agent.id,
    ticket_form_id: ticket.formId === undefined ? null : Number(ticket.formId),
    created_at: ticket.createdAt,
    updated_at: ticket.comments.at(-1)?.createdAt ?? ticket.createdAt,
  };
}

/**
 * The ticket's people as ZAF gives them: `ticket.collaborators` and `ticket.followers` (users),
 * `ticket.assignee` (`{user, group}`, no user when unassigned). Ids are made up per ticket.
 */
function zafPeople(ticket: Ticket, agent: SandboxAgent): Record<string, unknown> {
  const user = (person: { name: string; email: string }, id: number, role: string) => ({
    id,
    name: person.name,
    ...(person.email ? { email: person.email } : {}),
    role,
  });
  const assignee = ticket.assignee === undefined ? agent : ticket.assignee;
  return {
    collaborators: (ticket.ccs ?? []).map((person, index) =>
      user(person, 2000 + ticket.id * 100 + index, "end-user")
    ),
    followers: (ticket.followers ?? []).map((person, index) =>
      user(person, 3000 + ticket.id * 100 + index, "agent")
    ),
    assignee: {
      user: assignee
        ? user(assignee, assignee === agent ? agent.id : 4000 + ticket.id, "agent")
        : null,
      group: { id: 1, name: "Support" },
    },
  };
}

/**
 * `GET /api/v2/users.json` for agents and admins, with Zendesk's cursor pagination
 * (`page[size]`, `page[after]`; `meta.has_more`, `links.next` as an absolute URL).
 */
function usersPage(url: URL, agents: readonly SandboxAgent[], largest: number): Response {
  const roles = url.searchParams.getAll("role[]");
  const listed = agents.filter((agent) => roles.length === 0 || roles.includes(agent.role));
  const asked = Number(url.searchParams.get("page[size]") ?? 100);
  const size = Math.max(1, Math.min(Number.isFinite(asked) ? asked : 100, largest, 100));
  const start = Number(url.searchParams.get("page[after]") ?? 0) || 0;
  const page = listed.slice(start, start + size);
  const more = start + size < listed.length;
  const next = new URL("/api/v2/users.json", url.origin);
  for (const role of roles) next.searchParams.append("role[]", role);
  next.searchParams.set("page[size]", String(size));
  next.searchParams.set("page[after]", String(start + size));
  return json({
    users: page.map(apiUser),
    meta: { has_more: more, after_cursor: more ? String(start + size) : null },
    links: { next: more ? next.href : null },
  });
}

/** The ticket's comments in the shape of Zendesk's REST API (for the request proxy). */
function apiComments(ticket: Ticket) {
  return {
    comments: ticket.comments.map((comment) => ({
      id: comment.id,
      type: "Comment",
      author_id: comment.role === "agent" ? DEMO_AGENT.id : requesterId(ticket),
      // Zendesk's `body` is plain text (entities decoded, blocks as line breaks).
      body: htmlToText(comment.html),
      html_body: comment.html,
      public: comment.public,
      created_at: comment.createdAt,
    })),
    count: ticket.comments.length,
  };
}

/**
 * The agent view's routes, for `startSandbox` to mount: the ticket list, the ticket page, its
 * data and reply endpoints, the host script, the request proxy's Zendesk API stand-in, and (when
 * no `appOrigin` is given) the app itself.
 */
export function agentRoutes(
  options: AgentRoutesOptions,
): (request: Request) => Promise<Response | undefined> {
  const {
    tickets,
    serviceUrl,
    appOrigin,
    agent = DEMO_AGENT,
    settings = {},
    appDir = DIST_AGENT,
    usersPageSize = 100,
  } = options;
  const agents = options.agents ?? [agent];
  if (!agents.some((listed) => listed.id === agent.id)) agents.unshift(agent);
  const here = new URL(".", import.meta.url).pathname;

  const findTicket = async (id: string): Promise<Ticket | undefined> => {
    const number = Number(id);
    if (!Number.isSafeInteger(number) || number < 1) return undefined;
    try {
      return await tickets.getTicket(number);
    } catch {
      return undefined;
    }
  };

  // The agent, or the requester of the ticket whose requester id it is.
  const findUser = async (id: number): Promise<Record<string, unknown> | undefined> => {
    if (id === agent.id) return apiUser(agent);
    const ticket = id > 1000 ? await findTicket(String(id - 1000)) : undefined;
    return ticket ? apiRequester(ticket) : undefined;
  };

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path !== "/agent" && !path.startsWith("/agent/")) return undefined;

    if (request.method === "GET") {
      if (path === "/agent" || path === "/agent/") return listPage(await tickets.listTickets());
      if (path === "/agent/assets/host.js") return await serveFile(here, "host.js");
      if (path === "/agent/assets/host.css") return await serveFile(here, "host.css");
      if (path.startsWith("/agent/app/") && !appOrigin) {
        return await serveFile(appDir, path.slice("/agent/app/".length));
      }
      let match = path.match(/^\/agent\/tickets\/(\d+)\/?$/);
      if (match) {
        const ticket = await findTicket(match[1]);
        if (!ticket) return page("Not found", '<main class="list"><h1>No such ticket</h1></main>');
        const appUrl = appOrigin ? appOrigin.replace(/\/+$/, "") : `${url.origin}/agent/app`;
        const merged: Record<string, unknown> = {
          ...DEFAULT_SETTINGS,
          ...settings,
          service_url: serviceUrl,
        };
        for (const name of SETTING_NAMES) {
          const value = url.searchParams.get(name);
          if (value !== null) merged[name] = settingFromQuery(value);
        }
        const role = url.searchParams.get("role");
        // A rich-text reply editor (`comment.useRichText`), as most Zendesk accounts have.
        const richText = url.searchParams.get("rich_text") === "true";
        // The agent's Zendesk language (`?locale=ja`), as ZAF's `currentUser.locale` gives it.
        const locale = url.searchParams.get("locale");
        return ticketPage(ticket, {
          "ticket-id": String(ticket.id),
          "app-url": appUrl,
          settings: merged,
          "rich-text": richText ? "true" : "false",
          agent: { ...agent, ...(role ? { role } : {}), ...(locale ? { locale } : {}) },
        }, new URL(appUrl).origin);
      }
      match = path.match(/^\/agent\/tickets\/(\d+)\.json$/);
      if (match) {
        const ticket = await findTicket(match[1]);
        return ticket
          ? json({ ...ticket, people: zafPeople(ticket, agent) })
          : json({ error: "RecordNotFound" }, 404);
      }
      match = path.match(/^\/agent\/api\/v2\/tickets\/(\d+)\/comments\.json$/);
      if (match) {
        const ticket = await findTicket(match[1]);
        return ticket ? json(apiComments(ticket)) : json({ error: "RecordNotFound" }, 404);
      }
      match = path.match(/^\/agent\/api\/v2\/tickets\/(\d+)\.json$/);
      if (match) {
        const ticket = await findTicket(match[1]);
        if (!ticket) return json({ error: "RecordNotFound", description: "Not found" }, 404);
        // `?include=users` sideloads the people of the ticket, as Zendesk does.
        const include = (url.searchParams.get("include") ?? "").split(",");
        return json({
          ticket: apiTicket(ticket, agent),
          ...(include.includes("users") ? { users: [apiRequester(ticket), apiUser(agent)] } : {}),
        });
      }
      if (path === "/agent/api/v2/users/me.json") return json({ user: apiUser(agent) });
      if (path === "/agent/api/v2/users.json") return usersPage(url, agents, usersPageSize);
      if (path === "/agent/api/v2/users/show_many.json") {
        const ids = (url.searchParams.get("ids") ?? "").split(",").map(Number);
        const users = [];
        for (const id of ids) {
          const user = await findUser(id);
          if (user) users.push(user);
        }
        return json({ users });
      }
      match = path.match(/^\/agent\/api\/v2\/users\/(\d+)\.json$/);
      if (match) {
        const user = await findUser(Number(match[1]));
        return user
          ? json({ user })
          : json({ error: "RecordNotFound", description: "Not found" }, 404);
      }
      return undefined;
    }

    if (request.method === "POST") {
      const match = path.match(/^\/agent\/tickets\/(\d+)\/comments$/);
      if (!match) return undefined;
      // Same-origin only: the reply form's script, not another site posting into the ticket.
      const origin = request.headers.get("origin");
      if (origin !== null && origin !== url.origin) return json({ error: "Forbidden" }, 403);
      const ticket = await findTicket(match[1]);
      if (!ticket) return json({ error: "RecordNotFound" }, 404);
      let body: { text?: unknown; html?: unknown; public?: unknown };
      try {
        body = await request.json();
      } catch {
        return json({ error: "Body must be JSON" }, 400);
      }
      // A rich-text reply arrives as the editor's HTML (rendered sanitised by the host script).
      const html = typeof body.html === "string" ? body.html : undefined;
      const text = typeof body.text === "string" ? body.text : "";
      if ((html ?? text).trim() === "") return json({ error: "The reply is empty" }, 400);
      const comment = await tickets.addComment(ticket.id, {
        authorName: agent.name,
        authorEmail: agent.email,
        role: "agent",
        html: html ?? textToHtml(text),
        public: body.public !== false,
      });
      return json(comment, 201);
    }
    return undefined;
  };
}
