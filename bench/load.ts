/**
 * `deno task load`: the service under load. Starts the service as a subprocess
 * (`server/main.ts`, on 127.0.0.1 with a temporary data directory) and runs, all at once,
 * 50 uploaders of 20 MiB files and 50 downloaders of 20 MiB files, with the `src/` client in this
 * process (each upload and download with its default three parts in flight). Then it checks that
 * every file came through byte-identical (SHA-256) and prints:
 *
 * - the latency of each part transfer, p50 and p99, for PUT (the request sent, stored and synced
 *   to disk, answered) and GET (until the last byte), and of the JSON API calls;
 * - the throughput of ciphertext, up, down and in total;
 * - the service's memory, from `/proc/<pid>/status`: resident before the load, the highest
 *   resident sample during the load (every 100 ms), and `VmHWM` (the kernel's own peak).
 *
 * By default it runs three times, with 10, 20 and 40 MiB files (4, 8 and 16 parts: every upload and
 * download keeps three parts in flight), to show that the service's memory does not grow with
 * file size; the table at the end puts the runs side by side. It also prints the CPU time the
 * service and this client used: on a small machine they share the cores.
 *
 * Client-side crypto is not what is measured, and on 2 cores it would starve the service, so it
 * is cached: the files are made of a few distinct 2.5 MiB blocks; within one package a block is
 * encrypted once (for real, with the package's passphrase) and its ciphertext reused for every
 * part holding that block; a downloaded part whose ciphertext (by SHA-256) was already decrypted
 * for that package reuses the plaintext, and any other is decrypted for real. Every file is then
 * checked byte for byte against its source by SHA-256. The output says how many encryptions and
 * decryptions ran for real.
 *
 * Where the service keeps its data (`--backend`, comma-separated for several in one go; the table
 * at the end has a row per backend and size):
 *
 * - `sqlite-files` (the default): the embedded default, SQLite and parts in the data directory;
 * - `postgres-s3`: PostgreSQL and a bucket, proxy mode (part bytes stream through the service);
 * - `postgres-s3-direct`: PostgreSQL and a bucket, direct mode (clients send and fetch parts on the
 *   bucket with pre-signed URLs; the service only signs and checks).
 *
 * PostgreSQL and S3 are the tests' own (`tests/_helpers/postgres.ts`, `tests/_helpers/s3.ts`): a
 * throwaway cluster and a single-node Ceph radosgw started for the run (their CPU is not the
 * service's and is not counted), or the servers named by `PADLOCK_TEST_DATABASE_URL` and
 * `PADLOCK_TEST_S3_*`. Each run gets a fresh database and bucket.
 *
 * `--instances N` (1) starts N service processes over the same database and bucket (PostgreSQL
 * only); transfers are spread over them in turn, as a balancer spreading connections would, and
 * the memory and CPU figures are their sums. The CPU seconds per GiB moved are the service's CPU
 * time during the load divided by the ciphertext moved up and down.
 *
 * `--phases split|mixed` (`split`): `split` runs the uploads first, all at once, and then the
 * downloads, all at once, and measures the service's CPU in each, so that the cost per GiB is
 * printed for what the service received and for what it sent; `mixed` runs uploads and downloads
 * at the same time (the figures of the runs recorded before 2026-12-04's evening), with one cost
 * per GiB for both directions.
 *
 * `PADLOCK_LOAD_CPU_PROF_DIR=<dir>` starts the services with `--cpu-prof`, and in `split` mode
 * restarts them between the phases (over the same data), so that each phase leaves its own V8 CPU
 * profile in that folder (`upload-…` and `download-…` subfolders): `bench/profile.ts` prints
 * where the time went.
 *
 * Options (environment): `PADLOCK_LOAD_MIB` file sizes in MiB, comma-separated (default `10,20,40`);
 * `PADLOCK_LOAD_UPLOADERS` (50); `PADLOCK_LOAD_DOWNLOADERS` (50); `PADLOCK_LOAD_SOURCES`, distinct
 * files the downloaders read, uploaded before the load (10); `PADLOCK_LOAD_PACKAGES`, packages the
 * uploaders share (5); `PADLOCK_LOAD_BLOCKS`, distinct plaintext blocks (16);
 * `PADLOCK_LOAD_TIMEOUT_S`, the most a run may take before it is stopped and fails (900).
 * E.g. `PADLOCK_LOAD_MIB=5 PADLOCK_LOAD_UPLOADERS=5 PADLOCK_LOAD_DOWNLOADERS=5 deno task load`
 * for a quick run. Exits with 1 when a transfer failed, a file differed or a run ran out of time.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { SendSafelyClient } from "../src/api.ts";
import { downloadFile, type OpenedPackage, openPackage } from "../src/download.ts";
import { decryptPart, encryptPart } from "../src/pgp.ts";
import {
  createPackage,
  finalizePackage,
  type PackageHandle,
  PART_SIZE,
  uploadFile,
} from "../src/upload.ts";
import { openAccounts } from "../server/mod.ts";
import { parseArgs } from "node:util";

const MIB = 1024 * 1024;
const MB = 1_000_000;
const SERVER_MAIN = new URL("../server/main.ts", import.meta.url).pathname;

function positiveInteger(name: string, fallback: number): number {
  const text = Deno.env.get(name);
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer: current value is ${text}`);
  }
  return value;
}

const SIZES_MIB = (Deno.env.get("PADLOCK_LOAD_MIB") ?? "10,20,40").split(",").map((text) => {
  const value = Number(text.trim());
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`PADLOCK_LOAD_MIB must list positive integers: current value is ${text}`);
  }
  return value;
});
const UPLOADERS = positiveInteger("PADLOCK_LOAD_UPLOADERS", 50);
const DOWNLOADERS = positiveInteger("PADLOCK_LOAD_DOWNLOADERS", 50);
const SOURCES = positiveInteger("PADLOCK_LOAD_SOURCES", 10);
// No more packages than uploaders: an empty package cannot be finalized.
const PACKAGES = Math.min(positiveInteger("PADLOCK_LOAD_PACKAGES", 5), UPLOADERS);
const BLOCKS = positiveInteger("PADLOCK_LOAD_BLOCKS", 16);
const TIMEOUT_S = positiveInteger("PADLOCK_LOAD_TIMEOUT_S", 900);

/** Where the service keeps metadata and parts for a run. */
type BackendName = "sqlite-files" | "postgres-s3" | "postgres-s3-direct";
const BACKEND_NAMES: readonly BackendName[] = ["sqlite-files", "postgres-s3", "postgres-s3-direct"];

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    backend: { type: "string", default: "sqlite-files" },
    instances: { type: "string", default: "1" },
    phases: { type: "string", default: "split" },
  },
});
const BACKENDS = flags.backend.split(",").map((text) => {
  const name = text.trim() as BackendName;
  if (!BACKEND_NAMES.includes(name)) {
    throw new RangeError(
      `--backend must list ${BACKEND_NAMES.join(", ")}: current value is ${text}`,
    );
  }
  return name;
});
const INSTANCES = Number(flags.instances);
if (!Number.isSafeInteger(INSTANCES) || INSTANCES < 1) {
  throw new RangeError(
    `--instances must be a positive integer: current value is ${flags.instances}`,
  );
}
if (INSTANCES > 1 && BACKENDS.includes("sqlite-files")) {
  throw new RangeError(
    "--instances above 1 needs a shared database: use --backend postgres-s3 or postgres-s3-direct",
  );
}
if (flags.phases !== "split" && flags.phases !== "mixed") {
  throw new RangeError(`--phases must be split or mixed: current value is ${flags.phases}`);
}
const SPLIT = flags.phases === "split";
const PROFILE_DIR = Deno.env.get("PADLOCK_LOAD_CPU_PROF_DIR");
const GIB = 1024 ** 3;

