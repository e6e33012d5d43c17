/**
 * The operator's endpoints: `GET /healthz` (the process answers), `GET /readyz` (database,
 * part store and schema; 503 while not ready or stopping) and `GET /metrics` (Prometheus text).
 *
 * On the public address `/metrics` answers only a bearer token equal to `metricsToken`
 * (compared in constant time); without a token configured it is not served there. With
 * `metricsAddress` a second listener, meant for a private interface, serves the three paths
 * without a token.
 *
 * @module
 */
import { ConfigError } from "./config.ts";
import type { Services } from "./context.ts";
import { checkReadiness } from "./health.ts";
import { secretsEqual } from "./ids.ts";

/** The paths this module answers. */
export const OPS_PATHS: ReadonlySet<string> = new Set(["/healthz", "/readyz", "/metrics"]);

/** Where the operator endpoints listen apart from the service. */
export interface OpsListener {
  /** Its URL, e.g. `http://127.0.0.1:9464`. */
  url: string;
  /** Stops it. */
  close(): Promise<void>;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function bearerToken(req: Request): string | undefined {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Answers `/healthz`, `/readyz` or `/metrics`.
 *
 * @param trusted `true` on the separate metrics address, where no token is asked.
 */
export async function serveOps(
  req: Request,
  services: Services,
  pathname: string,
  trusted: boolean,
): Promise<Response> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    const refused = json({ status: "error", message: "Use GET." }, 405);
    refused.headers.set("Allow", "GET, HEAD");
    return refused;
  }
  const stopping = services.inFlight?.stopping === true;
  if (pathname === "/healthz") return json({ status: "ok", ...(stopping ? { stopping } : {}) });
  if (pathname === "/readyz") {
    const readiness = await checkReadiness(services, stopping);
    return json(
      { status: readiness.ready ? "ready" : "not ready", ...readiness },
      readiness.ready ? 200 : 503,
    );
  }
  const { metrics } = services;
  const token = services.config.metricsToken;
  if (!metrics || (!trusted && !token)) {
    return json({ status: "error", message: "Metrics are not served at this address." }, 404);
  }
  if (!trusted) {
    const given = bearerToken(req);
    if (given === undefined || !secretsEqual(given, token!)) {
      const refused = json({ status: "error", message: "A valid bearer token is required." }, 401);
      refused.headers.set("WWW-Authenticate", 'Bearer realm="metrics"');
      return refused;
    }
  }
  return new Response(await metrics.render(), {
    headers: { "Content-Type": metrics.contentType, "Cache-Control": "no-store" },
  });
}

/**
 * Parses `host:port` (`[::1]:9464` for IPv6).
 *
 * @throws {ConfigError} when it is not a host and a port.
 */
export function parseAddress(address: string): { hostname: string; port: number } {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(address);
  const port = Number(match?.[3]);
  if (!match || port > 65_535) {
    throw new ConfigError(
      `metricsAddress must be host:port (e.g. 127.0.0.1:9464): current value is ${address}`,
    );
  }
  return { hostname: match[1] ?? match[2], port };
}

/**
 * Starts the separate listener of the operator endpoints.
 *
 * @throws {ConfigError} when the address is not `host:port`.
 * @throws {Deno.errors.AddrInUse} when the port is taken.
 */
export async function startOpsListener(address: string, services: Services): Promise<OpsListener> {
  const { hostname, port } = parseAddress(address);
  let listening: (addr: Deno.NetAddr) => void;
  const ready = new Promise<Deno.NetAddr>((resolve) => listening = resolve);
  const server = Deno.serve({ hostname, port, onListen: (addr) => listening(addr) }, (req) => {
    const { pathname } = new URL(req.url);
    if (!OPS_PATHS.has(pathname)) return json({ status: "error", message: "Not found." }, 404);
    return serveOps(req, services, pathname, true);
  });
  const addr = await ready;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  return { url: `http://${host}:${addr.port}`, close: () => server.shutdown() };
}
