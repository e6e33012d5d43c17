/**
 * The one entry of the installed service (`dist/padlock-server`, built by `deno task compile`):
 *
 * ```sh
 * padlock-server [options]        # runs the service (as `deno run -A server/main.ts`)
 * padlock-server admin <command>  # administration (as `deno task admin`)
 * padlock-server --help
 * ```
 *
 * @module
 */
import { ADMIN_USAGE, adminMain } from "./admin.ts";
import { configUsage } from "./config.ts";
import { runService } from "./main.ts";

/** The name the binary is installed under, in usage texts. */
export const COMMAND = "padlock-server";

/** The `--help` text: both the service's options and the admin commands. */
export function cliUsage(): string {
  return [
    `Usage: ${COMMAND} [options]             runs the service`,
    `       ${COMMAND} admin <command> [...]  administration`,
    "",
    "Service options:",
    configUsage(),
    "",
    ADMIN_USAGE.replace("Usage: deno task admin", `Admin: ${COMMAND} admin`),
  ].join("\n");
}

/** Dispatches the command line: `admin …`, `--help`, or the service. */
export async function cliMain(args: string[]): Promise<void> {
  if (args[0] === "admin") return await adminMain(args.slice(1));
  if (args[0] === "help" || args[0] === "--help" || args[0] === "-h") {
    console.log(cliUsage());
    return;
  }
  await runService(args, COMMAND);
}

if (import.meta.main) await cliMain(Deno.args);
