/// <reference lib="dom" />
/**
 * The receive page for undisclosed and dropzone packages, its error pages, and untrusted file
 * names: an undisclosed link opens without a code; a dropzone link asks for sign-in and opens for
 * an allowed agent only; wrong or missing keys and deleted packages get clear pages; a file name
 * with HTML in it is shown as text.
 */
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../_helpers/browser.ts";
import { type PortalService, sha256, startPortalService } from "./_helpers.ts";

async function withService(
  body: (service: PortalService, browser: Browser) => Promise<void>,
): Promise<void> {
  const service = await startPortalService();
  const browser = await launchBrowser();
  try {
    await body(service, browser);
  } finally {
    await browser.close();
    await service.close();
  }
}

Deno.test("an undisclosed link opens without a code; a file name with HTML shows as text", async () => {
  await withService(async (service, browser) => {
    const hostile = "<img src=x onerror=alert(1)>.txt";
    const bytes = new TextEncoder().encode("plain text\n");
    const link = await service.send([{ name: hostile, bytes }]);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(link);
    await page.waitForSelector('[data-state="files"]');
    assert.equal(await page.locator('[data-role="file-name"]').innerText(), hostile);
    assert.equal(await page.locator("#app img").count(), 0);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-role="download"]'),
    ]);
    assert.equal(await sha256(await Deno.readFile(await download.path())), await sha256(bytes));
    assert.deepEqual(dialogs, []);
  });
});

Deno.test("a dropzone link asks for sign-in and opens for an allowed agent only", async () => {
  await withService(async (service, browser) => {
    const bytes = new TextEncoder().encode("screenshot bytes");
    const link = await service.drop([{ name: "screenshot.png", bytes }]);
    const page = await browser.newPage();
    await page.goto(link);
    await page.waitForSelector('[data-state="signin"]');
    assert.ok(!(await page.content()).includes("screenshot.png"));

    // An agent not allowed on the dropzone signs in: refused.
    await page.click('[data-role="signin"]');
    await page.waitForURL(/\/signin\?next=/);
    assert.ok(!page.url().includes("keyCode"), "the key never reaches the server");
    await page.fill("#email", service.outsider.email);
    await page.fill("#password", service.outsider.password);
    await page.click('[data-role="signin-form"] button[type="submit"]');
    await page.waitForSelector('[data-state="forbidden"]');
    assert.match(await page.locator('[data-role="message"]').innerText(), /outsider@example\.com/);

    // The allowed colleague signs in instead and downloads the file.
    await page.click('[data-role="switch-user"]');
    await page.waitForURL(/\/signin\?next=/);
    await page.fill("#email", service.colleague.email);
    await page.fill("#password", service.colleague.password);
    await page.click('[data-role="signin-form"] button[type="submit"]');
    await page.waitForSelector('[data-state="files"]');
    assert.equal(new URL(page.url()).hash, new URL(link).hash, "the key came back to the fragment");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-role="download"]'),
    ]);
    assert.equal(download.suggestedFilename(), "screenshot.png");
    assert.equal(await sha256(await Deno.readFile(await download.path())), await sha256(bytes));
  });
});

Deno.test("missing or wrong keys and deleted packages get clear pages", async () => {
  await withService(async (service, browser) => {
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }]);
    const page = await browser.newPage();

    await page.goto(link.replace(/#.*$/, ""));
    await page.waitForSelector('[data-state="missing-key"]');
    assert.match(await page.locator("h1").innerText(), /incomplete/);

    const keyCode = new URL(link).hash.slice("#keyCode=".length);
    const wrong = keyCode.slice(0, -4) + (keyCode.endsWith("AAAA") ? "BBBB" : "AAAA");
    // Through a blank page: a change of fragment alone would not load the page again.
    await page.goto("about:blank");
    await page.goto(link.replace(keyCode, wrong));
    await page.waitForSelector('[data-state="wrong-key"]');
    assert.match(await page.locator("h1").innerText(), /does not open/);

    const packageId = new URL(link).searchParams.get("thread")!;
    await service.agent.client.deletePackage(packageId);
    await page.goto("about:blank");
    await page.goto(link);
    await page.waitForSelector('[data-state="gone"]');
    assert.match(await page.locator("h1").innerText(), /no longer available/);

    // An expired package (life 10 days) reads the same, before the sweeper deletes it.
    const expiring = await service.send([{ name: "b.txt", bytes: new Uint8Array([2]) }]);
    service.clock.offsetMs = 11 * 86_400_000;
    await page.goto(expiring);
    await page.waitForSelector('[data-state="gone"]');
  });
});

Deno.test("a download can be cancelled and started again", async () => {
  await withService(async (service, browser) => {
    const bytes = new Uint8Array(3 * 2_621_440).fill(7);
    const link = await service.send([{ name: "big.bin", bytes }]);
    const page = await browser.newPage();
    // Part downloads wait until the test lets them go, so the cancel surely lands mid-download.
    let release!: () => void;
    const released = new Promise<void>((resolve) => release = resolve);
    await page.route("**/part/**", async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(link);
    await page.waitForSelector('[data-state="files"]');
    await page.click('[data-role="download"]');
    await page.waitForSelector('[data-role="file"][data-state="downloading"]');
    await page.click('[data-role="cancel"]');
    await page.waitForSelector('[data-role="file"][data-state="cancelled"]');
    release();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-role="download"]'),
    ]);
    assert.equal(await sha256(await Deno.readFile(await download.path())), await sha256(bytes));
  });
});
