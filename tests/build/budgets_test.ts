/**
 * The size budgets: the real build meets every budget of issue 7; a budget lowered below a
 * bundle's size fails the build with a message naming the bundle, its size and its budget, and
 * `deno task build` (the `main` of build.ts) exits with 1 and says so on stderr.
 */
import assert from "node:assert/strict";
import { type Budget, BudgetError, BUDGETS, KB } from "../../build.ts";
import { describeResult } from "../../scripts/budgets.ts";
import { buildInTemp } from "./_build.ts";

Deno.test("budgets: the build meets every budget of issue 7", async () => {
  const { result, remove } = await buildInTemp({ failOnBudget: false });
  try {
    assert.deepEqual(
      result.budgets.map(({ budget }) => [budget.bundle, budget.limit, budget.gzip ?? true]),
      [
        ["helpcenter", 10 * KB, true],
        ["helpcenter", 90 * KB, true],
        ["agent", 122 * KB, true],
        ["agent", 300 * KB, false],
      ],
    );
    for (const { budget, size, files } of result.budgets) {
      assert.ok(size > 0 && files.length > 0, budget.name);
    }
    const exceeded = result.budgets.filter(({ ok }) => !ok).map(describeResult);
    assert.deepEqual(exceeded, [], "every budget is met");
    const [loader, lazy, agent] = result.budgets;
    // The loader is padlock.js alone: no chunk is imported before it runs.
    assert.deepEqual(loader.files, ["helpcenter/padlock.js"]);
    // The lazy part is loaded on the first file: the transfer chunk (with openpgp), not the loader.
    assert.ok(lazy.files.some((path) => /^helpcenter\/transfer-/.test(path)), lazy.files.join());
    assert.ok(!lazy.files.includes("helpcenter/padlock.js"));
    // Every script of the app counts, including openpgp's rarely loaded algorithm chunks.
    assert.ok(agent.files.includes("agent/assets/app.js"));
    assert.ok(agent.files.some((path) => /legacy_ciphers/.test(path)), agent.files.join());
  } finally {
    await remove();
  }
});

Deno.test("budgets: a bundle over its budget fails the build, naming the bundle, size and budget", async () => {
  const loader = BUDGETS.find((budget) => budget.scope.kind === "entry")!;
  const budgets: Budget[] = [{ ...loader, limit: 1000 }];
  let outdir = "";
  await assert.rejects(
    async () => {
      const built = await buildInTemp({ budgets });
      outdir = built.outdir;
      await built.remove();
    },
    (error: unknown) => {
      assert.ok(error instanceof BudgetError, String(error));
      assert.equal(error.exceeded.length, 1);
      const [over] = error.exceeded;
      assert.equal(over.budget.limit, 1000);
      assert.ok(over.size > 1000);
      assert.match(
        error.message,
        new RegExp(
          `^Size budget exceeded:\\n  Help Center loader, loaded on every page \\(bundle ` +
            `helpcenter\\): ${over.size.toLocaleString("en-US")} bytes gzipped, budget 1,000, ` +
            `${(over.size - 1000).toLocaleString("en-US")} over \\[helpcenter/padlock\\.js\\]$`,
        ),
      );
      return true;
    },
  );
  assert.equal(outdir, "", "build() threw before returning");
});

Deno.test("budgets: `deno task build` exits with 1 and prints the budget exceeded", async () => {
  const outdir = await Deno.makeTempDir({ prefix: "padlock-build-cli-" });
  try {
    const buildModule = new URL("../../build.ts", import.meta.url).href;
    const script = `
      import { BUDGETS, main } from ${JSON.stringify(buildModule)};
      const zip = BUDGETS.find((budget) => budget.scope.kind === "file");
      const budgets = [{ ...zip, limit: 2000 }];
      Deno.exit(await main({ outdir: ${JSON.stringify(outdir)}, budgets }));
    `;
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["eval", "--ext=ts", script],
      cwd: new URL("../../", import.meta.url).pathname,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(output.stderr);
    assert.equal(output.code, 1, stderr);
    assert.match(
      stderr,
      /error: Size budget exceeded:\n {2}Zendesk app zip \(bundle agent\): [\d,]+ bytes, budget 2,000, [\d,]+ over \[padlock-zendesk-app\.zip\]/,
    );
    // The files are written all the same, for inspection, the audit report saying which failed.
    const audit = await Deno.readTextFile(`${outdir}/AUDIT.md`);
    assert.match(
      audit,
      /\| Zendesk app zip \(raw\) \| `padlock-zendesk-app\.zip` \| [\d,]+ \| 2,000 \| \*\*no\*\*/,
    );
  } finally {
    await Deno.remove(outdir, { recursive: true });
  }
});
