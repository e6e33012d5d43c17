/**
 * `deno task bench`: throughput and memory of Padlock in headless Chromium against the local
 * service (started in this process), one run on this machine. Prints a table of
 *
 * - (a) encrypt-only MB/s with a pool of one worker;
 * - (b) encrypt-only MB/s with the default pool (one worker per core, at most four);
 * - (c) end-to-end MB/s of uploading the file, attach → Secure Link (new pool, package, encrypt
 *   and upload every part, finalize);
 * - (d) end-to-end MB/s of downloading it (open the link, fetch and decrypt every part) into a
 *   sink that discards;
 * - (e) MB/s of the official SendSafely Node SDK uploading the same file to the same service
 *   (`bench/sdk_upload.cjs`, under Node);
 *
 * the ratios the issue sets targets for (c/b ≥ 0.85, d/b ≥ 0.7, b/a ≥ 0.8 × cores, c/e ≥ 3),
 * and the peak JavaScript heap of the page above idle during (c) and (d) (`performance.memory`
 * sampled every 100 ms in the page; target ≤ 64 MiB), with the renderer processes' resident
 * memory beside it (sampled from /proc), since the parts' buffers live outside the JS heap.
 *
 * Chromium is the one of `tests/_helpers/browser.ts` with its flags, but started without the
 * DevTools protocol: with DevTools attached (as Playwright does) Chromium copies every byte body
 * a page sends, which made uploads ten times slower than they are. The page (`bench/page.ts`)
 * runs the steps by itself and reports to this process over HTTP.
 *
 * Only ratios from one run compare across machines. MB is 10^6 bytes. Options (environment):
 * `PADLOCK_BENCH_MIB` the file size in MiB (default 1024; e.g. 64 for a quick run),
 * `PADLOCK_BENCH_SDK=0` to skip (e). With `--record` the table is also appended to
 * `bench/RESULTS.md` with the date and the machine.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { startServer } from "../server/mod.ts";
import { PART_SIZE } from "../src/upload.ts";
import { CHROME_FLAGS, CHROME_PATH } from "../tests/_helpers/browser.ts";
import { installSdk } from "../tests/server/_sdk.ts";
import type { BenchReport, StepResult } from "./page.ts";

const MB = 1_000_000;
const MIB = 1024 * 1024;
const BENCH = new URL("./", import.meta.url).pathname;

const sizeMiB = Number(Deno.env.get("PADLOCK_BENCH_MIB") ?? "1024");
if (!Number.isSafeInteger(sizeMiB) || sizeMiB < 1) {
  throw new RangeError(`PADLOCK_BENCH_MIB must be a positive integer: current value is ${sizeMiB}`);
}
const bytes = sizeMiB * MIB;
const runSdk = Deno.env.get("PADLOCK_BENCH_SDK") !== "0";
const record = Deno.args.includes("--record");

/** The page script and the crypto worker, minified browser bundles as build.ts makes them. */
async function bundles(): Promise<{ page: string; worker: string }> {
  const options: esbuild.BuildOptions = {
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110"],
    minify: true,
    write: false,
    logLevel: "silent",
  };
  try {
    const [page, worker] = await Promise.all([
      esbuild.build({ ...options, entryPoints: [`${BENCH}page.ts`], outfile: "page.js" }),
      esbuild.build({
        ...options,
        entryPoints: [new URL("../src/crypto_worker.ts", import.meta.url).pathname],
        outfile: "worker.js",
      }),
    ]);
    return { page: page.outputFiles![0].text, worker: worker.outputFiles![0].text };
  } finally {
    await esbuild.stop();
  }
}

function script(text: string): Response {
  return new Response(text, { headers: { "Content-Type": "text/javascript; charset=utf-8" } });
}

/** What /proc says about this process and the Chromium it started. */
interface ProcessSnapshot {
  /** Resident memory of the Chromium renderer processes (page and workers), in bytes. */
  rendererMemory: number;
  /** CPU seconds used so far by every Chromium process (browser, network, renderers). */
  chromiumCpu: number;
  /** CPU seconds used so far by this process: the service, and this driver (idle meanwhile). */
  serviceCpu: number;
}

