/**
 * Command-line entry of the service:
 * `deno run -A server/main.ts [--port 8080] [--public-url https://…] [--data-dir .data] [limits…]`.
 * Every flag also reads from an environment variable (`PADLOCK_PORT`, …); `--help` lists them.
 * Stops cleanly on SIGINT and SIGTERM.
 *
 * @module
 */
import { ConfigError, configFromOutside, configUsage, startServer } from "./mod.ts";
import { DatabaseUnavailableError, SchemaError } from "./db/database.ts";

if (import.meta.main) {
  if (Deno.args.includes("--help")) {
    console.log(`Usage: deno run -A server/main.ts [options]\n${configUsage()}`);
    Deno.exit(0);
  }
  try {
    const server = await startServer(configFromOutside(Deno.args, (name) => Deno.env.get(name)));
    console.log(JSON.stringify({
      time: new Date().toISOString(),
      event: "start",
      detail: { url: server.url, publicUrl: server.publicUrl, dataDir: server.config.dataDir },
    }));
    const stop = () => {
      server.close().then(() => Deno.exit(0));
    };
    Deno.addSignalListener("SIGINT", stop);
    Deno.addSignalListener("SIGTERM", stop);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      Deno.exit(2);
    }
    if (error instanceof DatabaseUnavailableError || error instanceof SchemaError) {
      // The cause names the host and port, never the URL (it may hold a password).
      const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
      console.error(`${error.message}${cause}`);
      Deno.exit(1);
    }
    throw error;
  }
}
