/// <reference lib="dom" />
/**
 * "Block unencrypted attachments" through the sandbox's real `ticket.save` hook: a reply with
 * Zendesk's own attachments is refused with a message pointing to the cloud button; without them,
 * or with the setting off, the reply is saved.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { BLOCKED_MESSAGE } from "../../agent/save_hook.ts";
import { openTicket, startStack } from "./_stack.ts";

const ATTACHMENT = {
  name: "plain.txt",
  mimeType: "text/plain",
  buffer: Buffer.from("not encrypted"),
};

Deno.test("the save hook refuses replies with Zendesk attachments when the setting is on", async () => {
  const stack = await startStack();
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Attachments",
      description: "Hello",
      requester: { name: "Rita", email: "requester@example.com" },
    });
    const context = await stack.newContext();
    const { page, app } = await openTicket(
      context,
      stack,
      ticket.id,
      "?block_unencrypted_attachments=true",
    );
    await app.waitForSelector('[data-role="send"]');
    await page.locator("#reply-text").fill("Here is the file");
    await page.locator("#zendesk-attachments").setInputFiles(ATTACHMENT);
    await page.locator("#submit-reply").click();
    await page.waitForSelector("#reply-error:not([hidden])");
    assert.equal(await page.locator("#reply-error").innerText(), BLOCKED_MESSAGE);
    assert.equal((await stack.tickets.getTicket(ticket.id)).comments.length, 1, "not saved");
    assert.equal(await page.locator("#reply-text").inputValue(), "Here is the file", "text kept");

    // Without the paperclip file the same reply goes through.
    await page.locator("#zendesk-attachments").setInputFiles([]);
    await page.locator("#submit-reply").click();
    await page.waitForSelector("#conversation li:nth-child(2)");
    assert.equal((await stack.tickets.getTicket(ticket.id)).comments.length, 2);
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("with the setting off, Zendesk attachments are not blocked", async () => {
  const stack = await startStack();
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Attachments",
      description: "Hello",
      requester: { name: "Rita", email: "requester@example.com" },
    });
    const context = await stack.newContext();
    const { page, app } = await openTicket(context, stack, ticket.id);
    await app.waitForSelector('[data-role="send"]');
    await page.locator("#reply-text").fill("Plain file attached");
    await page.locator("#zendesk-attachments").setInputFiles(ATTACHMENT);
    await page.locator("#submit-reply").click();
    await page.waitForSelector("#conversation li:nth-child(2)");
    assert.equal(await page.locator("#reply-error").isHidden(), true);
    await context.close();
  } finally {
    await stack.close();
  }
});
