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
 * - (a′) and (b′): decrypt-only MB/s with one worker and with the default pool, on the first
 *   parts of (c) as the service stores them;
 * - (f) MB/s of the SDK downloading the file of (c) from the same service
 *   (`bench/sdk_download.cjs`; the SDK can only save to a file, in the temporary directory);
 * - the raw speed of each AES engine in one worker of this browser (`bench/engines.ts`): the
 *   one OpenPGP.js encrypts with (WebCrypto AES-CBC), the one it decrypts with (its JavaScript
 *   AES, in a whole part), and the AES-CFB decryption paths of other npm libraries, under the
 *   pages' Content-Security-Policy and without it;
 *
 * the ratios the issue sets targets for (c/b ≥ 0.85, d/b′ ≥ 0.85, b/a and b′/a′ ≥ 0.8 × cores,
 * c/e ≥ 3, d/f ≥ 1; d/b for comparison with older runs), each missed one with what bounds it,
 * the peak JavaScript heap of the page above idle during (c) and (d) (`performance.memory`
 * sampled every 100 ms in the page; target ≤ 64 MiB), with the renderer processes' resident
 * memory beside it (sampled from /proc), since the parts' buffers live outside the JS heap, and
 * the CPU seconds per GiB of each step, split by where they went (from /proc): Chromium's
 * workers (the crypto), the rest of its renderer (the page: reading the file, streams, fetch),
 * its network process, its browser and other processes (Blob storage, IPC), the service (this
 * process), the SDK under Node, and every other process of the machine (other jobs).
 *
 * Chromium is the one of `tests/_helpers/browser.ts` with its flags, but started without the
 * DevTools protocol: with DevTools attached (as Playwright does) Chromium copies every byte body
 * a page sends, which made uploads ten times slower than they are. The page (`bench/page.ts`)
 * runs the steps by itself and reports to this process over HTTP.
 *
 * Only ratios from one run compare across machines. MB is 10^6 bytes. Options: `--size N` (or
 * `PADLOCK_BENCH_MIB=N`) the file size in MiB (default 1024; e.g. 64 for a quick run),
 * `--only engines` or `--only transfers` to run one half, `PADLOCK_BENCH_SDK=0` to skip (e) and
 * (f). With `--record` the tables are also appended to `bench/RESULTS.md` with the date and the
 * machine.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { startServer } from "../server/mod.ts";
import { PART_SIZE } from "../src/upload.ts";
import { CHROME_FLAGS, CHROME_PATH } from "../tests/_helpers/browser.ts";
import { securityHeaders } from "../server/portal/page.ts";
import { installSdk } from "../tests/server/_sdk.ts";
import type { EngineReport } from "./engines.ts";
import type { BenchReport, StepResult } from "./page.ts";

const MB = 1_000_000;
const MIB = 1024 * 1024;
const BENCH = new URL("./", import.meta.url).pathname;

/** The value after `--name` in the arguments, if any. */
function option(name: string): string | undefined {
  const at = Deno.args.indexOf(`--${name}`);
  return at >= 0 ? Deno.args[at + 1] : undefined;
}

const sizeMiB = Number(option("size") ?? Deno.env.get("PADLOCK_BENCH_MIB") ?? "1024");
if (!Number.isSafeInteger(sizeMiB) || sizeMiB < 1) {
  throw new RangeError(`PADLOCK_BENCH_MIB must be a positive integer: current value is ${sizeMiB}`);
}
const bytes = sizeMiB * MIB;
const runSdk = Deno.env.get("PADLOCK_BENCH_SDK") !== "0";
const record = Deno.args.includes("--record");
const only = option("only");
if (only !== undefined && only !== "engines" && only !== "transfers") {
  throw new RangeError(`--only takes engines or transfers: current value is ${only}`);
}

