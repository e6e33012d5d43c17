/**
 * The request handler: CORS preflights, the two API prefixes (authentication,
 * body limits, JSON parsing, dispatch, the envelope), the part URLs, the Help Center widget's
 * files, the extra routes, and one log entry per request. Nothing a client sends can produce a 500
 * from the API: every failure becomes an envelope with a code.
 *
 * @module
 */
import { accountRoutes } from "./accounts/routes.ts";
import { rememberPeer } from "./activity/record.ts";
import { type ApiPrefix, authenticate } from "./callers.ts";
import type { ApiContext, ApiRoute, Caller, Services } from "./context.ts";
import { fileRoutes } from "./files/routes.ts";
import {
  errorBody,
  jsonResponse,
  preflightResponse,
  readBodyLimited,
  ServiceError,
  unavailableResponse,
  withBodyDeadline,
} from "./http.ts";
import { DatabaseUnavailableError } from "./db/database.ts";
import { randomToken, SAFE_ID_PATTERN } from "./ids.ts";
import { linkRoutes } from "./links/routes.ts";
import { type LogEntry, stackFrames } from "./log.ts";
import { packageRoutes } from "./packages/routes.ts";
import { handlePartRequest, PART_PATH, partRoutes } from "./parts/routes.ts";
import { stoppingResponse } from "./in_flight.ts";
import { OPS_PATHS, serveOps } from "./ops_routes.ts";
import { recipientRoutes } from "./recipients/routes.ts";
import { activityRoutes } from "./activity/routes.ts";
import { dropzoneRoutes } from "./dropzones/routes.ts";
import { uploadRequestRoutes } from "./upload_requests/routes.ts";
import { Router } from "./router.ts";
import { withSecurityHeaders } from "./security_headers.ts";
import { LimitError } from "./limits.ts";
import { clientAddress } from "./auth/client_address.ts";
import { StorageUnavailableError } from "./storage/part_store.ts";
import { DEFAULT_WIDGET_DIR, serveWidget, WIDGET_PATH } from "./widget.ts";

/** Every API route, literal paths before captures where they overlap. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...accountRoutes,
  ...packageRoutes,
  ...recipientRoutes,
  ...activityRoutes,
  ...fileRoutes,
  ...partRoutes,
  ...linkRoutes,
  ...dropzoneRoutes,
  ...uploadRequestRoutes,
];

const PREFIXES: readonly ApiPrefix[] = ["/api/v2.0", "/drop-zone/v2.0"];

/** Room for the multipart framing around one part in a proxy upload. */
const MULTIPART_OVERHEAD = 65_536;

function prefixOf(pathname: string): ApiPrefix | undefined {
  return PREFIXES.find((prefix) => pathname === prefix || pathname.startsWith(prefix + "/"));
}

function describeCaller(entry: LogEntry, caller: Caller): void {
  entry.caller = caller.kind;
  if (caller.kind === "user") entry.userId = caller.user.id;
}

function parseJsonBody(raw: Uint8Array): Record<string, unknown> {
  if (raw.byteLength === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    throw new ServiceError("INVALID_INPUT", "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ServiceError("INVALID_INPUT", "The request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

async function parseMultipart(
  req: Request,
  raw: Uint8Array,
): Promise<{ form: FormData; requestData: string }> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new ServiceError("INVALID_INPUT", "This call takes a multipart/form-data body.");
  }
  let form: FormData;
  try {
    form = await new Response(raw as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } })
      .formData();
  } catch {
    throw new ServiceError("INVALID_INPUT", "The multipart body cannot be parsed.");
  }
  const requestData = form.get("requestData");
  if (typeof requestData !== "string") {
    throw new ServiceError("INVALID_INPUT", 'The form has no "requestData" field.');
  }
  return { form, requestData };
}

/**
 * Builds the service's request handler.
 *
 * @param log receives one entry per request (and one per unexpected error).
 */
