/// <reference lib="dom" />
/**
 * HTML and script in everything the portal shows: file names and the message on the receive page,
 * the email a visitor types, the service's own messages in each state, and the server-rendered
 * pages (sign-in with its echoed email and `next`, the account page's key descriptions, the
 * connect page's app description and code, the activation page's token). All of it is text: no
 * payload runs and no element is made from it.
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../_helpers/browser.ts";
import { type PortalService, startPortalService } from "../portal/_helpers.ts";
import { assertInert, NAME_PAYLOADS, TEXT_PAYLOADS, texts, watchPage } from "./_xss.ts";

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

/** Answers one portal call with an envelope whose message is markup. */
async function hostileAnswer(page: Page, path: string, response: string): Promise<void> {
  await page.route((url) => url.pathname === path, async (route) => {
    await route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({ response, message: `${TEXT_PAYLOADS[1]} ${TEXT_PAYLOADS[0]}` }),
    });
  });
}

Deno.test("the receive page shows hostile file names, messages and answers as text", async () => {
  await withService(async (service, browser) => {
    const bytes = new TextEncoder().encode("x");
    const message = TEXT_PAYLOADS.join("\n");
    const open = await service.send(NAME_PAYLOADS.map((name) => ({ name, bytes })), { message });
    const page = await browser.newPage();
    const watched = watchPage(page);
    await page.goto(open);
    await page.waitForSelector('[data-state="files"]');
    const names = await texts(page, '[data-role="file-name"]');
    assert.deepEqual(names.slice().sort(), [...NAME_PAYLOADS].sort());
    const shown = (await texts(page, '[data-role="package-message"]')).join("\n");
    for (const payload of TEXT_PAYLOADS) assert.ok(shown.includes(payload), payload);
    await page.hover('[data-role="package-message"]');
    await assertInert(page, "receive page, files");

    // The visitor's own typing and the service's answers, in the verify steps.
    const named = await service.send([{ name: "a.txt", bytes }], {
      recipients: ["rita@example.com"],
    });
    const verify = await browser.newPage();
    const verifyWatched = watchPage(verify);
    await hostileAnswer(verify, "/portal/api/code", "SOMETHING_ODD");
    await verify.goto(named);
    await verify.waitForSelector('[data-state="verify-email"]');
    const typed = `"${TEXT_PAYLOADS[1]}"@example.com`;
    await verify.fill("#email", typed);
    await verify.click('[data-role="email-form"] button[type="submit"]');
    await verify.waitForFunction(() =>
      (document.querySelector('[data-role="alert"]')?.textContent ?? "").length > 0
    );
    assert.match((await texts(verify, '[data-role="alert"]')).join(" "), /<img src=x onerror=/);
    await assertInert(verify, "receive page, verify");

    // Each state that shows the service's words.
    for (const response of ["SOMETHING_ODD", "UNKNOWN_PACKAGE", "WRONG_KEY", "LIMIT_EXCEEDED"]) {
      const state = await browser.newPage();
      const stateWatched = watchPage(state);
      await hostileAnswer(state, "/portal/api/access", response);
      await state.goto(named);
      await state.waitForSelector('[data-role="state"] [data-role="message"], [data-role="alert"]');
      await assertInert(state, `receive page, ${response}`);
      assert.deepEqual(stateWatched.dialogs, []);
      await state.close();
    }
    assert.deepEqual([...watched.dialogs, ...verifyWatched.dialogs], []);
  });
});

Deno.test("the portal's server-rendered pages show hostile input as text", async () => {
  await withService(async (service, browser) => {
    const { agent } = service;
    const hostile = TEXT_PAYLOADS[1];
    await service.server.accounts.createApiKey(agent.id, `${hostile} ${TEXT_PAYLOADS[0]}`);
    const started = await (await fetch(`${service.url}/auth/pairing`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ description: `${TEXT_PAYLOADS[4]}` }),
    })).json();

    const page = await browser.newPage();
    const watched = watchPage(page);
    // `next` and an echoed email on a failed sign-in.
    await page.goto(
      `${service.url}/signin?next=${encodeURIComponent(`"><img src=x onerror=window.__pwned=41>`)}`,
    );
    await assertInert(page, "sign-in page with a hostile next");
    const email = `"><img src=x onerror=window.__pwned=42>@example.com`;
    // The browser's own check of type=email is not a defence: skip it, as a script could.
    await page.locator('[data-role="signin-form"]').evaluate((form) =>
      form.setAttribute("novalidate", "")
    );
    await page.fill("#email", email);
    await page.fill("#password", "wrong password");
    await page.click('[data-role="signin-form"] button[type="submit"]');
    await page.waitForSelector('[data-role="alert"]');
    assert.equal(await page.inputValue("#email"), email, "the email came back as a value");
    await assertInert(page, "sign-in page after a failure");

    // Signed in: the account page lists the hostile key description.
    await page.fill("#email", agent.email);
    await page.fill("#password", agent.password);
    await page.click('[data-role="signin-form"] button[type="submit"]');
    await page.waitForSelector('[data-role="account-email"]');
    const descriptions = await texts(page, '[data-role="key-description"]');
    assert.ok(descriptions.some((text) => text.includes(hostile)), descriptions.join(" | "));
    await assertInert(page, "account page");

    // The connect page: the app's description and a hostile code.
    await page.goto(`${service.url}/connect?code=${started.userCode}`);
    await page.waitForSelector('[data-role="user-code"]');
    assert.match(await page.locator("h1").innerText(), /<\/textarea><svg\/onload=/);
    await assertInert(page, "connect page");
    await page.goto(`${service.url}/connect?code=${encodeURIComponent(hostile)}`);
    await assertInert(page, "connect page with a hostile code");

    // The activation page with a hostile token.
    await page.goto(
      `${service.url}/activate?token=${encodeURIComponent(`"><script>window.__pwned=43</script>`)}`,
    );
    await assertInert(page, "activation page");
    assert.deepEqual(watched.dialogs, []);
  });
});
