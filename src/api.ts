/**
 * A typed client for the SendSafely REST API v2.0 (spec/sendsafely-api.md, sections 1, 2 and 7).
 *
 * Browser-compatible: uses only `fetch`, WebCrypto (`crypto.subtle`) and `AbortSignal`, so it runs
 * in Chromium bundles and in Deno alike.
 *
 * Three modes, chosen by the credentials:
 * - **signed** (`{ apiKey, apiSecret }`): `/api/v2.0`, every JSON call carries `ss-api-key`,
 *   `ss-request-timestamp` and an HMAC-SHA256 `ss-request-signature` (spec 1.4);
 * - **dropzone** (`{ dropzoneId }`): `/drop-zone/v2.0`, `ss-api-key: <dropzoneId>`, no signature
 *   (spec 5.1);
 * - **session** (`{ session: true }`): `/api/v2.0` with no key at all; the browser sends its
 *   cookie (`credentials: "include"`), for pages served by a Padlock server to a signed-in person.
 *
 * The client only moves bytes and JSON: it never sees a keyCode, and it never logs.
 *
 * @example
 * ```ts
 * import { SendSafelyClient } from "./api.ts";
 * const client = new SendSafelyClient({
 *   host: "https://acme.sendsafely.com",
 *   credentials: { apiKey: "key", apiSecret: "secret" },
 * });
 * const email = await client.verifyCredentials();
 * ```
 *
 * @module
 */

/** How the client authenticates; see the module documentation for the three modes. */
export type Credentials =
  | { apiKey: string; apiSecret: string }
  | { dropzoneId: string }
  | { session: true };

/** Options of {@linkcode SendSafelyClient}. */
export interface ClientOptions {
  /** Scheme, host and optional port of the SendSafely service, e.g. `https://acme.sendsafely.com`. */
  host: string;
  /** API key and secret, a Dropzone id, or a browser session. */
  credentials: Credentials;
  /**
   * Time limit of each JSON call, in milliseconds.
   * @default {25000}
   */
  timeout?: number;
  /**
   * Time limit of each part transfer (`putPart`, `proxyUpload`, `getPart`), in milliseconds.
   * Longer than `timeout` because a 2.5 MiB part on a slow line takes a while.
   * @default {120000}
   */
  partTimeout?: number;
  /**
   * The `fetch` to use (tests inject one that records requests).
   * @default {globalThis.fetch}
   */
  fetch?: typeof fetch;
  /**
   * Value of the `ss-request-api` header, also sent as `uploadType`.
   * @default {"JS_API"}
   */
  requestApi?: string;
  /**
   * Clock used for `ss-request-timestamp` (injectable so the signature can be tested).
   * @default {() => new Date()}
   */
  now?: () => Date;
}

