/**
 * `deno task verify <service URL>` against a local service serving a build of this checkout:
 * every file it serves is the rebuild's (exit 0); then with one byte of the widget's crypto
 * worker changed on the service, exactly that file is reported, with its sizes, where it first
 * differs and both hashes (exit 1). The portal page's script `integrity` is checked too.
 */
import assert from "node:assert/strict";
import { startServer } from "../../server/mod.ts";
import { buildInTemp } from "./_build.ts";

async function verify(url: string): Promise<{ code: number; lines: string[] }> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "scripts/verify.ts", url],
    cwd: new URL("../../", import.meta.url).pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(output.stdout);
  return { code: output.code, lines: text.trim().split("\n") };
}

Deno.test("verify: the files a service serves are compared byte for byte with a rebuild", async () => {
  const dist = await buildInTemp({ failOnBudget: false }, "padlock-verify-dist-");
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-verify-data-" });
  const service = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    log: () => {},
    sweepIntervalMs: 0,
    widgetDir: `${dist.outdir}/helpcenter`,
    portalAssetsDir: `${dist.outdir}/portal`,
  });
  try {
    const widgetFiles = [...Deno.readDirSync(`${dist.outdir}/helpcenter`)]
      .filter((item) => item.name.endsWith(".js")).length;

    const clean = await verify(service.url);
    assert.equal(clean.code, 0, clean.lines.join("\n"));
    const compared = clean.lines.filter((line) => /^(same|differs|missing) /.test(line));
    // Every widget file, the portal's three scripts and stylesheet, and the page's integrity.
    assert.equal(compared.length, widgetFiles + 5, clean.lines.join("\n"));
    assert.ok(compared.every((line) => line.startsWith("same ")), clean.lines.join("\n"));
    assert.ok(compared.includes("same    /widget/padlock.js"), clean.lines.join("\n"));
    assert.ok(compared.includes("same    /receive/ (script integrity)"), clean.lines.join("\n"));

    const worker = `${dist.outdir}/helpcenter/crypto_worker.js`;
    const original = await Deno.readFile(worker);
    const changed = original.slice();
    changed[100] ^= 0x01;
    await Deno.writeFile(worker, changed);
    const tampered = await verify(service.url);
    assert.equal(tampered.code, 1, tampered.lines.join("\n"));
    const differing = tampered.lines.filter((line) =>
      !line.startsWith("same ") &&
      /^(differs|missing) /.test(line)
    );
    assert.equal(differing.length, 1, tampered.lines.join("\n"));
    assert.match(
      differing[0],
      new RegExp(
        `^differs /widget/crypto_worker\\.js: served ${original.length} bytes, built ` +
          `${original.length}; first difference at byte 100; served sha384-\\S+, built sha384-`,
      ),
    );
    assert.match(tampered.lines.at(-1)!, /^1 of \d+ files served differ from the build/);
  } finally {
    await service.close();
    await Deno.remove(dataDir, { recursive: true });
    await dist.remove();
  }
});
