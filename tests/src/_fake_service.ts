/**
 * An in-memory stand-in for a SendSafely service, just big enough for the upload and download
 * tests: packages, files, ciphertext parts in a Map, pre-signed part URLs, the proxy upload,
 * messages, public keys and finalize. It checks signatures (signed mode) and checksums, and it
 * has hooks to make part transfers fail or wait.
 *
 * Not the real service (server/); only what src/upload.ts and src/download.ts need.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
export { randomBytes, sha256 } from "../_helpers/bytes.ts";

/** API key and secret the fake service accepts. */
export const FAKE_API_KEY = "fakeApiKey";
/** The matching secret. */
export const FAKE_API_SECRET = "fakeApiSecret";
/** The Dropzone id the fake service accepts. */
export const FAKE_DROPZONE = "fake-dropzone";

/** What a part hook may answer: an HTTP status to fail with, or nothing to go on. */
type Fault = number | undefined | Promise<number | undefined>;

export interface FakeOptions {
  /** URLs per upload-urls / download-urls answer. @default {25} */
  urlBatch?: number;
  /** Before a part PUT is stored: return a status to fail it instead. `attempt` counts from 1. */
  onPut?: (part: number, attempt: number) => Fault;
  /** Before a part GET is served: return a status to fail it instead. */
  onGet?: (part: number, attempt: number) => Fault;
  /** Before a proxy upload is stored. */
  onProxy?: (part: number, attempt: number) => Fault;
  /** How many times upload-complete answers "false" before "true" (once all parts are there). */
  completeAfter?: number;
  /** Keys returned by /public-keys/. */
  publicKeys?: { id: string; key: string }[];
  /** Finalize answers PACKAGE_NEEDS_APPROVAL. */
  needsApproval?: boolean;
  /** Answer for the create-file call instead of success. */
  createFileAnswer?: Record<string, unknown>;
}

export interface FakeFile {
  fileId: string;
  fileName: string;
  fileSize: number;
  parts: number;
  stored: Map<number, Uint8Array>;
  complete: boolean;
}

export interface FakePackage {
  packageId: string;
  packageCode: string;
  serverSecret: string;
  files: Map<string, FakeFile>;
  message?: string;
  checksum?: string;
  recipients: string[];
  escrowed: Map<string, string>;
  finalizeBody?: Record<string, unknown>;
}

/** One JSON or proxy call as the service received it. */
export interface FakeRequest {
  method: string;
  /** Path without the prefix, e.g. `/package/P1/file/`. */
  path: string;
  prefix: string;
  body: string;
}

export interface FakeService {
  url: string;
  packages: Map<string, FakePackage>;
  /** Every API call (not part transfers), in order. */
  requests: FakeRequest[];
  /** Every part transfer: `PUT 2`, `GET 1`, … */
  transfers: string[];
  /** Changes one byte of a stored part. */
  tamper(fileId: string, part: number): void;
  close(): Promise<void>;
}

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(message));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, "0")).join("");
}

function token(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_");
}

function json(value: Record<string, unknown>): Response {
  return new Response(JSON.stringify(value), {
    headers: { "Content-Type": "application/json" },
  });
}

function fail(code: string, message = code): Response {
  return json({ response: code, message });
}

