/**
 * A fault-injecting proxy on loopback, for tests that put a bad network between a client (a
 * browser, or the `src/` client in Deno) and the service. Start the service with
 * `publicUrl` = the proxy's URL, so that every call, JSON and part transfers alike, goes through
 * it.
 *
 * Two layers, so that faults can act at either level:
 * - a TCP front (`Deno.listen`) that the clients connect to: it can refuse connections (the
 *   listener is closed), black-hole them (accepted, nothing forwarded), and cut a connection at
 *   any moment (a reset in the middle of a body);
 * - behind it, an HTTP stage (`Deno.serve`) that sees each request, logs it, applies the faults
 *   the test scripted for it (a status such as 503, a drop, a reset after some bytes of the
 *   request or response body, a delay, a slow body) and forwards the rest to the service.
 *
 * The proxy learns which part a part URL stands for by reading the `upload-urls` and
 * `download-urls` answers passing through, so its log says "PUT of part 3 of file F" although the
 * URL itself is an opaque token.
 *
 * @example
 * ```ts
 * const proxy = startFaultProxy({ target: service.url });
 * proxy.addRule((request) => request.kind === "part-put" && request.seq < 3 ? { status: 503 } : undefined);
 * proxy.startOutage("refuse");
 * setTimeout(() => proxy.endOutage(), 8_000);
 * await proxy.close();
 * ```
 *
 * @module
 */

/** What a request is, as the proxy classifies it. */
export type ExchangeKind =
  /** A PUT of ciphertext to a pre-signed part URL. */
  | "part-put"
  /** A GET of ciphertext from a pre-signed part URL. */
  | "part-get"
  /** A part posted through the service's multipart proxy upload (spec 2.4.3). */
  | "proxy-upload"
  /** Any other call of the SendSafely API (`/api/…`, `/drop-zone/…`). */
  | "api"
  /** Anything else: portal pages, scripts, the portal's own API. */
  | "page";

/** A request as a rule sees it, before it is forwarded. */
export interface ProxiedRequest {
  /** Sequence number over every request the proxy saw, from 1. */
  id: number;
  method: string;
  /** The path without query (part URLs hold a token: do not print it). */
  path: string;
  kind: ExchangeKind;
  /** For part transfers: the part, 1-based, when the proxy saw its URL handed out. */
  part?: number;
  /** For part transfers: the file, when known. */
  fileId?: string;
  /** Sequence number among the requests of the same kind, from 1. */
  seq: number;
}

/** One request and what became of it. */
export interface Exchange extends ProxiedRequest {
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** `performance.now()` when the answer was fully sent or the connection was cut. */
  endedAt?: number;
  /** The status sent to the client, if an answer was sent at all. */
  status?: number;
  /** Whether the whole answer reached the client. */
  completed: boolean;
  /** The fault applied, if any (`status 503`, `drop`, `reset-request`, …). */
  fault?: string;
  /** Whether the proxy was in an outage when the request arrived. */
  duringOutage: boolean;
}

/** A fault to apply to one request. At most one of the fields. */
export interface Fault {
  /** Answer with this status (e.g. 503) without forwarding; the request body is read first. */
  status?: number;
  /** Close the client's connection as soon as the request arrives. */
  drop?: true;
  /** Forward, then cut the client's connection after this many bytes of the request body. */
  resetRequestAfter?: number;
  /** Forward, then cut the client's connection after this many bytes of the response body. */
  resetResponseAfter?: number;
  /** Wait this many milliseconds before forwarding. */
  delayMs?: number;
  /** Send the response body at this many bytes per second. */
  bytesPerSecond?: number;
}

/** Decides the fault for a request, or none. Rules are asked in the order they were added. */
export type Rule = (request: ProxiedRequest) => Fault | undefined;

/**
 * How an outage looks: `refuse` closes the listening socket and resets connections (the
 * service's host is down); `hang` keeps accepting but forwards nothing and cuts the stalled
 * connections when it ends (a black hole, as when a route is lost).
 *
 * Either way the cut is exact: a request the service answered before the outage began gets its
 * whole answer, and a request still in flight gets none. So the parts a client knows are stored
 * are exactly the part transfers whose exchange ended with a 2xx before the outage.
 */
export type OutageMode = "refuse" | "hang";

/** An outage, as {@linkcode FaultProxy.outages} lists it. */
export interface Outage {
  mode: OutageMode;
  startedAt: number;
  endedAt?: number;
}

