/// <reference lib="dom" />
/**
 * Which forms the widget secures and how it sits in them: a ticket form not in the configured
 * list is left exactly as Zendesk made it (its DOM compared with and without the widget, and
 * Zendesk's uploader still works); switching ticket forms and re-rendering the form keep the
 * widget right; the widget's dropzone is reachable and usable from the keyboard.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { findLinks } from "../../src/link.ts";
import {
  downloadAll,
  fillRequest,
  type Generation,
  loadRequestPage,
  openPage,
  requestPageUrl,
  type Stack,
  startStack,
  submitAndWaitForTicket,
  waitForUploads,
} from "./_helpers.ts";
import { Buffer } from "node:buffer";

/** The form's markup, with CKEditor's random ids made stable. */
function formMarkup(page: Page): Promise<string> {
  return page.evaluate(() =>
    (document.querySelector("#main-content form, form#new_request") as HTMLElement).outerHTML
      .replace(/e[0-9a-f]{32}/g, "ID")
  );
}

/** Waits until the widget has started and looked at the page. */
async function widgetSettled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    (globalThis as unknown as { Padlock?: { widget?: unknown } }).Padlock?.widget !== undefined
  );
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

async function untouched(stack: Stack, generation: Generation): Promise<void> {
  const url = requestPageUrl(stack, generation, "360002");
  const { page: bare } = await openPage(stack);
  await bare.route("**/padlock.js", (route) => route.abort());
  await loadRequestPage(bare, url, { secured: false });
  await bare.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const without = await formMarkup(bare);
  await bare.close();

  const { page, errors } = await openPage(stack);
  await loadRequestPage(page, url, { secured: false });
  await widgetSettled(page);
  assert.equal(await formMarkup(page), without);
  assert.equal(await page.locator(".padlock-attachments").count(), 0);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0);

  // Zendesk's own uploader still works on that form.
  const input = generation === "legacy"
    ? "#request-attachments"
    : '[data-garden-id="forms.file_upload"] input[type=file]';
  const uploads = stack.harness.sandbox.zendeskUploads;
  const before = uploads.length;
  await page.setInputFiles(input, {
    name: "plain.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("to Zendesk"),
  });
  await page.waitForFunction(() => document.querySelector('input[name="request[attachments][]"]'));
  assert.equal(uploads.length, before + 1);
  assert.equal(
    uploads[before].path,
    generation === "legacy" ? "/hc/en-us/request_uploads" : "/api/v2/uploads.json",
  );
  assert.deepEqual(errors, []);
  await page.close();
}

