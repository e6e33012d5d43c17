/**
 * What every agent-app browser test needs: the real service (`server/mod.ts`) with an agent
 * account, the sandbox ticket store and agent view on one origin, the built app on another
 * origin, a fake of the device-pairing endpoints (their server side comes with the portal), and
 * headless Chromium.
 *
 * @module
 */
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { SendSafelyClient } from "../../src/api.ts";
import { uploadFiles } from "../../src/upload.ts";
import { type RunningServer, startServer } from "../../server/mod.ts";
import type { ServerConfig } from "../../server/config.ts";
import { agentRoutes, type SandboxAgent, startAgentAppHost } from "../../sandbox/agent/routes.ts";
import { createTicketStore, type TicketStore } from "../../sandbox/tickets.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { startSandbox } from "../../sandbox/server.ts";
import { type ZendeskApiCall, zendeskApiRoutes } from "../../sandbox/zendesk_api.ts";
import * as esbuild from "esbuild";
import { credentialsKey } from "../../agent/credentials.ts";
export { randomBytes } from "../_helpers/bytes.ts";

const APP_BUNDLE = new URL("../../dist/agent/assets/app.js", import.meta.url).pathname;

/** The agent of the tests (a user of the service, and the sandbox's signed-in agent). */
export const AGENT = {
  email: "agent@example.com",
  password: "padlock-demo-password",
  name: "Alex",
};

/** The Zendesk API token the service is given with option `zendesk` (the sandbox checks it). */
export const ZENDESK_API = { email: "padlock-bot@example.com", apiToken: "sandbox-api-token-1" };

/** A fake of `POST /auth/pairing`, `/auth/pairing/poll` and the `/connect` page. */
export interface FakePairing {
  /** Pairings started, by userCode. */
  started: Map<string, { deviceCode: string; allowed: boolean; delivered: boolean }>;
  /** Every request body the fake received (to check that no secret travels in a URL). */
  requests: { url: string; body: string }[];
}

/** The running stack. */
export interface Stack {
  browser: Browser;
  serviceUrl: string;
  sandboxUrl: string;
  appUrl: string;
  tickets: TicketStore;
  /** The calls the sandbox's Zendesk ticket API received (option `zendesk`). */
  zendeskApiCalls: ZendeskApiCall[];
  /** Signed client of the agent. */
  agentClient: SendSafelyClient;
  agentKey: { apiKey: string; apiSecret: string };
  dropzoneId: string;
  pairing: FakePairing;
  /** The service's data directory (its outbox, its database). */
  dataDir: string;
  /** The running service. */
  server: RunningServer;
  /** Creates a user of the service and returns its signed client. */
  createUserClient(email: string): Promise<SendSafelyClient>;
  /** A browser context whose app storage already holds the agent's key (or not). */
  /**
   * A browser context with the app's API key stored (unless `signedIn` is false); `serviceWorkers:
   * "block"` makes it like a browser that refuses the frame a service worker.
   */
  newContext(
    options?: { signedIn?: boolean; serviceWorkers?: "allow" | "block" },
  ): Promise<BrowserContext>;
  close(): Promise<void>;
}

function cors(response: Response): Response {
  response.headers.set("Access-Control-Allow-Origin", "*");
  response.headers.set("Access-Control-Allow-Headers", "*");
  response.headers.set("Access-Control-Allow-Methods", "POST, OPTIONS");
  return response;
}

