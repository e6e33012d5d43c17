/// <reference lib="dom" />
/**
 * The account page's dropzone settings (issue 13), in headless Chromium: the owner of a dropzone
 * sets its extensions, largest file, package life and Sender Domain Access, and the service keeps
 * them; a refused value is named, the form keeps what was typed and nothing changes; the page
 * speaks the visitor's language; an agent who does not own the dropzone sees no form and cannot
 * post one. And the receive page with Sender Domain Access: someone of the sender's domain
 * confirms their email with a code and sees the files.
 */
import assert from "node:assert/strict";
import { launchBrowser } from "../_helpers/browser.ts";
import { codeFromOutbox, startPortalService, Visitor } from "./_helpers.ts";

Deno.test("account page: the owner sets a dropzone's settings; bad values change nothing", async () => {
  const service = await startPortalService();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${service.url}/signin?next=%2Faccount`);
    await page.fill("#email", service.agent.email);
    await page.fill("#password", service.agent.password);
    await page.click('[data-role="signin-form"] button[type="submit"]');
    await page.waitForURL(/\/account$/);

    const form = page.locator(
      `[data-role="dropzone-settings"][data-dropzone="${service.dropzoneId}"]`,
    );
    await form.locator('[name="extensions"]').fill(".PDF, png");
    await form.locator('[name="maxFileSize"]').fill("25 MB");
    await form.locator('[name="lifeDays"]').fill("30");
    await form.locator('[name="senderDomainAccess"]').check();
    await form.locator('[name="notifyUploads"]').check();
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-role="alert"]');
    assert.equal(
      (await page.textContent('[data-role="alert"]'))?.trim(),
      "The dropzone's settings were saved.",
    );
    const saved = await service.server.accounts.findDropzone(service.dropzoneId);
    assert.deepEqual(saved?.settings, {
      allowedExtensions: ["pdf", "png"],
      maxFileBytes: 25_000_000,
      lifeDays: 30,
      senderDomainAccess: true,
      notifyUploads: true,
    });
    // The page shows what is stored.
    assert.equal(await form.locator('[name="extensions"]').inputValue(), "pdf, png");
    assert.equal(await form.locator('[name="maxFileSize"]').inputValue(), "25 MB");
    assert.ok(await form.locator('[name="senderDomainAccess"]').isChecked());
    assert.ok(await form.locator('[name="notifyUploads"]').isChecked());

    // A life out of range: named, the typed value kept, nothing stored.
    await form.locator('[name="lifeDays"]').fill("400");
    await form.locator('[name="extensions"]').fill("pdf");
    const [refused] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith("/account/dropzones/settings")),
      form.locator('button[type="submit"]').click(),
    ]);
    assert.equal(refused.status(), 400);
    assert.equal(
      (await page.textContent('[data-role="alert"]'))?.trim(),
      "The package life must be a whole number of days from 1 to 365. Nothing was changed.",
    );
    assert.equal(await form.locator('[name="lifeDays"]').inputValue(), "400");
    assert.equal(await form.locator('[name="extensions"]').inputValue(), "pdf");
    assert.deepEqual(
      (await service.server.accounts.findDropzone(service.dropzoneId))?.settings,
      saved?.settings,
    );

    // In the visitor's language.
    await context.addCookies([{ name: "padlock_locale", value: "de", url: service.url }]);
    await page.goto(`${service.url}/account`);
    assert.equal(
      (await page.textContent("h2:has-text('Ablagebereiche')"))?.trim(),
      "Ablagebereiche",
    );
    assert.match(
      await page.locator(".dropzone-settings .check").first().textContent() ?? "",
      /Zugriff für die Domain des Absenders/,
    );
    assert.match(
      await page.locator(".dropzone-settings .check").nth(1).textContent() ?? "",
      /Per E-Mail benachrichtigen/,
    );
    assert.deepEqual(errors, []);
    await context.close();

    // An agent allowed on the dropzone, not its owner: no form, and a forged post is refused.
    const colleague = new Visitor(service.url);
    const { csrf } = await colleague.page("/signin");
    await colleague.form("/signin", {
      csrf,
      email: service.colleague.email,
      password: service.colleague.password,
    });
    const account = await colleague.page("/account");
    assert.match(account.html, /data-role="account-email"/);
    assert.ok(!account.html.includes("dropzone-settings"));
    const forged = await colleague.form("/account/dropzones/settings", {
      csrf: account.csrf,
      dropzoneId: service.dropzoneId,
      extensions: "exe",
      maxFileSize: "",
      lifeDays: "",
    });
    assert.equal(forged.status, 404);
    assert.deepEqual(
      (await service.server.accounts.findDropzone(service.dropzoneId))?.settings,
      saved?.settings,
    );
  } finally {
    await browser.close();
    await service.close();
  }
});

Deno.test("receive page: with Sender Domain Access, a colleague of the sender verifies and opens", async () => {
  const service = await startPortalService();
  const browser = await launchBrowser();
  try {
    await service.server.accounts.setDropzoneSettings(service.dropzoneId, {
      allowedExtensions: [],
      senderDomainAccess: true,
    });
    // Dropped by requester@example.com: a colleague of the same domain may open it.
    const link = await service.drop([{
      name: "invoice.txt",
      bytes: new TextEncoder().encode("42"),
    }]);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(link);
    await page.waitForSelector('[data-state="verify-email"]');
    await page.fill("#email", "colleague@example.com");
    await page.click('[data-role="email-form"] button[type="submit"]');
    await page.waitForSelector('[data-state="verify-code"]');
    await page.fill("#code", await codeFromOutbox(service, "colleague@example.com"));
    await page.click('[data-role="code-form"] button[type="submit"]');
    await page.waitForSelector('#app[data-state="files"]');
    assert.match(await page.locator("#app").innerText(), /invoice\.txt/);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await service.close();
  }
});
