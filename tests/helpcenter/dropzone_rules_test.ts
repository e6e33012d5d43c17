/// <reference lib="dom" />
/**
 * The widget refuses a file its dropzone does not take (issue 13), in headless Chromium through
 * the sandbox: with the dropzone set to PDF files of up to 2,000 bytes, an `.exe` and a larger
 * PDF are marked failed at once, each with its reason, before any package is made or anything is
 * uploaded; a PDF within the rules still goes through and the ticket gets its link.
 */
import assert from "node:assert/strict";
import { findLinks } from "../../src/link.ts";
import {
  attachByChooser,
  downloadAll,
  fillRequest,
  loadRequestPage,
  openPage,
  requestPageUrl,
  startStack,
  submitAndWaitForTicket,
  waitForUploads,
} from "./_helpers.ts";

Deno.test("widget: a file the dropzone does not take is refused at once, with the reason", async () => {
  const stack = await startStack();
  try {
    const { harness } = stack;
    await harness.service.accounts.setDropzoneSettings(harness.dropzoneId, {
      allowedExtensions: ["pdf"],
      maxFileBytes: 2000,
      senderDomainAccess: false,
    });
    const { page, requests, errors } = await openPage(stack);
    await loadRequestPage(page, requestPageUrl(stack, "v4"));
    await fillRequest(page, "v4", { subject: "Rules", description: "Only a PDF." });

    await attachByChooser(page, [{
      name: "setup.exe",
      mimeType: "application/octet-stream",
      bytes: new Uint8Array([0x4d, 0x5a]),
    }]);
    const row = page.locator('.padlock-file[data-status="failed"]');
    await row.first().waitFor({ timeout: 30_000 });
    assert.equal(
      (await row.first().locator(".padlock-file-status").textContent())?.trim(),
      "Upload failed: only files ending in .pdf can be attached here.",
    );
    await attachByChooser(page, [{
      name: "big.pdf",
      mimeType: "application/pdf",
      bytes: new Uint8Array(2001),
    }]);
    await page.waitForFunction(() =>
      document.querySelectorAll('.padlock-file[data-status="failed"]').length === 2
    );
    assert.match(
      (await row.nth(1).locator(".padlock-file-status").textContent()) ?? "",
      /^Upload failed: files of up to 2(\.0)? KB can be attached here\.$/,
    );
    // Trying again cannot help: neither refused file offers Retry, each can be removed.
    for (const index of [0, 1]) {
      assert.equal(await row.nth(index).locator(".padlock-retry").isHidden(), true);
      assert.equal(await row.nth(index).locator(".padlock-remove").isVisible(), true);
    }
    // Refused in the page: no package was made, nothing was uploaded.
    assert.deepEqual(
      requests.filter((request) => /\/package\//.test(request.url)).map((request) => request.url),
      [],
    );
    assert.ok(requests.some((request) => request.url.endsWith("/drop-zone/v2.0/dropzone/rules/")));

    // Removed, they leave room for a file within the rules, which goes through.
    await row.nth(1).locator(".padlock-remove").click();
    await row.first().locator(".padlock-remove").click();
    await attachByChooser(page, [{
      name: "ok.pdf",
      mimeType: "application/pdf",
      bytes: new TextEncoder().encode("%PDF-1.7 within the rules"),
    }]);
    await waitForUploads(page, 1);
    const id = await submitAndWaitForTicket(page);
    const ticket = await harness.sandbox.tickets.getTicket(id);
    const links = findLinks(ticket.description);
    assert.equal(links.length, 1, ticket.description);
    const files = await downloadAll(harness, links[0]);
    assert.deepEqual([...files.keys()], ["ok.pdf"]);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await stack.close();
  }
});
