/// <reference lib="dom" />
/**
 * The receive page for packages sent with "Require authentication": a recipient verifies their
 * address with a mailed code and downloads byte-identical files; a wrong address, five wrong
 * codes and an expired code are refused, and nothing about the package shows before that.
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../_helpers/browser.ts";
import {
  codeFromOutbox,
  type PortalService,
  randomBytes,
  sha256,
  startPortalService,
} from "./_helpers.ts";

const REQUESTER = "requester@example.com";

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

async function askForCode(page: Page, email: string): Promise<string> {
  await page.waitForSelector('[data-state="verify-email"]');
  await page.fill("#email", email);
  await page.click('[data-role="email-form"] button[type="submit"]');
  await page.waitForSelector('[data-state="verify-code"]');
  return await page.locator('[data-role="notice"]').innerText();
}

async function typeCode(page: Page, code: string): Promise<string> {
  await page.fill("#code", code);
  await page.click('[data-role="code-form"] button[type="submit"]');
  await page.waitForFunction(() => {
    const alert = document.querySelector('[data-role="alert"]');
    return (alert && alert.textContent !== "") ||
      document.getElementById("app")?.dataset.state === "files";
  });
  const alert = page.locator('[data-role="alert"]');
  const text = (await alert.count()) > 0 ? await alert.innerText() : "";
  // Clear the alert so the next wait sees the next answer.
  await page.evaluate(() => {
    const alert = document.querySelector('[data-role="alert"]');
    if (alert) alert.textContent = "";
  });
  return text;
}

function otherCode(code: string, index: number): string {
  return String((Number(code) + 1 + index) % 1_000_000).padStart(6, "0");
}

Deno.test("a recipient verifies by a mailed code and downloads byte-identical files", async () => {
  await withService(async (service, browser) => {
    const big = randomBytes(3_000_000);
    const small = new TextEncoder().encode("Your contract, signed.\n");
    const link = await service.send([
      { name: "contract.pdf", bytes: small },
      { name: "scan.bin", bytes: big },
    ], { recipients: [REQUESTER], message: "Here are the documents." });
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    // Everything the page sends, to check that the keyCode never leaves the browser.
    const sent: string[] = [];
    page.on("request", (request) => sent.push(`${request.url()} ${request.postData() ?? ""}`));
    await page.goto(link);

    const notice = await askForCode(page, REQUESTER);
    assert.match(notice, /requester@example\.com/);
    // Before verification nothing about the package is on the page.
    const before = await page.content();
    for (const secret of ["contract.pdf", "scan.bin", "documents", service.agent.email]) {
      assert.ok(!before.includes(secret), `${secret} shown before verification`);
    }

    const code = await codeFromOutbox(service, REQUESTER);
    await page.check("#remember");
    assert.equal(await typeCode(page, code), "");
    await page.waitForSelector('[data-state="files"]');
    assert.deepEqual(await page.locator('[data-role="file-name"]').allInnerTexts(), [
      "contract.pdf",
      "scan.bin",
    ]);
    assert.equal(
      await page.locator('[data-role="package-message"]').innerText(),
      "Here are the documents.",
    );
    assert.match(await page.locator('[data-role="expiry"]').innerText(), /Available until/);

    // The session cookie: HttpOnly, SameSite=Lax, kept 30 days ("remember this browser").
    const [cookie] = await context.cookies(service.url);
    assert.equal(cookie.name, "padlock_session");
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, "Lax");
    assert.ok(cookie.expires * 1000 > Date.now() + 29 * 86_400_000);

    // "Download all" saves the files one after the other.
    const downloads: { name: string; hash: string }[] = [];
    const saved = new Promise<void>((resolve) => {
      page.on("download", async (download) => {
        const path = await download.path();
        downloads.push({
          name: download.suggestedFilename(),
          hash: await sha256(await Deno.readFile(path)),
        });
        if (downloads.length === 2) resolve();
      });
    });
    await page.click('[data-role="download-all"]');
    await saved;
    downloads.sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(downloads, [
      { name: "contract.pdf", hash: await sha256(small) },
      { name: "scan.bin", hash: await sha256(big) },
    ]);
    await page.waitForSelector('[data-role="file"][data-state="done"] >> nth=1');
    const keyCode = new URL(link).hash.slice("#keyCode=".length);
    assert.ok(sent.length > 10);
    for (const request of sent) {
      // Playwright reports the navigation with its fragment; the browser does not send it.
      const wire = request.replace(/#keyCode=[A-Za-z0-9_-]+/, "");
      assert.ok(!wire.includes(keyCode), `the keyCode left the browser: ${wire}`);
    }

    // The same browser opens the link again without a code.
    const again = await context.newPage();
    await again.goto(link);
    await again.waitForSelector('[data-state="files"]');
    await context.close();
  });
});

Deno.test("an address that is not a recipient gets the same answer and no mail", async () => {
  await withService(async (service, browser) => {
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [REQUESTER],
    });
    const page = await browser.newPage();
    await page.goto(link);
    const forStranger = await askForCode(page, "stranger@example.com");
    await page.click('[data-role="other-email"]');
    const forRecipient = await askForCode(page, REQUESTER);
    assert.equal(
      forStranger.replace("stranger@example.com", "X"),
      forRecipient.replace(REQUESTER, "X"),
    );
    await codeFromOutbox(service, REQUESTER);
    const mails = await service.outbox();
    assert.deepEqual(mails.map((mail) => mail.to), [REQUESTER]);

    // Any code typed for the stranger is refused like a wrong code.
    await page.click('[data-role="other-email"]');
    await askForCode(page, "stranger@example.com");
    const code = await codeFromOutbox(service, REQUESTER);
    assert.match(await typeCode(page, code), /not right/);
    assert.equal(await page.locator('[data-role="file-name"]').count(), 0);
  });
});

Deno.test("five wrong codes void the code; the right one is then refused", async () => {
  await withService(async (service, browser) => {
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [REQUESTER],
    });
    const page = await browser.newPage();
    await page.goto(link);
    await askForCode(page, REQUESTER);
    const code = await codeFromOutbox(service, REQUESTER);
    for (let attempt = 0; attempt < 4; attempt++) {
      assert.match(await typeCode(page, otherCode(code, attempt)), /not right/);
    }
    assert.match(await typeCode(page, otherCode(code, 4)), /Too many wrong codes/);
    assert.match(await typeCode(page, code), /no longer works|Ask for a new one/);
    assert.equal(await page.locator('[data-role="file-name"]').count(), 0);

    // A new code works.
    await page.click('[data-role="resend"]');
    // The page empties the code field when the answer comes, which can be after the mail is out.
    await page.waitForSelector('[data-role="resend"]:not([disabled])');
    const fresh = await codeFromOutbox(service, REQUESTER, 2);
    assert.equal(await typeCode(page, fresh), "");
    await page.waitForSelector('[data-role="file-name"]:has-text("a.txt")');
  });
});

Deno.test("an expired code is refused", async () => {
  await withService(async (service, browser) => {
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [REQUESTER],
    });
    const page = await browser.newPage();
    await page.goto(link);
    await askForCode(page, REQUESTER);
    const code = await codeFromOutbox(service, REQUESTER);
    service.clock.offsetMs = 10 * 60_000 + 1000;
    assert.match(await typeCode(page, code), /expired/);
    assert.equal(await page.locator('[data-role="file-name"]').count(), 0);
  });
});
