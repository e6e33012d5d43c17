/**
 * Two builds of the same sources, into two different directories, give byte-identical files:
 * every bundle and chunk, the metafiles, the Zendesk app and its zip, and the audit report.
 */
import assert from "node:assert/strict";
import { buildInTemp, listFiles } from "./_build.ts";

Deno.test("build: two builds give byte-identical files, the zip and the audit report included", async () => {
  const first = await buildInTemp({ failOnBudget: false }, "padlock-build-a-");
  const second = await buildInTemp({ failOnBudget: false }, "padlock-build-bb-");
  try {
    const files = await listFiles(first.outdir);
    assert.deepEqual(await listFiles(second.outdir), files);
    for (const required of ["AUDIT.md", "padlock-zendesk-app.zip", "helpcenter/padlock.js"]) {
      assert.ok(files.includes(required), `${required} in ${files.join(", ")}`);
    }
    // The split bundles have content-hashed chunks, and they are among the files compared.
    assert.ok(
      files.some((path) => /^helpcenter\/transfer-[A-Z0-9]{8}\.js$/.test(path)),
      files.join(),
    );
    for (const path of files) {
      const a = await Deno.readFile(`${first.outdir}/${path}`);
      const b = await Deno.readFile(`${second.outdir}/${path}`);
      assert.deepEqual(a, b, `${path} differs between the two builds`);
      // No trace of where the build was written (paths are relative to the output folder).
      const text = new TextDecoder().decode(a);
      assert.ok(!text.includes(first.outdir), `${path} names the build directory`);
    }
  } finally {
    await first.remove();
    await second.remove();
  }
});