/** Per-call options accepted by every method that can be cancelled. */
export interface CallOptions {
  /** Cancels the call; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Every JSON answer of the service: `response` is `"SUCCESS"` or an error code. */
export interface Envelope {
  /** `"SUCCESS"` or an error code such as `LIMIT_EXCEEDED`. */
  response: string;
  /** The result of many calls (a fileId, a link, an email) or the error's explanation. */
  message?: string;
  /** Call-specific fields. */
  [field: string]: unknown;
}

/** One file of a package, as package information reports it. */
export interface FileInfo {
  /** The file's identifier within its package. */
  fileId: string;
  /** The file name as the server reports it. Untrusted text: never put it into `innerHTML`. */
  fileName: string;
  /** Plaintext size in bytes. */
  fileSize: number;
  /** Number of encrypted parts (at least 1). */
  parts: number;
  /** Who uploaded it. */
  createdByEmail?: string;
  /** When it was uploaded, as the server formats it. */
  uploaded?: string;
}

/** Package information (`GET /package/{packageIdOrCode}/`, spec 2.2). */
export interface PackageInfo {
  /** The package's identifier (the `thread` of its link). */
  packageId: string;
  /** The package's public code (the `packageCode` of its link; the checksum's salt). */
  packageCode: string;
  /** The server's half of the passphrase. */
  serverSecret: string;
  /** The root directory (workspaces). */
  rootDirectoryId?: string;
  /** The files whose upload is complete. */
  files: FileInfo[];
  /** The named recipients, as the server describes them. */
  recipients: unknown[];
  /** The package's state, as the server names it. */
  state?: string;
  /** Days the package lives (0 = forever). */
  life?: number;
  /** The package's label. */
  label?: string;
  /** True while an approver must release the package. */
  needsApproval?: boolean;
  /** True when the package is archived. */
  isArchived?: boolean;
  /** When the package expires (ISO 8601); absent or empty when it never does. */
  expiration?: string;
  /** Padlock only: the caller may extend or delete the package (its sender, a dropzone agent). */
  padlockManage?: boolean;
}

/** One entry of a package's activity ({@linkcode SendSafelyClient.getActivity}). */
export interface ActivityEvent {
  /** Whether the package was opened or a file downloaded. */
  kind: "opened" | "downloaded";
  /** The file downloaded. */
  fileId?: string;
  /** The verified email or agent account; `""` for someone holding an open link. */
  actor: string;
  /** When (ISO 8601). */
  timestamp: string;
}

/** A new package, before the keyCode is generated (`PUT /package/`, spec 2.2). */
export interface CreatedPackage {
  /** The package's identifier. */
  packageId: string;
  /** The package's public code. */
  packageCode: string;
  /** The server's half of the passphrase. */
  serverSecret: string;
}

/** The signed-in user (`GET /user/`, spec 2.1). */
export interface UserInfo extends Envelope {
  /** The user's email. */
  email?: string;
  /** Given name. */
  firstName?: string;
  /** Family name. */
  lastName?: string;
  /** The user's identifier. */
  id?: string;
  /** Default life of the user's packages, in days. */
  packageLife?: number;
}

/** Settings of the user's organisation (`GET /enterprise/`, spec 2.1). */
export interface EnterpriseInfo extends Envelope {
  /** The organisation's SendSafely host. */
  host?: string;
  /** The name the organisation gives the service. */
  systemName?: string;
  /** Whether packages without named recipients are allowed. */
  allowUndisclosedRecipients?: boolean;
  /** Whether package messages are encrypted. */
  messageEncryption?: boolean;
}

/** One recipient as `PUT /package/{p}/recipients/` reports it (spec 2.3). */
export interface RecipientInfo {
  /** The recipient's identifier within the package. */
  recipientId?: string;
  /** The recipient's email. */
  email?: string;
  /** Per-recipient result: `"SUCCESS"` or an error code. */
  response?: string;
  /** Explanation of an error `response`. */
  message?: string;
  /** True when sending to this recipient needs an approver. */
  approvalRequired?: boolean;
  /** True when the keyCode must be escrowed to the recipient's public keys. */
  checkForPublicKeys?: boolean;
  /** Other fields (`phonenumbers`, `roleName`, …). */
  [field: string]: unknown;
}

/** Result of {@linkcode SendSafelyClient.addRecipients}. */
export interface AddRecipientsResult {
  /** Each recipient added, with its own `response`. */
  recipients: RecipientInfo[];
  /** True when the package needs an approver. */
  approvalRequired: boolean;
  /** Who may approve. */
  approvers: unknown[];
}

/** A pre-signed part URL (`uploadUrls` / `downloadUrls`). */
export interface PartUrl {
  /** The part number, 1-based. */
  part: number;
  /** Absolute URL that accepts an unauthenticated PUT or GET of that part. */
  url: string;
}

/** A public key the keyCode must be escrowed to (spec 2.6). */
export interface PublicKey {
  /** The key's identifier (`publicKeyId`). */
  id: string;
  /** ASCII-armored OpenPGP public key. */
  key: string;
}

/** Body of `POST /package/{p}/finalize/` (spec 2.7). */
export interface FinalizeOptions {
  /** The 64-hex package checksum (`checksum()` in keys.ts). */
  checksum: string;
  /** True for a package without named recipients (anyone with the link may open it). */
  undisclosedRecipients: boolean;
  /** True to let the service email the recipients the link. */
  notifyRecipients: boolean;
  /** Only for undisclosed packages. */
  password?: string;
  /** The submitter's email, for Dropzone packages (spec 5.3). */
  unconfirmedSender?: string;
}

/** Result of {@linkcode SendSafelyClient.finalize}. */
export interface FinalizeResult {
  /** The Secure Link without its `#keyCode=` fragment. */
  link: string;
  /** The recipients, as the server describes them. */
  recipients: unknown[];
  /** Who may approve the package. */
  approvers: unknown[];
  /** True when the server answered `PACKAGE_NEEDS_APPROVAL`: the link exists but approvers must act. */
  needsApproval: boolean;
}

/**
 * A failed call. `code` is the server's `response` value (e.g. `LIMIT_EXCEEDED`) or one of
 * `NETWORK_ERROR` (the service could not be reached), `TIMEOUT`, `HTTP_ERROR` (a non-2xx status,
 * in `status`) and `BAD_RESPONSE` (not a JSON envelope). Never carries credentials.
 */
export class ApiError extends Error {
  /** The server's `response` code or one of the codes the client synthesises. */
  code: string;
  /** The HTTP status, when there was a response. */
  status?: number;
  /** Seconds the service asked to wait (`Retry-After` of a 429 or 507 refusal). */
  retryAfter?: number;