/** Starts the fake service on 127.0.0.1 with a random port. */
export function startFakeService(options: FakeOptions = {}): FakeService {
  const { urlBatch = 25 } = options;
  const packages = new Map<string, FakePackage>();
  const requests: FakeRequest[] = [];
  const transfers: string[] = [];
  // token → which part of which file, for PUT or GET.
  const partUrls = new Map<string, { file: FakeFile; part: number; method: "PUT" | "GET" }>();
  const attempts = new Map<string, number>();
  const completeCalls = new Map<string, number>();
  let counter = 0;
  let origin = "";

  const count = (key: string) => {
    const n = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, n);
    return n;
  };
  const findPackage = (idOrCode: string) =>
    packages.get(idOrCode) ?? [...packages.values()].find((p) => p.packageCode === idOrCode);

  const partUrl = (file: FakeFile, part: number, method: "PUT" | "GET") => {
    const id = token();
    partUrls.set(id, { file, part, method });
    return { part, url: `${origin}/parts/${id}` };
  };

  async function authenticate(request: Request, prefix: string, path: string, signed: string) {
    if (prefix === "/drop-zone/v2.0") return request.headers.get("ss-api-key") === FAKE_DROPZONE;
    if (request.headers.get("ss-api-key") !== FAKE_API_KEY) return false;
    const timestamp = request.headers.get("ss-request-timestamp") ?? "";
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/.test(timestamp)) return false;
    const expected = await hmacHex(
      FAKE_API_SECRET,
      FAKE_API_KEY + prefix + path + timestamp + signed,
    );
    return request.headers.get("ss-request-signature") === expected;
  }

  async function handlePart(request: Request, id: string): Promise<Response> {
    const entry = partUrls.get(id);
    if (!entry || entry.method !== request.method) return new Response("no", { status: 403 });
    const { file, part } = entry;
    transfers.push(`${request.method} ${part}`);
    if (request.method === "PUT") {
      if (request.headers.has("content-type")) return new Response("type", { status: 400 });
      const body = new Uint8Array(await request.arrayBuffer());
      const status = await options.onPut?.(part, count(`PUT ${file.fileId} ${part}`));
      if (status) return new Response("fail", { status });
      file.stored.set(part, body);
      return new Response(null, { status: 200 });
    }
    const status = await options.onGet?.(part, count(`GET ${file.fileId} ${part}`));
    if (status) return new Response("fail", { status });
    const stored = file.stored.get(part);
    if (!stored) return new Response("missing", { status: 404 });
    return new Response(stored.slice(), {
      headers: { "Content-Type": "application/octet-stream" },
    });
  }

  async function handleApi(request: Request, prefix: string, path: string): Promise<Response> {
    const method = request.method;
    const isMultipart = request.headers.get("content-type")?.startsWith("multipart/form-data");
    let body = "";
    let form: FormData | undefined;
    if (isMultipart) {
      form = await request.formData();
      body = String(form.get("requestData") ?? "");
    } else {
      body = await request.text();
    }
    requests.push({ method, path, prefix, body });
    if (request.headers.get("ss-request-api") === null) return fail("BAD_REQUEST");
    if (!(await authenticate(request, prefix, path, body))) return fail("AUTHENTICATION_FAILED");
    const data = body ? JSON.parse(body) : {};
    const route = `${method} ${path}`;
    let match: RegExpMatchArray | null;

    if (route === "PUT /package/") {
      const pkg: FakePackage = {
        packageId: `PKG-${++counter}`,
        packageCode: token(),
        serverSecret: token(),
        files: new Map(),
        recipients: [],
        escrowed: new Map(),
      };
      packages.set(pkg.packageId, pkg);
      const { packageId, packageCode, serverSecret } = pkg;
      return json({ response: "SUCCESS", packageId, packageCode, serverSecret });
    }
    if ((match = path.match(/^\/package\/([^/]+)\/(.*)$/)) === null) return fail("NOT_FOUND");
    const pkg = findPackage(decodeURIComponent(match[1]));
    if (!pkg) return fail("UNKNOWN_PACKAGE", "No such package");
    const rest = match[2];

    if (method === "GET" && rest === "") {
      return json({
        response: "SUCCESS",
        packageId: pkg.packageId,
        packageCode: pkg.packageCode,
        serverSecret: pkg.serverSecret,
        rootDirectoryId: "root",
        recipients: pkg.recipients.map((email) => ({ email })),
        files: [...pkg.files.values()].filter((f) => f.complete).map((f) => ({
          fileId: f.fileId,
          fileName: f.fileName,
          fileSize: f.fileSize,
          parts: f.parts,
        })),
        state: pkg.checksum ? "ACTIVE" : "TEMP",
        life: 10,
      });
    }
    if (route.startsWith("PUT") && rest === "file/") {
      if (options.createFileAnswer) return json(options.createFileAnswer);
      const file: FakeFile = {
        fileId: `FILE-${++counter}`,
        fileName: decodeURI(data.filename),
        fileSize: data.filesize,
        parts: data.parts,
        stored: new Map(),
        complete: false,
      };
      pkg.files.set(file.fileId, file);
      return json({ response: "SUCCESS", message: file.fileId, fileId: file.fileId });
    }
    if ((match = rest.match(/^file\/([^/]+)\/(upload-urls|upload-complete|download-urls)?\/?$/))) {
      const file = pkg.files.get(decodeURIComponent(match[1]));
      if (!file) return fail("UNKNOWN_FILE");
      if (method === "POST" && match[2] === "upload-urls") {
        const urls = [];
        for (let part = data.part; part < data.part + urlBatch && part <= file.parts; part++) {
          urls.push(partUrl(file, part, "PUT"));
        }
        return json({ response: "SUCCESS", uploadUrls: urls });
      }
      if (method === "POST" && match[2] === "upload-complete") {
        const calls = (completeCalls.get(file.fileId) ?? 0) + 1;
        completeCalls.set(file.fileId, calls);
        const all = file.stored.size === file.parts;
        if (all && calls > (options.completeAfter ?? 0)) file.complete = true;
        return json({ response: "SUCCESS", message: String(file.complete) });
      }
      if (method === "POST" && match[2] === "download-urls") {
        if (!pkg.checksum || data.checksum !== pkg.checksum) {
          return fail("INVALID_CHECKSUM", "The checksum does not match");
        }
        const urls = [];
        const end = Math.min(data.endSegment, data.startSegment + urlBatch - 1, file.parts);
        for (let part = data.startSegment; part <= end; part++) {
          urls.push(partUrl(file, part, "GET"));
        }
        return json({ response: "SUCCESS", downloadUrls: urls });
      }
      if (method === "POST" && match[2] === undefined && form) {
        // The proxy upload (spec 2.4.3).
        const part = data.filePart as number;
        transfers.push(`PROXY ${part}`);
        const status = await options.onProxy?.(
          part,
          count(`PROXY ${file.fileId} ${part}`),
        );
        if (status) return new Response("fail", { status });
        const upload = form.get("textFile") as File;
        file.stored.set(part, new Uint8Array(await upload.arrayBuffer()));
        if (file.stored.size === file.parts) file.complete = true;
        return json({ response: "SUCCESS", message: "" });
      }
    }
    if (route.startsWith("PUT") && rest === "recipients/") {
      pkg.recipients.push(...data.emails);
      return json({
        response: "SUCCESS",
        recipients: data.emails.map((email: string, i: number) => ({
          recipientId: `R${i + 1}`,
          email,
          response: "SUCCESS",
          checkForPublicKeys: false,
        })),
        approvalRequired: false,
        approvers: [],
      });
    }
    if (route.startsWith("PUT") && rest === "message/") {
      pkg.message = data.message;
      return json({ response: "SUCCESS" });
    }
    if (method === "GET" && (match = rest.match(/^message\/([0-9a-f]{64})$/))) {
      if (match[1] !== pkg.checksum) return fail("INVALID_CHECKSUM");
      return json({ response: "SUCCESS", message: pkg.message ?? "" });
    }
    if (method === "GET" && rest === "public-keys/") {
      return json({ response: "SUCCESS", publicKeys: options.publicKeys ?? [] });
    }
    if (method === "PUT" && (match = rest.match(/^link\/([^/]+)\/$/))) {
      pkg.escrowed.set(match[1], data.keycode);
      return json({ response: "SUCCESS" });
    }
    if (method === "POST" && rest === "finalize/") {
      pkg.checksum = data.checksum;
      pkg.finalizeBody = data;
      const link = `${origin}/receive/?thread=${pkg.packageId}&packageCode=${pkg.packageCode}`;
      return json({
        response: options.needsApproval ? "PACKAGE_NEEDS_APPROVAL" : "SUCCESS",
        message: link,
        recipients: [],
        approvers: [],
        needsLink: true,
      });
    }
    return fail("NOT_FOUND", route);
  }

  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/parts/")) return handlePart(request, pathname.slice(7));
    for (const prefix of ["/api/v2.0", "/drop-zone/v2.0"]) {
      if (pathname.startsWith(prefix + "/")) {
        return handleApi(request, prefix, pathname.slice(prefix.length));
      }
    }
    return new Response("not found", { status: 404 });
  });
  origin = `http://127.0.0.1:${server.addr.port}`;

  return {
    url: origin,
    packages,
    requests,
    transfers,
    tamper(fileId, part) {
      for (const pkg of packages.values()) {
        const stored = pkg.files.get(fileId)?.stored.get(part);
        if (stored) stored[stored.length - 20] ^= 0x01;
      }
    },
    close: () => server.shutdown(),
  };
}

