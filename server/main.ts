/**
 * Command-line entry of the service:
 * `deno run -A server/main.ts [--port 8080] [--public-url https://…] [--data-dir .data] [limits…]`.
 * Every flag also reads from an environment variable (`PADLOCK_PORT`, …); `--help` lists them.
 * On SIGINT or SIGTERM it stops accepting connections, lets requests in flight (part transfers)
 * finish for up to `--shutdown-grace-seconds`, closes the database and exits 0; a second signal
 * exits at once (status 1).
 *
 * @module
 */
import { ConfigError, configFromOutside, configUsage, startServer } from "./mod.ts";
import { DatabaseUnavailableError, SchemaError } from "./db/database.ts";

/**
 * Runs the service with command-line flags until SIGINT or SIGTERM (then exits the process).
 * Prints the usage for `--help`; exits 2 on an invalid option, 3 on a database newer than the code.
 *
 * @param usage the command that runs this, for `--help`.
 */
export async function runService(
  args: string[],
  usage = "deno run -A server/main.ts",
): Promise<void> {
  if (args.includes("--help")) {
    console.log(`Usage: ${usage} [options]\n${configUsage()}`);
    Deno.exit(0);
  }
  try {
    const config = configFromOutside(args, (name) => Deno.env.get(name));
    const server = await startServer({ shutdownGraceSeconds: 30, ...config });
    console.log(JSON.stringify({
      time: new Date().toISOString(),
      event: "start",
      detail: { url: server.url, publicUrl: server.publicUrl, dataDir: server.config.dataDir },
    }));
    let stopping = false;
    const stop = () => {
      if (stopping) Deno.exit(1);
      stopping = true;
      server.close().then(() => Deno.exit(0), () => Deno.exit(1));
    };
    Deno.addSignalListener("SIGINT", stop);
    Deno.addSignalListener("SIGTERM", stop);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      Deno.exit(2);
    }
    if (error instanceof SchemaError) {
      console.error(error.message);
      Deno.exit(3);
    }
    if (error instanceof DatabaseUnavailableError) {
      // The cause names the host and port, never the URL (it may hold a password).
      const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
      console.error(`${error.message}${cause}`);
      Deno.exit(1);
    }
    throw error;
  }
}

if (import.meta.main) await runService(Deno.args);