  /**
   * Creates the error.
   *
   * @param code the server's `response` code, or `NETWORK_ERROR` / `TIMEOUT` / `HTTP_ERROR` /
   *   `BAD_RESPONSE`.
   * @param message a sentence a person can read.
   * @param options the HTTP status and the underlying cause.
   */
  constructor(
    code: string,
    message: string,
    options?: { status?: number; cause?: unknown; retryAfter?: number },
  ) {
    super(message, { cause: options?.cause });
    this.name = "ApiError";
    this.code = code;
    this.status = options?.status;
    if (options?.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }
}

/**
 * The service's refusal over an abuse limit (HTTP 429 or 507 with `Retry-After` and an envelope
 * `RATE_LIMITED` / `STORAGE_FULL`) as an {@linkcode ApiError} of that code, which is not retried;
 * undefined for any other answer.
 */
export function limitRefusal(response: Response, text: string): ApiError | undefined {
  if (response.status !== 429 && response.status !== 507) return undefined;
  let envelope: { response?: unknown; message?: unknown };
  try {
    envelope = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (envelope?.response !== "RATE_LIMITED" && envelope?.response !== "STORAGE_FULL") {
    return undefined;
  }
  const seconds = Number(response.headers.get("retry-after"));
  return new ApiError(
    envelope.response,
    typeof envelope.message === "string" ? envelope.message : `HTTP ${response.status}`,
    {
      status: response.status,
      retryAfter: Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined,
    },
  );
}

/** The request API value sent in `ss-request-api` and `uploadType` unless configured. */
export const DEFAULT_REQUEST_API = "JS_API";

const encoder = new TextEncoder();

/** `yyyy-MM-ddTHH:mm:ss+0000` in UTC, as spec 1.4 requires (not `Z`, no milliseconds). */
export function formatTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19) + "+0000";
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function segment(value: string, what: string): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${what} must be a non-empty string: current value is ${String(value)}`);
  }
  return encodeURIComponent(value);
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${what} must be a positive integer: current value is ${value}`);
  }
  return value;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException &&
    (error.name === "AbortError" || error.name === "TimeoutError");
}

/**
 * A client for the SendSafely API v2.0 in signed, Dropzone or session mode.
 *
 * @example
 * ```ts
 * import { SendSafelyClient } from "./api.ts";
 * const client = new SendSafelyClient({ host: "https://acme.sendsafely.com", credentials: { dropzoneId: "dz" } });
 * const { packageId } = await client.createPackage();
 * ```
 */
export class SendSafelyClient {
  /** Scheme, host and port of the service, without a trailing slash. */
  readonly host: string;
  /** Which authentication the client uses. */
  readonly mode: "signed" | "dropzone" | "session";
  /** The `ss-request-api` value, also sent as `uploadType`. */
  readonly requestApi: string;
  /** `/api/v2.0` or `/drop-zone/v2.0`. */
  readonly prefix: string;

  readonly #apiKey: string | undefined;
  #secret: string | undefined;
  #signingKey: Promise<CryptoKey> | undefined;
  readonly #timeout: number;
  readonly #partTimeout: number;
  readonly #fetch: typeof fetch;
  readonly #now: () => Date;

  /**
   * Creates a client; nothing is sent until a call is made.
   *
   * @throws {TypeError} when the host is not an http(s) URL or the credentials are incomplete.
   * @throws {RangeError} when a timeout is not a positive integer.
   */
  constructor(options: ClientOptions) {
    const {
      host,
      credentials,
      timeout = 25_000,
      partTimeout = 120_000,
      fetch: fetchFunction,
      requestApi = DEFAULT_REQUEST_API,
      now = () => new Date(),
    } = options;
    let url: URL;
    try {
      url = new URL(host);
    } catch (cause) {
      throw new TypeError(`host must be an http(s) URL: current value is ${host}`, { cause });
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new TypeError(`host must be an http(s) URL: current value is ${host}`);
    }
    this.host = host.replace(/\/+$/, "");
    this.#timeout = positiveInteger(timeout, "timeout");
    this.#partTimeout = positiveInteger(partTimeout, "partTimeout");
    // Calling the global fetch as a method of another object throws "Illegal invocation" in
    // browsers, so wrap it instead of storing the bare function.
    this.#fetch = fetchFunction ?? ((input, init) => globalThis.fetch(input, init));
    this.#now = now;
    this.requestApi = requestApi;
    if ("apiKey" in credentials) {
      if (!credentials.apiKey || !credentials.apiSecret) {
        throw new TypeError("credentials need both apiKey and apiSecret");
      }
      this.mode = "signed";
      this.prefix = "/api/v2.0";
      this.#apiKey = credentials.apiKey;
      this.#secret = credentials.apiSecret;
    } else if ("dropzoneId" in credentials) {
      if (!credentials.dropzoneId) throw new TypeError("credentials need a dropzoneId");
      this.mode = "dropzone";
      this.prefix = "/drop-zone/v2.0";
      this.#apiKey = credentials.dropzoneId;
    } else if (credentials.session === true) {
      this.mode = "session";
      this.prefix = "/api/v2.0";
    } else {
      throw new TypeError("credentials must hold apiKey and apiSecret, a dropzoneId or session");
    }
  }

