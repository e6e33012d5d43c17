/// <reference lib="dom" />
/**
 * "Files on this ticket" in headless Chromium, with the real service, the sandbox agent view and
 * the app on its own origin: every file behind every Secure Link is listed and downloads
 * byte-identical, streamed to disk by the app's service worker, or through a Blob where the
 * browser refuses the frame a service worker; a wrong key, a link the agent may not open and a deleted package each show
 * their message on their own link only; untrusted text is shown as text.
 */
import assert from "node:assert/strict";
import type { Download } from "playwright-core";
import { uploadFiles } from "../../src/upload.ts";
import { AGENT, dropFiles, openTicket, randomBytes, startStack } from "./_stack.ts";

const HTML_NAME = '<img src=x onerror="window.__pwned=1">.txt';
const HTML_PERSON = "Rita <b>Requester</b>";

Deno.test("the app lists every file of every Secure Link and downloads them byte-identical", async () => {
  const stack = await startStack();
  try {
    const big = randomBytes(3_000_000); // two parts
    const small = new TextEncoder().encode("hello from the Help Center\n");
    const notes = randomBytes(1234);
    const first = await dropFiles(stack, [
      { name: "report.bin", bytes: big },
      { name: HTML_NAME, bytes: small },
    ]);
    const second = await dropFiles(stack, [{ name: "notes.bin", bytes: notes }]);
    const ticket = await stack.tickets.createTicket({
      subject: "Please look at my files",
      description: `Here are my files.\n\nSecure Link: ${first}`,
      requester: { name: HTML_PERSON, email: "requester@example.com" },
    });
    await stack.tickets.addComment(ticket.id, {
      authorName: "Rita Requester",
      authorEmail: "requester@example.com",
      role: "end-user",
      html: `<p>One more: <a href="${second.replaceAll("&", "&amp;")}">${
        second.replaceAll("&", "&amp;")
      }</a></p>`,
      public: true,
    });

    const context = await stack.newContext();
    const streamed: string[] = [];
    context.on("request", (request) => {
      if (request.url().includes("/assets/padlock-download/")) streamed.push(request.url());
    });
    const { page, app } = await openTicket(context, stack, ticket.id);
    await app.waitForSelector('[data-role="file"]:has-text("notes.bin")');
    await app.waitForSelector('[data-role="file"]:has-text("report.bin")');
    assert.equal(await app.locator('[data-role="link-group"]').count(), 2);
    assert.deepEqual(
      (await app.locator('[data-role="file"]').allTextContents()).sort(),
      [HTML_NAME, "notes.bin", "report.bin"].sort(),
    );
    // Untrusted names are text: no element was made from them, no handler ran.
    assert.equal(await app.locator("img").count(), 0);
    assert.equal(await app.evaluate(() => "__pwned" in globalThis), false);
    const metas = await app.locator(".group-meta").allTextContents();
    assert.ok(metas.some((text) => text.includes(`Attached by ${HTML_PERSON}`)), metas.join("|"));
    assert.match(await app.locator('[data-role="account"]').innerText(), /agent@example\.com/);

    for (
      const [name, bytes] of [["report.bin", big], [HTML_NAME, small], [
        "notes.bin",
        notes,
      ]] as const
    ) {
      const download = page.waitForEvent("download");
      await app.locator('[data-role="file"]', { hasText: name }).click();
      const saved = await download;
      // Saved under its own name (Chromium replaces the characters a file system refuses).
      assert.equal(saved.suggestedFilename(), name.replace(/[<>"]/g, "_"));
      const path = await saved.path();
      assert.deepEqual(new Uint8Array(await Deno.readFile(path)), bytes, name);
    }
    assert.equal(streamed.length, 3, "each file went to disk through the service worker");
    // The app told the host its height (the host sets it inline only on `resize`).
    assert.match(
      await page.locator("#app-frame").evaluate((frame) => (frame as HTMLElement).style.height),
      /^\d+px$/,
    );
    // The sandbox shows ticket HTML as text too.
    assert.match(await page.locator("#conversation").innerText(), /Here are my files/);
    assert.equal(await page.locator("#conversation img, #conversation b").count(), 0);
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("where the frame may not have a service worker, files download through a Blob", async () => {
  const stack = await startStack();
  try {
    const bytes = randomBytes(3_000_000); // two parts
    const link = await dropFiles(stack, [{ name: "blob.bin", bytes }]);
    const ticket = await stack.tickets.createTicket({
      subject: "No service worker here",
      description: `Secure Link: ${link}`,
      requester: { name: "Rita Requester", email: "requester@example.com" },
    });
    const context = await stack.newContext({ serviceWorkers: "block" });
    const streamed: string[] = [];
    context.on("request", (request) => {
      if (request.url().includes("/assets/padlock-download/")) streamed.push(request.url());
    });
    const { page, app } = await openTicket(context, stack, ticket.id);
    const download = page.waitForEvent("download");
    await app.locator('[data-role="file"]', { hasText: "blob.bin" }).click();
    const saved = await download;
    assert.equal(saved.suggestedFilename(), "blob.bin");
    assert.deepEqual(new Uint8Array(await Deno.readFile(await saved.path())), bytes);
    assert.deepEqual(streamed, []);
    await app.waitForSelector('[data-role="done"]');
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("a wrong key, a forbidden link and a deleted package each show a message on their own link", async () => {
  const stack = await startStack();
  try {
    const good = await dropFiles(stack, [{ name: "good.bin", bytes: randomBytes(500) }]);
    const other = await dropFiles(stack, [{ name: "wrong-key.bin", bytes: randomBytes(500) }]);
    const wrongKey = other.replace(/#keyCode=.*/, `#keyCode=${"A".repeat(43)}`);
    const stranger = await stack.createUserClient("stranger@example.com");
    const forbidden =
      (await uploadFiles(stranger, [{ blob: new Blob(["secret"]), name: "theirs.bin" }], {
        undisclosed: false,
        recipients: ["someone@example.com"],
      })).link;
    const deleted = await uploadFiles(stack.agentClient, [{
      blob: new Blob(["gone"]),
      name: "gone.bin",
    }], {
      undisclosed: true,
    });
    await stack.agentClient.deletePackage(deleted.package.packageId);

    const ticket = await stack.tickets.createTicket({
      subject: "Four links",
      description: [good, wrongKey, forbidden, deleted.link].join("\n\n"),
      requester: { name: "Rita", email: "requester@example.com" },
    });
    const context = await stack.newContext();
    const { page, app } = await openTicket(context, stack, ticket.id);
    await app.waitForSelector('[data-role="file"]:has-text("good.bin")');
    const errors = app.locator('[data-role="link-error"]:visible');
    await app.waitForFunction(
      () => document.querySelectorAll('[data-role="link-error"]:not([hidden])').length === 3,
    );
    const texts = await errors.allTextContents();
    assert.equal(texts.length, 3);
    assert.ok(texts.some((text) => /key in this link is wrong/.test(text)), texts.join("|"));
    assert.ok(texts.some((text) => /may not open this link/.test(text)), texts.join("|"));
    assert.ok(texts.some((text) => /expired or was deleted/.test(text)), texts.join("|"));
    // The key never shows in a message.
    assert.ok(texts.every((text) => !text.includes("A".repeat(20))));
    // The wrong-key link still names its file but does not offer to download it.
    assert.equal(
      await app.locator('[data-role="file"]:has-text("wrong-key.bin")').isDisabled(),
      true,
    );
    // The good link is untouched and still downloads.
    const download = page.waitForEvent("download");
    await app.locator('[data-role="file"]:has-text("good.bin")').click();
    assert.equal((await download).suggestedFilename(), "good.bin");
    assert.equal(AGENT.email, "agent@example.com");
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("a download shows its progress and can be cancelled, then done again", async () => {
  const stack = await startStack();
  try {
    const bytes = randomBytes(6_000_000); // three parts
    const link = await dropFiles(stack, [{ name: "large.bin", bytes }]);
    const ticket = await stack.tickets.createTicket({
      subject: "Large file",
      description: link,
      requester: { name: "Rita", email: "requester@example.com" },
    });
    const context = await stack.newContext();
    // Let part 1 through and hold the others, so the download is caught half-way. Which URL is
    // part 1 is read from the service's download-urls answer on its way to the app.
    const firstPart = new Set<string>();
    const held: (() => void)[] = [];
    let holding = true;
    await context.route(
      `${stack.serviceUrl}/api/v2.0/package/*/file/*/download-urls/`,
      async (route) => {
        const response = await route.fetch();
        const body = await response.json() as { downloadUrls: { part: number; url: string }[] };
        for (const { part, url } of body.downloadUrls) if (part === 1) firstPart.add(url);
        await route.fulfill({ response, json: body });
      },
    );
    await context.route(`${stack.serviceUrl}/part/**`, async (route) => {
      if (holding && !firstPart.has(route.request().url())) {
        await new Promise<void>((resolve) => held.push(resolve));
      }
      await route.continue().catch(() => {}); // the app may have aborted it meanwhile
    });
    const { page, app } = await openTicket(context, stack, ticket.id);
    const downloads: Download[] = [];
    page.on("download", (download) => downloads.push(download));
    const file = app.locator('[data-role="file"]:has-text("large.bin")');
    await file.click();
    const label = app.locator('[data-role="progress-label"]');
    await label.waitFor();
    await app.waitForFunction(
      () => document.querySelector('[data-role="progress-label"]')?.textContent !== "0%",
    );
    assert.match(String(await label.textContent()), /^[1-9]\d?%$/);
    assert.equal(await file.isDisabled(), true, "one download of a file at a time");
    await app.locator('[data-role="cancel"]').click();
    await app.waitForSelector('.progress:has-text("Download cancelled")');
    // The service worker's download starts in the browser with the first part; cancelled, it
    // fails there, and the browser keeps no file of it.
    assert.ok(downloads.length <= 1);
    for (const download of downloads) {
      assert.notEqual(await download.failure(), null, "nothing saved when cancelled");
      assert.equal(await download.path().catch(() => null), null);
    }
    assert.equal(await app.locator('[data-role="link-error"]:visible').count(), 0);

    holding = false;
    for (const resolve of held.splice(0)) resolve();
    const saved = page.waitForEvent("download");
    await file.click();
    const path = await (await saved).path();
    assert.deepEqual(new Uint8Array(await Deno.readFile(path)), bytes);
    await app.waitForSelector('[data-role="done"]');
    await context.close();
  } finally {
    await stack.close();
  }
});
