/// <reference lib="dom" />
/**
 * The Help Center widget when retries run out, in Chromium with the real service behind the
 * fault proxy: the storage answers 500 to every part after the first, through the pre-signed
 * URLs and through the service's proxy upload alike. The file says why it failed, the text the
 * user typed stays, and Retry, once the service is healthy again, sends only the missing parts.
 */
import assert from "node:assert/strict";
import { findLinks } from "../../src/link.ts";
import { htmlToText } from "../../sandbox/helpcenter/html.ts";
import { PART_SIZE } from "../../src/upload.ts";
import {
  attachByChooser,
  descriptionText,
  fillRequest,
  loadRequestPage,
  submitAndWaitForTicket,
} from "../helpcenter/_helpers.ts";
import { deliveredBefore, downloadLink, randomBytes, sha256, transfersAfter } from "./_helpers.ts";
import { explain, startBrowserStack } from "./_stack.ts";

Deno.test("widget: when retries run out the file says why, the text stays, and Retry sends only what is missing", async () => {
  const stack = await startBrowserStack();
  try {
    const { proxy } = stack.service;
    const context = await stack.newContext({ signedIn: false });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("filechooser", () => {});
    await loadRequestPage(page, `${stack.sandboxUrl}/hc/en-us/requests/new?theme=legacy`);
    const typed = "Nothing I typed may be lost.";
    await fillRequest(page, "legacy", { subject: "Broken storage", description: typed });

    let stored = 0;
    const removeRule = proxy.addRule((request) => {
      if (request.kind === "proxy-upload") return { status: 500 };
      if (request.kind !== "part-put") return undefined;
      return stored >= 1 ? { status: 500 } : undefined;
    });
    const removeCounter = proxy.onExchange((exchange) => {
      if (exchange.kind === "part-put" && exchange.status === 200) stored++;
    });
    const bytes = randomBytes(4 * PART_SIZE - 3);
    await attachByChooser(page, [{
      name: "dump.bin",
      mimeType: "application/octet-stream",
      bytes,
    }]);
    const row = page.locator(".padlock-file");
    await explain(
      page.waitForSelector('.padlock-file[data-status="failed"]', { timeout: 90_000 }),
      "the upload did not give up",
      () => row.innerText(),
    );
    const failedAt = performance.now();
    assert.equal(
      await page.locator(".padlock-file-status").innerText(),
      "Upload failed: the secure upload service is not answering (HTTP 500).",
    );
    assert.ok(await page.isVisible(".padlock-retry"));
    assert.equal(await descriptionText(page, "legacy"), typed);
    // It tried the pre-signed URLs, then the service's proxy upload, before giving up.
    assert.ok(proxy.log.some((exchange) => exchange.kind === "proxy-upload"));
    // Submitting now would lose the file: the form says so and stays.
    await page.click('form [type="submit"]');
    await page.waitForSelector('.padlock-alert:has-text("could not be uploaded")');
    assert.ok(page.url().endsWith("/requests/new?theme=legacy"));
    assert.equal(await descriptionText(page, "legacy"), typed);

    removeRule();
    removeCounter();
    const kept = deliveredBefore(proxy, "part-put", failedAt);
    assert.ok(kept.size >= 1);
    await page.click(".padlock-retry");
    await explain(
      page.waitForSelector('.padlock-file[data-status="uploaded"]', { timeout: 60_000 }),
      "Retry did not finish the upload",
      () => row.innerText(),
    );
    const sent = transfersAfter(proxy, "part-put", failedAt);
    assert.deepEqual(sent.filter((key) => kept.has(key)), [], "stored parts are not sent again");
    assert.equal(new Set([...kept, ...sent]).size, 4);

    const id = await submitAndWaitForTicket(page);
    const ticket = await stack.tickets.getTicket(id);
    const text = ticket.descriptionMimetype === "text/html"
      ? htmlToText(ticket.description)
      : ticket.description;
    assert.ok(text.startsWith(typed));
    const links = findLinks(ticket.description);
    assert.equal(links.length, 1);
    const files = await downloadLink(stack.service.agentClient(), links[0]);
    assert.equal(await sha256(files.get("dump.bin")!), await sha256(bytes));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await stack.close();
  }
});
