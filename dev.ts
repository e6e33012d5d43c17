/**
 * `deno task start`: everything needed to try Padlock locally. Builds the bundles, starts the
 * Secure Link service with a persistent data directory, creates the demo data once (an agent
 * account, an API key, a dropzone), starts the sandbox Help Center (and the agent app host when
 * the agent sandbox exists) and prints the URLs to open.
 *
 * Ports default to 8080 (service), 8081 (sandbox) and 8082 (agent app host); override them with
 * `PADLOCK_SERVICE_PORT`, `PADLOCK_SANDBOX_PORT`, `PADLOCK_AGENT_PORT`, and the data directory
 * with `PADLOCK_DATA_DIR` (default `.data`). Dev-only.
 *
 * @module
 */
import { build, describeResult } from "./build.ts";
import { type Accounts, type RunningServer, startServer } from "./server/mod.ts";
import { type RunningSandbox, startSandbox } from "./sandbox/server.ts";
import { createTicketStore } from "./sandbox/tickets.ts";

/** The demo account, kept in `<dataDir>/demo.json` so that restarts reuse it. */
export interface DemoData {
  email: string;
  password: string;
  userId: string;
  apiKey: string;
  apiSecret: string;
  dropzoneId: string;
}

/** The demo agent's sign-in. */
export const DEMO_EMAIL = "agent@example.com";
/** The demo agent's password (dev only). */
export const DEMO_PASSWORD = "padlock-demo";

/** Options of {@linkcode startDev}. */
export interface DevOptions {
  /** @default {8080} */
  servicePort?: number;
  /** @default {8081} */
  sandboxPort?: number;
  /** @default {8082} */
  agentPort?: number;
  /** @default {".data"} */
  dataDir?: string;
  /**
   * Build the bundles first.
   * @default {true}
   */
  build?: boolean;
  /** Where progress lines go. @default {console.log} */
  print?: (line: string) => void;
}

/** Everything {@linkcode startDev} started. */
export interface DevEnvironment {
  service: RunningServer;
  sandbox: RunningSandbox;
  agentAppUrl?: string;
  demo: DemoData;
  /** Stops everything. */
  close(): Promise<void>;
}

/**
 * Creates the demo agent, its API key and a dropzone owned by it, unless `file` already records
 * them and the agent still exists. Idempotent.
 *
 * @throws {Error} when the service refuses to create the demo account.
 */
export async function ensureDemoData(accounts: Accounts, file: string): Promise<DemoData> {
  try {
    const saved = JSON.parse(await Deno.readTextFile(file)) as DemoData;
    if ((await accounts.findUserByEmail(saved.email))?.id === saved.userId) return saved;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound) && !(error instanceof SyntaxError)) throw error;
  }
  const existing = await accounts.findUserByEmail(DEMO_EMAIL);
  const user = existing ??
    await accounts.createUser({ email: DEMO_EMAIL, password: DEMO_PASSWORD, name: "Alex Agent" });
  const { apiKey, apiSecret } = await accounts.createApiKey(user.id, "Padlock demo");
  const { dropzoneId } = await accounts.createDropzone(user.id, { allowedUserIds: [user.id] });
  const demo: DemoData = {
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
    userId: user.id,
    apiKey,
    apiSecret,
    dropzoneId,
  };
  await Deno.writeTextFile(file, JSON.stringify(demo, null, 2) + "\n", { mode: 0o600 });
  return demo;
}

function envPort(name: string, fallback: number): number {
  const value = Deno.env.get(name);
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`${name} must be a port number: current value is ${value}`);
  }
  return port;
}

/**
 * Starts the service, the demo data, the sandbox and (when present) the agent app host.
 *
 * @throws {Deno.errors.AddrInUse} when a port is taken.
 */
export async function startDev(options: DevOptions = {}): Promise<DevEnvironment> {
  const {
    servicePort = 8080,
    sandboxPort = 8081,
    agentPort = 8082,
    dataDir = ".data",
    print = console.log,
  } = options;
  if (options.build ?? true) {
    // A bundle over its size budget is reported here, not fatal: the demo still starts
    // (`deno task build` is where a budget fails the build).
    const { built, budgets } = await build({ failOnBudget: false });
    for (const { entry, bytes } of built) print(`built ${entry.name} (${bytes} bytes)`);
    for (const result of budgets) {
      if (!result.ok) print(`warning: over budget: ${describeResult(result)}`);
    }
  }
  // The sandbox plays Zendesk's API too: a file request's upload adds an internal note there.
  const zendeskApi = { email: "padlock-bot@example.com", apiToken: "sandbox-api-token" };
  const service = await startServer({
    port: servicePort,
    dataDir: `${dataDir}/service`,
    // No SMTP locally: verification codes and activation links land in the outbox page.
    devOutbox: true,
    ...(sandboxPort > 0
      ? {
        zendeskBaseUrl: `http://localhost:${sandboxPort}`,
        zendeskEmail: zendeskApi.email,
        zendeskApiToken: zendeskApi.apiToken,
      }
      : {}),
    log: (entry) => {
      if (entry.event === "error") console.error("service error:", JSON.stringify(entry));
    },
  });
  const closers: (() => Promise<void>)[] = [() => service.close()];
  try {
    const demo = await ensureDemoData(service.accounts, `${dataDir}/demo.json`);
    let agentAppUrl: string | undefined;
    const agentModule = new URL("./sandbox/agent/routes.ts", import.meta.url);
    if (await exists(agentModule)) {
      const { startAgentAppHost } = await import(agentModule.href) as {
        startAgentAppHost?: (options: { port?: number }) => { url: string; close(): Promise<void> };
      };
      if (startAgentAppHost) {
        const host = startAgentAppHost({ port: agentPort });
        closers.push(() => host.close());
        agentAppUrl = host.url;
      }
    }
    const sandbox = await startSandbox({
      serviceUrl: service.url,
      dropzoneId: demo.dropzoneId,
      port: sandboxPort,
      tickets: await createTicketStore({ path: `${dataDir}/sandbox/tickets.json` }),
      agentAppOrigin: agentAppUrl,
      zendeskApi,
    });
    closers.push(() => sandbox.close());
    return {
      service,
      sandbox,
      agentAppUrl,
      demo,
      async close() {
        for (const close of closers.reverse()) await close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close();
    throw error;
  }
}

async function exists(url: URL): Promise<boolean> {
  try {
    await Deno.stat(url);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

if (import.meta.main) {
  const dev = await startDev({
    servicePort: envPort("PADLOCK_SERVICE_PORT", 8080),
    sandboxPort: envPort("PADLOCK_SANDBOX_PORT", 8081),
    agentPort: envPort("PADLOCK_AGENT_PORT", 8082),
    dataDir: Deno.env.get("PADLOCK_DATA_DIR") || ".data",
  });
  const { sandbox, service, demo } = dev;
  console.log(`
Padlock is running (Ctrl+C to stop).

  Help Center, v4 form      ${sandbox.url}/hc/en-us/requests/new
  Help Center, legacy form  ${sandbox.url}/hc/en-us/requests/new?theme=legacy
  Submitted requests        ${sandbox.url}/hc/en-us/requests${
    sandbox.agentUrl ? `\n  Agent workspace           ${sandbox.agentUrl}` : ""
  }
  Secure Link service       ${service.url}
  Mail outbox (codes)       ${service.url}/dev/outbox
  Agent account page        ${service.url}/account

  Demo agent                ${demo.email} / ${demo.password}
  Dropzone id               ${demo.dropzoneId}
`);
  const stop = async () => {
    await dev.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
}