function fakePairingRoutes(
  pairing: FakePairing,
  issueKey: () => Promise<{ apiKey: string; apiSecret: string }>,
  serviceUrl: () => string,
) {
  return async (request: Request): Promise<Response | undefined> => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith("/auth/pairing") && !url.pathname.startsWith("/connect")) {
      return undefined;
    }
    if (request.method === "OPTIONS") return cors(new Response(null, { status: 204 }));
    const body = request.method === "POST" ? await request.text() : "";
    pairing.requests.push({ url: request.url, body });
    if (url.pathname === "/auth/pairing" && request.method === "POST") {
      const userCode = `${crypto.randomUUID().slice(0, 4)}-${crypto.randomUUID().slice(0, 4)}`
        .toUpperCase();
      const deviceCode = crypto.randomUUID();
      pairing.started.set(userCode, { deviceCode, allowed: false, delivered: false });
      return cors(Response.json({
        response: "SUCCESS",
        deviceCode,
        userCode,
        verificationUrl: `${serviceUrl()}/connect?code=${userCode}`,
        interval: 1,
        expiresIn: 120,
      }));
    }
    if (url.pathname === "/auth/pairing/poll" && request.method === "POST") {
      const { deviceCode } = JSON.parse(body);
      const entry = [...pairing.started.values()].find((item) => item.deviceCode === deviceCode);
      if (!entry) return cors(Response.json({ response: "EXPIRED" }));
      if (!entry.allowed) return cors(Response.json({ response: "PENDING" }));
      if (entry.delivered) return cors(Response.json({ response: "EXPIRED" }));
      entry.delivered = true;
      return cors(Response.json({ response: "SUCCESS", ...await issueKey(), email: AGENT.email }));
    }
    if (url.pathname === "/connect" && request.method === "GET") {
      const code = url.searchParams.get("code") ?? "";
      const safe = code.replace(/[^A-Z0-9-]/g, "");
      return new Response(
        `<!doctype html><title>Connect</title><h1>Allow the Zendesk app?</h1>` +
          `<p id="code">${safe}</p><form method="post" action="/connect">` +
          `<input type="hidden" name="code" value="${safe}"><button id="allow">Allow</button></form>`,
        { headers: { "content-type": "text/html; charset=utf-8" } },
      );
    }
    if (url.pathname === "/connect" && request.method === "POST") {
      const code = new URLSearchParams(body).get("code") ?? "";
      const entry = pairing.started.get(code);
      if (entry) entry.allowed = true;
      return new Response(`<!doctype html><p id="done">${entry ? "Allowed" : "Unknown code"}</p>`, {
        headers: { "content-type": "text/html; charset=utf-8" },
      });
    }
    return new Response("Not found", { status: 404 });
  };
}

/**
 * Starts the service, the sandbox agent view, the app host and Chromium.
 *
 * @throws {Error} when the app bundle has not been built (`deno task build`).
 */
