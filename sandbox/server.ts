/**
 * The sandbox: a local stand-in for a Zendesk Help Center, dev-only and never deployed. Serves
 * the "Submit a request" page in the v4 style and in the legacy style (both with the Padlock
 * widget's script tag as an admin pastes it), takes the submitted form into a small ticket store
 * and shows the ticket. It also answers Zendesk's own upload endpoints, recording every call, so
 * tests can prove the widget kept Zendesk's uploader from firing. When
 * `sandbox/agent/routes.ts` exists, its agent routes are mounted too.
 *
 * @module
 */
import { type Asset, buildSandboxAssets } from "./helpcenter/assets.ts";
import {
  indexPage,
  legacyRequestPage,
  TICKET_FORMS,
  ticketPage,
  ticketsPage,
  v4RequestPage,
  type WidgetTag,
} from "./helpcenter/pages.ts";
import { createTicketStore, TicketNotFoundError, type TicketStore } from "./tickets.ts";
import { htmlToText } from "./helpcenter/html.ts";
import { type ZendeskApiCall, zendeskApiRoutes } from "./zendesk_api.ts";

/** Options of {@linkcode startSandbox}. */
export interface SandboxOptions {
  /** Base URL of the Secure Link service the widget talks to. */
  serviceUrl: string;
  /** The dropzone the widget uploads into. */
  dropzoneId: string;
  /**
   * TCP port; 0 picks a free one.
   * @default {0}
   */
  port?: number;
  /** @default {"127.0.0.1"} */
  hostname?: string;
  /**
   * The ticket store.
   * @default {an in-memory store}
   */
  tickets?: TicketStore;
  /**
   * Directory holding the built bundles (`helpcenter/padlock.js`).
   * @default {"<project>/dist"}
   */
  distDir?: string;
  /**
   * Ticket form ids written into the widget's `data-ticket-forms`; empty secures every form.
   * @default {["360001"]}
   */
  securedForms?: string[];
  /**
   * URL the widget's script tag loads `padlock.js` from.
   * @default {"/hc/theming_assets/padlock.js" (the sandbox's theme assets)}
   */
  widgetSrc?: string;
  /** The `integrity` the script tag carries, if any. */
  widgetIntegrity?: string;
  /** Origin of the agent app host, given to the agent routes. */
  agentAppOrigin?: string;
  /**
   * Mount `sandbox/agent/routes.ts` when it exists.
   * @default {true}
   */
  agentRoutes?: boolean;
  /**
   * Serve Zendesk's ticket API for this API token (`PUT /api/v2/tickets/{id}.json`, the internal
   * note the service adds when given `--zendesk-base-url` of the sandbox and these credentials).
   */
  zendeskApi?: { email: string; apiToken: string };
}

/** A call Zendesk's own uploader made (there must be none on a secured form). */
export interface ZendeskUploadCall {
  path: string;
  bytes: number;
}

/** A running sandbox. */
export interface RunningSandbox {
  /** e.g. `http://127.0.0.1:8081` */
  url: string;
  port: number;
  tickets: TicketStore;
  /** Every call received on Zendesk's upload endpoints. */
  zendeskUploads: ZendeskUploadCall[];
  /** Every call received on Zendesk's ticket API (`zendeskApi`). */
  zendeskApiCalls: ZendeskApiCall[];
  /** The URL of the agent workspace, when the agent routes are mounted. */
  agentUrl?: string;
  /** Stops the server. */
  close(): Promise<void>;
}

type Handler = (request: Request) => Promise<Response | undefined>;

const root = new URL("../", import.meta.url);

