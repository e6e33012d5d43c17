/**
 * Runs the official SendSafely Node SDK (`@sendsafely/sendsafely@3.1.0`, unchanged)
 * under Node: installs it once with `npm ci` from `tests/server/sdk/package-lock.json`
 * into a cache folder outside the repository, then runs `sdk/driver.cjs` there.
 *
 * @module
 */
import { join } from "node:path";
import { sha256 } from "./_helpers.ts";

const SDK_DIR = new URL("./sdk/", import.meta.url);

/** Thrown when npm or node cannot be run, or the driver reports an SDK error. */
export class SdkError extends Error {
  override name = "SdkError";
}

let installing: Promise<string> | undefined;

async function run(command: string, args: string[], cwd: string): Promise<Deno.CommandOutput> {
  try {
    return await new Deno.Command(command, { args, cwd, stdout: "piped", stderr: "piped" })
      .output();
  } catch (cause) {
    throw new SdkError(`Cannot run ${command}: is Node.js installed?`, { cause });
  }
}

/** Installs the SDK (once per lockfile) and returns the folder holding it and the driver. */
export function installSdk(): Promise<string> {
  installing ??= (async () => {
    const lock = await Deno.readFile(new URL("package-lock.json", SDK_DIR));
    const folder = join(
      Deno.env.get("TMPDIR") ?? "/tmp",
      `padlock-sendsafely-sdk-${(await sha256(lock)).slice(0, 16)}`,
    );
    await Deno.mkdir(folder, { recursive: true });
    for (const name of ["package.json", "package-lock.json", "driver.cjs"]) {
      await Deno.copyFile(new URL(name, SDK_DIR), join(folder, name));
    }
    const marker = join(folder, "node_modules", "@sendsafely", "sendsafely", "package.json");
    const installed = await Deno.stat(marker).then(() => true, () => false);
    if (!installed) {
      const output = await run(
        "npm",
        ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"],
        folder,
      );
      if (!output.success) {
        throw new SdkError(`npm ci failed:\n${new TextDecoder().decode(output.stderr)}`);
      }
    }
    return folder;
  })();
  return installing;
}

/** Runs one driver command and returns its JSON result. */
export async function runSdk(command: Record<string, unknown>): Promise<Record<string, unknown>> {
  const folder = await installSdk();
  const output = await run("node", ["driver.cjs", JSON.stringify(command)], folder);
  const stdout = new TextDecoder().decode(output.stdout).trim().split("\n").at(-1) ?? "";
  let result: Record<string, unknown>;
  try {
    result = JSON.parse(stdout);
  } catch {
    throw new SdkError(
      `The SDK driver printed no result:\n${stdout}\n${
        new TextDecoder().decode(output.stderr).slice(-1500)
      }`,
    );
  }
  if (!output.success || result.error) {
    throw new SdkError(`The SDK failed: ${JSON.stringify(result.error ?? result)}`);
  }
  return result;
}
