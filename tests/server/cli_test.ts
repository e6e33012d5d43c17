/**
 * The one entry of the installed service (`server/cli.ts`, what `dist/padlock-server` runs):
 * `--help` lists the service's options and the admin commands, `admin …` runs the admin tool,
 * and anything else starts the service.
 */
import assert from "node:assert/strict";
import { freePort } from "./_process.ts";

const CLI = new URL("../../server/cli.ts", import.meta.url).pathname;

async function cli(args: string[], stdin?: string) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
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
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}

Deno.test("cli: --help lists the service's options and the admin commands", async () => {
  const help = await cli(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: padlock-server \[options\]/);
  assert.match(help.stdout, /--metrics-token=<string>\s+\(env PADLOCK_METRICS_TOKEN\)/);
  assert.match(help.stdout, /--shutdown-grace-seconds=<number>/);
  assert.match(help.stdout, /Admin: padlock-server admin <command>/);
  assert.match(help.stdout, /backup --to <dir>/);
});

Deno.test("cli: admin commands and the service share the data directory", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-cli-" });
  try {
    const added = await cli(
      ["admin", "user", "add", "--email", "agent@example.com", "--data-dir", dataDir, "--create"],
      "agent password 1\n",
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^userId: /);
    const listed = await cli(["admin", "user", "list", "--data-dir", dataDir]);
    assert.match(listed.stdout, /\tagent@example\.com\t/);
    const wrong = await cli(["admin", "user", "remove"]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /^Usage: deno task admin/);

    // Without "admin", the flags are the service's: a wrong one is refused with the list.
    const refused = await cli(["--no-such-flag", "1"]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--port=<number>/);

    const port = freePort();
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", CLI, "--port", String(port), "--data-dir", dataDir],
      stdout: "piped",
      stderr: "null",
    }).spawn();
    try {
      let ready: Response | undefined;
      for (let attempt = 0; attempt < 200 && !ready; attempt++) {
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(ready?.status, 200);
      assert.equal((await ready!.json()).ready, true);
    } finally {
      child.kill("SIGTERM");
      assert.equal((await child.status).code, 0);
      await child.stdout.cancel();
    }
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
