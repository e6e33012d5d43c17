/**
 * The service behind a fault proxy, for the fault tests: the real service (`server/mod.ts`) on
 * 127.0.0.1 with a temporary data directory and `publicUrl` set to the proxy, so that every call
 * and every part transfer goes through the proxy; an agent with an API key, and a dropzone the
 * agent owns and may read.
 *
 * @module
 */
import { SendSafelyClient } from "../../src/api.ts";
import type { LogEntry, RunningServer, ServerConfig } from "../../server/mod.ts";
import { startServer } from "../../server/mod.ts";
import { type FaultProxy, startFaultProxy } from "../_helpers/fault_proxy.ts";

/** The agent of the fault tests. */
export const AGENT = {
  email: "agent@example.com",
  password: "padlock-demo-password",
  name: "Alex",
};

/** A running service with its proxy. */
export interface ProxiedService {
  proxy: FaultProxy;
  server: RunningServer;
  /** The proxy's URL: the service's public URL. */
  url: string;
  dataDir: string;
  /** The service's own log. */
  logs: LogEntry[];
  agent: { id: string; apiKey: string; apiSecret: string };
  dropzoneId: string;
  /** A client of the agent, through the proxy. */
  agentClient(options?: { timeout?: number; partTimeout?: number }): SendSafelyClient;
  /** A dropzone client (as the Help Center widget), through the proxy. */
  dropzoneClient(options?: { timeout?: number; partTimeout?: number }): SendSafelyClient;
  close(): Promise<void>;
}

/** Starts the proxy, then the service with the proxy as its public URL. */
export async function startProxiedService(
  config: Partial<ServerConfig> = {},
): Promise<ProxiedService> {
  let target = "";
  const proxy = startFaultProxy({ target: () => target });
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-faults-" });
  const logs: LogEntry[] = [];
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    publicUrl: proxy.url,
    sweepIntervalMs: 0,
    log: (entry) => logs.push(entry),
    ...config,
  });
  target = server.url;
  const user = await server.accounts.createUser(AGENT);
  const key = await server.accounts.createApiKey(user.id, "fault tests");
  const { dropzoneId } = await server.accounts.createDropzone(user.id, {
    allowedUserIds: [user.id],
  });
  return {
    proxy,
    server,
    url: proxy.url,
    dataDir,
    logs,
    agent: { id: user.id, ...key },
    dropzoneId,
    agentClient: (options = {}) =>
      new SendSafelyClient({ host: proxy.url, credentials: key, ...options }),
    dropzoneClient: (options = {}) =>
      new SendSafelyClient({ host: proxy.url, credentials: { dropzoneId }, ...options }),
    async close() {
      await proxy.close();
      await server.close();
      await Deno.remove(dataDir, { recursive: true });
    },
  };
}