export function createHandler(
  services: Services,
  log: (entry: LogEntry) => void,
  routes: readonly ApiRoute[] = API_ROUTES,
): (req: Request) => Promise<Response> {
  const router = new Router<ApiRoute>();
  for (const route of routes) router.add(route.method, route.pattern, route);

  async function serveApi(
    req: Request,
    prefix: ApiPrefix,
    pathname: string,
    entry: LogEntry,
    address: string,
  ): Promise<Response> {
    // Counted before anything else, so that a flood of bad calls is limited too.
    await services.limits?.countAddressRequest(address);
    const match = router.match(req.method, pathname.slice(prefix.length) || "/");
    if (match === undefined || match === "method") {
      entry.route = `${prefix}/[unmatched]`;
      throw new ServiceError("NOT_FOUND", `No API call ${req.method} at this path.`);
    }
    const route = match.entry.value;
    entry.route = prefix + route.pattern;
    const multipart = route.body === "multipart";
    const { config } = services;
    const raw = await readBodyLimited(
      req,
      multipart ? config.maxPartBytes + MULTIPART_OVERHEAD : config.maxJsonBytes,
    );
    let form: FormData | undefined;
    let signedBody = raw;
    let body: Record<string, unknown>;
    if (multipart) {
      const parsed = await parseMultipart(req, raw);
      form = parsed.form;
      // The proxy upload signs the requestData field, not the multipart body (spec 1.4).
      signedBody = new TextEncoder().encode(parsed.requestData);
      const caller = await authenticateCounted(req, prefix, pathname, signedBody);
      describeCaller(entry, caller);
      body = parseJsonBody(signedBody);
      return await dispatch(req, route, match.params, caller, body, form, entry, address);
    }
    const caller = await authenticateCounted(req, prefix, pathname, signedBody);
    describeCaller(entry, caller);
    body = parseJsonBody(raw);
    return await dispatch(req, route, match.params, caller, body, form, entry, address);
  }

  /** Authenticates, then counts the call against its API key's limit (once it is proven). */
  async function authenticateCounted(
    req: Request,
    prefix: ApiPrefix,
    pathname: string,
    signedBody: Uint8Array,
  ): Promise<Caller> {
    const caller = await authenticate(services, prefix, req, pathname, signedBody);
    const apiKey = req.headers.get("ss-api-key");
    if (caller.kind === "user" && apiKey) await services.limits?.countKeyRequest(apiKey);
    return caller;
  }

  async function dispatch(
    req: Request,
    route: ApiRoute,
    params: Record<string, string>,
    caller: Caller,
    body: Record<string, unknown>,
    form: FormData | undefined,
    entry: LogEntry,
    address: string,
  ): Promise<Response> {
    if (!route.callers.includes(caller.kind)) {
      throw caller.kind === "session"
        ? new ServiceError(
          "AUTHENTICATION_FAILED",
          "This call needs a request signed with an API key.",
        )
        : new ServiceError(
          "PERMISSION_DENIED",
          "This call is not available with these credentials.",
        );
    }
    for (const [name, value] of Object.entries(params)) {
      const pattern = route.paramPatterns?.[name] ?? SAFE_ID_PATTERN;
      if (!pattern.test(value)) {
        throw new ServiceError("INVALID_INPUT", `The ${name} in the path is not a valid id.`);
      }
    }
    const context: ApiContext = { req, services, caller, params, body, form, log: entry, address };
    const fields = await route.handler(context);
    entry.response = "SUCCESS";
    return jsonResponse({ response: "SUCCESS", ...fields });
  }

  return async function handle(
    incoming: Request,
    info?: { remoteAddr: Deno.Addr; completed?: Promise<void> },
  ): Promise<Response> {
    const started = performance.now();
    const entry: LogEntry = {
      time: new Date(services.config.now()).toISOString(),
      event: "request",
      requestId: randomToken(8),
      method: incoming.method,
    };
    const url = new URL(incoming.url);
    const address = clientAddress(incoming, info, services.config.trustProxy === true);
    const prefix = prefixOf(url.pathname);
    const isPart = url.pathname.startsWith(PART_PATH);
    // Parts (part URLs, multipart proxy uploads) get longer than JSON and forms to arrive.
    const carriesPart = isPart ||
      (prefix !== undefined &&
        (incoming.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/"));
    const { bodyTimeoutMs, partTimeoutMs } = services.config;
    const req = withBodyDeadline(incoming, carriesPart ? partTimeoutMs : bodyTimeoutMs);
    rememberPeer(req, info?.remoteAddr);
    const ended = services.inFlight?.begin(carriesPart);
    let response: Response;
    try {
      if (services.inFlight?.stopping && !OPS_PATHS.has(url.pathname)) {
        entry.route = "[stopping]";
        response = stoppingResponse();
      } else if (req.method === "OPTIONS" && (prefix || isPart)) {
        entry.route = prefix ? `${prefix}/*` : `${PART_PATH}:token`;
        response = preflightResponse();
      } else if (prefix) {
        response = await serveApi(req, prefix, url.pathname, entry, address);
      } else if (isPart) {
        response = await handlePartRequest(
          services,
          req,
          url.pathname.slice(PART_PATH.length),
          entry,
          address,
        );
      } else if (OPS_PATHS.has(url.pathname)) {
        entry.route = url.pathname;
        response = await serveOps(req, services, url.pathname, false);
      } else if (url.pathname.startsWith(WIDGET_PATH)) {
        entry.route = `${WIDGET_PATH}:file`;
        response = (await serveWidget(req, services.config.widgetDir ?? DEFAULT_WIDGET_DIR))!;
      } else {
        entry.route = "[extra]";
        response = await services.config.extraRoutes?.(req, info) ??
          jsonResponse({ response: "NOT_FOUND", message: "Nothing is served at this path." }, 404);
      }
    } catch (error) {
      if (error instanceof LimitError) {
        // Over an abuse limit: a real status and Retry-After on every endpoint, the API's too.
        entry.response = error.code;
        response = jsonResponse(errorBody(error), error.status);
        response.headers.set("Retry-After", String(error.retryAfterSeconds));
      } else if (error instanceof ServiceError) {
        entry.response = error.code;
        response = prefix
          ? jsonResponse(errorBody(error))
          : jsonResponse(errorBody(error), error.status);
      } else if (error instanceof DatabaseUnavailableError) {
        // A passing outage, not a bug: 503 + Retry-After, which clients wait out and retry.
        entry.response = "SERVICE_UNAVAILABLE";
        response = unavailableResponse(
          "The service cannot reach its database at the moment. Try again in a few seconds.",
        );
      } else if (error instanceof StorageUnavailableError) {
        entry.response = "SERVICE_UNAVAILABLE";
        log({
          time: entry.time,
          event: "error",
          requestId: entry.requestId,
          errorName: error.name,
          detail: { storage: error.detail },
        });
        response = unavailableResponse(
          `The service's storage is unavailable; try again shortly (reference ${entry.requestId}).`,
        );
      } else {
        entry.response = "SERVER_ERROR";
        log({
          time: entry.time,
          event: "error",
          requestId: entry.requestId,
          errorName: error instanceof Error ? error.name : typeof error,
          stack: stackFrames(error),
        });
        const failure = {
          response: "SERVER_ERROR",
          message: `The service failed unexpectedly (reference ${entry.requestId}).`,
        };
        response = jsonResponse(failure, prefix ? 200 : 500);
      }
    }
    response = withSecurityHeaders(
      response,
      url.pathname,
      services.publicUrl.startsWith("https:"),
    );
    entry.status = response.status;
    entry.durationMs = Math.round(performance.now() - started);
    log(entry);
    services.metrics?.observeRequest({
      entry,
      pathname: url.pathname,
      bytesIn: Number(incoming.headers.get("content-length")) || 0,
      bytesOut: Number(response.headers.get("content-length")) || 0,
    });
    // A part download is in flight until its last byte left (a graceful stop waits for it).
    if (ended && isPart && req.method === "GET") {
      return services.inFlight!.untilSent(response, ended, info?.completed);
    }
    ended?.();
    return response;
  };
}
