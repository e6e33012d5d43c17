/// <reference lib="dom" />
/**
 * The Help Center widget end to end, on both sandbox request forms: two files attached by the
 * file chooser (one of three parts) and one by drag-and-drop are encrypted and uploaded; the
 * submitted ticket's description holds the user's text followed by exactly one Secure Link; the
 * link gives back byte-identical files; and no file byte went anywhere but the service.
 */
import assert from "node:assert/strict";
import { findLinks } from "../../src/link.ts";
import { htmlToText } from "../../sandbox/helpcenter/html.ts";
import {
  attachByChooser,
  downloadAll,
  dropFiles,
  fillRequest,
  type Generation,
  loadRequestPage,
  openPage,
  randomBytes,
  requestPageUrl,
  sha256,
  startStack,
  submitAndWaitForTicket,
  type TestFile,
  waitForUploads,
} from "./_helpers.ts";

const BIG = 6_000_000;

Deno.test("widget: files attached on both request forms reach the ticket as one Secure Link", async (t) => {
  const stack = await startStack();
  try {
    for (const generation of ["v4", "legacy"] as Generation[]) {
      await t.step(`${generation} form`, async () => {
        const files: TestFile[] = [
          { name: "capture.bin", mimeType: "application/octet-stream", bytes: randomBytes(BIG) },
          {
            name: `notes & résumé (${generation}).txt`,
            mimeType: "text/plain",
            bytes: new TextEncoder().encode("private notes\n".repeat(100)),
          },
        ];
        const dropped: TestFile = {
          name: "screenshot.png",
          mimeType: "image/png",
          bytes: randomBytes(150_000),
        };
        const { page, requests, errors } = await openPage(stack);
        await loadRequestPage(page, requestPageUrl(stack, generation));
        const text = `The printer on floor ${generation} is on fire.`;
        await fillRequest(page, generation, { subject: "Printer on fire", description: text });

        await attachByChooser(page, files);
        await dropFiles(page, ".padlock-dropzone", [dropped]);
        await waitForUploads(page, 3);
        assert.equal(
          await page.locator(".padlock-file-name").nth(1).textContent(),
          files[1].name,
        );

        const ticketId = await submitAndWaitForTicket(page);
        const ticket = await stack.harness.sandbox.tickets.getTicket(ticketId);
        const description = ticket.descriptionMimetype === "text/html"
          ? htmlToText(ticket.description)
          : ticket.description;
        assert.equal(ticket.descriptionMimetype, generation === "v4" ? "text/html" : "text/plain");
        const links = findLinks(ticket.description);
        assert.equal(links.length, 1, `one Secure Link in ${ticket.description}`);
        assert.ok(description.startsWith(text), `user text first: ${description}`);
        assert.ok(
          description.trimEnd().endsWith(`Secure attachments (Padlock): ${links[0]}`),
          `link after the text: ${description}`,
        );
        assert.equal(ticket.formId, "360001");
        // The ticket page shows the link as a link.
        assert.equal(
          await page.locator(".comment-body a").first().getAttribute("href"),
          links[0],
        );

        const downloaded = await downloadAll(stack.harness, links[0]);
        assert.deepEqual(
          [...downloaded.keys()].sort(),
          [...files, dropped].map((f) => f.name).sort(),
        );
        for (const file of [...files, dropped]) {
          assert.equal(await sha256(downloaded.get(file.name)!), await sha256(file.bytes));
        }

        // No file byte went anywhere but the service: Zendesk's upload endpoints were never
        // called, and every request with a sizeable body went to the service.
        assert.deepEqual(stack.harness.sandbox.zendeskUploads, []);
        assert.ok(!requests.some((r) => /request_uploads|uploads\.json/.test(r.url)));
        const large = requests.filter((r) => r.bodyBytes > 10_000);
        assert.ok(large.length >= 4, "the parts were uploaded");
        for (const request of large) {
          assert.ok(
            request.url.startsWith(`${stack.harness.serviceUrl}/`),
            `large body sent to ${request.url}`,
          );
        }
        const formPost = requests.find((r) => r.method === "POST" && r.url.endsWith("/requests"));
        assert.ok(formPost && formPost.bodyBytes < 5_000, "the form post carries no file");
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  } finally {
    await stack.close();
  }
});