/** The page script and the crypto worker, minified browser bundles as build.ts makes them. */
async function bundles(): Promise<{ page: string; worker: string; engines: string }> {
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
    const [page, engines, worker] = await Promise.all([
      esbuild.build({ ...options, entryPoints: [`${BENCH}page.ts`], outfile: "page.js" }),
      esbuild.build({ ...options, entryPoints: [`${BENCH}engines.ts`], outfile: "engines.js" }),
      esbuild.build({
        ...options,
        entryPoints: [new URL("../src/crypto_worker.ts", import.meta.url).pathname],
        outfile: "worker.js",
      }),
    ]);
    return {
      page: page.outputFiles![0].text,
      worker: worker.outputFiles![0].text,
      engines: engines.outputFiles![0].text,
    };
  } finally {
    await esbuild.stop();
  }
}

function script(text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", ...headers },
  });
}

/** Where CPU time goes, by the processes (and threads) bench/main.ts can tell apart. */
const CPU_KINDS = ["workers", "page", "network", "browser", "service", "node", "others"] as const;
type CpuKind = typeof CPU_KINDS[number];

/** What the CPU kinds are, as the tables name them. */
const CPU_NAMES: Record<CpuKind, string> = {
  workers: "Chromium workers (crypto)",
  page: "Chromium page (file, streams, fetch)",
  network: "Chromium network process",
  browser: "Chromium browser and other processes",
  service: "service",
  node: "SDK under Node",
  others: "other jobs on the machine",
};

const CLOCK_TICKS = 100;

/** Fields of a /proc/…/stat line after the command: parent, CPU seconds, children's CPU seconds. */
function readStat(path: string): { parent: number; seconds: number; children: number } {
  const stat = Deno.readTextFileSync(path);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    parent: Number(fields[1]),
    seconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
    children: (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS,
  };
}

/** CPU seconds the calling thread has run so far, to the nanosecond (0 where unknown). */
function threadSeconds(): number {
  try {
    return Number(Deno.readTextFileSync("/proc/thread-self/schedstat").split(" ")[0]) / 1e9;
  } catch {
    return 0;
  }
}

/** Busy CPU seconds of the whole machine so far (/proc/stat: all but idle and iowait). */
function machineSeconds(): number {
  const fields = Deno.readTextFileSync("/proc/stat").split("\n")[0].trim().split(/\s+/).slice(1)
    .map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}

/**
 * What /proc says about this process and the processes it started, kept between readings: a
 * process or thread that ends keeps the CPU time last read (the readings are 100 ms apart), so
 * the totals never go back. The SDK under Node is counted once it has ended and been waited for
 * (this process's children's time), exactly.
 */
class ProcessTotals {
  /** Chromium's processes: kind and CPU seconds last read. */
  readonly #processes = new Map<number, { kind: CpuKind; seconds: number }>();
  /** Chromium's worker threads (named "DedicatedWorker" by Chromium): CPU seconds last read. */
  readonly #workers = new Map<string, number>();
  /** Resident memory of the Chromium renderer processes (page and workers), in bytes. */
  rendererMemory = 0;
  /** Seconds spent reading /proc so far: CPU time of this process that is not the service's. */
  #reading = 0;

