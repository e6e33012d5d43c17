/// <reference lib="dom" />
/**
 * HTML and script in what the Help Center widget shows — the names of the files a person attaches
 * and the service's error messages — and in the sandbox's request page that shows the ticket
 * afterwards (description and comments): all of it is text, no payload runs, no element is made
 * from it.
 */
import assert from "node:assert/strict";
import {
  attachByChooser,
  fillRequest,
  loadRequestPage,
  openPage,
  requestPageUrl,
  startStack,
  submitAndWaitForTicket,
  waitForUploads,
} from "../helpcenter/_helpers.ts";
import { assertInert, NAME_PAYLOADS, TEXT_PAYLOADS, texts } from "./_xss.ts";

const WIDGET = '[class*="padlock-"]';

Deno.test("the widget and the request page show hostile file names, messages and text as text", async () => {
  const stack = await startStack();
  try {
    const files = NAME_PAYLOADS.map((name) => ({
      name,
      mimeType: "text/plain",
      bytes: new TextEncoder().encode(`contents of ${name}`),
    }));

    // 1. Hostile names in the file rows, through a whole upload and submit.
    const { page, errors } = await openPage(stack);
    await loadRequestPage(page, requestPageUrl(stack, "v4"));
    await fillRequest(page, "v4", {
      subject: `Help ${TEXT_PAYLOADS[0]}`,
      description: `My files ${TEXT_PAYLOADS[1]} ${TEXT_PAYLOADS[3]}`,
    });
    await attachByChooser(page, files);
    await waitForUploads(page, files.length);
    const names = await texts(page, ".padlock-file-name");
    assert.deepEqual(names.slice().sort(), [...NAME_PAYLOADS].sort());
    await assertInert(page, "widget file rows", WIDGET);
    await assertInert(page, "request page", ".padlock-files");
    const ticketId = await submitAndWaitForTicket(page);

    // 2. The request page shows the description and a hostile comment as text.
    await stack.harness.sandbox.tickets.addComment(ticketId, {
      authorName: `Agent ${TEXT_PAYLOADS[2]}`,
      authorEmail: "agent@example.com",
      role: "agent",
      html: `<p>${TEXT_PAYLOADS.join("<br>")}</p><img src=x onerror="window.__pwned=51">` +
        `<script>window.__pwned=52</script><a href="javascript:window.__pwned=53">x</a>`,
      public: true,
    });
    await page.reload();
    await page.waitForSelector(".comment-body");
    const shown = (await texts(page, ".comment-body")).join("\n");
    assert.ok(shown.includes(TEXT_PAYLOADS[1]), "the comment's markup is shown as text");
    await assertInert(page, "request page comments", ".comment, .comment-body");
    assert.deepEqual(errors, []);

    // 3. The service's error message, with markup, in a file row.
    const failing = await openPage(stack);
    await failing.page.route(/\/drop-zone\/v2\.0\/package\/$/, async (route) => {
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
    await loadRequestPage(failing.page, requestPageUrl(stack, "legacy"));
    await attachByChooser(failing.page, files.slice(0, 1));
    await failing.page.waitForSelector(
      '.padlock-file[data-status="failed"], .padlock-alert:not(:empty)',
    );
    const said = [
      ...await texts(failing.page, ".padlock-file-status"),
      ...await texts(failing.page, ".padlock-alert"),
    ].join(" ");
    // The widget names the refusal by its code; whatever it shows of the answer is text.
    assert.match(said, /SOMETHING_ODD/, said);
    await assertInert(failing.page, "widget error", WIDGET);
    await assertInert(failing.page, "legacy request page", "form");
  } finally {
    await stack.close();
  }
});
