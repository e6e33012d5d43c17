/**
 * Resident memory of the browser a test started: the sum over every process descending from
 * this one (the engines are the test's children; the service runs inside the test process
 * itself and is not counted). Linux only: it reads `/proc`.
 *
 * @module
 */

const PAGE_SIZE = 4096;

/** The ids of every process descending from `root`. */
export async function descendants(root: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for await (const entry of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    const stat = await Deno.readTextFile(`/proc/${entry.name}/stat`).catch(() => "");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!Number.isInteger(ppid)) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(entry.name));
    children.set(ppid, list);
  }
  const found: number[] = [];
  const queue = [...children.get(root) ?? []];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...children.get(pid) ?? []);
  }
  return found;
}

/** Resident bytes of each process descending from `root` (this process by default), by id. */
export async function residentByProcess(
  root = Deno.pid,
): Promise<Processes> {
  const result: Processes = new Map();
  for (const pid of await descendants(root)) {
    const statm = await Deno.readTextFile(`/proc/${pid}/statm`).catch(() => "");
    const resident = Number(statm.split(" ")[1]);
    const name = (await Deno.readTextFile(`/proc/${pid}/comm`).catch(() => "?")).trim();
    if (Number.isFinite(resident)) result.set(pid, { name, bytes: resident * PAGE_SIZE });
  }
  return result;
}

/** Resident bytes of a set of processes. */
export type Processes = Map<number, { name: string; bytes: number }>;

/** The sum of the resident bytes of the processes whose name `select` accepts. */
export function total(processes: Processes, select: (name: string) => boolean = () => true) {
  let bytes = 0;
  for (const process of processes.values()) if (select(process.name)) bytes += process.bytes;
  return bytes;
}

/** The highest totals seen: of the selected processes, and of all. */
export interface Peak {
  /** The highest total of the selected processes. */
  selected: number;
  /** The highest total of all processes. */
  all: number;
  /** Every process at the moment of `selected`. */
  processes: Processes;
}

/**
 * Samples the resident memory every `intervalMs` until stopped; `stop()` returns the peaks.
 *
 * @param select which processes `Peak.selected` sums, by name (as in `/proc/<pid>/comm`).
 */
export function samplePeak(
  select: (name: string) => boolean,
  intervalMs = 200,
): { stop(): Promise<Peak> } {
  const peak: Peak = { selected: 0, all: 0, processes: new Map() };
  let running = true;
  const loop = (async () => {
    while (running) {
      const processes = await residentByProcess();
      const selected = total(processes, select);
      if (selected > peak.selected) {
        peak.selected = selected;
        peak.processes = processes;
      }
      peak.all = Math.max(peak.all, total(processes));
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}