/**
 * Starts the sandbox.
 *
 * @throws {Error} when the port is taken or the sandbox's assets cannot be built.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const {
    serviceUrl,
    dropzoneId,
    port = 0,
    hostname = "127.0.0.1",
    distDir = new URL("dist", root).pathname,
    securedForms = ["360001"],
    agentAppOrigin,
    agentRoutes = true,
  } = options;
  const tickets = options.tickets ?? await createTicketStore();
  const assets = await buildSandboxAssets();
  const zendeskUploads: ZendeskUploadCall[] = [];
  const zendeskApiCalls: ZendeskApiCall[] = [];
  const zendeskApi = options.zendeskApi
    ? zendeskApiRoutes({ tickets, ...options.zendeskApi, calls: zendeskApiCalls })
    : undefined;
  const widgetTag: WidgetTag = {
    src: options.widgetSrc ?? "/hc/theming_assets/padlock.js",
    integrity: options.widgetIntegrity,
    serviceUrl,
    dropzoneId,
    ticketForms: securedForms.join(","),
  };
  const agent = agentRoutes
    ? await loadAgentRoutes(tickets, serviceUrl, agentAppOrigin)
    : undefined;
  const authenticityToken = crypto.randomUUID();

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method;
    if (method === "GET" && path === "/") {
      return page(indexPage({ serviceUrl, agentUrl: agent ? "/agent/" : undefined }));
    }
    // Any Help Center language (`/hc/de/…`, `/hc/ar/…`): the page says it in `<html lang>`.
    const newRequest = /^\/hc\/([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\/requests\/new$/.exec(path);
    if (method === "GET" && newRequest) {
      const locale = newRequest[1];
      const asked = url.searchParams.get("ticket_form_id");
      const selected = TICKET_FORMS.find((form) => form.id === asked)?.id ?? TICKET_FORMS[0].id;
      const install = url.searchParams.get("install") === "init" ? "init" : "tag";
      // `?link_style=hyperlink`: the admin set `data-link-style="hyperlink"` on the tag.
      const linkStyle = url.searchParams.get("link_style") ?? undefined;
      const widget = { ...widgetTag, install, linkStyle } as const;
      if (url.searchParams.get("theme") === "legacy") {
        return page(
          legacyRequestPage({ widget, forms: TICKET_FORMS, selected, authenticityToken, locale }),
        );
      }
      return page(v4RequestPage({
        widget,
        data: { forms: TICKET_FORMS, selected, action: "/hc/en-us/requests", authenticityToken },
        locale,
      }));
    }
    if (method === "POST" && path === "/hc/en-us/requests") {
      const created = await createRequest(request, tickets);
      if (created instanceof Response) return created;
      // Refused as Zendesk does: the form again, with the error and what was typed.
      const widget = { ...widgetTag, install: "tag" } as const;
      const selected = TICKET_FORMS.find((form) => form.id === created.formId)?.id ??
        TICKET_FORMS[0].id;
      const body = created.theme === "legacy"
        ? legacyRequestPage({
          widget,
          forms: TICKET_FORMS,
          selected,
          authenticityToken,
          error: created.error,
        })
        : v4RequestPage({
          widget,
          data: {
            forms: TICKET_FORMS,
            selected,
            action: "/hc/en-us/requests",
            authenticityToken,
            error: created.error,
            values: created.values,
          },
        });
      return new Response(body, {
        status: 422,
        headers: { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS },
      });
    }
    if (method === "GET" && path === "/hc/en-us/requests") {
      return page(ticketsPage(await tickets.listTickets()));
    }
    const ticketMatch = /^\/hc\/en-us\/requests\/(\d+)$/.exec(path);
    if (method === "GET" && ticketMatch) {
      try {
        return page(ticketPage(await tickets.getTicket(Number(ticketMatch[1]))));
      } catch (error) {
        if (error instanceof TicketNotFoundError) return notFound();
        throw error;
      }
    }
    if (path === "/hc/en-us/request_uploads" || path === "/api/v2/uploads.json") {
      const bytes = (await request.arrayBuffer()).byteLength;
      zendeskUploads.push({ path, bytes });
      return Response.json({ upload: { token: crypto.randomUUID() } }, { status: 201 });
    }
    // padlock.js and the chunks it loads on demand from beside itself (`[name]-[hash].js`).
    const widgetScript = /^\/hc\/theming_assets\/([A-Za-z0-9_-]+\.js)$/.exec(path);
    if (method === "GET" && widgetScript) {
      return await file(
        `${distDir}/helpcenter/${widgetScript[1]}`,
        "text/javascript; charset=utf-8",
      );
    }
    const assetMatch = /^\/sandbox\/assets\/([a-z0-9-]+\.(?:js|css))$/.exec(path);
    if (method === "GET" && assetMatch) {
      const asset = assets.get(assetMatch[1]);
      if (asset) return serveAsset(asset);
    }
    const apiResponse = await zendeskApi?.(request);
    if (apiResponse) return apiResponse;
    if (agent) {
      const response = await agent(request);
      if (response) return response;
    }
    return notFound();
  };

  const server = Deno.serve({
    port,
    hostname,
    onListen: () => {},
    onError: (error) => {
      console.error("sandbox:", error);
      return new Response("Internal error", { status: 500 });
    },
  }, handle);
  const address = server.addr;
  const url = `http://${hostname}:${address.port}`;
  return {
    url,
    port: address.port,
    tickets,
    zendeskUploads,
    zendeskApiCalls,
    agentUrl: agent ? `${url}/agent/` : undefined,
    async close() {
      await server.shutdown();
    },
  };
}

/** A request the sandbox refused, to show its form again. */
interface RefusedRequest {
  theme: "v4" | "legacy";
  formId: string;
  error: string;
  values: { subject: string; email: string };
}