const CLOCK_TICKS = 100;

/** Reads /proc; `undefined` where there is none (not Linux). */
function snapshot(): ProcessSnapshot | undefined {
  try {
    const parents = new Map<number, number>();
    const cpu = new Map<number, number>();
    const renderers: number[] = [];
    for (const entry of Deno.readDirSync("/proc")) {
      const pid = Number(entry.name);
      if (!Number.isSafeInteger(pid)) continue;
      try {
        const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        parents.set(pid, Number(fields[1]));
        cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
        if (Deno.readTextFileSync(`/proc/${pid}/cmdline`).includes("--type=renderer")) {
          renderers.push(pid);
        }
      } catch {
        // The process ended meanwhile.
      }
    }
    const descends = (pid: number) => {
      let ancestor = parents.get(pid);
      while (ancestor !== undefined && ancestor > 1 && ancestor !== Deno.pid) {
        ancestor = parents.get(ancestor);
      }
      return ancestor === Deno.pid;
    };
    let rendererMemory = 0;
    for (const pid of renderers) {
      if (!descends(pid)) continue;
      const status = Deno.readTextFileSync(`/proc/${pid}/status`);
      rendererMemory += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    }
    let chromiumCpu = 0;
    for (const [pid, seconds] of cpu) if (pid !== Deno.pid && descends(pid)) chromiumCpu += seconds;
    return { rendererMemory, chromiumCpu, serviceCpu: cpu.get(Deno.pid) ?? 0 };
  } catch {
    return undefined;
  }
}

/** Writes `bytes` bytes of one random 1 MiB chunk repeated (as the page builds its Blob). */
async function writeFile(path: string, size: number): Promise<void> {
  const chunk = new Uint8Array(MIB);
  for (let offset = 0; offset < MIB; offset += 65_536) {
    crypto.getRandomValues(chunk.subarray(offset, offset + 65_536));
  }
  using file = await Deno.open(path, { write: true, create: true, truncate: true });
  for (let written = 0; written < size; written += MIB) {
    const piece = chunk.subarray(0, Math.min(MIB, size - written));
    for (let done = 0; done < piece.length;) done += await file.write(piece.subarray(done));
  }
}

