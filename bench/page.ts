/// <reference lib="dom" />
/**
 * The benchmark page's script (bundled by `bench/main.ts` and run in headless Chromium on the
 * service's origin, without DevTools attached). It reads its settings from `/bench/config`, runs
 * the engines worker (`bench/engines.ts`) under two policies, then the steps (a), (b), (c), (a′),
 * (b′), (d) one after the other, timing each in the page with `performance.now()`, and posts
 * each phase and result to `/bench/report`, where `bench/main.ts` collects them. (a′) and (b′)
 * decrypt the first parts (c) uploaded, fetched from the service before the timing starts, over
 * and over, as (a) and (b) encrypt one part over and over.
 *
 * The file is a Blob made of one random 1 MiB chunk repeated, so no array of the file's size is
 * ever made; each part still holds different bytes, since 1 MiB does not divide a part.
 *
 * During (c) and (d) the page samples its JavaScript heap (`performance.memory`, precise with
 * `--enable-precise-memory-info`) every 100 ms, after a garbage collection (`--expose-gc`) for
 * the idle value.
 *
 * @module
 */
import { release } from "../src/_buffers.ts";
import { SendSafelyClient } from "../src/api.ts";
import { downloadFile, openPackage } from "../src/download.ts";
import { passphrase } from "../src/keys.ts";
import type { EngineReport } from "./engines.ts";
import { createPackage, finalizePackage, PART_SIZE, uploadFile } from "../src/upload.ts";
import { CryptoPool } from "../src/worker_pool.ts";

/** Where the page finds the crypto worker (served by bench/main.ts). */
const WORKER_URL = "/bench/crypto_worker.js";
const MIB = 1024 * 1024;

/** What `/bench/config` answers. */
export interface BenchConfig {
  /** The file size in bytes. */
  bytes: number;
  /** The API key of the bench's user. */
  key: { apiKey: string; apiSecret: string };
  /** Only the engines, only the transfers (a)–(d), or both when undefined. */
  only?: "engines" | "transfers";
}

/** One timed step, as reported. */
export interface StepResult {
  /** Milliseconds, measured in the page. */
  ms: number;
  /** Where the crypto ran. */
  mode: string;
  /** Workers the pool had started by the end. */
  workers: number;
  /** Peak JS heap above idle during the step, in bytes (for (c) and (d)). */
  heap?: number;
  /** The Secure Link (c) made, for (d) and the SDK's download (f). */
  link?: string;
}

/** The engines worker's URLs: under the pages' policy, and as the service serves scripts. */
export const ENGINE_WORKERS = {
  "the pages' Content-Security-Policy": "/bench/engines.js?policy=page",
  "no script-src (as the service serves scripts)": "/bench/engines.js?policy=script",
} as const;

/** What the page posts to `/bench/report`. */
export type BenchReport =
  | { type: "start"; step: string; cores: number }
  | { type: "result"; step: string; result: StepResult }
  | { type: "engines"; policy: string; report: EngineReport }
  | { type: "done" }
  | { type: "error"; message: string };

function report(message: BenchReport): Promise<Response> {
  return fetch("/bench/report", { method: "POST", body: JSON.stringify(message) });
}

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, offset + 65_536));
  }
  return bytes;
}

function benchFile(bytes: number): Blob {
  const chunk = new Blob([randomBytes(MIB)]);
  return new Blob(Array.from({ length: Math.ceil(bytes / MIB) }, () => chunk)).slice(0, bytes);
}

/** Starts every worker of the pool (by giving each a small part) so timing starts warm. */
async function warmUp(pool: CryptoPool): Promise<void> {
  await Promise.all(
    Array.from({ length: pool.size }, () => pool.encrypt(randomBytes(1024), "warm-up")),
  );
}

function usedHeap(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
    ?.usedJSHeapSize ?? 0;
}

/** Runs `step` while sampling the heap; the peak above the idle heap comes with its result. */
async function sampled(step: () => Promise<StepResult>): Promise<StepResult> {
  (globalThis as unknown as { gc?: () => void }).gc?.();
  const idle = usedHeap();
  let peak = idle;
  const timer = setInterval(() => peak = Math.max(peak, usedHeap()), 100);
  try {
    const result = await step();
    peak = Math.max(peak, usedHeap());
    return { ...result, heap: peak - idle };
  } finally {
    clearInterval(timer);
  }
}

/**
 * (a) and (b): encrypts `bytes` worth of parts with a pool of `size` workers (the default size
 * when undefined), `pool.concurrency` parts in flight, each a copy of one random part.
 */
async function encryptOnly(size: number | undefined, bytes: number): Promise<StepResult> {
  const pool = new CryptoPool({ workerUrl: WORKER_URL, size });
  try {
    await warmUp(pool);
    const part = randomBytes(PART_SIZE);
    const parts = Math.ceil(bytes / PART_SIZE);
    let next = 0;
    const started = performance.now();
    const lane = async () => {
      while (next < parts) {
        next++;
        await pool.encrypt(part.slice(), "bench-passphrase");
      }
    };
    await Promise.all(Array.from({ length: pool.concurrency }, lane));
    return { ms: performance.now() - started, mode: pool.mode, workers: pool.workerCount };
  } finally {
    pool.close();
  }
}