  /**
   * Signs `apiKey + path + timestamp + body` with the API secret (spec 1.4).
   *
   * @param path the full path with prefix; anything from `?` on is not signed.
   * @returns the lowercase hex HMAC-SHA256.
   * @throws {TypeError} when the client is not in signed mode.
   */
  async sign(path: string, timestamp: string, body = ""): Promise<string> {
    if (this.mode !== "signed" || this.#apiKey === undefined) {
      throw new TypeError("only a client with an API key and secret signs requests");
    }
    if (this.#signingKey === undefined) {
      const secret = encoder.encode(this.#secret);
      // The secret lives on only inside a non-extractable CryptoKey.
      this.#secret = undefined;
      this.#signingKey = crypto.subtle.importKey(
        "raw",
        secret,
        { name: "HMAC", hash: "SHA-256" },
        false,
        ["sign"],
      );
    }
    const pathWithoutQuery = path.split("?", 1)[0];
    const message = this.#apiKey + pathWithoutQuery + timestamp + body;
    const mac = await crypto.subtle.sign("HMAC", await this.#signingKey, encoder.encode(message));
    return toHex(mac);
  }

  /** The `ss-*` headers of a JSON or proxy call; `signedBody` is the exact string signed. */
  async #authHeaders(path: string, signedBody: string | undefined): Promise<Headers> {
    const headers = new Headers();
    if (this.#apiKey !== undefined) headers.set("ss-api-key", this.#apiKey);
    if (this.mode === "signed") {
      const timestamp = formatTimestamp(this.#now());
      headers.set("ss-request-timestamp", timestamp);
      headers.set("ss-request-signature", await this.sign(path, timestamp, signedBody));
    }
    headers.set("ss-request-api", this.requestApi);
    return headers;
  }

  /**
   * Runs `fetch` under a time limit combined with the caller's signal, mapping failures to
   * {@linkcode ApiError} (the caller's abort is passed through unchanged).
   */
  async #send<T>(
    url: string,
    init: RequestInit,
    timeout: number,
    signal: AbortSignal | undefined,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    signal?.throwIfAborted();
    const timer = AbortSignal.timeout(timeout);
    const combined = signal ? AbortSignal.any([signal, timer]) : timer;
    try {
      const response = await this.#fetch(url, { ...init, signal: combined });
      return await read(response);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof ApiError) throw error;
      // Name the server by its origin only: a pre-signed URL's query is a credential.
      const where = originOf(url) ?? this.host;
      if (timer.aborted || isAbort(error)) {
        throw new ApiError("TIMEOUT", `No answer from ${where} within ${timeout / 1000} s`, {
          cause: error,
        });
      }
      throw new ApiError("NETWORK_ERROR", `Could not reach ${where}`, { cause: error });
    }
  }

  /** Reads a JSON envelope, checking status and shape but not `response`. */
  #readEnvelope = async (response: Response): Promise<Envelope> => {
    const text = await response.text();
    if (!response.ok) {
      throw limitRefusal(response, text) ?? new ApiError(
        "HTTP_ERROR",
        `${this.host} answered HTTP ${response.status}`,
        { status: response.status },
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new ApiError("BAD_RESPONSE", `${this.host} did not answer with JSON`, {
        status: response.status,
        cause,
      });
    }
    if (
      typeof value !== "object" || value === null || Array.isArray(value) ||
      typeof (value as Envelope).response !== "string"
    ) {
      throw new ApiError("BAD_RESPONSE", `${this.host} answered without a response code`, {
        status: response.status,
      });
    }
    return value as Envelope;
  };