/** (e): the SDK uploads the same file; its own milliseconds from createPackage to the link. */
async function sdkUpload(
  host: string,
  key: { apiKey: string; apiSecret: string },
  path: string,
): Promise<number> {
  const modules = await installSdk();
  const output = await new Deno.Command("node", {
    args: [`${BENCH}sdk_upload.cjs`, JSON.stringify({ host, ...key, file: path })],
    env: { NODE_PATH: modules },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const line = new TextDecoder().decode(output.stdout).trim().split("\n").at(-1) ?? "";
  let result: { ms?: number; error?: unknown };
  try {
    result = JSON.parse(line);
  } catch {
    throw new Error(`The SDK printed no result: ${new TextDecoder().decode(output.stderr)}`);
  }
  if (!output.success || typeof result.ms !== "number") {
    throw new Error(`The SDK failed: ${JSON.stringify(result.error ?? result)}`);
  }
  return result.ms;
}

const rate = (ms: number) => bytes / MB / (ms / 1000);
const mib = (value: number | undefined) =>
  value === undefined ? "n/a" : `${(value / MIB).toFixed(1)} MiB`;

/**
 * Per step: the peak renderer memory above its value at the step's start (sampled every 100 ms)
 * and the CPU seconds Chromium and the service used during it.
 */
class ProcessSampler {
  #step = "";
  #start: ProcessSnapshot | undefined;
  readonly peaks = new Map<string, number>();
  readonly cpu = new Map<string, { chromium: number; service: number }>();
  readonly #timer = setInterval(() => this.#sample(), 100);

  /** Ends the current step (if any) and starts `step` ("" for none). */
  start(step: string): void {
    const now = snapshot();
    if (this.#step && this.#start && now) {
      this.cpu.set(this.#step, {
        chromium: now.chromiumCpu - this.#start.chromiumCpu,
        service: now.serviceCpu - this.#start.serviceCpu,
      });
    }
    this.#step = step;
    this.#start = now;
  }

  #sample(): void {
    const now = snapshot();
    if (!now || !this.#start || !this.#step) return;
    const above = now.rendererMemory - this.#start.rendererMemory;
    this.peaks.set(this.#step, Math.max(this.peaks.get(this.#step) ?? 0, above));
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

const { page: pageScript, worker: workerScript } = await bundles();
const dataDir = await Deno.makeTempDir({ prefix: "padlock-bench-" });
const profile = await Deno.makeTempDir({ prefix: "padlock-bench-profile-" });
const reports: BenchReport[] = [];
let reported: () => void = () => {};
const finished = new Promise<void>((resolve) => reported = resolve);
const sampler = new ProcessSampler();
let config = "";
const server = await startServer({
  port: 0,
  dataDir,
  log: () => {},
  extraRoutes: async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === "/bench/") {
      return new Response(
        '<!doctype html><meta charset="utf-8"><title>Padlock bench</title>' +
          '<script type="module" src="/bench/page.js"></script>',
        { headers: { "Content-Type": "text/html; charset=utf-8" } },
      );
    }
    if (pathname === "/bench/page.js") return script(pageScript);
    if (pathname === "/bench/crypto_worker.js") return script(workerScript);
    if (pathname === "/bench/config") {
      return new Response(config, { headers: { "Content-Type": "application/json" } });
    }
    if (pathname === "/bench/report" && request.method === "POST") {
      const message = await request.json() as BenchReport;
      reports.push(message);
      if (message.type === "start") {
        sampler.start(message.step);
        console.error(`bench: (${message.step})…`);
      }
      if (message.type === "done" || message.type === "error") {
        sampler.start("");
        reported();
      }
      return new Response("ok");
    }
    return undefined;
  },
});
let chromium: Deno.ChildProcess | undefined;
try {
  const user = await server.accounts.createUser({
    email: "bench@example.com",
    password: "bench-password-1",
  });
  const key = await server.accounts.createApiKey(user.id, "bench");
  config = JSON.stringify({ bytes, key });
  const load = (await Deno.readTextFile("/proc/loadavg").catch(() => "n/a")).split(" ")
    .slice(0, 3).join(" ");
  const version = new TextDecoder().decode(
    (await new Deno.Command(CHROME_PATH, { args: ["--version"], stdout: "piped" }).output())
      .stdout,
  ).trim();
  console.error(`bench: ${sizeMiB} MiB, ${version}`);
  chromium = new Deno.Command(CHROME_PATH, {
    args: [
      ...CHROME_FLAGS,
      `--user-data-dir=${profile}`,
      "--enable-precise-memory-info",
      "--js-flags=--expose-gc",
      `${server.url}/bench/`,
    ],
    stdout: "null",
    stderr: "null",
  }).spawn();
  await finished;
  sampler.stop();
  const failure = reports.find((message) => message.type === "error");
  if (failure?.type === "error") throw new Error(`The bench page failed: ${failure.message}`);
  const results = new Map<string, StepResult>();
  let cores = 0;
  for (const message of reports) {
    if (message.type === "result") results.set(message.step, message.result);
    if (message.type === "start") cores = message.cores;
  }
  const [a, b, c, d] = ["a", "b", "c", "d"].map((step) => results.get(step)!);
  chromium.kill();
  await chromium.status;
  chromium = undefined;

  let e: number | undefined;
  let eNote = "";
  if (runSdk) {
    console.error("bench: (e) SendSafely Node SDK upload…");
    const file = `${dataDir}/bench.bin`;
    await writeFile(file, bytes);
    try {
      e = await sdkUpload(server.url, key, file);
    } catch (error) {
      eNote = error instanceof Error ? error.message.split("\n")[0] : String(error);
    } finally {
      await Deno.remove(file);
    }
  } else {
    eNote = "skipped (PADLOCK_BENCH_SDK=0)";
  }

  const ratios: [string, number | undefined, number, string][] = [
    ["c/b", rate(c.ms) / rate(b.ms), 0.85, "≥ 0.85"],
    ["d/b", rate(d.ms) / rate(b.ms), 0.7, "≥ 0.7"],
    ["b/a", rate(b.ms) / rate(a.ms), 0.8 * cores, `≥ 0.8 × ${cores} cores = ${0.8 * cores}`],
    ["c/e", e === undefined ? undefined : rate(c.ms) / rate(e), 3, "≥ 3"],
  ];
  const heapLimit = 64 * MIB;
  const cpu = (await Deno.readTextFile("/proc/cpuinfo").catch(() => "")).match(
    /model name\s*:\s*(.*)/,
  )?.[1] ?? "unknown CPU";
  const lines = [
    `${new Date().toISOString().slice(0, 10)}: ${sizeMiB} MiB file, ${cores} cores (${cpu}), ` +
    `load average ${load} at start, ${version} headless, Deno ${Deno.version.deno}, ` +
    `parts of ${PART_SIZE} bytes`,
    "",
    "| measure | MB/s | |",
    "|---|---:|---|",
    `| (a) encrypt only, 1 worker | ${rate(a.ms).toFixed(1)} | ${a.mode} |`,
    `| (b) encrypt only, pool | ${rate(b.ms).toFixed(1)} | ${b.workers} workers |`,
    `| (c) upload, attach → Secure Link | ${rate(c.ms).toFixed(1)} | ${c.workers} workers |`,
    `| (d) download to a discarding sink | ${rate(d.ms).toFixed(1)} | ${d.workers} workers |`,
    `| (e) SendSafely Node SDK upload | ${e === undefined ? "n/a" : rate(e).toFixed(1)} | ` +
    `${eNote || "same file, same service"} |`,
    "",
    "| ratio | value | target | met |",
    "|---|---:|---|---|",
    ...ratios.map(([name, value, target, text]) =>
      `| ${name} | ${value === undefined ? "n/a" : value.toFixed(2)} | ${text} | ${
        value === undefined ? "n/a" : value >= target ? "yes" : "no"
      } |`
    ),
    "",
    "| peak above idle | (c) upload | (d) download | target |",
    "|---|---:|---:|---|",
    `| page JS heap | ${mib(c.heap)} | ${mib(d.heap)} | ≤ 64 MiB: ${
      (c.heap ?? Infinity) <= heapLimit && (d.heap ?? Infinity) <= heapLimit ? "met" : "not met"
    } |`,
    `| renderer processes, resident | ${mib(sampler.peaks.get("c"))} | ` +
    `${mib(sampler.peaks.get("d"))} | for information (encrypt only: ` +
    `${mib(sampler.peaks.get("a"))} with 1 worker, ${mib(sampler.peaks.get("b"))} with the pool) |`,
    "",
    "| CPU seconds (share of the step's time × cores) | Chromium | service | wall |",
    "|---|---:|---:|---:|",
    ...(["a", "b", "c", "d"] as const).map((step) => {
      const used = sampler.cpu.get(step);
      const wall = results.get(step)!.ms / 1000;
      const share = (seconds: number) =>
        `${seconds.toFixed(1)} (${Math.round((100 * seconds) / (wall * cores))}%)`;
      return `| (${step}) | ${used ? share(used.chromium) : "n/a"} | ${
        used ? share(used.service) : "n/a"
      } | ${wall.toFixed(1)} s |`;
    }),
  ];
  const table = lines.join("\n");
  console.log(table);
  if (record) {
    const path = `${BENCH}RESULTS.md`;
    const before = await Deno.readTextFile(path).catch(() =>
      "# Benchmark results\n\nEach run of `deno task bench -- --record`, newest last. " +
      "Only ratios from one run compare across machines.\n"
    );
    await Deno.writeTextFile(path, `${before.trimEnd()}\n\n## Run of ${table}\n`);
    // Formatted as the repository's `deno fmt --check` wants it.
    await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", path] }).output();
  }
} finally {
  sampler.stop();
  if (chromium) {
    chromium.kill();
    await chromium.status;
  }
  await server.close();
  await Deno.remove(dataDir, { recursive: true });
  await Deno.remove(profile, { recursive: true }).catch(() => {});
}