/** Options of {@linkcode startFaultProxy}. */
export interface FaultProxyOptions {
  /** Origin of the service to forward to; a function when it is known only later. */
  target: string | (() => string);
  /**
   * TCP port to listen on (on 127.0.0.1); 0 picks a free one.
   * @default {0}
   */
  port?: number;
  /**
   * What a client sees when the service does not answer the proxy (stopped, killed): `502` is a
   * reverse proxy's answer; `reset` cuts the client's connection as a plain network path would.
   * @default {"502"}
   */
  upstreamDown?: "502" | "reset";
}

/** A running fault proxy. */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give it to the service as `publicUrl` and to the clients. */
  readonly url: string;
  readonly port: number;
  /** Every request so far, in arrival order. */
  readonly log: readonly Exchange[];
  /** Whether an outage is on. */
  readonly inOutage: OutageMode | undefined;
  /** Every outage so far, with `performance.now()` times (compare with exchanges' times). */
  readonly outages: readonly Outage[];
  /** Adds a rule; returns a function that removes it. */
  addRule(rule: Rule): () => void;
  /** Removes every rule. */
  clearRules(): void;
  /**
   * Calls `listener` synchronously each time an exchange ends (answered or cut), so a test can
   * start an outage at an exact point (e.g. right after the second part is stored).
   */
  onExchange(listener: (exchange: Exchange) => void): () => void;
  /** Starts an outage now. */
  startOutage(mode: OutageMode): void;
  /** Ends the outage: listens again (`refuse`) or cuts the stalled connections (`hang`). */
  endOutage(): void;
  /** Runs an outage of `ms` milliseconds; resolves when it is over. */
  outage(mode: OutageMode, ms: number): Promise<void>;
  /** Resolves with the first exchange (past or future) that matches. */
  waitFor(predicate: (exchange: Exchange) => boolean, timeoutMs?: number): Promise<Exchange>;
  /** Stops everything and cuts every connection. */
  close(): Promise<void>;
}

const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "host",
  "content-length",
  // Without it the service never compresses, so bodies pass through byte for byte.
  "accept-encoding",
];

/** One client connection: the socket from the client and the one to the HTTP stage. */
class Pair {
  readonly client: Deno.Conn;
  inner?: Deno.Conn;
  /** Set when the pair carried data during a `hang` outage: it is cut when the outage ends. */
  stalled = false;
  /** Exchanges on this connection not yet ended (one at a time: clients do not pipeline). */
  readonly active = new Set<AbortController>();
  #closed = false;
  readonly #onClose: (pair: Pair) => void;

  constructor(client: Deno.Conn, onClose: (pair: Pair) => void) {
    this.client = client;
    this.#onClose = onClose;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Closes both sockets. Unread data makes the kernel answer with a reset. */
  destroy(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const conn of [this.client, this.inner]) {
      try {
        conn?.close();
      } catch { /* already closed */ }
    }
    for (const upstream of this.active) upstream.abort();
    this.#onClose(this);
  }
}

/**
 * Starts the proxy on 127.0.0.1.
 *
 * @throws {Deno.errors.AddrInUse} when `port` is taken.
 */
