/// <reference lib="dom" />
/**
 * What the service tells of a new upload (issue 13), in headless Chromium through the sandbox,
 * with a real SMTP server and the sandbox's Zendesk API: the dropzone set to notify mails its
 * agent once per package, naming the ticket of a file request, or saying that a Help Center
 * upload's Secure Link is in its request's first comment; with a Zendesk API token, a file
 * request's upload adds an internal note to its ticket, with the package's link and no key, and
 * that link opened alone says where the key is. Neither the mail nor the note holds the keyCode.
 * The upload page refuses at once, with the reason, a file its dropzone does not take.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { dropFiles, openTicket, randomBytes, startStack, ZENDESK_API } from "./_stack.ts";
import { mailBody, startSmtp } from "../_helpers/smtp.ts";
import { waitFor } from "../portal/_helpers.ts";

Deno.test("a new upload: a mail to the dropzone's agent and a note on the ticket, no key in either", async () => {
  const smtp = await startSmtp({ offerStartTls: false });
  const stack = await startStack({
    zendesk: { configured: true },
    service: { smtpHost: "127.0.0.1", smtpPort: smtp.port, smtpTls: "none" },
  });
  try {
    const dropzone = (await stack.server.accounts.findDropzone(stack.dropzoneId))!;
    await stack.server.accounts.setDropzoneSettings(stack.dropzoneId, {
      ...dropzone.settings,
      allowedExtensions: ["zip", "png", "pdf"],
      maxFileBytes: 100_000,
      notifyUploads: true,
    });
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
    const uploadLink = /(http\S+\/upload\/\S+)/.exec(reply)?.[1] ?? "";
    const keyCode = /#keyCode=([A-Za-z0-9_-]+)/.exec(uploadLink)?.[1] ?? "";
    assert.ok(keyCode.length >= 20, reply);
    await agent.page.close();

    const customerContext = await stack.browser.newContext();
    const customer = await customerContext.newPage();
    const calls: string[] = [];
    customer.on("request", (request) => calls.push(request.url()));
    await customer.goto(uploadLink);
    // Files the dropzone does not take are refused at once, with the reason, by the widget's
    // check; nothing is sent for them, and there is no way to retry them.
    await customer.locator('[data-role="file-input"]').setInputFiles([
      { name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
      { name: "huge.zip", mimeType: "application/zip", buffer: Buffer.from(randomBytes(100_001)) },
    ]);
    const refusals = customer.locator('[data-status="refused"] [data-role="refusal"]');
    await refusals.nth(1).waitFor();
    assert.deepEqual(await refusals.allTextContents(), [
      "Not added: only files ending in .zip, .png, .pdf can be sent here.",
      "Not added: files of up to 100 KB can be sent here.",
    ]);
    assert.equal(await customer.locator('[data-role="chosen"] button').count(), 0);
    assert.equal(await customer.locator('[data-role="send"]').isDisabled(), true);
    assert.deepEqual(calls.filter((url) => url.includes("/drop-zone/")), []);
    await customer.locator('[data-role="file-input"]').setInputFiles([
      { name: "logs.zip", mimeType: "application/zip", buffer: Buffer.from(randomBytes(2000)) },
      { name: "screen <1>.png", mimeType: "image/png", buffer: Buffer.from(randomBytes(500)) },
    ]);
    await customer.locator('[data-role="chosen"] [data-status="chosen"]').nth(1).waitFor();
    await customer.locator('[data-role="send"]').click();
    await customer.waitForSelector('#app[data-state="sent"]');

    // One mail, to the dropzone's agent, naming the ticket and the files; no key.
    const mail = await waitFor(() => smtp.mails[0], "the notice mail");
    assert.deepEqual(mail.to, ["agent@example.com"]);
    assert.match(mail.raw, new RegExp(`^Subject: New files for ticket #${ticket.id}\\r?$`, "m"));
    const text = mailBody(mail.raw);
    assert.match(text, /2 files were uploaded to your Padlock dropzone:/);
    assert.match(text, /- logs\.zip/);
    assert.match(text, new RegExp(`upload link of ticket #${ticket.id}\\.`));
    assert.ok(!mail.raw.includes(keyCode) && !text.includes(keyCode), "no keyCode in the mail");
    assert.doesNotMatch(text, /keyCode/i);

    // The internal note, written through Zendesk's API with the token: files, keyless link.
    const call = await waitFor(() => stack.zendeskApiCalls[0], "the Zendesk note");
    assert.equal(call.status, 200);
    assert.equal(call.ticketId, String(ticket.id));
    assert.equal(call.public, false);
    const note = (await stack.tickets.getTicket(ticket.id)).comments.find((c) => !c.public);
    assert.ok(note, "an internal note on the ticket");
    assert.equal(note.author.email, ZENDESK_API.email);
    assert.match(note.html, /<li>logs\.zip<\/li><li>screen &lt;1&gt;\.png<\/li>/);
    assert.match(
      note.html,
      /Open them from the Padlock app in this ticket&#39;s sidebar: it holds the key/,
    );
    assert.ok(!note.html.includes(keyCode), "no keyCode in the note");
    assert.doesNotMatch(note.html, /keyCode/i);
    const link = /href="([^"]+)"/.exec(note.html)?.[1].replaceAll("&amp;", "&") ?? "";
    assert.match(
      link,
      new RegExp(
        `^${stack.serviceUrl}/receive/\\?thread=[A-Z0-9-]+&packageCode=\\S+&ticket=${ticket.id}$`,
      ),
    );

    // The sandbox's agent view shows it as an internal note.
    const view = await context.newPage();
    await view.goto(`${stack.sandboxUrl}/agent/tickets/${ticket.id}`);
    await view.locator(".comment.internal", { hasText: "logs.zip" }).waitFor();
    await view.close();

    // The keyless link alone: the receive page says where the key is.
    await customer.goto(link);
    await customer.waitForSelector('#app[data-state="key-in-app"]');
    const said = await customer.locator('[data-role="message"]').textContent();
    assert.match(said ?? "", new RegExp(`sidebar of ticket #${ticket.id}, which has the key`));
    await customerContext.close();

    // A Help Center upload: its ticket does not exist yet, so the mail says where the link is.
    const helpCenterLink = await dropFiles(
      stack,
      [{ name: "contract.pdf", bytes: randomBytes(100) }],
      "sam@example.com",
    );
    const second = await waitFor(() => smtp.mails[1], "the Help Center notice mail");
    assert.match(second.raw, /^Subject: New files from a Help Center request\r?$/m);
    const secondText = mailBody(second.raw);
    assert.match(
      secondText,
      /a Help Center request from sam@example\.com; the Secure Link is in the request's first comment/,
    );
    assert.match(secondText, /- contract\.pdf/);
    const helpCenterKey = /#keyCode=([A-Za-z0-9_-]+)/.exec(helpCenterLink)?.[1] ?? "";
    assert.ok(
      helpCenterKey && !second.raw.includes(helpCenterKey) && !secondText.includes(helpCenterKey),
    );
    // No note for it (no ticket), and one mail per package.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(stack.zendeskApiCalls.length, 1);
    assert.equal(smtp.mails.length, 2);
    await context.close();
  } finally {
    await stack.close();
    await smtp.close();
  }
});
