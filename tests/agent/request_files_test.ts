/// <reference lib="dom" />
/**
 * Requesting files from a customer, in headless Chromium through the sandbox: the agent clicks
 * "Request files", the reply gets an upload link made for the ticket; the customer opens it, drops
 * a file, which is encrypted in the page into the agent's dropzone; the ticket's sidebar lists the
 * package (no Secure Link in the ticket) and the agent downloads it byte-identical. An unknown
 * upload link gets a page that says it no longer works. Without a Zendesk API token the service
 * calls no Zendesk API, and a dropzone left at its default sends no mail.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { findLinks } from "../../src/link.ts";
import { openTicket, randomBytes, startStack } from "./_stack.ts";
import { listOutbox } from "../../server/mail/mod.ts";

Deno.test("Request files: the customer's upload shows in the ticket's sidebar", async () => {
  // The sandbox serves Zendesk's API, but the service has no API token: no note, no call.
  const stack = await startStack({ zendesk: { configured: false } });
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Need your logs",
      description: "Here is my problem.",
      requester: { name: "Rita Requester", email: "rita@example.com" },
    });
    const context = await stack.newContext({ serviceWorkers: "block" });
    const agent = await openTicket(context, stack, ticket.id);
    await agent.app.locator('[data-role="request-files"]').click();
    await agent.app.waitForSelector('[data-role="request-status"]:has-text("upload files")');
    const reply = await agent.page.locator("#reply-text").inputValue();
    // Labelled, without a blank line first in an empty reply.
    const found = /^Upload your files securely here: (\S+)\n$/.exec(reply);
    assert.ok(found, reply);
    const uploadLink = found[1];
    assert.match(
      uploadLink,
      new RegExp(`^${stack.serviceUrl}/upload/[A-Za-z0-9_-]{43}#keyCode=[A-Za-z0-9_-]+&request=`),
    );
    await agent.page.locator("#submit-reply").click();
    await agent.page.locator("#conversation li:nth-child(2)").waitFor();
    await agent.page.close();

    // The customer, in a browser of their own.
    const customerContext = await stack.browser.newContext();
    const customer = await customerContext.newPage();
    const errors: string[] = [];
    customer.on("pageerror", (error) => errors.push(error.message));
    await customer.goto(uploadLink);
    await customer.locator("h1", { hasText: "Send files securely" }).waitFor();
    const bytes = randomBytes(3_000_000); // two parts
    await customer.locator('[data-role="file-input"]').setInputFiles({
      name: "logs.zip",
      mimeType: "application/zip",
      buffer: Buffer.from(bytes),
    });
    await customer.locator('[data-role="send"]').click();
    await customer.waitForSelector('#app[data-state="sent"]');
    assert.deepEqual(errors, []);

    // An unknown upload link: a clear page, no form.
    const gone = await customer.goto(`${stack.serviceUrl}/upload/${"A".repeat(43)}#keyCode=x`);
    assert.equal(gone?.status(), 404);
    await customer.locator("h1", { hasText: "This link no longer works" }).waitFor();
    assert.equal(await customer.locator('[data-role="file-input"]').count(), 0);
    await customerContext.close();

    // The ticket holds no Secure Link; its sidebar lists the package all the same.
    const comments = (await stack.tickets.getTicket(ticket.id)).comments
      .map((comment) => comment.html).join("\n");
    assert.deepEqual(findLinks(comments), []);
    const again = await openTicket(context, stack, ticket.id);
    const file = again.app.locator('[data-role="file"]', { hasText: "logs.zip" });
    await file.waitFor();
    const download = again.page.waitForEvent("download");
    await file.click();
    const saved = await download;
    assert.equal(saved.suggestedFilename(), "logs.zip");
    assert.deepEqual(new Uint8Array(await Deno.readFile(await saved.path())), bytes);
    await context.close();
    // Without a Zendesk API token the service made no call; the dropzone does not notify by
    // default, so no mail went out either.
    assert.deepEqual(stack.zendeskApiCalls, []);
    assert.equal((await stack.tickets.getTicket(ticket.id)).comments.some((c) => !c.public), false);
    assert.deepEqual(await listOutbox(stack.dataDir), []);
  } finally {
    await stack.close();
  }
});