/** The engines worker's report, from `url`. */
function engines(url: string): Promise<EngineReport> {
  return new Promise((resolve) => {
    const worker = new Worker(url, { type: "module" });
    worker.onmessage = (event: MessageEvent<EngineReport>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ ok: false, message: event.message || "the worker failed to load" });
    };
  });
}

/** The first `count` parts (at most) of the file behind `link`, as the service stores them. */
async function fetchParts(
  api: SendSafelyClient,
  link: string,
  count: number,
): Promise<{ parts: Uint8Array[]; key: string }> {
  const opened = await openPackage(api, link);
  const file = opened.files[0];
  const urls = await api.getDownloadUrls(
    opened.packageId,
    file.fileId,
    opened.checksum,
    1,
    Math.min(count, file.parts),
  );
  const parts = await Promise.all(urls.map(({ url }) => api.getPart(url)));
  return { parts, key: passphrase(opened.serverSecret, opened.keyCode) };
}

/**
 * (a′) and (b′): decrypts `bytes` worth of parts with a pool of `size` workers (the default size
 * when undefined), cycling through `parts` (a copy each time: the pool takes the buffer).
 */
async function decryptOnly(
  size: number | undefined,
  bytes: number,
  { parts, key }: { parts: Uint8Array[]; key: string },
): Promise<StepResult> {
  const pool = new CryptoPool({ workerUrl: WORKER_URL, size });
  try {
    await warmUp(pool);
    let done = 0;
    let next = 0;
    const started = performance.now();
    const lane = async () => {
      while (done < bytes) {
        const part = parts[next++ % parts.length];
        const plain = await pool.decrypt(part.slice(), key);
        done += plain.byteLength;
        release(plain);
      }
    };
    await Promise.all(Array.from({ length: pool.concurrency }, lane));
    // MB/s of plaintext, as (d) counts the file's bytes.
    const ms = ((performance.now() - started) * bytes) / done;
    return { ms, mode: pool.mode, workers: pool.workerCount };
  } finally {
    pool.close();
  }
}

/**
 * (c): attach → Secure Link: a new pool (its workers start within the time), a package, the file
 * encrypted and uploaded, the package finalized.
 */
async function upload(api: SendSafelyClient, file: Blob): Promise<StepResult & { link: string }> {
  const started = performance.now();
  const pool = new CryptoPool({ workerUrl: WORKER_URL });
  try {
    const pkg = await createPackage(api);
    await uploadFile(api, pkg, file, {
      name: "bench.bin",
      encrypt: pool.encrypt,
      concurrency: pool.concurrency,
      completeInterval: 100,
    });
    const link = await finalizePackage(api, pkg, { undisclosed: true });
    const ms = performance.now() - started;
    return { ms, mode: pool.mode, workers: pool.workerCount, link };
  } finally {
    pool.close();
  }
}

/** (d): opens the link and downloads the file, decrypted in a new pool, into a sink that discards. */
async function download(api: SendSafelyClient, link: string, bytes: number): Promise<StepResult> {
  const started = performance.now();
  const pool = new CryptoPool({ workerUrl: WORKER_URL });
  try {
    const opened = await openPackage(api, link);
    let received = 0;
    const discard = new WritableStream<Uint8Array>({
      write: (chunk) => {
        received += chunk.byteLength;
        release(chunk); // As a sink that is done with a part does.
      },
    });
    await downloadFile(api, opened, opened.files[0], discard, {
      decrypt: pool.decrypt,
      concurrency: pool.concurrency,
    });
    if (received !== bytes) throw new Error(`downloaded ${received} of ${bytes} bytes`);
    return { ms: performance.now() - started, mode: pool.mode, workers: pool.workerCount };
  } finally {
    pool.close();
  }
}

async function run(): Promise<void> {
  const { bytes, key, only } = await (await fetch("/bench/config")).json() as BenchConfig;
  const cores = navigator.hardwareConcurrency;
  const api = new SendSafelyClient({ host: location.origin, credentials: key });
  const step = async (name: string, measure: () => Promise<StepResult>) => {
    await report({ type: "start", step: name, cores });
    const result = await measure();
    await report({ type: "result", step: name, result });
    return result;
  };
  if (only !== "transfers") {
    for (const [policy, url] of Object.entries(ENGINE_WORKERS)) {
      await report({ type: "engines", policy, report: await engines(url) });
    }
  }
  if (only === "engines") return void await report({ type: "done" });
  await step("a", () => encryptOnly(1, bytes));
  await step("b", () => encryptOnly(undefined, bytes));
  const file = benchFile(bytes);
  let link = "";
  await step("c", () =>
    sampled(async () => {
      const result = await upload(api, file);
      link = result.link;
      return result;
    }));
  // Eight parts (20 MiB): distinct ciphertexts, few enough to keep in the page.
  const parts = await fetchParts(api, link, 8);
  await step("a'", () => decryptOnly(1, bytes, parts));
  await step("b'", () => decryptOnly(undefined, bytes, parts));
  parts.parts.length = 0;
  await step("d", () => sampled(() => download(api, link, bytes)));
  await report({ type: "done" });
}

run().catch((error) => report({ type: "error", message: String(error?.stack ?? error) }));
