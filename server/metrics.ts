/**
 * The service's Prometheus metrics (through `prom-client`, the Prometheus client for Node that
 * runs unchanged under Deno): requests by route and status, their latency, bytes in and out,
 * parts stored, part transfers in progress, the mail queue's depth (read from the database when the
 * metrics are scraped) and its failures, sweeper runs and refused sign-ins.
 *
 * Requests are observed in one place, from the log entry the request handler writes (it already
 * names the route pattern, never a raw path), so no route counts for itself. Each service has
 * its own registry: several services in one process (the tests) keep separate counts.
 *
 * @module
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { LogEntry } from "./log.ts";
import type { MailQueueState } from "./mail/queue.ts";
import type { SweepResult } from "./sweeper.ts";

/** Latency buckets in seconds: API calls take milliseconds, a part on a slow link minutes. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** A path of the pages and assets served outside the API, short and without ids. */
const PLAIN_PATH = /^\/[A-Za-z0-9._/-]{0,64}$/;

/** The routes that store one part when they succeed: a part URL `PUT`, the proxy upload. */
const PART_UPLOADS = new Set([
  "PUT /part/:token",
  "POST /api/v2.0/package/:packageId/file/:fileId/",
  "POST /drop-zone/v2.0/package/:packageId/file/:fileId/",
]);

/** What the request handler tells the metrics about one request once it has answered. */
export interface ObservedRequest {
  /** The log entry of the request (route, method, status, duration). */
  entry: LogEntry;
  /** The request path, used only to name a page the portal served (never an API path). */
  pathname: string;
  /** Bytes the client declared it sends (`Content-Length`); 0 when it did not say. */
  bytesIn: number;
  /** Bytes of the response (`Content-Length`); 0 when streamed without one. */
  bytesOut: number;
}

/** The metrics of one running service. */
export class ServiceMetrics {
  /** The registry that `/metrics` renders. */
  readonly registry: Registry = new Registry();
  readonly #requests: Counter<"method" | "route" | "status">;
  readonly #latency: Histogram<"route">;
  readonly #bytesIn: Counter<"route">;
  readonly #bytesOut: Counter<"route">;
  readonly #partsStored: Counter;
  readonly #mailFailures: Counter;
  readonly #zendeskNoteFailures: Counter;
  readonly #sweeps: Counter<"outcome">;
  readonly #swept: Counter;
  readonly #lockouts: Counter;
  #mailQueue: (() => Promise<MailQueueState>) | undefined;

