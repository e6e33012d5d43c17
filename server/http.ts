/**
 * The HTTP conventions of the SendSafely API: the JSON envelope, error codes,
 * CORS headers and size-limited body reading.
 *
 * Application errors are HTTP 200 with `{"response": CODE, "message": …}` because
 * the SendSafely SDK loses the code and message of any non-2xx answer (spec 1.6).
 *
 * @module
 */

/** The `response` codes this service answers with. */
export type ErrorCode =
  | "AUTHENTICATION_FAILED"
  | "PERMISSION_DENIED"
  | "INVALID_INPUT"
  | "INVALID_FILE_NAME"
  | "INVALID_FILE_EXTENSION"
  | "LIMIT_EXCEEDED"
  | "UNKNOWN_PACKAGE"
  | "UNKNOWN_FILE"
  | "UNKNOWN_RECIPIENT"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "STORAGE_FULL"
  | "SERVER_ERROR";

/**
 * A failure a caller can act on: carries the envelope `response` code and a
 * message a person can read. Handlers throw it; the app turns it into an envelope.
 *
 * @example
 * ```ts
 * throw new ServiceError("UNKNOWN_PACKAGE", "No package has this id.");
 * ```
 */
export class ServiceError extends Error {
  override name = "ServiceError";
  /** The envelope `response` code. */
  readonly code: ErrorCode;
  /** The HTTP status for endpoints outside the JSON API (part URLs); the JSON API always uses 200. */
  readonly status: number;

  /** Creates the error; `status` only matters for the part endpoints. */
  constructor(
    code: ErrorCode,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status ?? 400;
  }
}

/** CORS headers put on every response of the API and part endpoints (spec 1.7). */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "*",
  "Access-Control-Allow-Methods": "GET, PUT, POST, DELETE, PATCH, OPTIONS",
  "Access-Control-Max-Age": "600",
};

/**
 * Builds a JSON response with CORS headers and `Content-Type: application/json`.
 *
 * @example
 * ```ts
 * jsonResponse({ response: "SUCCESS" });
 * ```
 */
export function jsonResponse(body: Record<string, unknown>, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS_HEADERS, "Content-Type": "application/json" },
  });
}

/** Seconds a client is asked to wait when the database or the bucket cannot be reached. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * Answers "try again later" (the database or the bucket cannot be reached): HTTP 503 with
 * `Retry-After` and an error envelope on every endpoint, the API's included, which the clients
 * treat as a passing outage: they wait and resume, and nothing was half stored.
 *
 * @param message what is unavailable, for the person reading the error.
 */
export function unavailableResponse(message: string): Response {
  const response = jsonResponse({ response: "SERVICE_UNAVAILABLE", message }, 503);
  response.headers.set("Retry-After", String(UNAVAILABLE_RETRY_SECONDS));
  return response;
}

/** Builds the error envelope for a `ServiceError`. */
export function errorBody(error: ServiceError): Record<string, unknown> {
  return { response: error.code, message: error.message };
}

/** Answers a CORS preflight: 204 with the CORS headers. */
export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS } });
}

/**
 * The request body as a stream whose read failures (the client closed the connection before the
 * end of the body it announced) are `ServiceError`s, so they are answered as bad input, not as a
 * failure of the service.
 */
export function requestBody(req: Request): ReadableStream<Uint8Array> {
  if (!req.body) return new Blob([]).stream();
  const reader = req.body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (cause) {
        controller.error(
          cause instanceof ServiceError ? cause : new ServiceError(
            "INVALID_INPUT",
            "The request body ended before its announced end.",
            {
              cause,
            },
          ),
        );
        return;
      }
      if (result.done) controller.close();
      else controller.enqueue(result.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * Returns the request with a body that must arrive whole within `timeoutMs` of now: a client that
 * trickles its body (a byte now and then, to hold a connection and memory) gets a
 * `ServiceError` `LIMIT_EXCEEDED` (status 408) from the body's next read once the time is up.
 *
 * @param timeoutMs the time allowed for the whole body, in milliseconds; 0 means no limit.
 */
export function withBodyDeadline(req: Request, timeoutMs: number): Request {
  if (!req.body || !(timeoutMs > 0)) return req;
  const reader = req.body.getReader();
  const deadline = performance.now() + timeoutMs;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<"late">((resolve) => {
        timer = setTimeout(() => resolve("late"), Math.max(0, deadline - performance.now()));
      });
      try {
        const result = await Promise.race([reader.read(), late]);
        if (result === "late") {
          reader.cancel().catch(() => {});
          controller.error(
            new ServiceError(
              "LIMIT_EXCEEDED",
              `The request body did not arrive within ${timeoutMs / 1000} s.`,
              { status: 408 },
            ),
          );
        } else if (result.done) {
          controller.close();
        } else {
          controller.enqueue(result.value);
        }
      } catch (cause) {
        controller.error(cause);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body,
    duplex: "half",
  } as RequestInit);
}

/**
 * Reads a request body whole, refusing it as soon as it grows past `maxBytes`.
 *
 * @throws {ServiceError} `LIMIT_EXCEEDED` (status 413) when the body is larger than `maxBytes`
 *   (status 408 when it arrives too slowly, see {@linkcode withBodyDeadline}), `INVALID_INPUT`
 *   (status 400) when the client stops sending before the end of the body.
 */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw bodyTooLarge(maxBytes);
  if (!req.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = requestBody(req).getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw bodyTooLarge(maxBytes);
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function bodyTooLarge(maxBytes: number): ServiceError {
  return new ServiceError(
    "LIMIT_EXCEEDED",
    `The request body is larger than the limit of ${maxBytes} bytes.`,
    { status: 413 },
  );
}