export function startFaultProxy(options: FaultProxyOptions): FaultProxy {
  const { port: wantedPort = 0, upstreamDown = "502" } = options;
  const target = typeof options.target === "function"
    ? options.target
    : () => options.target as string;
  const rules: Rule[] = [];
  const listeners = new Set<(exchange: Exchange) => void>();
  const log: Exchange[] = [];
  const kindCounts = new Map<ExchangeKind, number>();
  /** Part URL token → what it stands for, learnt from the URL batches passing through. */
  const tokens = new Map<string, { part: number; fileId: string }>();
  const pairs = new Set<Pair>();
  /** The HTTP stage's view of a connection (its remote port) → the client's pair. */
  const byInnerPort = new Map<number, Pair>();
  const httpClient = Deno.createHttpClient({});
  let outage: OutageMode | undefined;
  const outages: Outage[] = [];
  let hangOver: { promise: Promise<void>; resolve: () => void } | undefined;
  let closing = false;
  let nextId = 1;

  /** What to undo when an exchange ends (it is no longer in flight on its connection). */
  const cleanups = new Map<Exchange, () => void>();
  const ended = (exchange: Exchange) => {
    if (exchange.endedAt !== undefined) return;
    exchange.endedAt = performance.now();
    cleanups.get(exchange)?.();
    cleanups.delete(exchange);
    for (const listener of [...listeners]) listener(exchange);
  };

  // The HTTP stage: only the front connects to it.
  const stage = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request, info) => handle(request, byInnerPort.get(info.remoteAddr.port)),
  );
  const stagePort = stage.addr.port;

  async function handle(request: Request, pair: Pair | undefined): Promise<Response> {
    const url = new URL(request.url);
    const kind = classify(request.method, url.pathname, request.headers);
    const seq = (kindCounts.get(kind) ?? 0) + 1;
    kindCounts.set(kind, seq);
    const exchange: Exchange = {
      id: nextId++,
      method: request.method,
      path: url.pathname,
      kind,
      seq,
      startedAt: performance.now(),
      completed: false,
      duringOutage: outage !== undefined,
    };
    let body: ReadableStream<Uint8Array> | null = request.body;
    if (kind === "part-put" || kind === "part-get") {
      const known = tokens.get(url.pathname.slice("/part/".length));
      exchange.part = known?.part;
      exchange.fileId = known?.fileId;
    } else if (kind === "proxy-upload" && body) {
      // The part number sits in the multipart's requestData; the body is one part, so buffer it.
      const bytes = new Uint8Array(await new Response(body).arrayBuffer());
      const head = new TextDecoder().decode(bytes.subarray(0, 4096));
      const part = /"filePart"\s*:\s*(\d+)/.exec(head)?.[1];
      exchange.part = part ? Number(part) : undefined;
      exchange.fileId = /\/file\/([^/]+)\//.exec(url.pathname)?.[1];
      body = new Blob([bytes]).stream();
    }
    log.push(exchange);
    // The call to the service is cancelled when the client's connection is cut.
    const upstream = new AbortController();
    if (pair) {
      pair.active.add(upstream);
      cleanups.set(exchange, () => pair.active.delete(upstream));
    }
    let fault: Fault | undefined;
    for (const rule of rules) {
      fault = rule(exchange);
      if (fault) break;
    }
    exchange.fault = fault ? describeFault(fault) : undefined;
    const cut = () => {
      pair?.destroy();
      ended(exchange);
    };

    if (fault?.drop) {
      cut();
      return new Response(null, { status: 499 });
    }
    if (fault?.status !== undefined) {
      if (body) await new Response(body).arrayBuffer().catch(() => {});
      exchange.status = fault.status;
      exchange.completed = delivering(pair);
      ended(exchange);
      return new Response(
        `The fault proxy answered ${fault.status}`,
        {
          status: fault.status,
          headers: corsHeaders(request.headers, { "content-type": "text/plain" }),
        },
      );
    }
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));

    const signal = upstream.signal;
    if (body && fault?.resetRequestAfter !== undefined) {
      body = body.pipeThrough(cutAfter(fault.resetRequestAfter, () => {
        upstream.abort();
        cut();
      }, "request"));
    }
    const headers = new Headers();
    for (const [name, value] of request.headers) {
      if (!HOP_BY_HOP.includes(name.toLowerCase())) headers.append(name, value);
    }
    let response: Response;
    try {
      response = await fetch(target() + url.pathname + url.search, {
        method: request.method,
        headers,
        body,
        redirect: "manual",
        signal,
        client: httpClient,
      });
    } catch {
      if (pair?.closed || upstreamDown === "reset") {
        cut();
        return new Response(null, { status: 499 });
      }
      exchange.status = 502;
      ended(exchange);
      return new Response("The fault proxy could not reach the service", {
        status: 502,
        headers: corsHeaders(request.headers, { "content-type": "text/plain" }),
      });
    }
    exchange.status = response.status;
    const responseHeaders = new Headers();
    for (const [name, value] of response.headers) {
      if (!HOP_BY_HOP.includes(name.toLowerCase()) && name.toLowerCase() !== "content-encoding") {
        responseHeaders.append(name, value);
      }
    }
    if (request.method === "POST" && /\/(upload|download)-urls\/$/.test(url.pathname)) {
      // Small JSON: read it to learn which part each URL stands for.
      const text = await response.text().catch(() => "");
      learnTokens(text, /\/file\/([^/]+)\//.exec(url.pathname)?.[1]);
      exchange.completed = delivering(pair);
      ended(exchange);
      return new Response(text, { status: response.status, headers: responseHeaders });
    }
    let responseBody: ReadableStream<Uint8Array> | null = response.body;
    if (responseBody && fault?.resetResponseAfter !== undefined) {
      responseBody = responseBody.pipeThrough(cutAfter(fault.resetResponseAfter, () => {
        upstream.abort();
        cut();
      }, "response"));
    }
    if (responseBody && fault?.bytesPerSecond) {
      responseBody = responseBody.pipeThrough(throttle(fault.bytesPerSecond));
    }
    if (!responseBody) {
      exchange.completed = delivering(pair);
      ended(exchange);
      return new Response(null, { status: response.status, headers: responseHeaders });
    }
    const source = responseBody.getReader();
    let failed = false;
    const tracked = new ReadableStream<Uint8Array>({
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await source.read();
        } catch {
          // The service died mid-answer, or the connection was cut: cut the client's connection
          // too, so that a half answer never looks whole, and end quietly.
          failed = true;
          cut();
          controller.close();
          return;
        }
        if (!chunk.done) return controller.enqueue(chunk.value);
        exchange.completed = !failed && delivering(pair);
        ended(exchange);
        controller.close();
      },
      async cancel(reason) {
        ended(exchange);
        await source.cancel(reason).catch(() => {});
      },
    });
    return new Response(tracked, { status: response.status, headers: responseHeaders });
  }

  function learnTokens(text: string, fileId: string | undefined): void {
    try {
      const envelope = JSON.parse(text);
      for (const item of [...envelope.uploadUrls ?? [], ...envelope.downloadUrls ?? []]) {
        const token = new URL(item.url).pathname.slice("/part/".length);
        tokens.set(token, { part: item.part, fileId: fileId ?? "" });
      }
    } catch { /* not an answer with URLs */ }
  }

  // The TCP front.
  let listener: Deno.Listener | undefined = Deno.listen({
    hostname: "127.0.0.1",
    port: wantedPort,
  });
  const port = (listener.addr as Deno.NetAddr).port;
  const accepting = new Set<Promise<void>>();

  const acceptLoop = (current: Deno.Listener) => {
    const loop = (async () => {
      for (;;) {
        let client: Deno.Conn;
        try {
          client = await current.accept();
        } catch {
          return; // the listener was closed (an outage, or the end)
        }
        void serveConnection(client);
      }
    })();
    accepting.add(loop);
    loop.finally(() => accepting.delete(loop));
  };

  async function serveConnection(client: Deno.Conn): Promise<void> {
    const pair = new Pair(client, (closed) => {
      pairs.delete(closed);
      if (closed.inner) byInnerPort.delete((closed.inner.localAddr as Deno.NetAddr).port);
    });
    pairs.add(pair);
    if (outage === "hang") {
      // Accepted but nothing comes back; cut when the outage ends.
      pair.stalled = true;
      await drain(client);
      pair.destroy();
      return;
    }
    try {
      pair.inner = await Deno.connect({ hostname: "127.0.0.1", port: stagePort });
    } catch {
      pair.destroy();
      return;
    }
    if (pair.closed) {
      pair.inner.close();
      return;
    }
    byInnerPort.set((pair.inner.localAddr as Deno.NetAddr).port, pair);
    await Promise.all([pump(pair, client, pair.inner), pump(pair, pair.inner, client)]);
    pair.destroy();
  }

  async function pump(pair: Pair, from: Deno.Conn, to: Deno.Conn): Promise<void> {
    const buffer = new Uint8Array(65_536);
    try {
      for (;;) {
        const read = await from.read(buffer);
        if (read === null) break;
        // A new request during an outage: refused (the connection is reset), or lost in the
        // black hole until it ends. Answers to requests served before the outage still flow.
        if (outage === "refuse" && from === pair.client) break;
        if (outage === "hang" && from === pair.client) pair.stalled = true;
        if (pair.stalled) {
          await hangOver?.promise;
          break;
        }
        let offset = 0;
        while (offset < read) offset += await to.write(buffer.subarray(offset, read));
      }
    } catch {
      // The other side went away, or the pair was destroyed.
    }
    pair.destroy();
  }

  async function drain(conn: Deno.Conn): Promise<void> {
    const buffer = new Uint8Array(65_536);
    const over = hangOver?.promise ?? Promise.resolve();
    try {
      for (;;) {
        const read = await Promise.race([conn.read(buffer), over.then(() => null)]);
        if (read === null) return;
      }
    } catch { /* closed */ }
  }

  acceptLoop(listener);

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    port,
    log,
    get inOutage() {
      return outage;
    },
    outages,
    addRule(rule) {
      rules.push(rule);
      return () => {
        const index = rules.indexOf(rule);
        if (index >= 0) rules.splice(index, 1);
      };
    },
    clearRules() {
      rules.length = 0;
    },
    onExchange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startOutage(mode) {
      if (outage) throw new Error(`An outage (${outage}) is already on`);
      outage = mode;
      outages.push({ mode, startedAt: performance.now() });
      if (mode === "hang") {
        let resolve!: () => void;
        const promise = new Promise<void>((done) => resolve = done);
        hangOver = { promise, resolve };
      } else {
        listener?.close();
        listener = undefined;
      }
      // Requests in flight get no answer; idle connections fail on their next request.
      for (const pair of [...pairs]) {
        if (pair.active.size === 0) continue;
        if (mode === "refuse") pair.destroy();
        else pair.stalled = true;
      }
    },
    endOutage() {
      if (!outage || closing) return;
      if (outage === "refuse") {
        listener = Deno.listen({ hostname: "127.0.0.1", port });
        acceptLoop(listener);
      } else {
        for (const pair of [...pairs]) if (pair.stalled) pair.destroy();
        hangOver?.resolve();
        hangOver = undefined;
      }
      outage = undefined;
      outages[outages.length - 1].endedAt = performance.now();
    },
    async outage(mode, ms) {
      proxy.startOutage(mode);
      await new Promise((resolve) => setTimeout(resolve, ms));
      proxy.endOutage();
    },
    waitFor(predicate, timeoutMs = 60_000) {
      const found = log.find((exchange) => exchange.endedAt !== undefined && predicate(exchange));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          remove();
          reject(new Error("The fault proxy saw no matching exchange in time"));
        }, timeoutMs);
        const remove = proxy.onExchange((exchange) => {
          if (!predicate(exchange)) return;
          clearTimeout(timer);
          remove();
          resolve(exchange);
        });
      });
    },
    async close() {
      closing = true;
      hangOver?.resolve();
      listener?.close();
      listener = undefined;
      for (const pair of [...pairs]) pair.destroy();
      await Promise.all([...accepting]);
      await stage.shutdown();
      httpClient.close();
    },
  };
  return proxy;
}