  /**
   * Creates the metrics, all at zero.
   *
   * @param transfers reads the part transfers in flight when the metrics are rendered.
   */
  constructor(transfers: () => number = () => 0) {
    const registers = [this.registry];
    this.#requests = new Counter({
      name: "padlock_http_requests_total",
      help: "Requests answered, by method, route pattern and HTTP status.",
      labelNames: ["method", "route", "status"],
      registers,
    });
    this.#latency = new Histogram({
      name: "padlock_http_request_duration_seconds",
      help: "Time from the request's arrival to its response, by route pattern.",
      labelNames: ["route"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.#bytesIn = new Counter({
      name: "padlock_http_received_bytes_total",
      help: "Request body bytes received (as declared by Content-Length), by route pattern.",
      labelNames: ["route"],
      registers,
    });
    this.#bytesOut = new Counter({
      name: "padlock_http_sent_bytes_total",
      help: "Response body bytes sent (as declared by Content-Length), by route pattern.",
      labelNames: ["route"],
      registers,
    });
    this.#partsStored = new Counter({
      name: "padlock_parts_stored_total",
      help: "Ciphertext parts stored (part URL PUT or proxy upload answered with success).",
      registers,
    });
    new Gauge({
      name: "padlock_part_transfers_in_progress",
      help: "Part uploads and downloads being handled now.",
      registers,
      collect() {
        this.set(transfers());
      },
    });
    // Read at each scrape (one small aggregate query per gauge); NaN while the database cannot
    // answer: a stale number would hide a growing queue, and /readyz tells that it is down.
    const readQueue = (): Promise<MailQueueState | undefined> =>
      (this.#mailQueue?.() ?? Promise.resolve({ messages: 0, oldestSeconds: 0 })).catch(() =>
        undefined
      );
    new Gauge({
      name: "padlock_mail_queue_messages",
      help:
        "Mails waiting in the queue (in the database, all instances together), retries included.",
      registers,
      async collect() {
        const state = await readQueue();
        this.set(state ? state.messages : NaN);
      },
    });
    new Gauge({
      name: "padlock_mail_queue_oldest_seconds",
      help: "Age of the oldest mail waiting in the queue, in seconds (0 when it is empty).",
      registers,
      async collect() {
        const state = await readQueue();
        this.set(state ? state.oldestSeconds : NaN);
      },
    });
    this.#mailFailures = new Counter({
      name: "padlock_mail_failures_total",
      help: "Mails (codes, activation links) the mailer could not deliver.",
      registers,
    });
    this.#zendeskNoteFailures = new Counter({
      name: "padlock_zendesk_note_failures_total",
      help: "Internal notes on Zendesk tickets given up after the last try (the uploads are kept).",
      registers,
    });
    this.#sweeps = new Counter({
      name: "padlock_sweeper_runs_total",
      help: "Runs of the sweeper that deletes expired packages, by outcome (ok, failed).",
      labelNames: ["outcome"],
      registers,
    });
    this.#swept = new Counter({
      name: "padlock_sweeper_deleted_packages_total",
      help: "Expired packages the sweeper deleted.",
      registers,
    });
    this.#lockouts = new Counter({
      name: "padlock_signin_lockouts_total",
      help: "Sign-ins refused because the account or the client address is locked out.",
      registers,
    });
    // Every series that alerting rules reference exists from the start, at zero.
    this.#sweeps.inc({ outcome: "ok" }, 0);
    this.#sweeps.inc({ outcome: "failed" }, 0);
  }

  /** Reads the mail queue with `read` when the metrics are rendered (absent: the gauges stay 0). */
  watchMailQueue(read: () => Promise<MailQueueState>): void {
    this.#mailQueue = read;
  }

  /** Counts one answered request (called once per request by the request handler). */
  observeRequest({ entry, pathname, bytesIn, bytesOut }: ObservedRequest): void {
    const status = entry.status ?? 0;
    const route = routeLabel(entry.route, pathname, status);
    const method = entry.method ?? "";
    this.#requests.inc({ method, route, status: String(status) });
    this.#latency.observe({ route }, (entry.durationMs ?? 0) / 1000);
    if (bytesIn > 0) this.#bytesIn.inc({ route }, bytesIn);
    if (bytesOut > 0) this.#bytesOut.inc({ route }, bytesOut);
    if (entry.response === "SUCCESS" && PART_UPLOADS.has(`${method} ${entry.route}`)) {
      this.#partsStored.inc();
    }
    if (method === "POST" && route === "/signin" && status === 429) this.#lockouts.inc();
  }

  /** Watches the service's other log entries (mail failures are logged by the mail queue). */
  observeLog(entry: LogEntry): void {
    if (entry.event === "error" && entry.detail?.what === "mail not delivered") {
      this.#mailFailures.inc();
    }
    if (entry.event === "error" && entry.detail?.what === "zendesk note not added") {
      this.#zendeskNoteFailures.inc();
    }
  }

  /** Counts one sweeper run and what it deleted, or its failure. */
  sweepRan(result: SweepResult | undefined): void {
    this.#sweeps.inc({ outcome: result ? "ok" : "failed" });
    if (result) this.#swept.inc(result.packages);
  }

  /** The metrics in the Prometheus text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** The media type of {@linkcode ServiceMetrics.render}'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }
}

/**
 * The route label of a request: its route pattern; for a page or asset outside the API (logged
 * as `[extra]`), its path when it was found; `[extra]` for anything not found, so that probing
 * random paths cannot create new series.
 */
function routeLabel(route: string | undefined, pathname: string, status: number): string {
  if (route === undefined) return "[none]";
  if (route !== "[extra]") return route;
  // An upload link's path is its secret token: never a label (issue 13).
  if (pathname.startsWith("/upload/")) return "/upload/:token";
  return status !== 404 && status !== 405 && PLAIN_PATH.test(pathname) ? pathname : "[extra]";
}
