/// <reference lib="dom" />
/**
 * The app setting "Insert a hyperlink instead of the URL", in headless Chromium through the
 * sandbox: a rich-text reply gets the words "Use this link to access the attached files" linked to
 * the Secure Link (ZAF `ticket.comment.appendHtml`), which the app then finds in the ticket; a
 * plain-text reply keeps the URL.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import type { Frame } from "playwright-core";
import { findLinks } from "../../src/link.ts";
import { openTicket, randomBytes, startStack } from "./_stack.ts";

const WORDS = "Use this link to access the attached files";

async function send(app: Frame, name: string): Promise<void> {
  await app.locator('[data-role="file-input"]').setInputFiles({
    name,
    mimeType: "application/octet-stream",
    buffer: Buffer.from(randomBytes(3_000)),
  });
  await app.waitForSelector('[data-role="send-status"].success');
}

Deno.test("Insert a hyperlink: rich-text replies get linked words, plain replies keep the URL", async () => {
  const stack = await startStack();
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Hyperlink",
      description: "Please send the files.",
      requester: { name: "Rita Requester", email: "rita@example.com" },
    });
    const context = await stack.newContext();

    // Rich text: the words, linked.
    const rich = await openTicket(
      context,
      stack,
      ticket.id,
      "?insert_hyperlink=true&rich_text=true",
    );
    await send(rich.app, "rich.bin");
    const html = await rich.page.locator("#reply-text").inputValue();
    const anchor = new RegExp(`<a href="([^"]+)">${WORDS}</a>`).exec(html);
    assert.ok(anchor, html);
    const [link] = findLinks(anchor[1]);
    assert.ok(link, anchor[1]);
    assert.ok(!html.replace(anchor[0], "").includes("http"), `no bare URL: ${html}`);
    await rich.page.locator("#submit-reply").click();
    const shown = rich.page.locator("#conversation li:nth-child(2) a");
    await shown.waitFor();
    assert.equal(await shown.textContent(), WORDS);
    assert.deepEqual(findLinks((await shown.getAttribute("href")) ?? ""), [link]);
    // The app reads the link from the hyperlink and lists its file.
    await rich.app.waitForSelector('[data-role="file"]:has-text("rich.bin")');
    await rich.page.close();

    // Plain text (the setting on, but the editor cannot carry a link): the URL.
    const plain = await openTicket(context, stack, ticket.id, "?insert_hyperlink=true");
    await send(plain.app, "plain.bin");
    const text = await plain.page.locator("#reply-text").inputValue();
    assert.ok(!text.includes(WORDS), text);
    assert.equal(findLinks(text).length, 1, text);
    assert.match(text, /Secure attachments \(Padlock\): https?:\/\//);
    await context.close();
  } finally {
    await stack.close();
  }
});
