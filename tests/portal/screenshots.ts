/// <reference lib="dom" />
/**
 * Takes the screenshots of the portal for `docs/screenshots/`: the receive page asking for the
 * email, asking for the code, listing files, a download in progress, the wrong-key and expired
 * pages, sign-in, the connect page and the account page. Same service as the browser tests.
 * Run: `deno run -A tests/portal/screenshots.ts [outDir]` after `deno task build`.
 *
 * @module
 */
import type { Page } from "playwright-core";
import { launchBrowser } from "../_helpers/browser.ts";
import { codeFromOutbox, randomBytes, startPortalService } from "./_helpers.ts";

async function shoot(page: Page, path: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  await page.screenshot({ path });
}

/**
 * Writes `portal-*.png` into `outDir`.
 *
 * @throws {Error} when the portal bundle is not built or a step does not reach its state.
 */
export async function capturePortalScreenshots(outDir: string): Promise<string[]> {
  await Deno.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const service = await startPortalService();
  const browser = await launchBrowser();
  const save = async (page: Page, name: string) => {
    const path = `${outDir}/portal-${name}.png`;
    await shoot(page, path);
    written.push(path);
  };
  try {
    const requester = "rita@example.com";
    const link = await service.send([
      { name: "Invoice-2024-0113.pdf", bytes: randomBytes(8_100_000) },
      { name: "contract (signed).pdf", bytes: randomBytes(420_000) },
      { name: "<img src=x onerror=alert(1)>.txt", bytes: randomBytes(2_000) },
    ], {
      recipients: [requester],
      message: "Hi Rita, here are the invoice and the signed contract.",
    });
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1000, height: 720 },
    });
    const page = await context.newPage();
    await page.goto(link);
    await page.waitForSelector('[data-state="verify-email"]');
    await page.fill("#email", requester);
    await save(page, "ask-email");
    await page.click('[data-role="email-form"] button[type="submit"]');
    await page.waitForSelector('[data-state="verify-code"]');
    await page.fill("#code", await codeFromOutbox(service, requester));
    await save(page, "enter-code");
    await page.click('[data-role="code-form"] button[type="submit"]');
    await page.waitForSelector('[data-state="files"]');
    await save(page, "files");

    // The first three of four parts come at once (the download's look-ahead); the fourth is held
    // back a while, to show a download in progress.
    let served = 0;
    await page.route("**/part/**", async (route) => {
      if (++served > 3) await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await page.click('[data-role="download"] >> nth=0');
    await page.waitForFunction(() =>
      /[1-9][0-9]?%/.test(document.querySelector('[data-role="file-status"]')?.textContent ?? "")
    );
    await save(page, "downloading");
    await page.waitForSelector('[data-role="file"][data-state="done"]');
    await page.unrouteAll();

    const keyCode = new URL(link).hash.slice("#keyCode=".length);
    await page.goto("about:blank");
    await page.goto(link.replace(keyCode, keyCode.slice(0, -4) + "AAAA"));
    await page.waitForSelector('[data-state="wrong-key"]');
    await save(page, "error-wrong-key");

    const expiring = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }]);
    service.clock.offsetMs = 11 * 86_400_000;
    await page.goto(expiring);
    await page.waitForSelector('[data-state="gone"]');
    await save(page, "error-expired");
    service.clock.offsetMs = 0;

    const started = await (await fetch(`${service.url}/auth/pairing`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ description: "Zendesk app" }),
    })).json();
    await page.goto(started.verificationUrl);
    await page.waitForSelector('[data-role="signin-form"]');
    await page.fill("#email", service.agent.email);
    await save(page, "signin");
    await page.fill("#password", service.agent.password);
    await page.click('[data-role="signin-form"] button[type="submit"]');
    await page.waitForSelector("#allow");
    await save(page, "connect");
    await page.click("#allow");
    await fetch(`${service.url}/auth/pairing/poll`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ deviceCode: started.deviceCode }),
    }).then((response) => response.body?.cancel());
    await page.goto(`${service.url}/account`);
    await page.waitForSelector('[data-role="api-key"]');
    await save(page, "account");
    await context.close();
  } finally {
    await browser.close();
    await service.close();
  }
  return written;
}

if (import.meta.main) {
  const outDir = Deno.args[0] ?? new URL("../../docs/screenshots", import.meta.url).pathname;
  for (const path of await capturePortalScreenshots(outDir)) console.log(path);
}