/** Whether an answer written now reaches the client (its connection is neither cut nor stalled). */
function delivering(pair: Pair | undefined): boolean {
  return pair !== undefined && !pair.closed && !pair.stalled;
}

/** What kind of request this is (see {@linkcode ExchangeKind}). */
function classify(method: string, path: string, headers: Headers): ExchangeKind {
  if (path.startsWith("/part/")) return method === "PUT" ? "part-put" : "part-get";
  if (/^\/(api|drop-zone)\//.test(path)) {
    const multipart = (headers.get("content-type") ?? "").startsWith("multipart/form-data");
    if (method === "POST" && multipart && /\/package\/[^/]+\/file\/[^/]+\/$/.test(path)) {
      return "proxy-upload";
    }
    return "api";
  }
  return "page";
}

function describeFault(fault: Fault): string {
  if (fault.status !== undefined) return `status ${fault.status}`;
  if (fault.drop) return "drop";
  if (fault.resetRequestAfter !== undefined) return `reset-request@${fault.resetRequestAfter}`;
  if (fault.resetResponseAfter !== undefined) return `reset-response@${fault.resetResponseAfter}`;
  if (fault.delayMs !== undefined) return `delay ${fault.delayMs}ms`;
  if (fault.bytesPerSecond !== undefined) return `slow ${fault.bytesPerSecond}B/s`;
  return "none";
}

