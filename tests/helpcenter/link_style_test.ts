/// <reference lib="dom" />
/**
 * `data-link-style="hyperlink"` on the widget's tag, in headless Chromium through the sandbox: the
 * rich-text (v4) description gets the words "Use this link to access the attached files" linked to
 * the Secure Link; the plain-text (legacy) description keeps the URL.
 */
import assert from "node:assert/strict";
import { findLinks } from "../../src/link.ts";
import { htmlToText } from "../../sandbox/helpcenter/html.ts";
import {
  attachByChooser,
  fillRequest,
  type Generation,
  loadRequestPage,
  openPage,
  requestPageUrl,
  startStack,
  submitAndWaitForTicket,
  waitForUploads,
} from "./_helpers.ts";

const WORDS = "Use this link to access the attached files";

Deno.test("widget: data-link-style=hyperlink links words in rich text, plain text keeps the URL", async () => {
  const stack = await startStack();
  try {
    for (const generation of ["v4", "legacy"] as Generation[]) {
      const { page, errors } = await openPage(stack);
      const url = requestPageUrl(stack, generation);
      await loadRequestPage(page, `${url}${url.includes("?") ? "&" : "?"}link_style=hyperlink`);
      await fillRequest(page, generation, { subject: "Hyperlink", description: "See attached." });
      await attachByChooser(page, [{
        name: "a.txt",
        mimeType: "text/plain",
        bytes: new TextEncoder().encode("attached"),
      }]);
      await waitForUploads(page, 1);
      const ticketId = await submitAndWaitForTicket(page);
      const ticket = await stack.harness.sandbox.tickets.getTicket(ticketId);
      const links = findLinks(ticket.description);
      assert.equal(links.length, 1, ticket.description);
      if (generation === "v4") {
        const anchor = new RegExp(`<a href="([^"]+)"[^>]*>${WORDS}</a>`).exec(ticket.description);
        assert.ok(anchor, `a hyperlink with the words: ${ticket.description}`);
        assert.deepEqual(findLinks(anchor[1]), links);
        assert.ok(
          htmlToText(ticket.description).trimEnd().endsWith(
            `Secure attachments (Padlock): ${WORDS}`,
          ),
          htmlToText(ticket.description),
        );
      } else {
        assert.ok(
          ticket.description.trimEnd().endsWith(`Secure attachments (Padlock): ${links[0]}`),
          ticket.description,
        );
        assert.ok(!ticket.description.includes(WORDS));
      }
      assert.deepEqual(errors, []);
      await page.close();
    }
  } finally {
    await stack.close();
  }
});