export async function startStack(
  options: {
    settings?: Record<string, unknown>;
    /** Serve the whole sandbox (Help Center pages with the widget, and the agent view). */
    helpCenter?: boolean;
    /**
     * Answer the pairing endpoints and `/connect` with the fake here instead of the service's
     * portal (which then needs the agent to sign in on it).
     * @default {true}
     */
    fakePairing?: boolean;
    /**
     * Start headless Chromium (`stack.browser`). The cross-engine journeys drive their own.
     * @default {true}
     */
    launch?: boolean;
    /** The sandbox account's agents and admins (its users API). */
    agents?: SandboxAgent[];
    /** The largest page of the sandbox's users API. */
    usersPageSize?: number;
    /** More options of the service (a clock, a retention, single sign-on). */
    service?: Partial<ServerConfig>;
    /**
     * Serve the sandbox's Zendesk ticket API (`stack.zendeskApiCalls`); with `configured` the
     * service gets its base URL and API token, so that file-request uploads add a note.
     */
    zendesk?: { configured: boolean };
  } = {},
): Promise<Stack> {
  try {
    await Deno.stat(APP_BUNDLE);
  } catch {
    throw new Error("dist/agent/assets/app.js is missing: run `deno task build` first");
  }
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-agent-test-" });
  const pairing: FakePairing = { started: new Map(), requests: [] };
  let serviceUrl = "";
  let issueKey = (): Promise<{ apiKey: string; apiSecret: string }> => {
    throw new Error("not ready");
  };
  const tickets = await createTicketStore();
  const zendeskApiCalls: ZendeskApiCall[] = [];
  let zendeskApi: Deno.HttpServer<Deno.NetAddr> | undefined;
  let zendeskConfig: Partial<ServerConfig> = {};
  if (options.zendesk) {
    // Zendesk's API is on an origin of its own (the account's subdomain).
    const routes = zendeskApiRoutes({ tickets, ...ZENDESK_API, calls: zendeskApiCalls });
    zendeskApi = Deno.serve(
      { port: 0, hostname: "127.0.0.1", onListen() {} },
      async (request) => await routes(request) ?? new Response("Not found", { status: 404 }),
    );
    if (options.zendesk.configured) {
      zendeskConfig = {
        zendeskBaseUrl: `http://127.0.0.1:${zendeskApi.addr.port}`,
        zendeskEmail: ZENDESK_API.email,
        zendeskApiToken: ZENDESK_API.apiToken,
      };
    }
  }
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    ...zendeskConfig,
    log: () => {},
    extraRoutes: options.fakePairing === false
      ? undefined
      : fakePairingRoutes(pairing, () => issueKey(), () => serviceUrl),
    ...options.service,
  });
  serviceUrl = server.url;
  const agent = await server.accounts.createUser({
    email: AGENT.email,
    password: AGENT.password,
    name: AGENT.name,
  });
  issueKey = () => server.accounts.createApiKey(agent.id, "Zendesk app (paired)");
  const agentKey = await server.accounts.createApiKey(agent.id, "tests");
  const { dropzoneId } = await server.accounts.createDropzone(agent.id, {});

  const appHost = startAgentAppHost();
  let sandboxUrl: string;
  let closeSandbox: () => Promise<void>;
  if (options.helpCenter) {
    const sandbox = await startSandbox({
      serviceUrl,
      dropzoneId,
      tickets,
      agentAppOrigin: appHost.url,
    });
    await esbuild.stop(); // the sandbox bundles its editor with esbuild, whose service would linger
    sandboxUrl = sandbox.url;
    closeSandbox = () => sandbox.close();
  } else {
    const routes = agentRoutes({
      tickets,
      serviceUrl,
      appOrigin: appHost.url,
      settings: options.settings,
      agents: options.agents,
      usersPageSize: options.usersPageSize,
    });
    const sandbox = Deno.serve(
      { port: 0, hostname: "127.0.0.1", onListen() {} },
      async (request) => await routes(request) ?? new Response("Not found", { status: 404 }),
    );
    sandboxUrl = `http://127.0.0.1:${sandbox.addr.port}`;
    closeSandbox = () => sandbox.shutdown();
  }
  const launched = options.launch === false ? undefined : await launchBrowser();
  const browserOf = (): Browser => {
    if (!launched) throw new Error("the stack was started with launch: false");
    return launched;
  };

  return {
    get browser() {
      return browserOf();
    },
    serviceUrl,
    sandboxUrl,
    appUrl: appHost.url,
    tickets,
    zendeskApiCalls,
    agentKey,
    dropzoneId,
    pairing,
    dataDir,
    server,
    agentClient: new SendSafelyClient({ host: serviceUrl, credentials: agentKey }),
    async createUserClient(email) {
      const user = await server.accounts.createUser({ email, password: "another long password" });
      const key = await server.accounts.createApiKey(user.id, "tests");
      return new SendSafelyClient({ host: serviceUrl, credentials: key });
    },
    async newContext({ signedIn = true, serviceWorkers = "allow" } = {}) {
      const context = await browserOf().newContext({ acceptDownloads: true, serviceWorkers });
      if (signedIn) {
        const value = JSON.stringify({ ...agentKey, email: AGENT.email });
        await context.addInitScript(({ origin, key, value }) => {
          if (location.origin === origin) localStorage.setItem(key, value);
        }, { origin: appHost.url, key: credentialsKey(serviceUrl, 1), value });
      }
      return context;
    },
    async close() {
      await launched?.close();
      await closeSandbox();
      await appHost.close();
      await server.close();
      await zendeskApi?.shutdown();
      await Deno.remove(dataDir, { recursive: true });
    },
  };
}

/**
 * Uploads `files` the way the Help Center widget does (through the agent's dropzone) and
 * returns the Secure Link.
 */
export async function dropFiles(
  stack: Stack,
  files: { name: string; bytes: Uint8Array }[],
  requester = "requester@example.com",
): Promise<string> {
  const client = new SendSafelyClient({
    host: stack.serviceUrl,
    credentials: { dropzoneId: stack.dropzoneId },
  });
  const { link } = await uploadFiles(
    client,
    files.map(({ name, bytes }) => ({ blob: new Blob([bytes as Uint8Array<ArrayBuffer>]), name })),
    { undisclosed: false, unconfirmedSender: requester },
  );
  return link;
}

/** Opens a ticket page and returns the page and the app's frame once the app has rendered. */
export async function openTicket(
  context: BrowserContext,
  stack: Stack,
  ticketId: number,
  query = "",
): Promise<{ page: Page; app: Frame }> {
  const page = await context.newPage();
  await page.goto(`${stack.sandboxUrl}/agent/tickets/${ticketId}${query}`);
  const handle = await page.waitForSelector("#app-frame");
  let app: Frame | null = null;
  for (let attempt = 0; attempt < 100 && !app?.url().startsWith(stack.appUrl); attempt++) {
    app = await handle.contentFrame();
    if (!app?.url().startsWith(stack.appUrl)) await page.waitForTimeout(50);
  }
  if (!app) throw new Error("the app frame did not load");
  return { page, app };
}