/** CORS headers for an answer the proxy makes itself, so a browser can read its status. */
function corsHeaders(request: Headers, extra: Record<string, string>): Headers {
  const headers = new Headers(extra);
  const origin = request.get("origin");
  if (origin) {
    headers.set("access-control-allow-origin", origin);
    headers.set("access-control-allow-credentials", "true");
  }
  return headers;
}

/**
 * Passes bytes through until `limit` have gone, then calls `onCut` (which cuts the connection).
 * A request body is then errored, so the service never takes the bytes so far for a whole part;
 * a response body just ends, on a connection that no longer exists.
 */
function cutAfter(
  limit: number,
  onCut: () => void,
  direction: "request" | "response",
): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      if (seen + chunk.byteLength <= limit) {
        seen += chunk.byteLength;
        controller.enqueue(chunk);
        return;
      }
      const room = limit - seen;
      if (room > 0) controller.enqueue(chunk.slice(0, room));
      seen = limit;
      onCut();
      if (direction === "request") {
        controller.error(new Error("connection reset by the fault proxy"));
      } else controller.terminate();
    },
  });
}

/** Delays chunks so that the body flows at about `bytesPerSecond`. */
function throttle(bytesPerSecond: number): TransformStream<Uint8Array, Uint8Array> {
  const slice = Math.max(1024, Math.floor(bytesPerSecond / 10));
  return new TransformStream({
    async transform(chunk, controller) {
      for (let offset = 0; offset < chunk.byteLength; offset += slice) {
        const piece = chunk.slice(offset, offset + slice);
        await new Promise((resolve) =>
          setTimeout(resolve, (piece.byteLength / bytesPerSecond) * 1000)
        );
        controller.enqueue(piece);
      }
    },
  });
}
