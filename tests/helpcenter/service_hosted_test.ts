/**
 * The widget installed the one-tag way: `<script src="https://<service>/widget/padlock.js"
 * integrity="sha384-…" crossorigin="anonymous">` on the Help Center, another origin. It secures
 * the form, loads its chunks and its crypto worker from the service, and the ticket gets a link
 * whose files are byte-identical; with an `integrity` that does not match, the browser runs none
 * of it and the form stays Zendesk's.
 */
import assert from "node:assert/strict";
import { findLinks } from "../../src/link.ts";
import {
  attachByChooser,
  downloadAll,
  fillRequest,
  loadRequestPage,
  openPage,
  randomBytes,
  requestPageUrl,
  startStack,
  submitAndWaitForTicket,
  waitForUploads,
} from "./_helpers.ts";

Deno.test("widget from the service: one script tag with its integrity secures the form", async () => {
  const stack = await startStack({ widgetHost: "service" });
  try {
    const { page, requests, errors } = await openPage(stack);
    await loadRequestPage(page, requestPageUrl(stack, "v4"));
    const tag = page.locator("script[data-padlock]");
    assert.equal(await tag.getAttribute("src"), `${stack.harness.serviceUrl}/widget/padlock.js`);
    assert.match(String(await tag.getAttribute("integrity")), /^sha384-[A-Za-z0-9+/]{64}$/);

    await fillRequest(page, "v4", { subject: "Hosted widget", description: "From the service." });
    const bytes = randomBytes(3_000_000);
    await attachByChooser(page, [{
      name: "hosted.bin",
      mimeType: "application/octet-stream",
      bytes,
    }]);
    await waitForUploads(page, 1);
    const ticketId = await submitAndWaitForTicket(page);
    const ticket = await stack.harness.sandbox.tickets.getTicket(ticketId);
    const [link] = findLinks(ticket.description);
    assert.ok(link, ticket.description);
    assert.deepEqual((await downloadAll(stack.harness, link)).get("hosted.bin"), bytes);

    // The encryption chunk and the crypto worker came from beside padlock.js on the service.
    const widget = requests.map((request) => request.url)
      .filter((url) => url.startsWith(`${stack.harness.serviceUrl}/widget/`));
    assert.ok(widget.some((url) => /\/widget\/transfer-[A-Z0-9]{8}\.js$/.test(url)), widget.join());
    assert.ok(widget.some((url) => url.endsWith("/widget/crypto_worker.js")), widget.join());
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await stack.close();
  }
});

Deno.test("widget from the service: a padlock.js that does not match its integrity never runs", async () => {
  const wrong = `sha384-${"A".repeat(64)}`;
  const stack = await startStack({ widgetHost: { integrity: wrong } });
  try {
    const { page, requests } = await openPage(stack);
    const refused = page.waitForEvent(
      "console",
      (message) => /integrity/i.test(message.text()) && message.type() === "error",
    );
    await loadRequestPage(page, requestPageUrl(stack, "v4"), { secured: false });
    await refused;
    await page.waitForTimeout(300);
    assert.equal(await page.locator(".padlock-attachments").count(), 0);
    // Zendesk's own attachment area is still there and nothing else was fetched.
    assert.equal(await page.locator('[data-garden-id="forms.file_upload"]').count(), 1);
    const widget = requests.map((request) => request.url)
      .filter((url) => url.startsWith(`${stack.harness.serviceUrl}/`));
    assert.deepEqual(widget, [`${stack.harness.serviceUrl}/widget/padlock.js`]);
    await page.close();
  } finally {
    await stack.close();
  }
});
