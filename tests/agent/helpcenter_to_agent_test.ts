/// <reference lib="dom" />
/**
 * The whole loop in one browser: an end-user submits a request with files through the Help
 * Center widget (sandbox, v4 form); the agent opens the ticket; the app lists the files and
 * downloads them byte-identical.
 */
import assert from "node:assert/strict";
import {
  attachByChooser,
  fillRequest,
  loadRequestPage,
  submitAndWaitForTicket,
  waitForUploads,
} from "../helpcenter/_helpers.ts";
import { openTicket, randomBytes, startStack } from "./_stack.ts";

Deno.test("a request submitted through the Help Center widget: the app lists and downloads its files", async () => {
  const stack = await startStack({ helpCenter: true });
  try {
    const files = [
      { name: "photo of the damage.jpg", mimeType: "image/jpeg", bytes: randomBytes(2_900_000) },
      {
        name: "receipt.txt",
        mimeType: "text/plain",
        bytes: new TextEncoder().encode("Total 42\n"),
      },
    ];
    const customer = await stack.browser.newContext();
    const form = await customer.newPage();
    await loadRequestPage(form, `${stack.sandboxUrl}/hc/en-us/requests/new`);
    await fillRequest(form, "v4", {
      subject: "My parcel arrived broken",
      description: "Photos and the receipt are attached.",
    });
    await attachByChooser(form, files);
    await waitForUploads(form, files.length);
    const ticketId = await submitAndWaitForTicket(form);
    await customer.close();

    const context = await stack.newContext();
    const { page, app } = await openTicket(context, stack, ticketId);
    for (const file of files) {
      await app.waitForSelector(`[data-role="file"]:has-text("${file.name}")`);
    }
    assert.equal(await app.locator('[data-role="link-group"]').count(), 1);
    for (const file of files) {
      const saved = page.waitForEvent("download");
      await app.locator('[data-role="file"]', { hasText: file.name }).click();
      const download = await saved;
      assert.equal(download.suggestedFilename(), file.name);
      assert.deepEqual(new Uint8Array(await Deno.readFile(await download.path())), file.bytes);
    }
    await context.close();
  } finally {
    await stack.close();
  }
});
