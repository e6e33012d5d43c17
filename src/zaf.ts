/**
 * A small client for the Zendesk App Framework (ZAF v2) postMessage protocol, as described in
 * `spec/zaf.md`: the app page inside Zendesk's iframe talks to the agent interface through
 * `window.parent.postMessage`. Browser-compatible; it uses only `postMessage`, `message` events
 * and timers, and takes the window by injection so that it runs against a fake parent in Deno.
 *
 * @example
 * ```ts ignore
 * import { initZaf } from "./zaf.ts";
 * const zaf = initZaf();
 * const { settings } = await zaf.metadata();
 * const requester = await zaf.getValue("ticket.requester");
 * await zaf.invoke("ticket.comment.appendText", "hello");
 * ```
 *
 * @module
 */

/** The version this client announces in its handshake (the SDK release whose protocol it speaks). */
export const ZAF_VERSION = "2.0.11";

/**
 * How long a request waits for its answer before it fails with a {@linkcode ZafError} of code
 * `TIMEOUT`, in milliseconds. The SDK uses 5 s (2.0.11) to 5 min (later releases); the ticket's
 * comments of a long ticket may take a few seconds, so the default sits between.
 */
export const DEFAULT_TIMEOUT = 15_000;

/** What went wrong, so that a caller can act on it. */
export type ZafErrorCode =
  /** The page was not opened by Zendesk: `origin` or `app_guid` is missing from its URL. */
  | "NOT_IN_ZENDESK"
  /** The `origin` in the URL is not one this client talks to. */
  | "ORIGIN_NOT_ALLOWED"
  /** The host did not answer in time. */
  | "TIMEOUT"
  /** The host answered with an error (`hostName` and `path` tell which). */
  | "HOST_ERROR"
  /** A request through Zendesk's proxy failed (`status` and `responseText` tell why). */
  | "REQUEST_FAILED"
  /** The client was destroyed while the request was waiting. */
  | "DESTROYED"
  /** The caller passed arguments this client refuses. */
  | "BAD_ARGUMENT";

/** Options of {@linkcode ZafError}. */
export interface ZafErrorOptions extends ErrorOptions {
  /** The error `name` the host reported (for `HOST_ERROR`). */
  hostName?: string;
  /** The path the host's error is about (for `HOST_ERROR`). */
  path?: string;
  /** HTTP status of a failed proxied request. */
  status?: number;
  /** Body of a failed proxied request. */
  responseText?: string;
}

/** Every failure of the ZAF client: a readable message and a {@linkcode ZafErrorCode}. */
export class ZafError extends Error {
  /** What went wrong. */
  readonly code: ZafErrorCode;
  /** The error name the host reported, for `HOST_ERROR`. */
  readonly hostName?: string;
  /** The path a host error is about. */
  readonly path?: string;
  /** HTTP status of a failed proxied request (`REQUEST_FAILED`). */
  readonly status?: number;
  /** Body of a failed proxied request (`REQUEST_FAILED`). */
  readonly responseText?: string;

  /** Builds an error with its code and a message a person can read. */
  constructor(code: ZafErrorCode, message: string, options: ZafErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ZafError";
    this.code = code;
    this.hostName = options.hostName;
    this.path = options.path;
    this.status = options.status;
    this.responseText = options.responseText;
  }
}

// ---------------------------------------------------------------------------------------------
// Bootstrap

/** Where Zendesk is and which app this page is, as found in the iframe's URL. */
export interface ZafBootstrap {
  /** Origin of the Zendesk agent interface: the target of every post, the only accepted sender. */
  origin: string;
  /** The app's guid, sent with every message. */
  appGuid: string;
}

