/// <reference lib="dom" />
/**
 * What a person meets when things go wrong on the Help Center form, in a real browser against
 * the real service: each case ends in a clear message or a correct ticket, never a lost
 * description.
 */
import assert from "node:assert/strict";
import type { Page, Route } from "playwright-core";
import { findLinks } from "../../src/link.ts";
import { htmlToText } from "../../sandbox/helpcenter/html.ts";
import {
  attachByChooser,
  descriptionText,
  downloadAll,
  dropFiles,
  fillRequest,
  type Generation,
  loadRequestPage,
  openPage,
  randomBytes,
  requestPageUrl,
  sha256,
  type Stack,
  startStack,
  submitAndWaitForTicket,
  type TestFile,
  waitForUploads,
} from "./_helpers.ts";

function textFile(name: string, text = "some private text"): TestFile {
  return { name, mimeType: "text/plain", bytes: new TextEncoder().encode(text) };
}

/** Holds every part upload (PUT to a part URL) until `release()` is called. */
async function holdPartUploads(page: Page): Promise<{ held: () => number; release(): void }> {
  const waiting: Route[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => release = resolve);
  await page.route((url) => url.pathname.startsWith("/part/"), async (route) => {
    if (route.request().method() !== "PUT") return await route.continue();
    waiting.push(route);
    await released;
    // The page may have cancelled the request meanwhile.
    await route.continue().catch(() => {});
  });
  return { held: () => waiting.length, release };
}

async function waitForStatus(page: Page, status: string, count = 1): Promise<void> {
  await page.waitForFunction(
    ({ status, count }) =>
      document.querySelectorAll(`.padlock-file[data-status="${status}"]`).length === count,
    { status, count },
    { timeout: 30_000 },
  ).catch(async (error) => {
    const rows = await page.locator(".padlock-file").allTextContents();
    throw new Error(`not ${count} ${status}: ${JSON.stringify(rows)}`, { cause: error });
  });
}

async function ticketText(stack: Stack, id: number): Promise<{ text: string; links: string[] }> {
  const ticket = await stack.harness.sandbox.tickets.getTicket(id);
  const text = ticket.descriptionMimetype === "text/html"
    ? htmlToText(ticket.description)
    : ticket.description;
  return { text, links: findLinks(ticket.description) };
}

async function fresh(stack: Stack, generation: Generation, description: string) {
  const opened = await openPage(stack);
  await loadRequestPage(opened.page, requestPageUrl(stack, generation));
  await fillRequest(opened.page, generation, { subject: "Help", description });
  return opened;
}