  /** Sends a JSON call and returns the envelope whatever its `response` code. */
  async #call(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<Envelope> {
    const fullPath = this.prefix + path;
    // The very string that is signed is the one sent (spec 1.4).
    const bodyString = body === undefined || body === null ? undefined : JSON.stringify(body);
    const headers = await this.#authHeaders(fullPath, bodyString);
    headers.set("Content-Type", "application/json");
    const init: RequestInit = { method, headers, body: bodyString };
    if (this.mode === "session") init.credentials = "include";
    return await this.#send(this.host + fullPath, init, this.#timeout, signal, this.#readEnvelope);
  }

  /**
   * Sends a JSON call (signed, Dropzone or session per the credentials) and checks the envelope.
   *
   * @param method HTTP method, e.g. `"GET"`.
   * @param path endpoint path after the prefix, starting with `/`, e.g. `/package/`.
   * @param body the JSON body; sent as `JSON.stringify(body)`; omitted when `undefined`.
   * @returns the envelope, whose `response` is `"SUCCESS"`.
   * @throws {ApiError} when the call fails or `response` is not `"SUCCESS"`.
   */
  async request<T extends Envelope = Envelope>(
    method: string,
    path: string,
    body?: unknown,
    options: CallOptions = {},
  ): Promise<T> {
    if (!path.startsWith("/")) {
      throw new TypeError(`path must start with "/": current value is ${path}`);
    }
    const envelope = await this.#call(method, path, body, options.signal);
    if (envelope.response !== "SUCCESS") throw envelopeError(envelope);
    return envelope as T;
  }

  /**
   * Checks the credentials (`GET /config/verify-credentials/`).
   *
   * @returns the email of the user the API key belongs to.
   * @throws {ApiError} when the credentials are refused or the call fails.
   */
  async verifyCredentials(options?: CallOptions): Promise<string> {
    const envelope = await this.request("GET", "/config/verify-credentials/", undefined, options);
    return String(envelope.message ?? "");
  }

  /**
   * Reads the signed-in user (`GET /user/`).
   *
   * @throws {ApiError} when the call fails.
   */
  getUser(options?: CallOptions): Promise<UserInfo> {
    return this.request<UserInfo>("GET", "/user/", undefined, options);
  }

  /**
   * Reads the organisation's settings (`GET /enterprise/`).
   *
   * @throws {ApiError} when the call fails.
   */
  getEnterprise(options?: CallOptions): Promise<EnterpriseInfo> {
    return this.request<EnterpriseInfo>("GET", "/enterprise/", undefined, options);
  }

  /**
   * Creates an empty package (`PUT /package/` with `{"vdr":false}`). The keyCode is the caller's
   * to generate (`createPackage` in upload.ts does both).
   *
   * @throws {ApiError} when the call fails or the answer lacks an identifier.
   */
  async createPackage(options?: CallOptions): Promise<CreatedPackage> {
    const envelope = await this.request("PUT", "/package/", { vdr: false }, options);
    return {
      packageId: requireString(envelope, "packageId"),
      packageCode: requireString(envelope, "packageCode"),
      serverSecret: requireString(envelope, "serverSecret"),
    };
  }

  /**
   * Reads a package by packageId or by the packageCode of a link (`GET /package/{idOrCode}/`).
   *
   * @throws {ApiError} when the call fails or the answer lacks an identifier.
   */
  async getPackage(idOrCode: string, options?: CallOptions): Promise<PackageInfo> {
    const path = `/package/${segment(idOrCode, "package id")}/`;
    return toPackageInfo(await this.request("GET", path, undefined, options));
  }

  /**
   * Changes a package's settings (`POST /package/{packageId}/`), e.g. `{ life: 15 }` days
   * (0 = never expires).
   *
   * @throws {RangeError} when `life` is not an integer from 0 to 365.
   * @throws {ApiError} when the call fails.
   */
  async updatePackage(packageId: string, update: { life: number }, options?: CallOptions) {
    if (!Number.isInteger(update.life) || update.life < 0 || update.life > 365) {
      throw new RangeError(
        `life must be an integer from 0 to 365: current value is ${update.life}`,
      );
    }
    const path = `/package/${segment(packageId, "packageId")}/`;
    await this.request("POST", path, { life: update.life }, options);
  }

  /**
   * Deletes a package permanently (`DELETE /package/{packageId}/`).
   *
   * @throws {ApiError} when the call fails.
   */
  async deletePackage(packageId: string, options?: CallOptions): Promise<void> {
    await this.request(
      "DELETE",
      `/package/${segment(packageId, "packageId")}/`,
      undefined,
      options,
    );
  }

  /**
   * Who opened the package and downloaded which file, newest first (Padlock's own
   * `GET /package/{packageId}/activity/`; for the package's sender or an agent of its dropzone).
   *
   * @throws {ApiError} when the call fails (`PERMISSION_DENIED` for other callers; a SendSafely
   *   host has no such call).
   */
  async getActivity(packageId: string, options?: CallOptions): Promise<ActivityEvent[]> {
    const envelope = await this.request(
      "GET",
      `/package/${segment(packageId, "packageId")}/activity/`,
      undefined,
      options,
    );
    const list = Array.isArray(envelope.activity) ? envelope.activity : [];
    return list.filter((item): item is Record<string, unknown> =>
      typeof item === "object" && item !== null
    ).map((item) => ({
      kind: item.kind === "opened" ? "opened" : "downloaded",
      fileId: optionalString(item.fileId) || undefined,
      actor: optionalString(item.actor) ?? "",
      timestamp: optionalString(item.timestamp) ?? "",
    }));
  }

  /**
   * Adds named recipients (`PUT /package/{packageId}/recipients/`). Each recipient carries its own
   * `response`; a recipient with `checkForPublicKeys` needs its keyCode escrowed
   * ({@linkcode getRecipientPublicKeys}).
   *
   * `locale` (Padlock's extension, which a SendSafely server ignores) is the language the
   * recipients read, a tag such as `de` or Zendesk's `pt-br`: their mails are written in it.
   *
   * @throws {TypeError} when `emails` is empty.
   * @throws {ApiError} when the call fails.
   */
  async addRecipients(
    packageId: string,
    emails: string[],
    options?: CallOptions & { locale?: string },
  ): Promise<AddRecipientsResult> {
    if (!Array.isArray(emails) || emails.length === 0) {
      throw new TypeError("emails must be a non-empty array of email addresses");
    }
    const { locale, ...call } = options ?? {};
    const path = `/package/${segment(packageId, "packageId")}/recipients/`;
    const envelope = await this.request(
      "PUT",
      path,
      { emails: [...emails], autoEnableSMS: false, ...(locale ? { locale } : {}) },
      call,
    );
    return {
      recipients: Array.isArray(envelope.recipients) ? envelope.recipients : [],
      approvalRequired: envelope.approvalRequired === true,
      approvers: Array.isArray(envelope.approvers) ? envelope.approvers : [],
    };
  }

  /**
   * Creates a file record (`PUT /package/{packageId}/file/`). The name is passed raw; the client
   * applies `encodeURI` as the SDK does.
   *
   * @returns the fileId (from `message`, or `fileId`).
   * @throws {ApiError} when the call fails, e.g. `LIMIT_EXCEEDED`, `DUPLICATE_FILE`,
   *   `INVALID_FILE_NAME`, `INVALID_FILE_EXTENSION`.
   */
  async createFile(
    packageId: string,
    file: { filename: string; parts: number; filesize: number },
    options?: CallOptions,
  ): Promise<string> {
    if (typeof file.filename !== "string" || file.filename === "") {
      throw new TypeError("filename must be a non-empty string");
    }
    positiveInteger(file.parts, "parts");
    if (!Number.isSafeInteger(file.filesize) || file.filesize < 0) {
      throw new RangeError(
        `filesize must be a whole number of bytes: current value is ${file.filesize}`,
      );
    }
    const path = `/package/${segment(packageId, "packageId")}/file/`;
    const envelope = await this.request("PUT", path, {
      filename: encodeURI(file.filename),
      uploadType: this.requestApi,
      parts: file.parts,
      filesize: file.filesize,
    }, options);
    const fileId = typeof envelope.message === "string" && envelope.message !== ""
      ? envelope.message
      : envelope.fileId;
    if (typeof fileId !== "string" || fileId === "") {
      throw new ApiError("BAD_RESPONSE", `${this.host} created a file without a fileId`);
    }
    return fileId;
  }

  /**
   * Asks for pre-signed upload URLs starting at `part`
   * (`POST /package/{p}/file/{f}/upload-urls/` with `{"part":n,"forceProxy":false}`); servers
   * return up to 25 URLs from `part` on.
   *
   * @throws {ApiError} when the call fails.
   */
  async getUploadUrls(
    packageId: string,
    fileId: string,
    part: number,
    options?: CallOptions,
  ): Promise<PartUrl[]> {
    positiveInteger(part, "part");
    const path = `/package/${segment(packageId, "packageId")}/file/${segment(fileId, "fileId")}` +
      "/upload-urls/";
    const envelope = await this.request("POST", path, { part, forceProxy: false }, options);
    return toPartUrls(envelope.uploadUrls, this.host);
  }

  /**
   * Uploads one encrypted part to a pre-signed URL: an unauthenticated `PUT` of the raw bytes with
   * no `Content-Type` (S3 requires that; spec 2.4.2).
   *
   * @throws {ApiError} `HTTP_ERROR` on a non-2xx status, `NETWORK_ERROR` or `TIMEOUT`.
   */
  async putPart(url: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    // A Uint8Array body makes fetch add no Content-Type header, as required. (Under DevTools,
    // which copies every byte body it can report, Chromium uploads it about ten times slower than
    // a Blob; without DevTools both go at the same speed, and only byte bodies can be checked by
    // the browser tests, so bytes it is.)
    await this.#send(
      url,
      { method: "PUT", body: bytes as Uint8Array<ArrayBuffer> },
      this.#partTimeout,
      signal,
      async (response) => {
        if (response.status === 429 || response.status === 507) {
          const refusal = limitRefusal(response, await response.text());
          if (refusal) throw refusal;
        }
        await response.body?.cancel();
        if (!response.ok) {
          throw new ApiError("HTTP_ERROR", `Part upload answered HTTP ${response.status}`, {
            status: response.status,
          });
        }
      },
    );
  }

  /**
   * Uploads one encrypted part through the service itself (spec 2.4.3), the fallback when the
   * pre-signed URL cannot be reached: a multipart `POST /package/{p}/file/{f}/`, signed over the
   * `requestData` JSON in signed mode; unsigned under `/drop-zone/v2.0` in Dropzone mode
   * (the path spec 5.3 points to). The server marks the file complete when the last part arrives.
   *
   * @throws {ApiError} when the call fails, e.g. `LIMIT_EXCEEDED` or `AUTHENTICATION_FAILED`.
   */
  async proxyUpload(
    packageId: string,
    fileId: string,
    part: number,
    bytes: Uint8Array,
    signal?: AbortSignal,
  ): Promise<void> {
    positiveInteger(part, "part");
    const fullPath = `${this.prefix}/package/${segment(packageId, "packageId")}/file/` +
      `${segment(fileId, "fileId")}/`;
    const requestData = JSON.stringify({ fileId, uploadType: this.requestApi, filePart: part });
    const boundary = "------JSAPIFormDataBoundary" + randomToken();
    const body = multipartBody(boundary, requestData, bytes);
    const headers = await this.#authHeaders(fullPath, requestData);
    headers.set("Content-Type", `multipart/form-data; boundary=${boundary}`);
    const init: RequestInit = { method: "POST", headers, body };
    if (this.mode === "session") init.credentials = "include";
    const envelope = await this.#send(
      this.host + fullPath,
      init,
      this.#partTimeout,
      signal,
      this.#readEnvelope,
    );
    if (envelope.response !== "SUCCESS") throw envelopeError(envelope);
  }

  /**
   * Tells the server every part is stored (`POST /package/{p}/file/{f}/upload-complete/` with
   * `{"complete":true,"directoryId":""}`).
   *
   * @returns true when the server confirms (`message === "true"`); false means "ask again later".
   * @throws {ApiError} when the call fails.
   */
  async uploadComplete(packageId: string, fileId: string, options?: CallOptions): Promise<boolean> {
    const path = `/package/${segment(packageId, "packageId")}/file/${segment(fileId, "fileId")}` +
      "/upload-complete/";
    const envelope = await this.request(
      "POST",
      path,
      { complete: true, directoryId: "" },
      options,
    );
    return envelope.message === "true";
  }

  /**
   * Stores the encrypted package message (`PUT /package/{p}/message/`).
   *
   * @param base64 the message encrypted by `encryptMessage` (pgp.ts).
   * @throws {ApiError} when the call fails.
   */
  async putMessage(packageId: string, base64: string, options?: CallOptions): Promise<void> {
    const path = `/package/${segment(packageId, "packageId")}/message/`;
    await this.request("PUT", path, { message: base64, uploadType: this.requestApi }, options);
  }

  /**
   * Reads the encrypted package message (`GET /package/{p}/message/{checksum}`, no trailing slash).
   *
   * @returns the base64 message, or `""` when the package has none.
   * @throws {ApiError} when the call fails.
   */
  async getMessage(packageId: string, checksum: string, options?: CallOptions): Promise<string> {
    const path = `/package/${segment(packageId, "packageId")}/message/${
      segment(checksum, "checksum")
    }`;
    const envelope = await this.request("GET", path, undefined, options);
    return typeof envelope.message === "string" ? envelope.message : "";
  }

  /**
   * Lists the public keys the keyCode must be escrowed to before finalizing
   * (`GET /package/{p}/public-keys/`). Often empty.
   *
   * @throws {ApiError} when the call fails.
   */
  async getPublicKeys(packageId: string, options?: CallOptions): Promise<PublicKey[]> {
    const path = `/package/${segment(packageId, "packageId")}/public-keys/`;
    return toPublicKeys(await this.request("GET", path, undefined, options));
  }

  /**
   * Lists the public keys of one recipient (`GET /package/{p}/{recipientId}/public-keys/`), for a
   * recipient added with `checkForPublicKeys` (spec 2.3).
   *
   * @throws {ApiError} when the call fails.
   */
  async getRecipientPublicKeys(
    packageId: string,
    recipientId: string,
    options?: CallOptions,
  ): Promise<PublicKey[]> {
    const path =
      `/package/${segment(packageId, "packageId")}/${segment(recipientId, "recipientId")}` +
      "/public-keys/";
    return toPublicKeys(await this.request("GET", path, undefined, options));
  }

  /**
   * Escrows the keyCode encrypted to a public key (`PUT /package/{p}/link/{publicKeyId}/` with
   * `{"keycode":armored,"notifyRecipients":true}`).
   *
   * @throws {ApiError} when the call fails.
   */
  async putKeycode(
    packageId: string,
    publicKeyId: string,
    armored: string,
    options?: CallOptions,
  ): Promise<void> {
    const path = `/package/${segment(packageId, "packageId")}/link/${
      segment(publicKeyId, "publicKeyId")
    }/`;
    await this.request("PUT", path, { keycode: armored, notifyRecipients: true }, options);
  }

  /**
   * Finalizes a package (`POST /package/{p}/finalize/`) so its link can be opened.
   * `PACKAGE_NEEDS_APPROVAL` is not an error here: the result has `needsApproval: true` and the link.
   *
   * @throws {ApiError} when the call fails or the answer lacks the link.
   */
  async finalize(
    packageId: string,
    finalize: FinalizeOptions,
    options: CallOptions = {},
  ): Promise<FinalizeResult> {
    // Field order as the SDK sends it; JSON.stringify drops the undefined optional fields.
    const body = {
      checksum: finalize.checksum,
      undisclosedRecipients: finalize.undisclosedRecipients,
      notifyRecipients: finalize.notifyRecipients,
      password: finalize.password,
      unconfirmedSender: finalize.unconfirmedSender,
    };
    const path = `/package/${segment(packageId, "packageId")}/finalize/`;
    const envelope = await this.#call("POST", path, body, options.signal);
    const needsApproval = envelope.response === "PACKAGE_NEEDS_APPROVAL";
    if (envelope.response !== "SUCCESS" && !needsApproval) throw envelopeError(envelope);
    if (typeof envelope.message !== "string" || envelope.message === "") {
      throw new ApiError("BAD_RESPONSE", `${this.host} finalized the package without a link`);
    }
    return {
      link: envelope.message,
      recipients: Array.isArray(envelope.recipients) ? envelope.recipients : [],
      approvers: Array.isArray(envelope.approvers) ? envelope.approvers : [],
      needsApproval,
    };
  }

  /**
   * Asks for pre-signed download URLs of parts `startSegment..endSegment` (inclusive)
   * (`POST /package/{p}/file/{f}/download-urls/`). The checksum proves the caller holds the keyCode.
   *
   * @throws {ApiError} when the call fails or the server refuses the checksum.
   */
  async getDownloadUrls(
    packageId: string,
    fileId: string,
    checksum: string,
    startSegment: number,
    endSegment: number,
    options?: CallOptions,
  ): Promise<PartUrl[]> {
    positiveInteger(startSegment, "startSegment");
    positiveInteger(endSegment, "endSegment");
    const path = `/package/${segment(packageId, "packageId")}/file/${segment(fileId, "fileId")}` +
      "/download-urls/";
    const envelope = await this.request(
      "POST",
      path,
      { checksum, startSegment, endSegment },
      options,
    );
    return toPartUrls(envelope.downloadUrls, this.host);
  }

  /**
   * Downloads one encrypted part from a pre-signed URL (unauthenticated `GET`).
   *
   * @throws {ApiError} `HTTP_ERROR` on a non-2xx status, `NETWORK_ERROR` or `TIMEOUT`.
   */
  getPart(url: string, signal?: AbortSignal): Promise<Uint8Array> {
    return this.#send(url, { method: "GET" }, this.#partTimeout, signal, async (response) => {
      if (!response.ok) {
        await response.body?.cancel();
        throw new ApiError("HTTP_ERROR", `Part download answered HTTP ${response.status}`, {
          status: response.status,
        });
      }
      return new Uint8Array(await response.arrayBuffer());
    });
  }
}