function decodeParameter(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

function parameters(part: string): Map<string, string> {
  const result = new Map<string, string>();
  const trimmed = part.replace(/^[?#]/, "");
  if (trimmed === "") return result;
  for (const pair of trimmed.split("&")) {
    const [key, value = ""] = pair.split("=");
    result.set(decodeParameter(key), decodeParameter(value));
  }
  return result;
}

/**
 * Reads `origin` and `app_guid` from the page URL: the query string first, then the hash (older
 * hosts), each stripped of `?`/`#`, split on `&` and `=`, `+` as a space, URI-decoded.
 *
 * @throws {ZafError} `NOT_IN_ZENDESK` when either value is missing.
 */
export function parseBootstrap(location: { search: string; hash: string }): ZafBootstrap {
  for (const part of [location.search, location.hash]) {
    const found = parameters(part);
    const origin = found.get("origin");
    const appGuid = found.get("app_guid");
    if (origin && appGuid) return { origin, appGuid };
  }
  throw new ZafError(
    "NOT_IN_ZENDESK",
    "This page is not running inside Zendesk: its address has no origin and app_guid. " +
      "Open it from a ticket in Zendesk Support.",
  );
}

/** Zendesk's own hosts (production and staging), HTTPS only, one subdomain label. */
const ZENDESK_ORIGIN = /^https:\/\/[a-z0-9][a-z0-9-]*\.(?:zendesk|zendesk-staging)\.com$/i;
/** A developer's machine, on any port. */
const LOCAL_ORIGIN = /^https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?$/i;

/**
 * Whether the client may talk to `origin`: `https://<subdomain>.zendesk.com`, Zendesk's staging
 * hosts, `http(s)://localhost` or `127.0.0.1` on any port, or one of `extraOrigins` (compared
 * exactly, for a self-hosted stand-in of Zendesk).
 */
export function isAllowedOrigin(origin: string, extraOrigins: readonly string[] = []): boolean {
  return ZENDESK_ORIGIN.test(origin) || LOCAL_ORIGIN.test(origin) || extraOrigins.includes(origin);
}

// ---------------------------------------------------------------------------------------------
// Types of what the host sends

/** The installation the app runs in, sent with `app.registered`. */
export interface ZafMetadata {
  /** The app's id in Zendesk's marketplace (or private apps). */
  appId: number | string;
  /** This installation's id: one account may install an app several times. */
  installationId: number | string;
  /** The app's name. */
  name?: string;
  /** The app's version. */
  version?: string;
  /** The installation's (non-secure) parameters, by name. */
  settings: Record<string, unknown>;
}

/** Where the app runs, sent with `app.registered` and `context.updated`. */
export interface ZafContext {
  /** This instance of the app (one per location and ticket tab). */
  instanceGuid: string;
  /** `support` for the agent interface. */
  product: string;
  /** The Zendesk account. */
  account: { subdomain: string };
  /** The app's location, e.g. `ticket_sidebar`. */
  location: string;
  /** The ticket shown, in ticket locations. */
  ticketId?: number;
}

/** A Zendesk user as the ticket paths report them. */
export interface ZafUser {
  /** The user's id. */
  id: number;
  /** The user's name (untrusted text). */
  name: string;
  /** The user's email, when Zendesk gives it. */
  email?: string;
  /** `end-user`, `agent`, `admin` or a custom role. */
  role?: string;
  /** The user's Zendesk locale, e.g. `de` or `en-US` (the requester's: their mails' language). */
  locale?: string;
}

/** The signed-in agent (`currentUser`). */
export interface ZafCurrentUser extends ZafUser {
  /** The agent's email. */
  email: string;
  /** `admin`, `agent`, or the name of a custom role. */
  role: string;
  /** The agent's groups. */
  groups?: { id: number; name: string }[];
}

/** One entry of `ticket.comments`. */
export interface ZafComment {
  /** The comment's id. */
  id: number;
  /** The comment's body, as HTML (untrusted). */
  value: string;
  /** Who wrote it. */
  author: ZafUser;
  /** The channel it came by. */
  via?: unknown;
  /** When it was written (ISO 8601); hosts differ in the field's name. */
  createdAt?: string;
  /** When it was written (ISO 8601), as the REST API names it. */
  created_at?: string;
  /** Whether it was imported rather than written in Zendesk. */
  imported?: boolean;
}

/** One entry of `ticket.conversation`. */
export interface ZafConversationEntry {
  /** Who wrote it. */
  author: { id: number; name: string; role?: string; avatar?: string };
  /** The channel it came by. */
  channel?: { name: string };
  /** The body; `contentType` says whether it is HTML. */
  message: { content: string; contentType?: string };
  /** When it was written (ISO 8601). */
  timestamp?: string;
  /** Zendesk's own attachments of the entry. */
  attachments?: unknown[];
}

/** One of Zendesk's own attachments on the reply being written (`comment.attachments`). */
export interface ZafAttachment {
  /** MIME type. */
  contentType?: string;
  /** Where Zendesk stores it. */
  contentUrl?: string;
  /** The file name (untrusted text). */
  filename?: string;
  /** Other fields Zendesk sends. */
  [key: string]: unknown;
}

/** What each path the app reads with `get` returns. */
export interface ZafPaths {
  /** The ticket's id. */
  "ticket.id": number;
  /** Who asked for help. */
  "ticket.requester": ZafUser;
  /** Every comment, description first. */
  "ticket.comments": ZafComment[];
  /** Every message of the conversation (newer hosts). */
  "ticket.conversation": ZafConversationEntry[];
  /** The first comment's text. */
  "ticket.description": string;
  /** The signed-in agent. */
  "currentUser": ZafCurrentUser;
  /** Zendesk's own attachments on the reply being written. */
  "comment.attachments": ZafAttachment[];
  /** The text of the reply being written. */
  "comment.text": string;
}

/** The value type of a path: known paths are typed, others are `unknown`. */
export type ZafPathValue<P extends string> = P extends keyof ZafPaths ? ZafPaths[P] : unknown;

/** A host error as it travels in a message. */
export interface ZafHostError {
  /** The error's class name on the host. */
  name?: string;
  /** What went wrong. */
  message: string;
  /** The host's stack trace, if sent. */
  stack?: string;
  /** The path the error is about. */
  path?: string;
}

/** What `get` resolves to: each path's value and the per-path errors. */
export type ZafGetResult<P extends string> =
  & { [K in P]: ZafPathValue<K> }
  & { errors: Record<string, ZafHostError> };

/** The options of a request through Zendesk's proxy (`client.request`). */
export interface ZafRequestOptions {
  /** Absolute URL, or a path of the Zendesk API such as `/api/v2/tickets/1/comments.json`. */
  url: string;
  /** HTTP method. @default {"GET"} */
  type?: string;
  /** Content type of `data`. */
  contentType?: string;
  /** The request body. */
  data?: unknown;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Whether to substitute secure settings on Zendesk's server. */
  secure?: boolean;
  /** Whether to call the URL from the browser (CORS) rather than through Zendesk's proxy. */
  cors?: boolean;
  /** How to read the answer (`json`, `text`). */
  dataType?: string;
  /** Other options Zendesk's proxy accepts. */
  [key: string]: unknown;
}

/**
 * A handler of an event. For save hooks (`ticket.save` and others sent with `needsReply`), a
 * handler that throws, rejects, or returns `false` or a string stops the save; the string (or the
 * error's message) is shown to the agent.
 */
export type ZafHandler = (data: unknown) => unknown;

// ---------------------------------------------------------------------------------------------
// The window the client runs in

/** What `postMessage` is called on: the parent frame. */
export interface ZafMessageTarget {
  /** Posts `message` to the frame, delivered only if the frame's origin is `targetOrigin`. */
  postMessage(message: unknown, targetOrigin: string): void;
}

/** A `message` event, as far as this client reads it. */
export interface ZafMessageEvent {
  /** The message (a JSON string, or an object for save-hook replies). */
  data: unknown;
  /** The sender's origin, as the browser reports it. */
  origin: string;
  /** The sender's window. */
  source: unknown;
}

/** The slice of `window` the client uses (injected, so tests can pass a fake). */
export interface ZafWindow {
  /** The Zendesk frame: the only accepted sender and the target of every post. */
  readonly parent: ZafMessageTarget;
  /** Listens for `message` events. */
  addEventListener(type: "message", listener: (event: ZafMessageEvent) => void): void;
  /** Stops listening. */
  removeEventListener(type: "message", listener: (event: ZafMessageEvent) => void): void;
}

/** Options of {@linkcode ZafClient}. */
export interface ZafClientOptions extends ZafBootstrap {
  /** The window the app runs in. @default {globalThis} */
  window?: ZafWindow;
  /** Per-instance guid (several instances of one app). @default {appGuid} */
  instanceGuid?: string;
  /** Milliseconds a request, or the registration, may take. @default {DEFAULT_TIMEOUT} */
  timeout?: number;
  /**
   * Origins allowed besides Zendesk's and localhost, compared exactly.
   * @default {[]}
   */
  extraOrigins?: readonly string[];
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hostError(error: unknown): ZafError {
  if (isRecord(error) && typeof error.message === "string") {
    const path = typeof error.path === "string" ? error.path : undefined;
    const message = path ? `"${path}" ${error.message}` : error.message;
    return new ZafError("HOST_ERROR", message, {
      hostName: typeof error.name === "string" ? error.name : undefined,
      path,
    });
  }
  // String() of an object from a message can throw (a "toString" that is not a function), which
  // would escape the message listener and leave the request waiting forever.
  const text = typeof error === "object" && error !== null ? "(no message)" : String(error);
  return new ZafError("HOST_ERROR", `Zendesk answered with an error: ${text}`);
}

/** Reads the reason a save-hook handler gave for stopping the save, or `undefined` to go on. */
async function hookRefusal(handler: ZafHandler, data: unknown): Promise<string | undefined> {
  try {
    const result = await handler(data);
    if (result === false) return "The app stopped this update.";
    if (typeof result === "string") return result;
    if (result instanceof Error) return result.message;
    return undefined;
  } catch (error) {
    if (typeof error === "string") return error;
    if (error instanceof Error) return error.message;
    return "The app stopped this update.";
  }
}

/**
 * The ZAF client: one per app iframe. It sends the handshake at once, queues every other message
 * until the host's `app.registered`, and accepts a message only when its origin is the bootstrap
 * origin and its source is the parent frame.
 */
export class ZafClient {
  /** Origin of the host; every post goes there and only its messages are read. */
  readonly origin: string;
  /** The app's guid. */
  readonly appGuid: string;
  /** This instance's guid. */
  readonly instanceGuid: string;
  /** Milliseconds a request may take. */
  readonly timeout: number;

  #window: ZafWindow;
  #source: ZafMessageTarget;
  #registered = false;
  #destroyed = false;
  #queue: string[] = [];
  #nextId = 0;
  #nextRequestId = 0;
  #pending = new Map<number, Pending>();
  #handlers = new Map<string, ZafHandler[]>();
  #metadata: ZafMetadata | undefined;
  #context: ZafContext | undefined;
  #waitingForRegistration: { resolve(): void; reject(error: Error): void }[] = [];
  #registrationTimer: ReturnType<typeof setTimeout> | undefined;
  #registrationTimedOut = false;
  #listener = (event: ZafMessageEvent) => this.#receive(event);

  /**
   * Starts the client: listens for messages and posts the handshake.
   *
   * @throws {ZafError} `ORIGIN_NOT_ALLOWED` when `origin` is not an allowed origin.
   * @throws {RangeError} when `timeout` is not a positive number.
   */
  constructor(options: ZafClientOptions) {
    const {
      origin,
      appGuid,
      window = globalThis as unknown as ZafWindow,
      instanceGuid = appGuid,
      timeout = DEFAULT_TIMEOUT,
      extraOrigins = [],
    } = options;
    if (!(timeout > 0)) {
      throw new RangeError(`timeout must be a positive number: current value is ${timeout}`);
    }
    if (!isAllowedOrigin(origin, extraOrigins)) {
      throw new ZafError(
        "ORIGIN_NOT_ALLOWED",
        `This app talks only to Zendesk; it refuses the host ${JSON.stringify(origin)}.`,
      );
    }
    this.origin = origin;
    this.appGuid = appGuid;
    this.instanceGuid = instanceGuid;
    this.timeout = timeout;
    this.#window = window;
    this.#source = window.parent;
    window.addEventListener("message", this.#listener);
    this.#registrationTimer = setTimeout(() => this.#handshakeTimedOut(), timeout);
    this.postMessage("iframe.handshake", { version: ZAF_VERSION });
  }

  /** Whether the host has answered the handshake. */
  get registered(): boolean {
    return this.#registered;
  }

  // --- outgoing ------------------------------------------------------------------------------

  #post(text: string, force = false): void {
    if (this.#destroyed) return;
    if (this.#registered || force) this.#source.postMessage(text, this.origin);
    else this.#queue.push(text);
  }

  /**
   * Sends a raw event `key` with `message` to the host (queued until registration, except the
   * handshake).
   */
  postMessage(key: string, message?: unknown): void {
    const text = JSON.stringify({
      key,
      message,
      appGuid: this.appGuid,
      instanceGuid: this.instanceGuid,
    });
    this.#post(text, key === "iframe.handshake");
  }

  #call(request: "get" | "set" | "invoke", params: unknown): Promise<unknown> {
    if (this.#destroyed) {
      return Promise.reject(new ZafError("DESTROYED", "The Zendesk connection was closed."));
    }
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(
          new ZafError(
            "TIMEOUT",
            `Zendesk did not answer the ${request} request in ${this.timeout / 1000} s.`,
          ),
        );
      }, this.timeout);
      this.#pending.set(id, { resolve, reject, timer });
      this.#post(JSON.stringify({
        id,
        request,
        params,
        appGuid: this.appGuid,
        instanceGuid: this.instanceGuid,
      }));
    });
  }

  /**
   * Reads one path (`get("ticket.requester")`) or several (`get(["ticket.id", "currentUser"])`).
   * A single-path call rejects when the host reports an error for that path; a bulk call resolves
   * and leaves per-path errors in `errors`.
   *
   * @throws {ZafError} `HOST_ERROR`, `TIMEOUT`, `DESTROYED`, or `BAD_ARGUMENT` for a non-string path.
   */
  async get<P extends string>(path: P | readonly P[]): Promise<ZafGetResult<P>> {
    const paths: readonly unknown[] = Array.isArray(path) ? path : [path];
    if (paths.length === 0 || paths.some((item) => typeof item !== "string")) {
      throw new ZafError("BAD_ARGUMENT", "get accepts a path or an array of paths.");
    }
    const result = await this.#call("get", paths);
    const answer = (isRecord(result) ? result : {}) as ZafGetResult<P>;
    if (!isRecord(answer.errors)) answer.errors = {};
    if (typeof path === "string" && answer.errors[path]) throw hostError(answer.errors[path]);
    return answer;
  }

  /**
   * Reads one path and returns its value.
   *
   * @throws {ZafError} as {@linkcode ZafClient.get}.
   */
  async getValue<P extends string>(path: P): Promise<ZafPathValue<P>> {
    const result = await this.get(path);
    return (result as Record<string, unknown>)[path] as ZafPathValue<P>;
  }

  /**
   * Writes one path (`set("ticket.subject", "x")`) or several (`set({…})`).
   *
   * @throws {ZafError} `HOST_ERROR` (for a single path), `TIMEOUT`, `DESTROYED`, `BAD_ARGUMENT`.
   */
  async set(
    pathOrValues: string | Record<string, unknown>,
    value?: unknown,
  ): Promise<Record<string, unknown>> {
    let values: Record<string, unknown>;
    if (typeof pathOrValues === "string") {
      if (arguments.length < 2) throw new ZafError("BAD_ARGUMENT", "set needs a value.");
      values = { [pathOrValues]: value };
    } else if (isRecord(pathOrValues)) {
      values = pathOrValues;
    } else {
      throw new ZafError("BAD_ARGUMENT", "set accepts a path and a value, or an object.");
    }
    const result = await this.#call("set", values);
    const answer = isRecord(result) ? result : {};
    const errors = isRecord(answer.errors) ? answer.errors : {};
    if (typeof pathOrValues === "string" && errors[pathOrValues]) {
      throw hostError(errors[pathOrValues]);
    }
    return answer;
  }

  /**
   * Calls an action of the host: `invoke("ticket.comment.appendText", "text")`,
   * `invoke("resize", { height: "240px" })`.
   *
   * @throws {ZafError} `HOST_ERROR`, `TIMEOUT`, `DESTROYED`, or `BAD_ARGUMENT`.
   */
  async invoke(action: string, ...args: unknown[]): Promise<unknown> {
    if (typeof action !== "string") {
      throw new ZafError("BAD_ARGUMENT", "invoke accepts an action name and its arguments.");
    }
    const result = await this.#call("invoke", { [action]: args });
    const errors = isRecord(result) && isRecord(result.errors) ? result.errors : {};
    if (errors[action]) throw hostError(errors[action]);
    return result;
  }

  /**
   * Adds a handler for an event (`ticket.updated`, `app.activated`, a save hook `ticket.save`, …)
   * and tells the host how many handlers the event now has.
   */
  on(event: string, handler: ZafHandler): void {
    const list = this.#handlers.get(event) ?? [];
    list.push(handler);
    this.#handlers.set(event, list);
    // The host binds an event on its first subscriber and unbinds on zero; it needs the count.
    if (event !== "app.registered") {
      this.postMessage(`iframe.on:${event}`, { subscriberCount: list.length });
    }
  }

  /** Removes a handler added with {@linkcode ZafClient.on}; returns whether it was there. */
  off(event: string, handler: ZafHandler): boolean {
    const list = this.#handlers.get(event);
    if (!list) return false;
    const index = list.indexOf(handler);
    if (index === -1) return false;
    list.splice(index, 1);
    if (event !== "app.registered") {
      this.postMessage(`iframe.off:${event}`, { subscriberCount: list.length });
    }
    return true;
  }

  /** Whether `handler` is attached to `event`. */
  has(event: string, handler: ZafHandler): boolean {
    return this.#handlers.get(event)?.includes(handler) ?? false;
  }

  /** Triggers a custom event on the host (`iframe.trigger:<name>`). */
  trigger(name: string, data?: unknown): void {
    this.postMessage(`iframe.trigger:${name}`, data);
  }

  /**
   * Sends an HTTP request through Zendesk (its proxy, or CORS with `cors: true`) and resolves with
   * the response body.
   *
   * @throws {ZafError} `REQUEST_FAILED` (with `status` and `responseText`), `TIMEOUT`, `DESTROYED`.
   */
  request(options: string | ZafRequestOptions): Promise<unknown> {
    const settings = typeof options === "string" ? { url: options } : options;
    if (this.#destroyed) {
      return Promise.reject(new ZafError("DESTROYED", "The Zendesk connection was closed."));
    }
    const key = `request:${++this.#nextRequestId}`;
    return new Promise((resolve, reject) => {
      const cleanUp = () => {
        clearTimeout(timer);
        this.off(`${key}.done`, done);
        this.off(`${key}.fail`, fail);
      };
      const done: ZafHandler = (event) => {
        cleanUp();
        const args = isRecord(event) && Array.isArray(event.responseArgs) ? event.responseArgs : [];
        resolve(args[0]);
      };
      const fail: ZafHandler = (event) => {
        cleanUp();
        const args = isRecord(event) && Array.isArray(event.responseArgs) ? event.responseArgs : [];
        const response = isRecord(args[0]) ? args[0] : {};
        const status = typeof response.status === "number" ? response.status : undefined;
        const responseText = typeof response.responseText === "string"
          ? response.responseText
          : undefined;
        reject(
          new ZafError(
            "REQUEST_FAILED",
            `The request to ${settings.url} failed${status ? ` with HTTP ${status}` : ""}.`,
            { status, responseText },
          ),
        );
      };
      const timer = setTimeout(() => {
        cleanUp();
        reject(
          new ZafError(
            "TIMEOUT",
            `Zendesk did not answer the request to ${settings.url} in ${this.timeout / 1000} s.`,
          ),
        );
      }, this.timeout);
      this.on(`${key}.done`, done);
      this.on(`${key}.fail`, fail);
      this.postMessage(key, settings);
    });
  }

  #waitForRegistration(): Promise<void> {
    if (this.#registered) return Promise.resolve();
    if (this.#destroyed) {
      return Promise.reject(new ZafError("DESTROYED", "The Zendesk connection was closed."));
    }
    if (this.#registrationTimedOut) return Promise.reject(this.#handshakeTimeout());
    return new Promise((resolve, reject) => this.#waitingForRegistration.push({ resolve, reject }));
  }

  /**
   * The installation's metadata, including `settings` (its parameters), once registered.
   *
   * @throws {ZafError} `TIMEOUT` when Zendesk never answers the handshake.
   */
  async metadata(): Promise<ZafMetadata> {
    await this.#waitForRegistration();
    return this.#metadata as ZafMetadata;
  }

  /**
   * Where the app runs (account, location, ticket id), once registered; kept up to date by the
   * host's `context.updated` event.
   *
   * @throws {ZafError} `TIMEOUT` when Zendesk never answers the handshake.
   */
  async context(): Promise<ZafContext> {
    await this.#waitForRegistration();
    return this.#context as ZafContext;
  }

  /** Stops listening and fails every waiting request with `DESTROYED`. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    clearTimeout(this.#registrationTimer);
    this.#window.removeEventListener("message", this.#listener);
    const error = new ZafError("DESTROYED", "The Zendesk connection was closed.");
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pending.clear();
    for (const waiting of this.#waitingForRegistration.splice(0)) waiting.reject(error);
    this.#queue = [];
  }

  // --- incoming ------------------------------------------------------------------------------

  #handshakeTimeout(): ZafError {
    return new ZafError(
      "TIMEOUT",
      `Zendesk did not answer the app's handshake in ${this.timeout / 1000} s.`,
    );
  }

  #handshakeTimedOut(): void {
    if (this.#registered) return;
    this.#registrationTimedOut = true;
    const error = this.#handshakeTimeout();
    for (const waiting of this.#waitingForRegistration.splice(0)) waiting.reject(error);
  }

  #receive(event: ZafMessageEvent): void {
    // Only the Zendesk frame that opened us may talk to us; everything else is ignored silently.
    if (event.origin !== this.origin || event.source !== this.#source) return;
    let data = event.data;
    if (typeof data === "string") {
      try {
        data = JSON.parse(data);
      } catch {
        return;
      }
    }
    if (!isRecord(data)) return;
    if (typeof data.instanceGuid === "string" && data.instanceGuid !== this.instanceGuid) return;

    if (typeof data.id === "number" && this.#pending.has(data.id)) {
      const pending = this.#pending.get(data.id) as Pending;
      this.#pending.delete(data.id);
      clearTimeout(pending.timer);
      if (data.error !== undefined && data.error !== null) pending.reject(hostError(data.error));
      else pending.resolve(data.result);
      return;
    }
    if (typeof data.key !== "string" || !data.key.startsWith("zaf.")) return;
    const name = data.key.slice("zaf.".length);
    if (data.needsReply) {
      void this.#reply(name, data.message);
      return;
    }
    if (name === "app.registered") this.#register(data.message);
    if (name === "context.updated" && isRecord(data.message)) {
      this.#context = data.message as unknown as ZafContext;
    }
    this.#dispatch(name, data.message);
  }

  #register(message: unknown): void {
    const body = isRecord(message) ? message : {};
    const metadata = isRecord(body.metadata) ? body.metadata : {};
    this.#metadata = {
      ...metadata,
      settings: isRecord(metadata.settings) ? metadata.settings : {},
    } as ZafMetadata;
    this.#context = (isRecord(body.context) ? body.context : {}) as unknown as ZafContext;
    if (this.#registered) return;
    this.#registered = true;
    clearTimeout(this.#registrationTimer);
    for (const text of this.#queue.splice(0)) this.#source.postMessage(text, this.origin);
    for (const waiting of this.#waitingForRegistration.splice(0)) waiting.resolve();
  }

  #dispatch(name: string, message: unknown): void {
    for (const handler of [...(this.#handlers.get(name) ?? [])]) {
      try {
        const result = handler(message);
        if (result instanceof Promise) result.catch(() => {});
      } catch {
        // One failing handler must not keep the others from running.
      }
    }
  }

  async #reply(name: string, message: unknown): Promise<void> {
    const handlers = [...(this.#handlers.get(name) ?? [])];
    const refusals = await Promise.all(handlers.map((handler) => hookRefusal(handler, message)));
    const refusal = refusals.find((reason) => reason !== undefined);
    const reply: { appGuid: string; key: string; error?: { msg: string } } = {
      appGuid: this.appGuid,
      key: `iframe.reply:${name}`,
    };
    if (refusal !== undefined) reply.error = { msg: refusal };
    // Replies are posted as an object, not a JSON string, as the SDK does.
    if (!this.#destroyed) this.#source.postMessage(reply, this.origin);
  }
}

/** Options of {@linkcode initZaf}. */
export interface InitZafOptions {
  /** The window the app runs in (with `location`). @default {globalThis} */
  window?: ZafWindow & { location: { search: string; hash: string } };
  /** Milliseconds a request may take. @default {DEFAULT_TIMEOUT} */
  timeout?: number;
  /** Origins allowed besides Zendesk's and localhost, compared exactly. */
  extraOrigins?: readonly string[];
}

/**
 * Starts the ZAF client from the page's own URL (`origin` and `app_guid`).
 *
 * @throws {ZafError} `NOT_IN_ZENDESK` when the URL lacks them, `ORIGIN_NOT_ALLOWED` when the
 * origin is not allowed.
 */
export function initZaf(options: InitZafOptions = {}): ZafClient {
  const {
    window = globalThis as unknown as ZafWindow & { location: { search: string; hash: string } },
    timeout,
    extraOrigins,
  } = options;
  const { origin, appGuid } = parseBootstrap(window.location);
  return new ZafClient({ origin, appGuid, window, timeout, extraOrigins });
}
