/**
 * Builds the one-file service, `dist/padlock-server` (`deno task compile`, after `deno task
 * build`): `deno compile` of `server/cli.ts` with the built portal scripts and workers
 * (`dist/portal/`) and the built Help Center widget (`dist/helpcenter/`) embedded. The service
 * finds them beside its modules, as in a checkout (`server/portal/assets.ts`,
 * `server/widget.ts`), because `deno compile` serves included files at their original paths.
 *
 * `deno compile` downloads the `denort` runtime for the target once (from Deno's release host),
 * unless `DENORT_BIN` names a copy.
 *
 * @module
 */

/** The permissions the binary runs with: no subprocess, no FFI. */
export const COMPILE_PERMISSIONS = [
  "--allow-net",
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-sys",
];

/** The folders embedded in the binary, relative to the repository root. */
export const EMBEDDED = ["dist/portal", "dist/helpcenter"];

/** The `deno compile` arguments that write the binary to `output`. */
export function compileArgs(output: string): string[] {
  return [
    "compile",
    ...COMPILE_PERMISSIONS,
    ...EMBEDDED.flatMap((folder) => ["--include", folder]),
    "--output",
    output,
    "server/cli.ts",
  ];
}

/**
 * Runs `deno compile` from the repository root.
 *
 * @throws {Error} when a folder to embed is missing (run `deno task build`) or the compile fails.
 */
export async function compileServer(output = "dist/padlock-server"): Promise<void> {
  const root = new URL("../", import.meta.url).pathname;
  for (const folder of EMBEDDED) {
    await Deno.stat(`${root}${folder}`).catch((cause) => {
      throw new Error(`${folder} is missing: run \`deno task build\` first.`, { cause });
    });
  }
  const { success, code } = await new Deno.Command(Deno.execPath(), {
    args: compileArgs(output),
    cwd: root,
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!success) throw new Error(`deno compile failed (exit status ${code}).`);
}

if (import.meta.main) await compileServer(Deno.args[0]);