function envelopeError(envelope: Envelope): ApiError {
  const code = envelope.response;
  const message = typeof envelope.message === "string" && envelope.message !== ""
    ? `${envelope.message} (${code})`
    : `The server refused the request (${code})`;
  return new ApiError(code, message);
}

function requireString(envelope: Envelope, field: string): string {
  const value = envelope[field];
  if (typeof value !== "string" || value === "") {
    throw new ApiError("BAD_RESPONSE", `The server's answer lacks ${field}`);
  }
  return value;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function toFileInfo(raw: unknown): FileInfo {
  const file = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const fileSize = Number(file.fileSize);
  const parts = Number(file.parts ?? file.fileParts);
  if (typeof file.fileId !== "string" || file.fileId === "") {
    throw new ApiError("BAD_RESPONSE", "The server listed a file without a fileId");
  }
  if (
    !Number.isSafeInteger(fileSize) || fileSize < 0 || !Number.isSafeInteger(parts) || parts < 1
  ) {
    throw new ApiError(
      "BAD_RESPONSE",
      "The server listed a file without a valid size or part count",
    );
  }
  return {
    fileId: file.fileId,
    fileName: String(file.fileName ?? ""),
    fileSize,
    parts,
    createdByEmail: optionalString(file.createdByEmail),
    uploaded: optionalString(file.uploaded),
  };
}

function toPackageInfo(envelope: Envelope): PackageInfo {
  return {
    packageId: requireString(envelope, "packageId"),
    packageCode: requireString(envelope, "packageCode"),
    serverSecret: requireString(envelope, "serverSecret"),
    rootDirectoryId: optionalString(envelope.rootDirectoryId),
    files: Array.isArray(envelope.files) ? envelope.files.map(toFileInfo) : [],
    recipients: Array.isArray(envelope.recipients) ? envelope.recipients : [],
    state: optionalString(envelope.state),
    life: typeof envelope.life === "number" ? envelope.life : undefined,
    label: optionalString(envelope.label),
    needsApproval: typeof envelope.needsApproval === "boolean" ? envelope.needsApproval : undefined,
    isArchived: typeof envelope.isArchived === "boolean" ? envelope.isArchived : undefined,
    expiration: optionalString(envelope.expiration),
    padlockManage: envelope.padlockManage === true ? true : undefined,
  };
}

function toPartUrls(raw: unknown, host: string): PartUrl[] {
  if (!Array.isArray(raw)) throw new ApiError("BAD_RESPONSE", `${host} returned no part URLs`);
  return raw.map((entry) => {
    const part = Number(entry?.part);
    const url = entry?.url;
    if (!Number.isSafeInteger(part) || part < 1 || typeof url !== "string" || url === "") {
      throw new ApiError("BAD_RESPONSE", `${host} returned a malformed part URL`);
    }
    return { part, url };
  });
}

function toPublicKeys(envelope: Envelope): PublicKey[] {
  const raw = envelope.publicKeys;
  if (!Array.isArray(raw)) return [];
  return raw.map((entry) => {
    if (typeof entry?.id !== "string" || typeof entry?.key !== "string") {
      throw new ApiError("BAD_RESPONSE", "The server returned a malformed public key");
    }
    return { id: entry.id, key: entry.key };
  });
}

/** A random base-36 token shaped like the SDK's `Math.random().toString(36)` (e.g. `0.bzwv…`). */
function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return "0." + Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
}

/** Latin-1 bytes of a header string: each character code masked with `& 0xff`, as the SDK does. */
function latin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}

/** The proxy-upload body, byte for byte as spec 2.4.3 lists it. */
export function multipartBody(
  boundary: string,
  requestData: string,
  bytes: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const head = latin1(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="requestData"\r\n\r\n` +
      `${requestData}\r\n` +
      `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="textFile"; filename="file.txt"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = latin1(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + bytes.length + tail.length);
  body.set(head, 0);
  body.set(bytes, head.length);
  body.set(tail, head.length + bytes.length);
  return body;
}
