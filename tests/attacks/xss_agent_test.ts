/// <reference lib="dom" />
/**
 * HTML and script in everything the agent app shows — file names, the requester's name, the
 * package message, ticket comments, and an error message from the service — and in the sandbox's
 * ticket page around it: all of it is shown as text, no payload runs, no element is made from it.
 */
import assert from "node:assert/strict";
import { uploadFiles } from "../../src/upload.ts";
import { dropFiles, openTicket, startStack } from "../agent/_stack.ts";
import { assertInert, NAME_PAYLOADS, TEXT_PAYLOADS, texts, watchPage } from "./_xss.ts";

Deno.test("the agent app and the ticket page show hostile names, messages and errors as text", async () => {
  const stack = await startStack();
  try {
    const bytes = new TextEncoder().encode("hello\n");
    const dropped = await dropFiles(stack, NAME_PAYLOADS.map((name) => ({ name, bytes })));
    const message = TEXT_PAYLOADS.join("\n");
    const sent = await uploadFiles(
      stack.agentClient,
      [{ blob: new Blob([bytes]), name: NAME_PAYLOADS[0] }],
      { undisclosed: true, message },
    );
    // A link whose package the service "refuses" with markup in its message (intercepted below).
    const refused = dropped.replace(/packageCode=[^&#]+/, "packageCode=RefusedByTheService0");
    const person = `Rita ${TEXT_PAYLOADS[1]} ${TEXT_PAYLOADS[0]}`;
    const ticket = await stack.tickets.createTicket({
      subject: `Files ${TEXT_PAYLOADS[2]}`,
      description: `${TEXT_PAYLOADS.join(" ")}\n\nSecure Link: ${dropped}`,
      requester: { name: person, email: "rita@example.com" },
    });
    const escaped = (link: string) => link.replaceAll("&", "&amp;");
    await stack.tickets.addComment(ticket.id, {
      authorName: person,
      authorEmail: "rita@example.com",
      role: "end-user",
      html: `<p>${TEXT_PAYLOADS.join("<br>")}</p><p><a href="${escaped(sent.link)}">${
        escaped(sent.link)
      }</a> <a href="javascript:window.__pwned=21">x</a></p><p>${refused}</p>`,
      public: true,
    });

    const context = await stack.newContext();
    await context.route(/\/api\/v2\.0\/package\/RefusedByTheService0/, async (route) => {
      await route.fulfill({
        status: 200,
        contentType: "application/json",
        headers: { "Access-Control-Allow-Origin": "*" },
        body: JSON.stringify({
          response: "SOMETHING_ODD",
          message: `${TEXT_PAYLOADS[1]} ${TEXT_PAYLOADS[0]}`,
        }),
      });
    });
    const { page, app } = await openTicket(context, stack, ticket.id);
    const watched = watchPage(page);
    await app.waitForSelector('[data-role="package-message"]');
    await app.waitForFunction(
      (count) => document.querySelectorAll('[data-role="file"]').length === count,
      NAME_PAYLOADS.length + 1,
    );
    await app.waitForSelector('[data-role="link-error"]:not([hidden])');

    // The untrusted text is there, as text.
    const names = await texts(app, '[data-role="file"]');
    for (const name of NAME_PAYLOADS) assert.ok(names.includes(name), `file row for ${name}`);
    const shownMessage = (await texts(app, '[data-role="package-message"]'))[0];
    for (const payload of TEXT_PAYLOADS) {
      assert.ok(shownMessage.includes(payload), `message shows ${payload}`);
    }
    const metas = await texts(app, ".group-meta");
    assert.ok(metas.some((meta) => meta.includes(person)), metas.join(" | "));
    const errors = (await texts(app, '[data-role="link-error"]')).join(" ");
    assert.match(errors, /<img src=x onerror=/, "the service's words, as text");

    // Nothing ran and nothing was made, in the app or in the page around it.
    await app.hover('[data-role="package-message"]');
    await assertInert(app, "agent app");
    await assertInert(page, "sandbox ticket page", "#conversation");
    await assertInert(page, "sandbox ticket page (whole)", "body", "iframe#app-frame");
    assert.match(await page.locator("#conversation").innerText(), /<script>window\.__pwned=11/);
    assert.deepEqual(watched.dialogs, []);
    await context.close();
  } finally {
    await stack.close();
  }
});
