/**
 * `dist/AUDIT.md`: for every bundle, every module of every file with its bytes (as esbuild's
 * metafile has them), every third-party package with the version and license of its
 * `package.json`, and for every file the Subresource Integrity value of its actual bytes.
 */
import assert from "node:assert/strict";
import type * as esbuild from "esbuild";
import { ENTRIES } from "../../build.ts";
import { buildInTemp, listFiles } from "./_build.ts";

const root = new URL("../../", import.meta.url).pathname;

async function sha384(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-384", bytes as Uint8Array<ArrayBuffer>),
  );
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

/** The Markdown section of the report that starts with `heading` (up to the next of its level). */
function section(markdown: string, heading: string): string {
  const level = heading.match(/^#+/)![0];
  const start = markdown.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `no section ${heading}`);
  const rest = markdown.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`\\n${level} `));
  return end < 0 ? rest : rest.slice(0, end);
}

const bytes = (value: number) => value.toLocaleString("en-US");

Deno.test("audit: every module of every file with its bytes, packages, licenses and SRI", async () => {
  const { outdir, result, remove } = await buildInTemp({ failOnBudget: false });
  try {
    const audit = await Deno.readTextFile(`${outdir}/AUDIT.md`);
    assert.equal(result.audit, `${outdir}/AUDIT.md`);
    const bundles = [...new Set(ENTRIES.map((entry) => entry.output.split("/")[0]))];
    assert.deepEqual(bundles, ["helpcenter", "agent", "portal"]);

    let modulesChecked = 0;
    for (const name of bundles) {
      const report = section(audit, `## Bundle \`${name}\``);
      const metafile: esbuild.Metafile = JSON.parse(
        await Deno.readTextFile(`${outdir}/meta/${name}.json`),
      );
      const scripts = Object.keys(metafile.outputs).filter((path) => path.endsWith(".js"));
      assert.ok(scripts.length > 0, name);
      for (const path of scripts) {
        // The file's size and integrity, from its actual bytes.
        const data = await Deno.readFile(`${outdir}/${path}`);
        const row = report.split("\n").find((line) => line.startsWith(`| \`${path}\` |`));
        assert.ok(row, `no row for ${path}`);
        assert.ok(row.includes(`| ${bytes(data.length)} |`), row);
        assert.ok(row.includes(`\`${await sha384(data)}\``), `${path}: ${row}`);
        // Every module esbuild put into it, with the bytes it adds.
        const modules = section(report, `#### \`${path}\``);
        for (const [module, input] of Object.entries(metafile.outputs[path].inputs)) {
          assert.ok(
            modules.includes(`| \`${module}\` | ${bytes(input.bytesInOutput)} |`),
            `${path}: ${module} (${input.bytesInOutput})`,
          );
          modulesChecked++;
        }
      }
      // Every package whose modules ship is listed with its package.json's version and license.
      const packages = section(report, "### Third-party packages");
      const folders = new Set<string>();
      for (const path of scripts) {
        for (const module of Object.keys(metafile.outputs[path].inputs)) {
          const folder = /^(.*node_modules\/(?:@[^/]+\/)?[^/.][^/]*)\//.exec(module)?.[1];
          if (folder) folders.add(folder);
        }
      }
      assert.ok(folders.size > 0, `${name} ships openpgp`);
      for (const folder of folders) {
        const manifest = JSON.parse(await Deno.readTextFile(`${root}${folder}/package.json`));
        assert.ok(
          packages.includes(
            `| \`${manifest.name}\` | ${manifest.version} | ${manifest.license} |`,
          ),
          `${name}: ${manifest.name}@${manifest.version} (${manifest.license}) in ${packages}`,
        );
      }
      // openpgp's notices are kept.
      assert.match(section(report, "### Legal notices kept in the files"), /OpenPGP\.js v\d/);
    }
    assert.ok(modulesChecked > 40, `${modulesChecked} modules`);

    // The Help Center bundle: the loader has no openpgp, the lazily loaded chunk has it.
    const helpcenter = section(audit, "## Bundle `helpcenter`");
    const loader = section(helpcenter, "#### `helpcenter/padlock.js`");
    assert.ok(!loader.includes("openpgp"), loader);
    assert.match(helpcenter, /on `import\(\)` of `helpcenter\/transfer\.ts`/);
    // The public-key modules left out appear as what replaced them.
    assert.match(audit, /`padlock-left-out:public-key-algorithms`/);

    // Every other file written (app files, zip, metafiles) has its integrity too.
    const others = section(audit, "## Other files");
    for (const path of await listFiles(outdir)) {
      if (path === "AUDIT.md" || path.endsWith(".js")) continue;
      const data = await Deno.readFile(`${outdir}/${path}`);
      assert.ok(
        others.includes(`| \`${path}\` | ${bytes(data.length)} | \`${await sha384(data)}\` |`),
        path,
      );
    }
    // The budgets are in the report, each with whether it is met.
    const budgets = section(audit, "## Budgets");
    for (const { budget, size, ok } of result.budgets) {
      const row = budgets.split("\n").find((line) => line.startsWith(`| ${budget.name} (`));
      assert.ok(row, budget.name);
      assert.ok(row.includes(`| ${bytes(size)} | ${bytes(budget.limit)} |`), row);
      assert.ok(ok ? row.endsWith("| yes |") : row.includes("| **no**: "), row);
    }
  } finally {
    await remove();
  }
});
