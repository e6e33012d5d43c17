/**
 * Helpers for the service tests: a service on 127.0.0.1 port 0 with a temporary
 * data directory, a movable clock and captured log entries, and raw signed,
 * dropzone and anonymous calls built by hand (independent of the src/ client).
 *
 * @module
 */
import {
  formatTimestamp,
  type LogEntry,
  type RunningServer,
  signRequest,
  startServer,
} from "../../server/mod.ts";
import type { ServerConfig } from "../../server/config.ts";
import {
  type Backend,
  backendSettings,
  backendTest,
  queryRows,
  runningBackend,
} from "../_helpers/backends.ts";
import { freshBucket, type TestBucket } from "../_helpers/s3.ts";
export { sha256 } from "../_helpers/bytes.ts";
export { type Backend, BACKENDS, backendTest } from "../_helpers/backends.ts";

/**
 * Where a test service keeps parts: `files` (the data directory, the default), `s3` (a fresh
 * bucket on the test S3 server, proxy mode) or `s3-direct` (the same, part URLs pre-signed).
 */
export type PartStoreKind = "files" | "s3" | "s3-direct";

/** Every part store kind, for tests that run once per store. */
export const PART_STORES: readonly PartStoreKind[] = ["files", "s3", "s3-direct"];

/** Defines a test once per part store kind, named `<name> [<kind>]`. */
export interface PartStoreTests {
  /** The kinds each test runs on. */
  kinds: readonly PartStoreKind[];
  /** Defines `<name> [<kind>]` for each kind; the test passes the kind to `withService`. */
  test(name: string, test: (partStore: PartStoreKind) => Promise<void>): void;
}

function partStoreTests(kinds: readonly PartStoreKind[]): PartStoreTests {
  return {
    kinds,
    test(name, test) {
      for (const kind of kinds) Deno.test(`${name} [${kind}]`, () => test(kind));
    },
  };
}

/** Where a test service keeps its metadata and its parts. */
export interface Storage {
  /** The metadata backend. */
  backend: Backend;
  /** The part store. */
  partStore: PartStoreKind;
}

/**
 * The storage a test runs on when it should meet every backend and every part store without
 * running on all their products: the embedded default, PostgreSQL with a bucket in proxy mode
 * (several instances' set-up), and PostgreSQL with a bucket in direct mode.
 */
export const STORAGES: readonly Storage[] = [
  { backend: "sqlite", partStore: "files" },
  { backend: "postgres", partStore: "s3" },
  { backend: "postgres", partStore: "s3-direct" },
];

/** The storages whose part URLs are the service's own (what direct mode leaves to the bucket). */
export const PROXY_STORAGES: readonly Storage[] = STORAGES.filter((storage) =>
  storage.partStore !== "s3-direct"
);

/** Registers `body` once per storage, as `name [backend, part store]`. */
export function storageTest(
  name: string,
  body: (storage: Storage) => Promise<void>,
  storages: readonly Storage[] = STORAGES,
): void {
  for (const storage of storages) {
    backendTest(
      `${name} [${storage.partStore}]`,
      () => body(storage),
      [storage.backend],
    );
  }
}

/** The same test on the data directory, a bucket in proxy mode and a bucket in direct mode. */
export const partStores: PartStoreTests = partStoreTests(PART_STORES);

/**
 * The same test on the stores whose part URLs are the service's own (`files`, `s3`): for what the
 * service's part endpoint refuses, which direct mode leaves to the bucket.
 */
export const proxyPartStores: PartStoreTests = partStoreTests(["files", "s3"]);

/** The stored part objects of a service: files below `<dataDir>/parts`, or keys in its bucket. */
export async function storedObjects(service: TestService): Promise<string[]> {
  if (service.bucket) return await service.bucket.keys();
  return await listFiles(`${service.dataDir}/parts`).catch((error) => {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  });
}

/** A started test service with one agent, one API key and one dropzone. */
export interface TestService {
  server: RunningServer;
  dataDir: string;
  /** Where the metadata is. */
  backend: Backend;
  /** The PostgreSQL database of this test, on that backend. */
  databaseUrl?: string;
  logs: LogEntry[];
  clock: { offsetMs: number };
  agent: { id: string; email: string; apiKey: string; apiSecret: string };
  dropzoneId: string;
  /** The bucket of the parts, when the service stores them in one. */
  bucket?: TestBucket;
  close(): Promise<void>;
}

/** Options of a test service: the service's, where it keeps its metadata, and its parts. */
export type TestServiceConfig = Partial<ServerConfig> & {
  backend?: Backend;
  partStore?: PartStoreKind;
};

/**
 * Starts a service for one test: its metadata on `backend` (a fresh database for PostgreSQL), its
 * parts in `partStore` (a fresh bucket for `s3` and `s3-direct`).
 */
