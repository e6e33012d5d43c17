/// <reference lib="dom" />
/**
 * The agent app (Zendesk sidebar) through network outages, in Chromium with the real service
 * behind the fault proxy: sending files and downloading them each lose the network in the
 * middle (until the app says "Reconnecting…", then `HOLD_MS` more; the widget test waits out a
 * longer one; the policy is the same), then go on from where they were and end byte-identical,
 * without sending or fetching again a part that was already through.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { findLinks } from "../../src/link.ts";
import { PART_SIZE, uploadFiles } from "../../src/upload.ts";
import {
  downloadLink,
  holdOutage,
  outageAfter,
  randomBytes,
  sha256,
  transfersAround,
} from "./_helpers.ts";
import { explain, openTicket, startBrowserStack } from "./_stack.ts";

/**
 * How long an outage goes on once the page says "Reconnecting…": at the tests' waits between
 * attempts (`TEST_RETRY_TIMING`, a tenth of the production ones) about 9 attempts per waiting
 * part, more than an 8-second outage gives at the production waits (about 4).
 */
const HOLD_MS = 5_000;

Deno.test("agent app: sending and downloading both wait out an outage with 'Reconnecting…'", async (t) => {
  const stack = await startBrowserStack();
  try {
    const { proxy } = stack.service;
    const context = await stack.newContext();

    await t.step("sending files", async () => {
      const ticket = await stack.tickets.createTicket({
        subject: "Send me the logs",
        description: "Could you send the logs?",
        requester: { name: "Rita Requester", email: "requester@example.com" },
      });
      const { page, app } = await openTicket(context, stack, ticket.id);
      await app.locator('[data-role="require-auth"]').uncheck();
      const bytes = randomBytes(5 * PART_SIZE + 99);
      const outage = outageAfter(proxy, {
        kind: "part-put",
        count: 2,
        mode: "refuse",
      });
      await app.locator('[data-role="file-input"]').setInputFiles([{
        name: "logs.bin",
        mimeType: "application/octet-stream",
        buffer: Buffer.from(bytes),
      }]);
      await outage;
      const status = () => app.locator('[data-role="send-status"]').innerText();
      await explain(
        app.waitForSelector('[data-role="send-status"]:has-text("Reconnecting…")', {
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
      await explain(
        app.waitForSelector('[data-role="send-status"].success', { timeout: 60_000 }),
        "sending did not finish after the outage",
        status,
      );
      const { startedAt } = proxy.outages.at(-1)!;
      const stored = transfersAround(proxy, "part-put", startedAt);
      assert.ok(stored.before.size >= 2);
      assert.deepEqual(stored.repeated, [], "no stored part sent again");
      assert.equal(new Set([...stored.before, ...stored.after]).size, 6);
      const links = findLinks(await page.locator("#reply-text").inputValue());
      assert.equal(links.length, 1);
      const files = await downloadLink(stack.service.agentClient(), links[0]);
      assert.equal(await sha256(files.get("logs.bin")!), await sha256(bytes));
      await page.close();
    });

    await t.step("downloading a file", async () => {
      const bytes = randomBytes(6 * PART_SIZE - 5);
      const { link } = await uploadFiles(
        stack.service.dropzoneClient(),
        [{ blob: new Blob([bytes]), name: "capture.bin" }],
        { undisclosed: false, unconfirmedSender: "requester@example.com" },
      );
      const ticket = await stack.tickets.createTicket({
        subject: "My capture",
        description: `Here it is: ${link}`,
        requester: { name: "Rita Requester", email: "requester@example.com" },
      });
      const { page, app } = await openTicket(context, stack, ticket.id);
      const file = app.locator('[data-role="file"]', { hasText: "capture.bin" });
      await file.waitFor();
      const outage = outageAfter(proxy, {
        kind: "part-get",
        count: 2,
        mode: "refuse",
      });
      const download = page.waitForEvent("download", { timeout: 90_000 });
      await file.click();
      await outage;
      const label = () => app.locator('[data-role="progress-label"]').innerText();
      await explain(
        app.waitForSelector('[data-role="progress-label"]:has-text("Reconnecting…")', {
          timeout: 60_000,
        }),
        "no 'Reconnecting…' during the outage",
        label,
      );
      assert.equal(proxy.inOutage, "refuse");
      await holdOutage(proxy, HOLD_MS, async () => {
        assert.match(await label(), /Reconnecting…/);
      });
      const saved = await download;
      const received = new Uint8Array(await Deno.readFile((await saved.path())!));
      assert.equal(await sha256(received), await sha256(bytes));
      await app.waitForSelector('[data-role="done"]');
      const { startedAt } = proxy.outages.at(-1)!;
      const fetched = transfersAround(proxy, "part-get", startedAt);
      assert.ok(fetched.before.size >= 2);
      assert.deepEqual(fetched.repeated, [], "no part fetched twice");
      await page.close();
    });
    await context.close();
  } finally {
    await stack.close();
  }
});
