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

async function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Deno.CommandOutput> {
  try {
    return await new Deno.Command(command, { args, ...options, stdout: "piped", stderr: "piped" })
      .output();
  } catch (cause) {
    throw new SdkError(`Cannot run ${command}: is Node.js installed?`, { cause });
  }
}

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}

/**
 * Installs the SDK once per lockfile and returns its `node_modules` folder. Test files run in
 * parallel, so each installs into its own temporary folder and renames it into place; the
 * first rename wins and the others use its result.
 */
export function installSdk(): Promise<string> {
  installing ??= (async () => {
    const lock = await Deno.readFile(new URL("package-lock.json", SDK_DIR));
    const folder = join(
      Deno.env.get("TMPDIR") ?? "/tmp",
      `padlock-sendsafely-sdk-${(await sha256(lock)).slice(0, 16)}`,
    );
    const modules = join(folder, "node_modules");
    if (await exists(join(modules, "@sendsafely", "sendsafely", "package.json"))) return modules;
    const staging = await Deno.makeTempDir({ prefix: "padlock-sendsafely-sdk-staging-" });
    try {
      for (const name of ["package.json", "package-lock.json"]) {
        await Deno.copyFile(new URL(name, SDK_DIR), join(staging, name));
      }
      const output = await run(
        "npm",
        ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"],
        { cwd: staging },
      );
      if (!output.success) {
        throw new SdkError(`npm ci failed:\n${new TextDecoder().decode(output.stderr)}`);
      }
      await Deno.rename(staging, folder).catch(async (error) => {
        if (!await exists(join(modules, "@sendsafely", "sendsafely", "package.json"))) throw error;
      });
    } finally {
      await Deno.remove(staging, { recursive: true }).catch(() => {});
    }
    return modules;
  })();
  return installing;
}

/** Runs one driver command (`sdk/driver.cjs`) and returns its JSON result. */
export async function runSdk(command: Record<string, unknown>): Promise<Record<string, unknown>> {
  const modules = await installSdk();
  const driver = new URL("driver.cjs", SDK_DIR).pathname;
  // NODE_PATH lets the driver, kept in the repository, require the SDK installed elsewhere.
  const output = await run("node", [driver, JSON.stringify(command)], {
    env: { NODE_PATH: modules },
  });
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
