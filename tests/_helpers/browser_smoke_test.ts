import assert from "node:assert/strict";
import { launchBrowser } from "./browser.ts";

Deno.test("headless Chromium starts and runs a page's script", async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent("<p id=x></p><script>x.textContent = String(6 * 7)</script>");
    assert.equal(await page.textContent("#x"), "42");
  } finally {
    await browser.close();
  }
});
