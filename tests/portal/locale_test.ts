/// <reference lib="dom" />
/**
 * The receive page in the visitor's language, in real Chromium: German from `Accept-Language`
 * (page, script, the code's answer and the mail with the code), Arabic right to left, the
 * language menu remembered (a cookie) and keeping the link's key; in the pseudo-locale no
 * visible text of the receive page is left untranslated, from asking for the email to the list
 * of files, and in every other state (a link without its key, a wrong key, a deleted package, a
 * dropzone asking to sign in, an agent refused).
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../_helpers/browser.ts";
import { untranslated, visibleTexts } from "../_helpers/visible_text.ts";
import { codeFromOutbox, type PortalService, startPortalService } from "./_helpers.ts";

const REQUESTER = "kunde@example.com";

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

async function askCode(page: Page, email: string): Promise<void> {
  await page.waitForSelector('[data-role="email-form"]');
  await page.fill("#email", email);
  await page.click('[data-role="email-form"] button[type="submit"]');
  await page.waitForSelector('[data-role="code-form"]');
}

Deno.test("receive page in German from Accept-Language; the code's mail in German too", async () => {
  await withService(async (service, browser) => {
    const link = await service.send([{ name: "vertrag.pdf", bytes: new Uint8Array(1_500) }], {
      recipients: [REQUESTER],
    });
    const context = await browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(link);
    await page.waitForSelector('[data-role="email-form"]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
    assert.equal(await page.locator("h1").innerText(), "Bestätigen Sie Ihre E-Mail-Adresse");
    await askCode(page, REQUESTER);
    assert.match(await page.locator('[data-role="notice"]').innerText(), /ist ein 6-stelliger/);
    const code = await codeFromOutbox(service, REQUESTER);
    const mail = (await service.outbox()).find((mail) => mail.to === REQUESTER)!;
    assert.match(mail.subject, /Ihr Bestätigungscode/);
    await page.fill("#code", code);
    await page.click('[data-role="code-form"] button[type="submit"]');
    await page.waitForSelector('[data-state="files"]');
    assert.equal(await page.locator("h1").innerText(), "Ihnen wurde 1 Datei gesendet");
    assert.equal(await page.locator(".file-meta").innerText(), "1,5 KB");
    await context.close();
  });
});

Deno.test("receive page in Arabic, right to left; the menu's choice is remembered and keeps the key", async () => {
  await withService(async (service, browser) => {
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [REQUESTER],
    });
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(link);
    await page.waitForSelector('[data-role="email-form"]');
    assert.equal(await page.locator("h1").innerText(), "Verify your email address");
    await page.selectOption('[data-role="language-menu"] select', "ar");
    await Promise.all([
      page.waitForEvent("load"),
      page.click('[data-role="language-menu"] button'),
    ]);
    await page.waitForSelector('[data-role="email-form"]');
    assert.equal(page.url(), link, "the link, its key included, is kept");
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    assert.equal(await page.locator("h1").innerText(), "تحقق من عنوان بريدك الإلكتروني");
    // Remembered: a new visit speaks Arabic whatever the browser says.
    const again = await context.newPage();
    await again.goto(link);
    await again.waitForSelector('[data-role="email-form"]');
    assert.equal(await again.evaluate(() => document.documentElement.lang), "ar");
    await context.close();
  });
});

Deno.test("receive page in the pseudo-locale: nothing left untranslated", async () => {
  await withService(async (service, browser) => {
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [REQUESTER],
    });
    const context = await browser.newContext({ locale: "en-XA" });
    const page = await context.newPage();
    const data = [REQUESTER, "a.txt", "Padlock"];
    const check = async (state: string) => {
      const texts = await visibleTexts(page, "body");
      const left = untranslated(texts.filter(({ where }) => !where.startsWith("option")), data);
      assert.deepEqual(left, [], `untranslated when ${state}: ${JSON.stringify(left)}`);
    };
    await page.goto(link);
    await page.waitForSelector('[data-role="email-form"]');
    await check("asking for the email");
    await askCode(page, REQUESTER);
    await check("asking for the code");
    await page.fill("#code", await codeFromOutbox(service, REQUESTER));
    await page.click('[data-role="code-form"] button[type="submit"]');
    await page.waitForSelector('[data-state="files"]');
    const expiry = await page.locator('[data-role="expiry"]').innerText();
    const date = /until ([^.]*)\./.exec(expiry)?.[1] ?? "";
    data.push(date);
    await check("listing the files");
    await context.close();
  });
});

Deno.test("receive page's other states in the pseudo-locale: nothing left untranslated", async () => {
  await withService(async (service, browser) => {
    const context = await browser.newContext({ locale: "en-XA" });
    const page = await context.newPage();
    const data = ["Padlock", service.outsider.email];
    const check = async (state: string) => {
      await page.waitForSelector(`[data-state="${state}"]`);
      const texts = await visibleTexts(page, "body");
      const left = untranslated(
        texts.filter(({ where }) => !where.startsWith("option") && where !== "div.icon"),
        data,
      );
      assert.deepEqual(left, [], `untranslated when ${state}: ${JSON.stringify(left)}`);
    };
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }]);
    await page.goto(link.replace(/#.*$/, ""));
    await check("missing-key");
    const keyCode = new URL(link).hash.slice("#keyCode=".length);
    const wrong = keyCode.slice(0, -4) + (keyCode.endsWith("AAAA") ? "BBBB" : "AAAA");
    await page.goto("about:blank");
    await page.goto(link.replace(keyCode, wrong));
    await check("wrong-key");
    await service.agent.client.deletePackage(new URL(link).searchParams.get("thread")!);
    await page.goto("about:blank");
    await page.goto(link);
    await check("gone");

    // A dropzone's files: sign in first, and an agent not allowed is refused.
    const dropped = await service.drop([{ name: "b.txt", bytes: new Uint8Array([2]) }]);
    await page.goto(dropped);
    await check("signin");
    await page.click('[data-role="signin"]');
    await page.waitForURL(/\/signin\?next=/);
    await page.fill("#email", service.outsider.email);
    await page.fill("#password", service.outsider.password);
    await page.click('[data-role="signin-form"] button[type="submit"]');
    await check("forbidden");
    await context.close();
  });
});