export async function startTestService(
  { backend = "sqlite", partStore = "files", ...config }: TestServiceConfig = {},
): Promise<TestService> {
  const expected = runningBackend();
  if (expected !== undefined && expected !== backend) {
    throw new Error(`A test on ${expected} started a service on ${backend}: pass { backend }.`);
  }
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-test-" });
  const logs: LogEntry[] = [];
  const clock = { offsetMs: 0 };
  const settings = await backendSettings(backend);
  const bucket = partStore === "files" ? undefined : await freshBucket();
  let server: RunningServer;
  try {
    server = await startServer({
      port: 0,
      hostname: "127.0.0.1",
      dataDir,
      sweepIntervalMs: 0,
      log: (entry) => logs.push(entry),
      now: () => Date.now() + clock.offsetMs,
      databaseUrl: settings.databaseUrl,
      secretKey: settings.secretKey,
      ...(bucket
        ? {
          s3Endpoint: bucket.settings.endpoint,
          s3Bucket: bucket.settings.bucket,
          s3Region: bucket.settings.region,
          s3AccessKeyId: bucket.settings.accessKeyId,
          s3SecretAccessKey: bucket.settings.secretAccessKey,
          s3DirectParts: partStore === "s3-direct",
        }
        : {}),
      ...config,
    });
  } catch (error) {
    await settings.drop();
    await bucket?.close();
    throw error;
  }
  const user = await server.accounts.createUser({
    email: "agent@example.com",
    password: "agent password 1",
    name: "Ann Agent",
  });
  const key = await server.accounts.createApiKey(user.id, "tests");
  const { dropzoneId } = await server.accounts.createDropzone(user.id);
  return {
    server,
    dataDir,
    backend,
    databaseUrl: settings.databaseUrl,
    logs,
    clock,
    agent: { ...user, ...key },
    dropzoneId,
    bucket,
    async close() {
      await server.close();
      await settings.drop();
      await Deno.remove(dataDir, { recursive: true });
      await bucket?.close();
    },
  };
}

/** Adds another agent with an API key. */
export async function addAgent(
  service: TestService,
  email: string,
): Promise<{ id: string; email: string; apiKey: string; apiSecret: string }> {
  const user = await service.server.accounts.createUser({ email, password: "other password 1" });
  return { ...user, ...await service.server.accounts.createApiKey(user.id, "tests") };
}

/** The parsed envelope of a JSON answer, with its HTTP status and headers. */
export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) };
}

/** Options of a raw signed call. */
export interface SignedOptions {
  /** Overrides the timestamp header. */
  timestamp?: string;
  /** Overrides the signature header. */
  signature?: string;
  /** Sent instead of `JSON.stringify(body)`. */
  rawBody?: string;
}

/** Sends a call signed per spec 1.4, building the request by hand. */
export async function signedCall(
  service: TestService,
  credentials: { apiKey: string; apiSecret: string },
  method: string,
  path: string,
  body?: unknown,
  options: SignedOptions = {},
): Promise<Answer> {
  const fullPath = "/api/v2.0" + path;
  const bodyText = options.rawBody ?? (body === undefined ? "" : JSON.stringify(body));
  const timestamp = options.timestamp ??
    formatTimestamp(Date.now() + service.clock.offsetMs);
  const signature = options.signature ?? signRequest(
    credentials.apiSecret,
    credentials.apiKey,
    fullPath.split("?")[0],
    timestamp,
    new TextEncoder().encode(bodyText),
  );
  const response = await fetch(service.server.url + fullPath, {
    method,
    headers: {
      "ss-api-key": credentials.apiKey,
      "ss-request-timestamp": timestamp,
      "ss-request-signature": signature,
      "ss-request-api": "TEST_API",
      "Content-Type": "application/json",
    },
    body: bodyText === "" ? undefined : bodyText,
  });
  return await answer(response);
}

/** Sends an agent call signed with the test agent's key. */
export function agentCall(
  service: TestService,
  method: string,
  path: string,
  body?: unknown,
  options?: SignedOptions,
): Promise<Answer> {
  return signedCall(service, service.agent, method, path, body, options);
}

/** Sends an anonymous dropzone call. */
export async function dropzoneCall(
  service: TestService,
  method: string,
  path: string,
  body?: unknown,
  dropzoneId = service.dropzoneId,
): Promise<Answer> {
  const response = await fetch(service.server.url + "/drop-zone/v2.0" + path, {
    method,
    headers: {
      "ss-api-key": dropzoneId,
      "ss-request-api": "TEST_API",
      "Content-Type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return await answer(response);
}

/** Sends an anonymous (session) call: no `ss-api-key`. */
export async function sessionCall(
  service: TestService,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(service.server.url + "/api/v2.0" + path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return await answer(response);
}

/** Deterministic pseudo-random bytes (fast; crypto.getRandomValues caps at 64 KiB a call). */
export function testBytes(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < size; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

/** Lists every file below a directory, recursively. */
export async function listFiles(directory: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(directory)) {
    const path = `${directory}/${entry.name}`;
    if (entry.isDirectory) found.push(...await listFiles(path));
    else if (entry.isFile) found.push(path);
  }
  return found;
}

/** Tells whether `needle` occurs in any file below `directory` (bytes compared as latin1). */
export async function directoryContains(directory: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const path of await listFiles(directory)) {
    const bytes = await Deno.readFile(path);
    let text = "";
    for (let index = 0; index < bytes.length; index += 65_536) {
      text += String.fromCharCode(...bytes.subarray(index, index + 65_536));
    }
    if (text.includes(needle)) hits.push(path);
  }
  return hits;
}

/** Counts the rows of a table in the service's database (read-only, beside the running service). */
export async function countRows(service: TestService, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(service, `SELECT COUNT(*) AS n FROM ${table}`);
  return row.n;
}

/**
 * Runs a test against a fresh service and closes it; fails when the service logged an
 * unexpected error or answered SERVER_ERROR (bad input must never cause one).
 */
export async function withService(
  test: (service: TestService) => Promise<void>,
  config: TestServiceConfig = {},
): Promise<void> {
  const service = await startTestService(config);
  try {
    await test(service);
    const failures = service.logs.filter((entry) =>
      entry.event === "error" || entry.response === "SERVER_ERROR" || (entry.status ?? 0) >= 500
    );
    if (failures.length > 0) {
      throw new Error(`The service failed unexpectedly: ${JSON.stringify(failures)}`);
    }
  } finally {
    await service.close();
  }
}
