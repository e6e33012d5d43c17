/**
 * The structured request log. An entry names the route pattern (never the raw
 * path or query, which can carry a packageCode, a checksum or a part-URL token),
 * the ids that are not secrets, who called, and the outcome. Bodies and headers
 * are never logged.
 *
 * @module
 */

/** One log entry: a request served, or an unexpected error. */
export interface LogEntry {
  /** ISO time the entry was written. */
  time: string;
  /** `"request"` for each request, `"error"` for an unexpected failure, `"sweep"`, `"start"`; `"sso"` for a refused single sign-on or an account the provider ended. */
  event: "request" | "error" | "sweep" | "start" | "stop" | "sso";
  /** Random id that ties an error entry to its request entry. */
  requestId?: string;
  /** HTTP method. */
  method?: string;
  /** The matched route pattern, e.g. `/api/v2.0/package/:packageId/`; `/part/:token` for part URLs. */
  route?: string;
  /** Kind of caller: `user`, `dropzone`, `session`, `part-url`. */
  caller?: string;
  /** The signed-in user's id (not email, not key). */
  userId?: string;
  /** The package concerned, once resolved (ids are not secrets; codes are never logged). */
  packageId?: string;
  /** The file concerned. */
  fileId?: string;
  /** The part concerned. */
  part?: number;
  /** HTTP status sent. */
  status?: number;
  /** Envelope `response` code sent. */
  response?: string;
  /** Time spent, in milliseconds. */
  durationMs?: number;
  /** Name of an unexpected error (its message may quote input, so only the stack's frames go). */
  errorName?: string;
  /** Stack frames of an unexpected error, without its message. */
  stack?: string;
  /** What a sweep, the start or the stop did. */
  detail?: Record<string, unknown>;
}

/** Writes each entry as one JSON line on stdout. */
export function consoleLogSink(entry: LogEntry): void {
  console.log(JSON.stringify(entry));
}

/** Returns the stack frames of an error without its first line (which holds the message). */
export function stackFrames(error: unknown): string | undefined {
  if (!(error instanceof Error) || !error.stack) return undefined;
  return error.stack.split("\n").filter((line) => line.trimStart().startsWith("at ")).join("\n");
}