/**
 * Creates the ticket of a submitted request form, or refuses it as Zendesk does: a description
 * with no text (empty, blank, or an editor's empty paragraph) is "cannot be blank".
 */
async function createRequest(
  request: Request,
  tickets: TicketStore,
): Promise<Response | RefusedRequest> {
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const html = text("request[description_mimetype]") === "text/html";
  const description = text("request[description]");
  if ((html ? htmlToText(description) : description).trim() === "") {
    return {
      theme: text("sandbox_theme") === "legacy" ? "legacy" : "v4",
      formId: text("request[ticket_form_id]"),
      error: "Description: cannot be blank",
      values: {
        subject: text("request[subject]"),
        email: text("request[anonymous_requester_email]"),
      },
    };
  }
  const email = text("request[anonymous_requester_email]").trim() || "anonymous@example.com";
  const ticket = await tickets.createTicket({
    subject: text("request[subject]"),
    description,
    descriptionMimetype: html ? "text/html" : "text/plain",
    requester: { name: email.split("@")[0], email },
    formId: text("request[ticket_form_id]") || undefined,
  });
  return new Response(null, {
    status: 303,
    headers: { location: `/hc/en-us/requests/${ticket.id}` },
  });
}

async function loadAgentRoutes(
  tickets: TicketStore,
  serviceUrl: string,
  appOrigin: string | undefined,
): Promise<Handler | undefined> {
  const module = new URL("./agent/routes.ts", import.meta.url);
  try {
    await Deno.stat(module);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
  // A dynamic import: the agent routes are another helper's module and may not exist yet.
  const { agentRoutes } = await import(module.href) as {
    agentRoutes?: (
      options: { tickets: TicketStore; serviceUrl: string; appOrigin?: string },
    ) => Handler;
  };
  return agentRoutes ? agentRoutes({ tickets, serviceUrl, appOrigin }) : undefined;
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function page(body: string): Response {
  return new Response(body, {
    headers: { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS },
  });
}

function serveAsset(asset: Asset): Response {
  return new Response(asset.body.slice(), {
    headers: { "content-type": asset.contentType, ...SECURITY_HEADERS },
  });
}

async function file(path: string, contentType: string): Promise<Response> {
  try {
    const body = await Deno.readFile(path);
    return new Response(body, {
      headers: { "content-type": contentType, "cache-control": "no-store", ...SECURITY_HEADERS },
    });
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      return new Response(`Not built: ${path} (run deno task build)`, { status: 404 });
    }
    throw error;
  }
}

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: SECURITY_HEADERS });
}