/** The distinct plaintext blocks files are made of. */
const blocks = Array.from({ length: BLOCKS }, () => {
  const block = new Uint8Array(PART_SIZE);
  for (let offset = 0; offset < PART_SIZE; offset += 65_536) {
    crypto.getRandomValues(block.subarray(offset, offset + 65_536));
  }
  return block;
});

/**
 * A file of `size` bytes made of blocks (part n is block `order[n]`, the last one cut short),
 * read part by part as `uploadFile` does, without holding the whole file.
 */
class BlockFile extends Blob {
  readonly #size: number;
  readonly #order: number[];

  constructor(size: number, seed: number) {
    super([]);
    this.#size = size;
    const parts = Math.max(1, Math.ceil(size / PART_SIZE));
    this.#order = Array.from({ length: parts }, (_, part) => (seed * 7 + part * 3) % BLOCKS);
  }

  override get size(): number {
    return this.#size;
  }

  override slice(start = 0, end = this.#size): Blob {
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    for (let at = Math.max(0, start); at < Math.min(end, this.#size);) {
      const part = Math.floor(at / PART_SIZE);
      const offset = at - part * PART_SIZE;
      const stop = Math.min(end, this.#size, (part + 1) * PART_SIZE);
      pieces.push(blocks[this.#order[part]].subarray(offset, offset + stop - at));
      at = stop;
    }
    return new Blob(pieces);
  }

  /** SHA-256 of the whole file, hex. */
  sha256(): string {
    const hash = createHash("sha256");
    for (let at = 0; at < this.#size; at += PART_SIZE) {
      const part = at / PART_SIZE;
      hash.update(blocks[this.#order[part]].subarray(0, Math.min(PART_SIZE, this.#size - at)));
    }
    return hash.digest("hex");
  }
}

async function hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Real encryption and decryption, once per distinct (passphrase, input). */
class CryptoCache {
  encryptions = 0;
  decryptions = 0;
  readonly #encrypted = new Map<string, Promise<Uint8Array>>();
  readonly #decrypted = new Map<string, Promise<Uint8Array>>();

  encrypt = async (plain: Uint8Array, passphrase: string): Promise<Uint8Array> => {
    const key = `${passphrase}\n${await hex(plain)}`;
    let cipher = this.#encrypted.get(key);
    if (!cipher) {
      this.encryptions++;
      cipher = encryptPart(plain, passphrase);
      this.#encrypted.set(key, cipher);
    }
    // A copy: the upload frees a part's buffer once it is sent.
    return (await cipher).slice();
  };

  decrypt = async (cipher: Uint8Array, passphrase: string): Promise<Uint8Array> => {
    const key = `${passphrase}\n${await hex(cipher)}`;
    let plain = this.#decrypted.get(key);
    if (!plain) {
      this.decryptions++;
      plain = decryptPart(cipher, passphrase);
      this.#decrypted.set(key, plain);
      plain.catch(() => this.#decrypted.delete(key));
    }
    return (await plain).slice();
  };
}

/** Latencies in milliseconds, by kind, recorded by the client's `fetch`. */
class Latencies {
  recording = false;
  readonly put: number[] = [];
  readonly get: number[] = [];
  readonly api: number[] = [];
  failures = 0;

  /** A `fetch` that times each call: part GETs until their last byte. */
  fetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    // Part URLs are the service's own (`/part/…`) or, in direct mode, the bucket's: anything
    // but the JSON API is a part transfer.
    const path = new URL(url).pathname;
    const kind = path.startsWith("/api/") || path.startsWith("/drop-zone/")
      ? "api"
      : (method === "PUT" ? "put" : "get");
    const start = performance.now();
    const recording = this.recording;
    const response = await fetch(input, init);
    const done = () => {
      if (!recording) return;
      if (response.ok) this[kind].push(performance.now() - start);
      else this.failures++;
    };
    if (kind !== "get" || !response.body) {
      done();
      return response;
    }
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done: ended, value } = await reader.read();
        if (ended) {
          done();
          controller.close();
        } else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The service in a child process, and its memory. */
class Service {
  readonly url: string;
  readonly pid: number;
  readonly #child: Deno.ChildProcess;
  readonly #drained: Promise<unknown>;

  private constructor(child: Deno.ChildProcess, url: string, drained: Promise<unknown>) {
    this.#child = child;
    this.url = url;
    this.pid = child.pid;
    this.#drained = drained;
  }

  static async start(
    dataDir: string,
    env: Record<string, string> = {},
    profileDir?: string,
  ): Promise<Service> {
    const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", ...profile, SERVER_MAIN, "--port", "0", "--hostname", "127.0.0.1"],
      // Every simulated client calls from 127.0.0.1: the per-address limits would measure
      // themselves, not the service.
      env: {
        ...env,
        PADLOCK_DATA_DIR: dataDir,
        PADLOCK_API_REQUESTS_PER_ADDRESS_PER_MINUTE: "0",
        PADLOCK_UPLOAD_BYTES_PER_ADDRESS_PER_DAY: "0",
      },
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    let found: (url: string) => void;
    const started = new Promise<string>((resolve) => found = resolve);
    let output = "";
    // The request log goes to stdout: read it (or the pipe fills and the service blocks).
    const read = async (stream: ReadableStream<Uint8Array<ArrayBuffer>>, watch: boolean) => {
      for await (const text of stream.pipeThrough(new TextDecoderStream())) {
        if (!watch) continue;
        output = (output + text).slice(-65_536);
        const line = output.split("\n").find((line) => line.includes('"event":"start"'));
        if (line) {
          found(JSON.parse(line).detail.url);
          watch = false;
        }
      }
    };
    const drained = Promise.all([read(child.stdout, true), read(child.stderr, false)]);
    const url = await Promise.race([
      started,
      child.status.then(() => {
        throw new Error(`The service exited before listening:\n${output}`);
      }),
    ]);
    return new Service(child, url, drained);
  }

  /** CPU seconds the service has used (user and system). */
  cpuSeconds(): number {
    return processCpuSeconds(this.pid);
  }

  /** CPU seconds the service has used in the kernel. */
  systemSeconds(): number {
    return processCpuTimes(this.pid).system;
  }

  /** `VmRSS` and `VmHWM` in bytes. */
  memory(): { rss: number; hwm: number } {
    const status = Deno.readTextFileSync(`/proc/${this.pid}/status`);
    const field = (name: string) =>
      Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
    return { rss: field("VmRSS"), hwm: field("VmHWM") };
  }

  async stop(): Promise<void> {
    this.#child.kill("SIGTERM");
    await this.#child.status;
    await this.#drained;
  }
}

/** CPU seconds (user + system) of a process, from `/proc/<pid>/stat` (clock ticks of 1/100 s). */
function processCpuSeconds(pid: number | "self"): number {
  const { user, system } = processCpuTimes(pid);
  return user + system;
}

/** CPU seconds of a process in user space and in the kernel (system calls: I/O, sockets, sync). */
function processCpuTimes(pid: number | "self"): { user: number; system: number } {
  const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  // The command name, in parentheses, may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** The storage of one run: the service's variables for it, and how to clean up. */
interface RunStorage {
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A fresh database and bucket for a run on PostgreSQL + S3; nothing for SQLite + files. */
async function runStorage(backend: BackendName): Promise<RunStorage> {
  if (backend === "sqlite-files") return { env: {}, close: () => Promise.resolve() };
  // Loaded only here: the embedded default needs neither PostgreSQL nor radosgw.
  const { createTestDatabase } = await import("../tests/_helpers/postgres.ts");
  const { freshBucket } = await import("../tests/_helpers/s3.ts");
  const { randomSecretKey } = await import("../tests/_helpers/backends.ts");
  const database = await createTestDatabase();
  const bucket = await freshBucket();
  const { settings } = bucket;
  return {
    env: {
      PADLOCK_DATABASE_URL: database.url,
      PADLOCK_SECRET_KEY: randomSecretKey(),
      PADLOCK_S3_ENDPOINT: settings.endpoint,
      PADLOCK_S3_BUCKET: settings.bucket,
      PADLOCK_S3_REGION: settings.region,
      PADLOCK_S3_ACCESS_KEY_ID: settings.accessKeyId,
      PADLOCK_S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
      PADLOCK_S3_DIRECT_PARTS: String(backend === "postgres-s3-direct"),
    },
    async close() {
      await database.drop();
      await bucket.close();
    },
  };
}

/** What one run measured. */
interface RunResult {
  backend: BackendName;
  sizeMiB: number;
  parts: number;
  seconds: number;
  put: { n: number; p50: number; p99: number };
  get: { n: number; p50: number; p99: number };
  api: { n: number; p50: number; p99: number };
  upMB: number;
  downMB: number;
  rssIdle: number;
  rssPeak: number;
  serviceCpu: number;
  /** Service CPU seconds per GiB of ciphertext moved (up + down) during the load. */
  cpuPerGiB: number;
  /** In `split` mode: the upload phase (received) and the download phase (sent), apart. */
  phases?: { up: PhaseResult; down: PhaseResult };
  clientCpu: number;
  hwm: number;
  verified: { uploads: number; downloads: number };
  problems: string[];
  retries: number;
  encryptions: number;
  decryptions: number;
  setupSeconds: number;
}

/** One phase of a `split` run: its wall time and the service's CPU per GiB in it. */
interface PhaseResult {
  seconds: number;
  mb: number;
  serviceCpu: number;
  /** Of `serviceCpu`, the seconds in the kernel. */
  serviceSystem: number;
  cpuPerGiB: number;
}

function stats(values: number[]) {
  return { n: values.length, p50: percentile(values, 50), p99: percentile(values, 99) };
}

/** A sink that hashes what is written. */
function hashingSink(): { stream: WritableStream<Uint8Array>; digest: () => string } {
  const hash = createHash("sha256");
  return {
    stream: new WritableStream({ write: (chunk) => void hash.update(chunk) }),
    digest: () => hash.digest("hex"),
  };
}

/** The instances of a run, measured together; `restart` replaces them over the same data. */
class Instances {
  list: Service[] = [];
  clients: SendSafelyClient[] = [];

  constructor(
    readonly dataDirs: string[],
    readonly env: Record<string, string>,
    readonly client: (url: string) => SendSafelyClient,
  ) {}

  async start(profileDir?: string): Promise<void> {
    if (profileDir) await Deno.mkdir(profileDir, { recursive: true });
    for (const dir of this.dataDirs) this.list.push(await Service.start(dir, this.env, profileDir));
    // One client per instance; transfer n goes through instance n mod N.
    this.clients = this.list.map((instance) => this.client(instance.url));
  }

  async stop(): Promise<void> {
    for (const instance of this.list.splice(0)) await instance.stop();
  }

  cpuSeconds(): number {
    return this.list.reduce((total, service) => total + service.cpuSeconds(), 0);
  }
  systemSeconds(): number {
    return this.list.reduce((total, service) => total + service.systemSeconds(), 0);
  }
  memory(): { rss: number; hwm: number } {
    const each = this.list.map((service) => service.memory());
    return {
      rss: each.reduce((total, memory) => total + memory.rss, 0),
      hwm: each.reduce((total, memory) => total + memory.hwm, 0),
    };
  }
}

async function run(backend: BackendName, sizeMiB: number): Promise<RunResult> {
  const size = sizeMiB * MIB;
  const parts = Math.max(1, Math.ceil(size / PART_SIZE));
  const storage = await runStorage(backend);
  const dataDirs: string[] = [];
  for (let index = 0; index < INSTANCES; index++) {
    dataDirs.push(await Deno.makeTempDir({ prefix: "padlock-load-" }));
  }
  const dataDir = dataDirs[0];
  const { accounts, close } = await openAccounts(
    dataDir,
    storage.env.PADLOCK_SECRET_KEY,
    storage.env.PADLOCK_DATABASE_URL,
  );
  const user = await accounts.createUser({ email: "load@example.com", password: "load password" });
  const key = await accounts.createApiKey(user.id, "load");
  await close();
  const latencies = new Latencies();
  const cache = new CryptoCache();
  const service = new Instances(
    dataDirs,
    storage.env,
    (url) => new SendSafelyClient({ host: url, credentials: key, fetch: latencies.fetch }),
  );
  const profileDir = (phase: string) =>
    PROFILE_DIR ? `${PROFILE_DIR}/${phase}-${backend}-${sizeMiB}mib` : undefined;
  await service.start(profileDir(SPLIT ? "upload" : "mixed"));
  const deadline = AbortSignal.timeout(TIMEOUT_S * 1000);
  const problems: string[] = [];
  let retries = 0;
  const onRetry = () => void retries++;
  try {
    // Setup: the files the downloaders will read.
    const setupStart = performance.now();
    const sources = Array.from(
      { length: SOURCES },
      (_, index) => new BlockFile(size, 1000 + index),
    );
    const client = () => service.clients[0];
    const sourcePackage = await createPackage(client());
    const sourceIds: string[] = [];
    await Promise.all(sources.map(async (file, index) => {
      const uploaded = await uploadFile(client(), sourcePackage, file, {
        name: `source-${index}.bin`,
        encrypt: cache.encrypt,
        signal: deadline,
      });
      sourceIds[index] = uploaded.fileId;
    }));
    const sourceLink = await finalizePackage(client(), sourcePackage, { undisclosed: true });
    const opened: OpenedPackage = await openPackage(client(), sourceLink);
    const packages: PackageHandle[] = [];
    for (let index = 0; index < PACKAGES; index++) packages.push(await createPackage(client()));
    const setupSeconds = (performance.now() - setupStart) / 1000;

    // The load.
    const rssIdle = service.memory().rss;
    let rssPeak = rssIdle;
    let hwm = 0;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, service.memory().rss);
    }, 100);
    const uploads = Array.from({ length: UPLOADERS }, (_, index) => new BlockFile(size, index));
    const uploaded: { pkg: number; fileId: string }[] = [];
    const uploadAll = () =>
      uploads.map(async (file, index) => {
        const pkg = index % PACKAGES;
        const clients = service.clients;
        const { fileId } = await uploadFile(clients[index % clients.length], packages[pkg], file, {
          name: `upload-${index}.bin`,
          encrypt: cache.encrypt,
          signal: deadline,
          onRetry,
        });
        uploaded[index] = { pkg, fileId };
      });
    const downloadAll = () =>
      Array.from({ length: DOWNLOADERS }, async (_, index) => {
        const source = index % SOURCES;
        const file = opened.files.find((file) => file.fileId === sourceIds[source])!;
        const sink = hashingSink();
        const clients = service.clients;
        await downloadFile(
          clients[(UPLOADERS + index) % clients.length],
          opened,
          file,
          sink.stream,
          {
            decrypt: cache.decrypt,
            signal: deadline,
            onRetry,
          },
        );
        if (sink.digest() !== sources[source].sha256()) {
          problems.push(`download ${index} differs from source-${source}.bin`);
        }
      });
    /** Runs transfers and measures the service's and this client's CPU during them. */
    const measured = async (transfers: () => Promise<void>[]) => {
      latencies.recording = true;
      const before = {
        service: service.cpuSeconds(),
        system: service.systemSeconds(),
        client: processCpuSeconds("self"),
      };
      const started = performance.now();
      const results = await Promise.allSettled(transfers());
      const seconds = (performance.now() - started) / 1000;
      const serviceCpu = service.cpuSeconds() - before.service;
      const serviceSystem = service.systemSeconds() - before.system;
      const clientCpu = processCpuSeconds("self") - before.client;
      latencies.recording = false;
      rssPeak = Math.max(rssPeak, service.memory().rss);
      hwm = Math.max(hwm, service.memory().hwm);
      for (const result of results) {
        if (result.status === "rejected") problems.push(String(result.reason));
      }
      return { results, seconds, serviceCpu, serviceSystem, clientCpu };
    };
    const partMB = (count: number) => (count * (PART_SIZE + 107)) / MB;
    const perGiB = (cpu: number, mb: number) => cpu / ((mb * MB) / GIB);
    let seconds: number, serviceCpu: number, clientCpu: number;
    let downloadResults: PromiseSettledResult<void>[];
    let phases: RunResult["phases"];
    if (SPLIT) {
      const up = await measured(uploadAll);
      const upMB = partMB(latencies.put.length);
      if (PROFILE_DIR) {
        // Each phase in its own process, so each leaves its own profile.
        await service.stop();
        await service.start(profileDir("download"));
      }
      const down = await measured(downloadAll);
      const downMB = partMB(latencies.get.length);
      downloadResults = down.results;
      seconds = up.seconds + down.seconds;
      serviceCpu = up.serviceCpu + down.serviceCpu;
      clientCpu = up.clientCpu + down.clientCpu;
      phases = {
        up: {
          seconds: up.seconds,
          mb: upMB,
          serviceCpu: up.serviceCpu,
          serviceSystem: up.serviceSystem,
          cpuPerGiB: perGiB(up.serviceCpu, upMB),
        },
        down: {
          seconds: down.seconds,
          mb: downMB,
          serviceCpu: down.serviceCpu,
          serviceSystem: down.serviceSystem,
          cpuPerGiB: perGiB(down.serviceCpu, downMB),
        },
      };
    } else {
      const both = await measured(() => [...uploadAll(), ...downloadAll()]);
      downloadResults = both.results.slice(UPLOADERS) as PromiseSettledResult<void>[];
      ({ seconds, serviceCpu, clientCpu } = both);
    }
    clearInterval(sampler);
    const downloadsOk = downloadResults.filter((result) => result.status === "fulfilled")
      .length - problems.filter((problem) => problem.startsWith("download")).length;

    // Every uploaded file, read back through the service, is byte-identical.
    let uploadsOk = 0;
    const links = await Promise.all(
      packages.map((pkg) => finalizePackage(client(), pkg, { undisclosed: true })),
    );
    const readBack = await Promise.all(links.map((link) => openPackage(client(), link)));
    let next = 0;
    await Promise.all(Array.from({ length: 10 }, async () => {
      while (next < UPLOADERS) {
        const index = next++;
        const entry = uploaded[index];
        if (!entry) continue;
        const pkg = readBack[entry.pkg];
        const file = pkg.files.find((file) => file.fileId === entry.fileId)!;
        const sink = hashingSink();
        await downloadFile(client(), pkg, file, sink.stream, {
          decrypt: cache.decrypt,
          signal: deadline,
        });
        if (sink.digest() === uploads[index].sha256()) uploadsOk++;
        else problems.push(`upload ${index} reads back different`);
      }
    })).catch((error) => problems.push(`reading uploads back: ${error}`));
    if (deadline.aborted) problems.push(`the run took longer than ${TIMEOUT_S} s`);

    const upMB = partMB(latencies.put.length);
    const downMB = partMB(latencies.get.length);
    return {
      backend,
      sizeMiB,
      parts,
      seconds,
      put: stats(latencies.put),
      get: stats(latencies.get),
      api: stats(latencies.api),
      upMB,
      downMB,
      rssIdle,
      rssPeak,
      serviceCpu,
      cpuPerGiB: perGiB(serviceCpu, upMB + downMB),
      phases,
      clientCpu,
      hwm,
      verified: { uploads: uploadsOk, downloads: downloadsOk },
      problems: latencies.failures > 0
        ? [...problems, `${latencies.failures} HTTP answers were errors (retried)`]
        : problems,
      retries,
      encryptions: cache.encryptions,
      decryptions: cache.decryptions,
      setupSeconds,
    };
  } finally {
    await service.stop();
    for (const dir of dataDirs) await Deno.remove(dir, { recursive: true });
    await storage.close();
  }
}

const cores = navigator.hardwareConcurrency;
const ms = (value: number) => `${Math.round(value)} ms`;
const mib = (bytes: number) => `${Math.round(bytes / MIB)} MiB`;

function machine(): string {
  const cpus = navigator.hardwareConcurrency;
  const memory = Deno.systemMemoryInfo().total;
  return `${cpus} cores, ${
    Math.round(memory / 1024 ** 3)
  } GiB, ${Deno.build.os} ${Deno.build.arch}, ` +
    `Deno ${Deno.version.deno}, load average ${
      Deno.loadavg().map((value) => value.toFixed(2)).join(" ")
    }`;
}

console.log(
  `Padlock load: ${UPLOADERS} uploaders and ${DOWNLOADERS} downloaders ${
    SPLIT ? "(uploads first, then downloads)" : "at once"
  }, files of ` +
    `${SIZES_MIB.join(" and ")} MiB, backend ${BACKENDS.join(" and ")}, ${INSTANCES} service ` +
    `instance(s) as subprocesses on 127.0.0.1.\n${machine()}\n`,
);
const runs: RunResult[] = [];
let failed = false;
for (const backend of BACKENDS) {
  for (const sizeMiB of SIZES_MIB) {
    const result = await run(backend, sizeMiB);
    runs.push(result);
    const { phases } = result;
    // In split mode each direction's throughput is over its own phase.
    const upSeconds = phases?.up.seconds ?? result.seconds;
    const downSeconds = phases?.down.seconds ?? result.seconds;
    console.log(
      `${backend}, ${INSTANCES} instance(s), ${sizeMiB} MiB files (${result.parts} parts each): ${UPLOADERS} uploads and ` +
        `${DOWNLOADERS} downloads in ${result.seconds.toFixed(1)} s ` +
        `(setup: ${SOURCES} source files uploaded in ${result.setupSeconds.toFixed(1)} s)\n` +
        `  PUT part  n=${result.put.n}  p50 ${ms(result.put.p50)}  p99 ${ms(result.put.p99)}\n` +
        `  GET part  n=${result.get.n}  p50 ${ms(result.get.p50)}  p99 ${ms(result.get.p99)}\n` +
        `  API call  n=${result.api.n}  p50 ${ms(result.api.p50)}  p99 ${ms(result.api.p99)}\n` +
        `  throughput (ciphertext): up ${(result.upMB / upSeconds).toFixed(1)} MB/s, ` +
        `down ${(result.downMB / downSeconds).toFixed(1)} MB/s, total ` +
        `${((result.upMB + result.downMB) / result.seconds).toFixed(1)} MB/s\n` +
        `  service memory: resident ${mib(result.rssIdle)} before the load, at most ` +
        `${mib(result.rssPeak)} during it (VmHWM ${mib(result.hwm)})\n` +
        `  CPU during the load: service ${result.serviceCpu.toFixed(1)} s ` +
        `(${result.cpuPerGiB.toFixed(2)} s per GiB moved), this client ` +
        `${result.clientCpu.toFixed(1)} s, of ${
          (cores * result.seconds).toFixed(1)
        } s on ${cores} cores\n` +
        (phases
          ? `  service CPU per GiB: received ${phases.up.cpuPerGiB.toFixed(2)} s ` +
            `(${phases.up.serviceCpu.toFixed(1)} s, ${
              phases.up.serviceSystem.toFixed(1)
            } s of it ` +
            `in the kernel, for ${phases.up.mb.toFixed(0)} MB in ` +
            `${phases.up.seconds.toFixed(1)} s), sent ${phases.down.cpuPerGiB.toFixed(2)} s ` +
            `(${phases.down.serviceCpu.toFixed(1)} s, ${
              phases.down.serviceSystem.toFixed(1)
            } s of it in the kernel, for ${phases.down.mb.toFixed(0)} MB in ` +
            `${phases.down.seconds.toFixed(1)} s)\n`
          : "") +
        `  byte-identical (SHA-256): ${result.verified.downloads}/${DOWNLOADERS} downloads, ` +
        `${result.verified.uploads}/${UPLOADERS} uploads read back; ${result.retries} retries\n` +
        `  client crypto, cached: ${result.encryptions} real encryptions for ` +
        `${UPLOADERS * result.parts + SOURCES * result.parts} parts sent, ${result.decryptions} ` +
        `real decryptions for ${(DOWNLOADERS + UPLOADERS) * result.parts} parts read\n`,
    );
    for (const problem of result.problems.slice(0, 20)) console.log(`  PROBLEM: ${problem}`);
    if (result.problems.some((problem) => !problem.endsWith("(retried)"))) failed = true;
  }
}

console.log(
  "| backend | instances | file size | transfers | wall time | PUT p50 / p99 | GET p50 / p99 | MB/s up + down | service RSS before → peak (VmHWM) | service CPU s per GiB moved | received | sent | byte-identical |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const result of runs) {
  console.log(
    `| ${result.backend} | ${INSTANCES} | ${result.sizeMiB} MiB | ${UPLOADERS} up ${
      SPLIT ? "then" : "+"
    } ${DOWNLOADERS} down | ${result.seconds.toFixed(1)} s | ${ms(result.put.p50)} / ${
      ms(result.put.p99)
    } | ${ms(result.get.p50)} / ${ms(result.get.p99)} | ${
      (result.upMB / (result.phases?.up.seconds ?? result.seconds)).toFixed(1)
    } + ${(result.downMB / (result.phases?.down.seconds ?? result.seconds)).toFixed(1)} | ${
      mib(result.rssIdle)
    } → ${mib(result.rssPeak)} (${mib(result.hwm)}) | ${result.cpuPerGiB.toFixed(2)} | ${
      result.phases?.up.cpuPerGiB.toFixed(2) ?? "–"
    } | ${result.phases?.down.cpuPerGiB.toFixed(2) ?? "–"} | ${
      result.verified.uploads + result.verified.downloads
    }/${UPLOADERS + DOWNLOADERS} |`,
  );
}
if (failed) Deno.exit(1);
// The throwaway PostgreSQL cluster and radosgw stop when this process ends (their unload hooks).
Deno.exit(0);