  /** Reads /proc again; false where there is none (not Linux). */
  read(): boolean {
    const started = threadSeconds();
    try {
      const parents = new Map<number, number>();
      const found = new Map<number, { seconds: number; command: string }>();
      for (const entry of Deno.readDirSync("/proc")) {
        const pid = Number(entry.name);
        if (!Number.isSafeInteger(pid) || pid === Deno.pid) continue;
        try {
          const { parent, seconds } = readStat(`/proc/${pid}/stat`);
          parents.set(pid, parent);
          found.set(pid, { seconds, command: Deno.readTextFileSync(`/proc/${pid}/cmdline`) });
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
      for (const [pid, { seconds, command }] of found) {
        if (!descends(pid)) continue;
        // The SDK counts once waited for (below); a process that has ended has no command line.
        const program = command.split("\0")[0];
        if (program === "node" || program.endsWith("/node") || command === "") {
          if (command !== "") this.#processes.delete(pid);
          continue;
        }
        const renderer = command.includes("--type=renderer");
        const kind = renderer ? "page" : command.includes("NetworkService") ? "network" : "browser";
        this.#processes.set(pid, { kind, seconds });
        if (!renderer) continue;
        try {
          const status = Deno.readTextFileSync(`/proc/${pid}/status`);
          rendererMemory += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
          for (const task of Deno.readDirSync(`/proc/${pid}/task`)) {
            const path = `/proc/${pid}/task/${task.name}`;
            if (!Deno.readTextFileSync(`${path}/comm`).startsWith("DedicatedWorker")) continue;
            this.#workers.set(`${pid}/${task.name}`, readStat(`${path}/stat`).seconds);
          }
        } catch {
          // The process or thread ended meanwhile.
        }
      }
      this.rendererMemory = rendererMemory;
      return true;
    } catch {
      return false;
    } finally {
      this.#reading += threadSeconds() - started;
    }
  }

  /** CPU seconds used so far, by kind; `others` is the machine's busy time minus the rest. */
  cpu(): Record<CpuKind, number> {
    const used = Object.fromEntries(CPU_KINDS.map((kind) => [kind, 0])) as Record<
      CpuKind,
      number
    >;
    for (const { kind, seconds } of this.#processes.values()) used[kind] += seconds;
    for (const seconds of this.#workers.values()) used.workers += seconds;
    // A renderer's time holds its worker threads' time.
    used.page -= used.workers;
    const self = readStat("/proc/self/stat");
    // This process is the service, and the bench reading /proc every 100 ms.
    used.service = self.seconds - this.#reading;
    used.node = self.children;
    const ours = CPU_KINDS.reduce((sum, kind) => sum + used[kind], 0);
    used.others = machineSeconds() - ours;
    return used;
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

/**
 * Runs one of the SDK scripts (`sdk_upload.cjs` for (e), `sdk_download.cjs` for (f)) and returns
 * the milliseconds it measured itself.
 */
async function sdkRun(script: string, command: Record<string, string>): Promise<number> {
  const modules = await installSdk();
  const output = await new Deno.Command("node", {
    args: [`${BENCH}${script}`, JSON.stringify(command)],
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
 * Per step: the peak renderer memory above its value at the step's start, the CPU seconds each
 * kind of process used during it, and its wall time here; /proc is read every 100 ms.
 */
class ProcessSampler {
  readonly #totals = new ProcessTotals();
  #step = "";
  #start: { cpu: Record<CpuKind, number>; memory: number; at: number } | undefined;
  readonly peaks = new Map<string, number>();
  readonly cpu = new Map<string, Record<CpuKind, number>>();
  readonly wall = new Map<string, number>();
  readonly #timer = setInterval(() => this.#sample(), 100);

  /** Ends the current step (if any) and starts `step` ("" for none). */
  start(step: string): void {
    if (!this.#totals.read()) return;
    const now = { cpu: this.#totals.cpu(), memory: this.#totals.rendererMemory, at: Date.now() };
    const start = this.#start;
    if (this.#step && start) {
      this.cpu.set(
        this.#step,
        Object.fromEntries(
          CPU_KINDS.map((kind) => [kind, now.cpu[kind] - start.cpu[kind]]),
        ) as Record<CpuKind, number>,
      );
      this.wall.set(this.#step, (now.at - start.at) / 1000);
    }
    this.#step = step;
    this.#start = now;
  }

  #sample(): void {
    if (!this.#start || !this.#step || !this.#totals.read()) return;
    const above = this.#totals.rendererMemory - this.#start.memory;
    this.peaks.set(this.#step, Math.max(this.peaks.get(this.#step) ?? 0, above));
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

/** Steps in the order of the tables, with what they measure. */
const STEPS = [
  ["a", "(a) encrypt only, 1 worker"],
  ["b", "(b) encrypt only, pool"],
  ["a'", "(a′) decrypt only, 1 worker, parts of (c)"],
  ["b'", "(b′) decrypt only, pool, parts of (c)"],
  ["c", "(c) upload, attach → Secure Link"],
  ["d", "(d) download to a discarding sink"],
  ["e", "(e) SendSafely Node SDK upload"],
  ["f", "(f) SendSafely Node SDK download"],
] as const;
type Step = typeof STEPS[number][0];
const label = (step: Step) => `(${step.replace("'", "′")})`;

/** What the tables are made of. */
interface Run {
  title: string;
  cores: number;
  results: Map<Step, StepResult>;
  /** Why a step has no result. */
  notes: Map<Step, string>;
  engines: { policy: string; report: EngineReport }[];
}

const GIB = 1024 * MIB;
const fixed = (value: number | undefined, digits = 1) =>
  value === undefined || !Number.isFinite(value) ? "n/a" : value.toFixed(digits);

/** The markdown tables of one run (the title first, without the heading's `##`). */
function report({ title, cores, results, notes, engines }: Run): string {
  const speed = (step: Step) => {
    const result = results.get(step);
    return result ? rate(result.ms) : undefined;
  };
  const total = (step: Step) => {
    const used = sampler.cpu.get(step);
    return used ? CPU_KINDS.reduce((sum, kind) => sum + used[kind], 0) : undefined;
  };
  const perGib = (seconds: number) => seconds / (bytes / GIB);
  /** CPU seconds of this bench's own processes (Chromium, the service, the SDK), not others'. */
  const ours = (step: Step) => {
    const seconds = total(step);
    return seconds === undefined ? undefined : seconds - sampler.cpu.get(step)!.others;
  };
  /** Share of the machine's cores busy during a step (every process, ours and others'). */
  const busy = (step: Step) => {
    const wall = sampler.wall.get(step);
    const seconds = total(step);
    return wall && seconds !== undefined ? seconds / (wall * cores) : undefined;
  };
  /** Where a step's CPU went, its three largest kinds, in CPU-seconds per GiB. */
  const where = (step: Step) => {
    const used = sampler.cpu.get(step);
    if (!used) return "no CPU figures";
    return CPU_KINDS.filter((kind) => used[kind] > 0.05 * (total(step) ?? 0))
      .sort((x, y) => used[y] - used[x]).slice(0, 3)
      .map((kind) => `${CPU_NAMES[kind]} ${perGib(used[kind]).toFixed(1)}`).join(", ");
  };
  /** What bounds the step `top` of a missed ratio `top`/`bottom`. */
  const bound = (top: Step, bottom: Step) => {
    const share = busy(top);
    if (share === undefined) return "n/a";
    const percent = Math.round(100 * share);
    const cost = (step: Step) => fixed(perGib(ours(step) ?? NaN));
    return `${share >= 0.85 ? "CPU" : "not CPU alone"}: the ${cores} cores were ${percent} % ` +
      `busy during ${label(top)} (s/GiB: ${where(top)}); the bench's own processes used ` +
      `${cost(top)} s/GiB in ${label(top)} against ${cost(bottom)} in ${label(bottom)}`;
  };
  const ratios: [string, Step, Step, number, string][] = [
    ["c/b", "c", "b", 0.85, "≥ 0.85"],
    ["d/b′", "d", "b'", 0.85, "≥ 0.85"],
    ["b/a", "b", "a", 0.8 * cores, `≥ 0.8 × ${cores} cores = ${0.8 * cores}`],
    ["b′/a′", "b'", "a'", 0.8 * cores, `≥ 0.8 × ${cores} cores = ${0.8 * cores}`],
    ["c/e", "c", "e", 3, "≥ 3"],
    ["d/f", "d", "f", 1, "≥ 1"],
    ["d/b", "d", "b", 0.7, "≥ 0.7 (the old target, for comparison)"],
  ];
  const heapLimit = 64 * MIB;
  const c = results.get("c");
  const d = results.get("d");
  const lines = [
    title,
    "",
    "| measure | MB/s | CPU s/GiB (Chromium, service, SDK) | |",
    "|---|---:|---:|---|",
    ...STEPS.filter(([step]) => results.has(step) || notes.has(step)).map(([step, name]) => {
      const result = results.get(step);
      const seconds = ours(step);
      const detail = notes.get(step) ??
        (result?.mode === "Node"
          ? "same file, same service"
          : `${result?.workers} worker${result?.workers === 1 ? "" : "s"}`);
      return `| ${name} | ${fixed(speed(step))} | ${
        seconds === undefined ? "n/a" : fixed(perGib(seconds))
      } | ${detail} |`;
    }),
    "",
    "| ratio | value | target | met | what bounds the numerator, when missed |",
    "|---|---:|---|---|---|",
    ...ratios.map(([name, top, bottom, target, text]) => {
      const [x, y] = [speed(top), speed(bottom)];
      const value = x !== undefined && y !== undefined ? x / y : undefined;
      const met = value === undefined ? "n/a" : value >= target ? "yes" : "no";
      return `| ${name} | ${fixed(value, 2)} | ${text} | ${met} | ${
        met === "no" ? bound(top, bottom) : ""
      } |`;
    }),
    "",
    "| peak above idle | (c) upload | (d) download | target |",
    "|---|---:|---:|---|",
    `| page JS heap | ${mib(c?.heap)} | ${mib(d?.heap)} | ≤ 64 MiB: ${
      (c?.heap ?? Infinity) <= heapLimit && (d?.heap ?? Infinity) <= heapLimit ? "met" : "not met"
    } |`,
    `| renderer processes, resident | ${mib(sampler.peaks.get("c"))} | ` +
    `${mib(sampler.peaks.get("d"))} | for information (encrypt only: ` +
    `${mib(sampler.peaks.get("a"))} with 1 worker, ${mib(sampler.peaks.get("b"))} with the pool) |`,
    "",
    `| CPU seconds per GiB of file | ${CPU_KINDS.map((kind) => CPU_NAMES[kind]).join(" | ")} | ` +
    "all | cores busy | wall |",
    `|---|${CPU_KINDS.map(() => "---:").join("|")}|---:|---:|---:|`,
    ...STEPS.filter(([step]) => sampler.cpu.has(step) && results.has(step)).map(([step]) => {
      const used = sampler.cpu.get(step)!;
      return `| ${label(step)} | ${
        CPU_KINDS.map((kind) => fixed(perGib(used[kind]), 2)).join(" | ")
      } | ${fixed(perGib(total(step)!), 2)} | ${Math.round(100 * busy(step)!)} % | ${
        fixed(results.get(step)!.ms / 1000)
      } s |`;
    }),
  ];
  if (engines.length > 0) {
    const names = [
      ...new Set(
        engines.flatMap(({ report }) => report.ok ? report.engines.map((e) => e.name) : []),
      ),
    ];
    lines.push(
      "",
      `| engine, one worker, one part | ${
        engines.map(({ policy }) => `MB/s, ${policy}`).join(" | ")
      } | same bytes as noble \`cfb\` |`,
      `|---|${engines.map(() => "---:").join("|")}|---|`,
      ...names.map((name) => {
        const found = engines.map(({ report }) =>
          report.ok ? report.engines.find((engine) => engine.name === name) : undefined
        );
        const matches = found.map((engine) => engine?.matches).find((match) => match !== undefined);
        return `| ${name} | ${found.map((engine) => fixed(engine?.mbps)).join(" | ")} | ${
          matches === null ? "not compared" : matches ? "yes" : "NO"
        } |`;
      }),
      `| WebAssembly allowed | ${
        engines.map(({ report }) => report.ok ? (report.wasm ? "yes" : "no") : report.message)
          .join(" | ")
      } | |`,
    );
  }
  return lines.join("\n");
}

const { page: pageScript, worker: workerScript, engines: enginesScript } = await bundles();
const dataDir = await Deno.makeTempDir({ prefix: "padlock-bench-" });
const profile = await Deno.makeTempDir({ prefix: "padlock-bench-profile-" });
const reports: BenchReport[] = [];
let reported: () => void = () => {};
const finished = new Promise<void>((resolve) => reported = resolve);
const sampler = new ProcessSampler();
let config = "";
let pageHeaders: Record<string, string> = {};
const server = await startServer({
  port: 0,
  dataDir,
  log: () => {},
  extraRoutes: async (request) => {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname === "/bench/") {
      // The bench page runs under the portal pages' policy, as the receive page does.
      return new Response(
        '<!doctype html><meta charset="utf-8"><title>Padlock bench</title>' +
          '<script type="module" src="/bench/page.js"></script>',
        { headers: { "Content-Type": "text/html; charset=utf-8", ...pageHeaders } },
      );
    }
    if (pathname === "/bench/page.js") return script(pageScript);
    if (pathname === "/bench/crypto_worker.js") return script(workerScript);
    if (pathname === "/bench/engines.js") {
      // A worker's policy comes from its script's response: once the pages' policy, once what
      // the service gives scripts (no script-src).
      const policy: Record<string, string> = searchParams.get("policy") === "page"
        ? { "Content-Security-Policy": pageHeaders["Content-Security-Policy"] }
        : {};
      return script(enginesScript, policy);
    }
    if (pathname === "/bench/config") {
      return new Response(config, { headers: { "Content-Type": "application/json" } });
    }
    if (pathname === "/bench/report" && request.method === "POST") {
      const message = await request.json() as BenchReport;
      reports.push(message);
      if (message.type === "start") {
        sampler.start(message.step);
        console.error(`bench: ${label(message.step as Step)}…`);
      }
      if (message.type === "engines") console.error(`bench: engines (${message.policy})`);
      if (message.type === "done" || message.type === "error") {
        sampler.start("");
        reported();
      }
      return new Response("ok");
    }
    return undefined;
  },
});
pageHeaders = securityHeaders(server.url);
let chromium: Deno.ChildProcess | undefined;
try {
  const user = await server.accounts.createUser({
    email: "bench@example.com",
    password: "bench-password-1",
  });
  const key = await server.accounts.createApiKey(user.id, "bench");
  config = JSON.stringify({ bytes, key, only });
  const load = (await Deno.readTextFile("/proc/loadavg").catch(() => "n/a")).split(" ")
    .slice(0, 3).join(" ");
  const version = new TextDecoder().decode(
    (await new Deno.Command(CHROME_PATH, { args: ["--version"], stdout: "piped" }).output())
      .stdout,
  ).trim();
  console.error(`bench: ${sizeMiB} MiB, ${version}, load average ${load}`);
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
  const failure = reports.find((message) => message.type === "error");
  if (failure?.type === "error") throw new Error(`The bench page failed: ${failure.message}`);
  const results = new Map<Step, StepResult>();
  const engines: { policy: string; report: EngineReport }[] = [];
  let cores = navigator.hardwareConcurrency;
  for (const message of reports) {
    if (message.type === "result") results.set(message.step as Step, message.result);
    if (message.type === "start") cores = message.cores;
    if (message.type === "engines") engines.push(message);
  }
  chromium.kill();
  await chromium.status;
  chromium = undefined;

  const notes = new Map<Step, string>();
  const link = results.get("c")?.link;
  if (!runSdk) {
    notes.set("e", "skipped (PADLOCK_BENCH_SDK=0)");
    notes.set("f", "skipped (PADLOCK_BENCH_SDK=0)");
  } else if (link !== undefined) {
    const sdkStep = async (step: Step, run: () => Promise<number>) => {
      console.error(`bench: ${label(step)}…`);
      sampler.start(step);
      try {
        results.set(step, { ms: await run(), mode: "Node", workers: 0 });
      } catch (error) {
        notes.set(step, error instanceof Error ? error.message.split("\n")[0] : String(error));
      } finally {
        sampler.start("");
      }
    };
    const file = `${dataDir}/bench.bin`;
    await writeFile(file, bytes);
    try {
      await sdkStep("e", () => sdkRun("sdk_upload.cjs", { host: server.url, ...key, file }));
    } finally {
      await Deno.remove(file);
    }
    const outDir = await Deno.makeTempDir({ dir: dataDir });
    try {
      await sdkStep(
        "f",
        () => sdkRun("sdk_download.cjs", { host: server.url, ...key, link, outDir }),
      );
    } finally {
      await Deno.remove(outDir, { recursive: true });
    }
  }
  sampler.stop();
  const cpuModel = (await Deno.readTextFile("/proc/cpuinfo").catch(() => "")).match(
    /model name\s*:\s*(.*)/,
  )?.[1] ?? "unknown CPU";
  const table = report({
    title: `${new Date().toISOString().slice(0, 10)}: ${sizeMiB} MiB file, ${cores} cores ` +
      `(${cpuModel}), load average ${load} at start, ${version} headless, ` +
      `Deno ${Deno.version.deno}, parts of ${PART_SIZE} bytes`,
    cores,
    results,
    notes,
    engines,
  });
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
