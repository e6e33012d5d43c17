/**
 * `deno run -A bench/profile.ts <file.cpuprofile | folder>… [--top N]`: where a V8 CPU profile's
 * time went, as shares of the busy time (every sample but `(idle)`).
 *
 * Prints, for each profile (a folder: every `.cpuprofile` in it, summed), the busy share of the
 * profiled time, then the functions with the most self time (the function was running) and with
 * the most total time (it was on the stack, counted once per sample however often it recurs).
 * `(program)` is time in the runtime outside JavaScript (Deno's Rust side on the main thread:
 * HTTP, I/O, the event loop) and `(garbage collector)` is V8's collector. Made for the profiles
 * `deno task load` leaves with `PADLOCK_LOAD_CPU_PROF_DIR` (see `bench/load.ts`).
 *
 * @module
 */
import { parseArgs } from "node:util";

/** The parts of a `.cpuprofile` (Chrome DevTools' format) read here. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Time per function, in microseconds: self and total. */
interface Tally {
  self: Map<string, number>;
  total: Map<string, number>;
  busy: number;
  all: number;
}

function frameName(frame: CpuProfile["nodes"][number]["callFrame"]): string {
  const name = frame.functionName || "(anonymous)";
  if (!frame.url) return name;
  // Shorter locations: the path inside the repository or below node_modules' package folder.
  const url = frame.url.replace(/^file:\/\/.*?\/(server|src|bench|node_modules)\//, "$1/")
    .replace(/^.*\/node_modules\/\.deno\/([^/]+)\/node_modules\/[^/]+\//, "npm:$1/");
  return `${name} ${url}:${frame.lineNumber + 1}`;
}

function tally(profile: CpuProfile, into: Tally): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  for (let index = 0; index < profile.samples.length; index++) {
    // The delta before sample n+1 is the time sample n stood for.
    const micros = profile.timeDeltas[index + 1] ?? 0;
    const leaf = byId.get(profile.samples[index])!;
    const leafName = frameName(leaf.callFrame);
    into.all += micros;
    if (leafName === "(idle)") continue;
    into.busy += micros;
    into.self.set(leafName, (into.self.get(leafName) ?? 0) + micros);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const name = frameName(byId.get(id)!.callFrame);
      if (name === "(root)" || seen.has(name)) continue;
      seen.add(name);
      into.total.set(name, (into.total.get(name) ?? 0) + micros);
    }
  }
}

async function files(path: string): Promise<string[]> {
  if (!(await Deno.stat(path)).isDirectory) return [path];
  const found: string[] = [];
  for await (const entry of Deno.readDir(path)) {
    if (entry.isFile && entry.name.endsWith(".cpuprofile")) found.push(`${path}/${entry.name}`);
  }
  return found.sort();
}

function table(title: string, times: Map<string, number>, busy: number, top: number): string {
  const rows = [...times].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `| ${title} | share of busy | s |`,
    "|---|--:|--:|",
    ...rows.map(([name, micros]) =>
      `| \`${name}\` | ${(100 * micros / busy).toFixed(1)} % | ${(micros / 1e6).toFixed(2)} |`
    ),
  ].join("\n");
}

const { values, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: { top: { type: "string", default: "15" } },
});
const top = Number(values.top);
if (positionals.length === 0) {
  console.error("Usage: deno run -A bench/profile.ts <file.cpuprofile | folder>… [--top N]");
  Deno.exit(2);
}
for (const path of positionals) {
  const into: Tally = { self: new Map(), total: new Map(), busy: 0, all: 0 };
  const list = await files(path);
  for (const file of list) tally(JSON.parse(await Deno.readTextFile(file)), into);
  console.log(
    `## ${path} (${list.length} profile(s)): busy ${(into.busy / 1e6).toFixed(2)} s of ` +
      `${(into.all / 1e6).toFixed(2)} s profiled\n`,
  );
  console.log(table("self time", into.self, into.busy, top));
  console.log();
  console.log(table("total time (on the stack)", into.total, into.busy, top));
  console.log();
}