Deno.test("widget: failures end in a clear message or a correct ticket", async (t) => {
  const stack = await startStack();
  try {
    await t.step("service down when a file is attached; Retry works once it is back", async () => {
      const { page, errors } = await fresh(stack, "v4", "Attached while the service was down.");
      await stack.harness.stopService();
      try {
        await attachByChooser(page, [textFile("logs.txt", "log lines")]);
        await waitForStatus(page, "failed");
      } finally {
        await stack.harness.startService();
      }
      const status = await page.textContent(".padlock-file-status");
      assert.match(status ?? "", /Upload failed: the secure upload service could not be reached/);
      assert.ok(await page.isVisible(".padlock-retry"));
      await page.click(".padlock-retry");
      await waitForUploads(page, 1);
      const id = await submitAndWaitForTicket(page);
      const { text, links } = await ticketText(stack, id);
      assert.ok(text.startsWith("Attached while the service was down."));
      assert.equal(links.length, 1);
      const files = await downloadAll(stack.harness, links[0]);
      assert.equal(new TextDecoder().decode(files.get("logs.txt")), "log lines");
      assert.deepEqual(errors, []);
      await page.close();
    });

    await t.step(
      "a part upload failing with 503 is retried and the file arrives whole",
      async () => {
        const { page, errors } = await fresh(stack, "legacy", "A part failed once.");
        let failures = 0;
        await page.route((url) => url.pathname.startsWith("/part/"), async (route) => {
          if (route.request().method() === "PUT" && failures === 0) {
            failures++;
            return await route.fulfill({
              status: 503,
              headers: { "access-control-allow-origin": "*" },
              body: "Service Unavailable",
            });
          }
          await route.continue();
        });
        const big: TestFile = {
          name: "dump.bin",
          mimeType: "application/octet-stream",
          bytes: randomBytes(3_000_000),
        };
        await attachByChooser(page, [big]);
        await waitForUploads(page, 1);
        assert.equal(failures, 1);
        const id = await submitAndWaitForTicket(page);
        const { links } = await ticketText(stack, id);
        assert.equal(links.length, 1);
        const files = await downloadAll(stack.harness, links[0]);
        assert.equal(await sha256(files.get("dump.bin")!), await sha256(big.bytes));
        assert.deepEqual(errors, []);
        await page.close();
      },
    );

    await t.step("removing a file mid-upload cancels it and deletes its record", async () => {
      const { page, requests, errors } = await fresh(stack, "v4", "I changed my mind.");
      const hold = await holdPartUploads(page);
      await attachByChooser(page, [{
        name: "wrong.bin",
        mimeType: "application/octet-stream",
        bytes: randomBytes(6_000_000),
      }]);
      await page.waitForFunction(() => document.querySelector(".padlock-file")?.textContent);
      while (hold.held() === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(await page.getAttribute(".padlock-file", "data-status"), "uploading");
      assert.equal(
        await page.getAttribute(".padlock-remove", "aria-label"),
        "Cancel upload of wrong.bin",
      );
      const deleted = page.waitForRequest((r) => r.method() === "DELETE", { timeout: 10_000 });
      await page.click(".padlock-remove");
      await page.waitForFunction(() => document.querySelectorAll(".padlock-file").length === 0);
      await deleted;
      hold.release();
      await dropFiles(page, ".padlock-dropzone", [textFile("right.txt", "the right file")]);
      await waitForUploads(page, 1);
      const id = await submitAndWaitForTicket(page);
      const { links } = await ticketText(stack, id);
      const files = await downloadAll(stack.harness, links[0]);
      assert.deepEqual([...files.keys()], ["right.txt"]);
      assert.ok(
        requests.some((r) => r.method === "DELETE" && /\/file\/[^/]+\/$/.test(r.url)),
        "the cancelled file's record was deleted",
      );
      assert.deepEqual(errors, []);
      await page.close();
    });

    await t.step("submitting while uploads run waits with 'Finishing upload…'", async () => {
      const { page, errors } = await fresh(stack, "legacy", "Submitted before the upload ended.");
      const hold = await holdPartUploads(page);
      const file: TestFile = {
        name: "scan.pdf",
        mimeType: "application/pdf",
        bytes: randomBytes(3_000_000),
      };
      await attachByChooser(page, [file]);
      while (hold.held() === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      await page.click('form [type="submit"]');
      await page.waitForSelector(".padlock-status:has-text('Finishing upload…')");
      assert.ok(await page.isDisabled('form [type="submit"]'));
      assert.ok(page.url().endsWith("/requests/new?theme=legacy"));
      const navigated = page.waitForURL(/\/hc\/en-us\/requests\/\d+$/, { timeout: 30_000 });
      hold.release();
      await navigated;
      const id = Number(/(\d+)$/.exec(page.url())![1]);
      const { text, links } = await ticketText(stack, id);
      assert.ok(text.startsWith("Submitted before the upload ended."));
      assert.equal(links.length, 1);
      const files = await downloadAll(stack.harness, links[0]);
      assert.equal(await sha256(files.get("scan.pdf")!), await sha256(file.bytes));
      // Exactly one ticket for this submission.
      const all = await stack.harness.sandbox.tickets.listTickets();
      assert.equal(all.filter((ticket) => ticket.description.includes(links[0])).length, 1);
      assert.deepEqual(errors, []);
      await page.close();
    });

    await t.step(
      "service down at submit: the text is kept and submitting again works",
      async () => {
        const typed = "Please keep this text.";
        const { page, errors } = await fresh(stack, "v4", typed);
        await attachByChooser(page, [textFile("a.txt")]);
        await waitForUploads(page, 1);
        await stack.harness.stopService();
        try {
          await page.click('form [type="submit"]');
          await page.waitForSelector(
            '.padlock-alert[role="alert"]:has-text("could not be secured")',
          );
          assert.equal((await descriptionText(page, "v4")).trim(), typed);
          assert.ok(await page.isEnabled('form [type="submit"]'));
          assert.ok(page.url().endsWith("/requests/new"));
        } finally {
          await stack.harness.startService();
        }
        const id = await submitAndWaitForTicket(page);
        const { text, links } = await ticketText(stack, id);
        assert.ok(text.startsWith(typed));
        assert.equal(links.length, 1);
        assert.deepEqual(errors, []);
        await page.close();
      },
    );

    await t.step("a file name is shown as text; removed, the form submits untouched", async () => {
      const typed = "No attachment after all.";
      const { page, requests, errors } = await fresh(stack, "legacy", typed);
      const title = await page.title();
      const name = '<img src=x onerror="document.title=1">.txt';
      await attachByChooser(page, [textFile(name)]);
      await waitForUploads(page, 1);
      assert.equal(await page.locator(".padlock-file-name img").count(), 0);
      assert.equal(await page.textContent(".padlock-file-name"), name);
      assert.equal(await page.title(), title);
      assert.equal(await page.getAttribute(".padlock-remove", "aria-label"), `Remove ${name}`);
      const deleted = page.waitForRequest((r) => r.method() === "DELETE", { timeout: 10_000 });
      await page.click(".padlock-remove");
      await page.waitForFunction(() => document.querySelectorAll(".padlock-file").length === 0);
      await deleted;
      assert.ok(
        requests.some((r) => r.method === "DELETE" && /\/file\/[^/]+\/$/.test(r.url)),
        "the removed file's record was deleted",
      );
      const before = requests.length;
      const id = await submitAndWaitForTicket(page);
      const ticket = await stack.harness.sandbox.tickets.getTicket(id);
      assert.equal(ticket.description, typed);
      // Nothing was sent to the service on submit.
      assert.ok(!requests.slice(before).some((r) => r.url.startsWith(stack.harness.serviceUrl)));
      assert.deepEqual(errors, []);
      await page.close();
    });
  } finally {
    await stack.close();
  }
});