/** A client of the fake service in signed (default) or Dropzone mode. */
export function fakeClient(
  service: FakeService,
  mode: "signed" | "dropzone" = "signed",
  fetch?: typeof globalThis.fetch,
) {
  return new SendSafelyClient({
    host: service.url,
    fetch,
    credentials: mode === "signed"
      ? { apiKey: FAKE_API_KEY, apiSecret: FAKE_API_SECRET }
      : { dropzoneId: FAKE_DROPZONE },
  });
}

/** A WritableStream that keeps what is written; `closed`/`aborted` tell how it ended. */
export function collectingSink(options: { slow?: () => Promise<void> } = {}) {
  const chunks: Uint8Array[] = [];
  const state = {
    chunks,
    closed: false,
    aborted: undefined as unknown,
    bytes: () => concat(chunks),
  };
  const stream = new WritableStream<Uint8Array>({
    async write(chunk) {
      await options.slow?.();
      chunks.push(chunk);
    },
    close() {
      state.closed = true;
    },
    abort(reason) {
      state.aborted = reason ?? "aborted";
    },
  });
  return { stream, state };
}

/** Concatenates byte arrays. */
export function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * A Blob that claims `size` bytes but makes each slice on demand (byte i is `i % 251`), to test
 * files of many parts without holding them in memory. Counts the slices read.
 */
export class VirtualBlob extends Blob {
  readonly #size: number;
  slices = 0;

  constructor(size: number) {
    super([]);
    this.#size = size;
  }

  override get size(): number {
    return this.#size;
  }

  override slice(start = 0, end = this.#size): Blob {
    this.slices++;
    const from = Math.max(0, start);
    const to = Math.min(this.#size, end);
    const bytes = new Uint8Array(Math.max(0, to - from));
    for (let i = 0; i < bytes.length; i++) bytes[i] = (from + i) % 251;
    return new Blob([bytes]);
  }
}

/** For `assert.rejects`: the error is the `AbortError` a cancelled call rejects with. */
export function isAbortError(error: unknown): true {
  assert.ok(error instanceof DOMException, `expected an AbortError, got ${error}`);
  assert.equal(error.name, "AbortError");
  return true;
}
