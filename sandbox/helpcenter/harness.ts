/**
 * Starts the whole Help Center stack for tests and the screenshot script: the bundles built into
 * a temporary directory, the real service on a free port with a temporary data directory, a
 * demo agent and dropzone, and the sandbox Help Center. The service can be stopped and started
 * again on the same port and data (to show the widget recovering from an outage). Dev-only.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { build } from "../../build.ts";
import { subresourceIntegrity } from "../../scripts/bundle_facts.ts";
import { type RunningServer, type ServerConfig, startServer } from "../../server/mod.ts";
import { type RunningSandbox, startSandbox } from "../server.ts";

/** Options of {@linkcode startHarness}. */
export interface HarnessOptions {
  /** Ticket form ids the widget secures. @default {["360001"]} */
  securedForms?: string[];
  /**
   * Where the script tag loads the widget from: the sandbox's theme assets, or the service's
   * `/widget/` with the Subresource Integrity of the built `padlock.js`, or with the
   * `integrity` given (to see a wrong one refused).
   * @default {"theme"}
   */
  widgetHost?: "theme" | "service" | { integrity: string };
  /** More service options (e.g. a bucket for the parts). */
  service?: Partial<ServerConfig>;
}

/** The running stack. */
export interface Harness {
  service: RunningServer;
  sandbox: RunningSandbox;
  /** The service's URL (the same across restarts). */
  serviceUrl: string;
  /** The demo agent, owner and allowed reader of the dropzone. */
  agent: { userId: string; email: string; apiKey: string; apiSecret: string };
  dropzoneId: string;
  /** Stops the service (the sandbox stays up). */
  stopService(): Promise<void>;
  /** Starts the service again on the same port with the same data. */
  startService(): Promise<void>;
  /** Stops everything and deletes the temporary directories. */
  close(): Promise<void>;
}

/**
 * Builds the bundles and starts the service and the sandbox.
 *
 * @throws {Error} when a build fails or a server cannot start.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dist = await Deno.makeTempDir({ prefix: "padlock-dist-" });
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-data-" });
  // The bundles are built to be exercised here; their sizes are checked by tests/build.
  await build({ outdir: dist, failOnBudget: false });
  await esbuild.stop();
  const quiet = () => {};
  const serviceOptions = {
    dataDir,
    widgetDir: `${dist}/helpcenter`,
    log: quiet,
    sweepIntervalMs: 0,
    ...options.service,
  };
  let service = await startServer({ port: 0, ...serviceOptions });
  const port = service.port;
  const user = await service.accounts.createUser({
    email: "agent@example.com",
    password: "padlock-demo-password",
    name: "Alex Agent",
  });
  const { apiKey, apiSecret } = await service.accounts.createApiKey(user.id, "tests");
  const { dropzoneId } = await service.accounts.createDropzone(user.id, {
    allowedUserIds: [user.id],
  });
  const { widgetHost = "theme" } = options;
  const fromService = widgetHost !== "theme";
  const sandbox = await startSandbox({
    serviceUrl: service.url,
    dropzoneId,
    distDir: dist,
    securedForms: options.securedForms,
    agentRoutes: false,
    widgetSrc: fromService ? `${service.url}/widget/padlock.js` : undefined,
    widgetIntegrity: typeof widgetHost === "object"
      ? widgetHost.integrity
      : fromService
      ? await subresourceIntegrity(await Deno.readFile(`${dist}/helpcenter/padlock.js`))
      : undefined,
  });
  await esbuild.stop();
  let running = true;
  const harness: Harness = {
    service,
    sandbox,
    serviceUrl: service.url,
    agent: { userId: user.id, email: user.email, apiKey, apiSecret },
    dropzoneId,
    async stopService() {
      if (!running) return;
      running = false;
      await service.close();
    },
    async startService() {
      if (running) return;
      service = await startServer({ port, ...serviceOptions });
      harness.service = service;
      running = true;
    },
    async close() {
      await sandbox.close();
      if (running) await service.close();
      running = false;
      await Deno.remove(dist, { recursive: true });
      await Deno.remove(dataDir, { recursive: true });
    },
  };
  return harness;
}
