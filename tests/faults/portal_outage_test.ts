/// <reference lib="dom" />
/**
 * The receive page (served by the service, so reached through the fault proxy like everything
 * else) in Chromium: a download that loses the network (until the page says "Reconnecting…",
 * then `HOLD_MS` more) shows "Reconnecting…" and goes on with the parts not yet fetched (the
 * widget test waits out a longer outage; the policy is the same); a download whose retries run
 * out says why, and "Download" again brings the file.
 */
import assert from "node:assert/strict";
import { PART_SIZE, uploadFiles } from "../../src/upload.ts";
import { holdOutage, outageAfter, randomBytes, sha256, transfersAround } from "./_helpers.ts";
import { explain, startBrowserStack } from "./_stack.ts";

/**
 * How long an outage goes on once the page says "Reconnecting…": at the tests' waits between
 * attempts (`TEST_RETRY_TIMING`, a tenth of the production ones) about 9 attempts per waiting
 * part, more than an 8-second outage gives at the production waits (about 4).
 */
const HOLD_MS = 5_000;

Deno.test("receive page: an outage mid-download is waited out; retries run out with a reason, and Download works again", async (t) => {
  const stack = await startBrowserStack();
  try {
    const { proxy } = stack.service;
    const context = await stack.newContext({ signedIn: false });

    await t.step("an outage mid-download", async () => {
      const bytes = randomBytes(6 * PART_SIZE + 1);
      const { link } = await uploadFiles(
        stack.service.agentClient(),
        [{ blob: new Blob([bytes]), name: "statement.pdf" }],
        { undisclosed: true },
      );
      assert.ok(link.startsWith(proxy.url), "the link points at the proxy");
      const page = await context.newPage();
      await page.goto(link);
      const button = page.locator('[data-role="download"]');
      await button.waitFor();
      const outage = outageAfter(proxy, {
        kind: "part-get",
        count: 2,
        mode: "refuse",
      });
      const download = page.waitForEvent("download", { timeout: 90_000 });
      await button.click();
      await outage;
      const status = () => page.locator('[data-role="file-status"]').innerText();
      await explain(
        page.waitForSelector('[data-role="file-status"]:has-text("Reconnecting…")', {
          timeout: 60_000,
        }),
        "no 'Reconnecting…' during the outage",
        status,
      );
      assert.equal(proxy.inOutage, "refuse");
      // Still saying so at the end of the outage, however many attempts failed meanwhile.
      await holdOutage(proxy, HOLD_MS, async () => {
        assert.match(await status(), /Reconnecting…/);
      });
      const saved = await download;
      const received = new Uint8Array(await Deno.readFile((await saved.path())!));
      assert.equal(await sha256(received), await sha256(bytes));
      await page.waitForSelector('[data-role="file"][data-state="done"]');
      const { startedAt } = proxy.outages.at(-1)!;
      const fetched = transfersAround(proxy, "part-get", startedAt);
      assert.ok(fetched.before.size >= 2);
      assert.deepEqual(fetched.repeated, [], "no part fetched twice");
      await page.close();
    });

    await t.step("retries run out: the reason is shown, and Download works again", async () => {
      const bytes = randomBytes(3 * PART_SIZE + 7);
      const { link } = await uploadFiles(
        stack.service.agentClient(),
        [{ blob: new Blob([bytes]), name: "contract.pdf" }],
        { undisclosed: true },
      );
      const page = await context.newPage();
      await page.goto(link);
      const button = page.locator('[data-role="download"]');
      await button.waitFor();
      // The storage answers 500 to every part from the second one on, until the rule goes.
      let gets = 0;
      const removeRule = proxy.addRule((request) =>
        request.kind === "part-get" && ++gets > 1 ? { status: 500 } : undefined
      );
      await button.click();
      const row = page.locator('[data-role="file"]');
      await explain(
        page.waitForSelector('[data-role="file"][data-state="error"]', { timeout: 60_000 }),
        "the download did not give up",
        () => row.innerText(),
      );
      assert.match(
        await page.locator('[data-role="file-status"]').innerText(),
        /Could not download "contract\.pdf": Part download answered HTTP 500/,
      );
      assert.ok(await button.isVisible(), "Download can be pressed again");

      removeRule();
      const download = page.waitForEvent("download", { timeout: 60_000 });
      await button.click();
      const saved = await download;
      const received = new Uint8Array(await Deno.readFile((await saved.path())!));
      assert.equal(await sha256(received), await sha256(bytes));
      await page.waitForSelector('[data-role="file"][data-state="done"]');
      await page.close();
    });
    await context.close();
  } finally {
    await stack.close();
  }
});