Deno.test("widget: which forms it secures and how it sits in them", async (t) => {
  const stack = await startStack();
  try {
    await t.step(
      "a v4 form not in the configured list is left untouched",
      () => untouched(stack, "v4"),
    );
    await t.step(
      "a legacy form not in the configured list is left untouched",
      () => untouched(stack, "legacy"),
    );

    await t.step("a secured form hides and disables Zendesk's uploader", async () => {
      const { page } = await openPage(stack);
      await loadRequestPage(page, requestPageUrl(stack, "legacy"));
      assert.ok(await page.isDisabled("#request-attachments"));
      assert.ok(await page.isHidden("#upload-dropzone"));
      assert.equal(await page.textContent(".padlock-words"), "Add file or drop files here");
      assert.equal(await page.locator(".padlock-dropzone svg.padlock-icon-lock").count(), 1);
      await page.close();
    });

    await t.step("installed with Padlock.init({...}) instead of data attributes", async () => {
      const { page, errors } = await openPage(stack);
      await loadRequestPage(page, `${requestPageUrl(stack, "legacy")}&install=init`);
      assert.equal(await page.locator("script[data-padlock]").count(), 0);
      const config = await page.evaluate(() =>
        (globalThis as unknown as { Padlock: { widget: { config: unknown } } }).Padlock.widget
          .config
      );
      assert.deepEqual(config, {
        serviceUrl: stack.harness.serviceUrl,
        dropzoneId: stack.harness.dropzoneId,
        ticketForms: ["360001"],
      });
      await page.setInputFiles(".padlock-input", {
        name: "init.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("installed by script"),
      });
      await waitForUploads(page, 1);
      await fillRequest(page, "legacy", { subject: "Init", description: "Installed by init." });
      const id = await submitAndWaitForTicket(page);
      const ticket = await stack.harness.sandbox.tickets.getTicket(id);
      assert.equal(findLinks(ticket.description).length, 1);
      assert.deepEqual(errors, []);
      await page.close();
    });

    await t.step("switching ticket forms on the v4 page adds and removes the widget", async () => {
      const { page, errors } = await openPage(stack);
      await loadRequestPage(page, requestPageUrl(stack, "v4"));
      assert.equal(await page.textContent(".padlock-words"), "Choose a file or drag and drop here");
      const choose = async (name: string, id: string) => {
        await page.click('[role="combobox"]');
        await page.click(`[role="option"]:has-text("${name}")`);
        await page.waitForFunction(
          (id) => document.getElementById("new-request-form")?.dataset.rendered === id,
          id,
        );
        await widgetSettled(page);
      };
      await choose("Feedback", "360002");
      assert.equal(await page.locator(".padlock-attachments").count(), 0);
      assert.ok(await page.isVisible('[data-garden-id="forms.file_upload"]'));
      await choose("Technical support", "360001");
      assert.equal(await page.locator(".padlock-attachments").count(), 1);
      assert.ok(await page.isHidden('[data-garden-id="forms.file_upload"]'));
      assert.deepEqual(errors, []);
      await page.close();
    });

    await t.step("a file attached before the form re-renders is still sent", async () => {
      const { page, errors } = await openPage(stack);
      await loadRequestPage(page, requestPageUrl(stack, "v4"));
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.click(".padlock-dropzone"),
      ]);
      await chooser.setFiles({
        name: "kept.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("survives a re-render"),
      });
      await waitForUploads(page, 1);
      const oldForm = await page.evaluateHandle(() => document.querySelector("#main-content form"));
      await page.evaluate(() =>
        (globalThis as unknown as { sandboxRerender(): Promise<void> }).sandboxRerender()
      );
      assert.equal(await oldForm.evaluate((form) => form?.isConnected), false);
      await page.waitForSelector(".padlock-file");
      await waitForUploads(page, 1);
      await fillRequest(page, "v4", { subject: "Re-rendered", description: "After re-render." });
      const id = await submitAndWaitForTicket(page);
      const ticket = await stack.harness.sandbox.tickets.getTicket(id);
      const links = findLinks(ticket.description);
      assert.equal(links.length, 1);
      const files = await downloadAll(stack.harness, links[0]);
      assert.equal(new TextDecoder().decode(files.get("kept.txt")), "survives a re-render");
      assert.deepEqual(errors, []);
      await page.close();
    });

    await t.step(
      "the dropzone is reached with Tab and opens the chooser with Enter and Space",
      async () => {
        const { page } = await openPage(stack);
        await loadRequestPage(page, requestPageUrl(stack, "legacy"));
        await page.focus("#request_description");
        await page.keyboard.press("Tab");
        assert.ok(
          await page.evaluate(() => document.activeElement?.classList.contains("padlock-dropzone")),
        );
        // Garden's focus ring (it fades in over 0.1 s).
        await page.waitForFunction(() =>
          getComputedStyle(document.activeElement as Element).boxShadow.includes(
            "rgb(31, 115, 183)",
          )
        );
        let count = 0;
        for (const key of ["Enter", "Space"]) {
          const [chooser] = await Promise.all([
            page.waitForEvent("filechooser"),
            page.keyboard.press(key),
          ]);
          assert.ok(chooser.isMultiple());
          // Choose a file and wait for its row, so that this chooser is closed before the next.
          await chooser.setFiles({
            name: `${key}.txt`,
            mimeType: "text/plain",
            buffer: Buffer.from(key),
          });
          count++;
          await page.waitForFunction(
            (count) => document.querySelectorAll(".padlock-file").length === count,
            count,
          );
          await page.focus(".padlock-dropzone");
        }
        assert.equal(await page.getAttribute(".padlock-dropzone", "role"), "button");
        await page.close();
      },
    );
  } finally {
    await stack.close();
  }
});
