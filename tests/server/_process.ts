/**
 * Runs the service and the admin CLI as subprocesses (`server/main.ts`,
 * `server/admin.ts`), as an operator would, capturing everything they print.
 *
 * @module
 */

const SERVER_MAIN = new URL("../../server/main.ts", import.meta.url).pathname;
const ADMIN_MAIN = new URL("../../server/admin.ts", import.meta.url).pathname;

/** A free TCP port on 127.0.0.1 (so a restarted service keeps its URLs). */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** The service running in a child process. */
export class ServiceProcess {
  readonly url: string;
  readonly #child: Deno.ChildProcess;
  readonly #drained: Promise<void>;
  readonly #captured: { text: string };

  private constructor(
    child: Deno.ChildProcess,
    url: string,
    drained: Promise<void>,
    captured: { text: string },
  ) {
    this.#child = child;
    this.url = url;
    this.#drained = drained;
    this.#captured = captured;
  }

  /** Everything the process printed on stdout and stderr so far. */
  get output(): string {
    return this.#captured.text;
  }

  /**
   * Starts `deno run -A server/main.ts` with the given flags and waits for its start line.
   *
   * @throws {Error} when the process exits before it listens.
   */
  static async start(args: string[], env: Record<string, string> = {}): Promise<ServiceProcess> {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", SERVER_MAIN, ...args],
      env,
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const captured = { text: "" };
    let resolveUrl: (url: string) => void;
    let rejectUrl: (error: Error) => void;
    const started = new Promise<string>((resolve, reject) => {
      resolveUrl = resolve;
      rejectUrl = reject;
    });
    const pump = async (stream: ReadableStream<Uint8Array<ArrayBuffer>>) => {
      for await (const text of stream.pipeThrough(new TextDecoderStream())) {
        captured.text += text;
        for (const line of captured.text.split("\n")) {
          if (!line.includes('"event":"start"')) continue;
          try {
            resolveUrl(JSON.parse(line).detail.url);
          } catch { /* a partial line; wait for the rest */ }
        }
      }
    };
    const drained = Promise.all([pump(child.stdout), pump(child.stderr)]).then(() => {});
    child.status.then(() =>
      rejectUrl(new Error(`The service exited before listening:\n${captured.text}`))
    );
    const url = await started;
    return new ServiceProcess(child, url, drained, captured);
  }

  /** Kills the process with `signal` and waits until it is gone and its output read. */
  async kill(signal: Deno.Signal = "SIGKILL"): Promise<Deno.CommandStatus> {
    this.#child.kill(signal);
    const status = await this.#child.status;
    await this.#drained;
    return status;
  }
}

/**
 * Runs `deno run -A server/admin.ts <args>` and returns its stdout lines.
 *
 * @throws {Error} when the command fails (with its stderr).
 */
export async function runAdmin(args: string[], stdin?: string): Promise<string[]> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ADMIN_MAIN, ...args],
    stdin: stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(stdin));
    await writer.close();
  }
  const output = await child.output();
  const stdout = new TextDecoder().decode(output.stdout);
  if (!output.success) {
    throw new Error(`admin ${args.join(" ")} failed: ${new TextDecoder().decode(output.stderr)}`);
  }
  return stdout.trim().split("\n").filter((line) => line !== "");
}

/** Reads `name: value` lines printed by the admin CLI. */
export function fields(lines: string[]): Record<string, string> {
  return Object.fromEntries(lines.map((line) => {
    const index = line.indexOf(": ");
    return [line.slice(0, index), line.slice(index + 2)];
  }));
}
