/**
 * The service as an operator installs it, against real clients: the official SendSafely SDK (under
 * Node) uploads, and the receive page in headless Chromium decrypts and downloads the file
 * byte-identical; the portal's scripts and the Help Center widget are served from what the entry
 * carries; `admin …` runs through the same entry; SIGTERM exits 0.
 *
 * The entry is `server/cli.ts` under Deno, or the compiled `dist/padlock-server` when
 * `PADLOCK_SERVER_BIN` names it (`deno task compile` needs Deno's `denort` runtime, which this
 * project's machines cannot download: see docs/DEPLOY.md).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { launchBrowser } from "../_helpers/browser.ts";
import { sha256, testBytes } from "./_helpers.ts";
import { freePort } from "./_process.ts";
import { runSdk } from "./_sdk.ts";

const BINARY = Deno.env.get("PADLOCK_SERVER_BIN");
const CLI = new URL("../../server/cli.ts", import.meta.url).pathname;

function entry(args: string[]): { command: string; args: string[] } {
  return BINARY
    ? { command: BINARY, args }
    : { command: Deno.execPath(), args: ["run", "-A", CLI, ...args] };
}

async function run(args: string[], stdin?: string): Promise<string> {
  const { command, args: full } = entry(args);
  const child = new Deno.Command(command, {
    args: full,
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
  const text = new TextDecoder().decode(output.stdout);
  assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
  return text;
}

Deno.test(`installed entry (${BINARY ?? "server/cli.ts"}): the SDK uploads, the receive page downloads`, async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-installed-" });
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: Deno.ChildProcess | undefined;
  try {
    await run(
      ["admin", "user", "add", "--email", "agent@example.com", "--data-dir", dataDir, "--create"],
      "agent password 1\n",
    );
    const key = Object.fromEntries(
      (await run(["admin", "key", "add", "--email", "agent@example.com", "--data-dir", dataDir]))
        .trim().split("\n").map((line) => line.split(": ")),
    );
    const { command, args } = entry(["--port", String(port), "--data-dir", dataDir]);
    child = new Deno.Command(command, { args, stdout: "null", stderr: "null" }).spawn();
    let ready: Response | undefined;
    for (let attempt = 0; attempt < 300 && ready?.status !== 200; attempt++) {
      await ready?.body?.cancel();
      ready = await fetch(`${url}/readyz`).catch(() => undefined);
      if (ready?.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(ready?.status, 200);
    await ready!.body?.cancel();

    // What the entry must carry besides code: the portal's scripts, workers and the widget.
    for (
      const path of [
        "/assets/portal.js",
        "/assets/crypto_worker.js",
        "/assets/download_sw.js",
        "/widget/padlock.js",
      ]
    ) {
      const asset = await fetch(`${url}${path}`);
      assert.equal(asset.status, 200, path);
      assert.ok((await asset.text()).length > 100, path);
    }

    const folder = await Deno.makeTempDir({ prefix: "padlock-installed-files-" });
    const bytes = testBytes(3_000_000, 91);
    const file = join(folder, "from the SDK.bin");
    await Deno.writeFile(file, bytes);
    const uploaded = await runSdk({
      action: "upload",
      host: url,
      apiKey: key.apiKey,
      apiSecret: key.apiSecret,
      file,
      undisclosed: true,
    });
    await Deno.remove(folder, { recursive: true });

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(uploaded.link as string);
      await page.waitForSelector('[data-state="files"]');
      assert.equal(await page.locator('[data-role="file-name"]').innerText(), "from the SDK.bin");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-role="download"]'),
      ]);
      assert.equal(
        await sha256(await Deno.readFile((await download.path())!)),
        await sha256(bytes),
      );
    } finally {
      await browser.close();
    }
    child.kill("SIGTERM");
    assert.equal((await child.status).code, 0);
    child = undefined;
  } finally {
    if (child) {
      child.kill("SIGKILL");
      await child.status;
    }
    await Deno.remove(dataDir, { recursive: true });
  }
});
