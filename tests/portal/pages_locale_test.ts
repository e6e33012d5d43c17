/// <reference lib="dom" />
/**
 * The portal's own pages (sign-in, activation, password, account, connecting the Zendesk app,
 * the outbox and the refusals) in the visitor's language, in real Chromium: in the pseudo-locale
 * no visible text of any of them is left untranslated; German from `Accept-Language`; Arabic
 * from the language menu, remembered, right to left and mirrored (logical CSS).
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../_helpers/browser.ts";
import { untranslated, type VisibleText, visibleTexts } from "../_helpers/visible_text.ts";
import { type PortalService, startPortalService, waitFor } from "./_helpers.ts";

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

/** Submits a form built in the page (the page's own CSRF token unless `csrf` is given). */
async function postForm(
  page: Page,
  action: string,
  fields: Record<string, string>,
  csrf?: string,
): Promise<void> {
  await Promise.all([
    page.waitForEvent("load"),
    page.evaluate(({ action, fields, csrf }) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = action;
      const token = csrf ??
        (document.querySelector('input[name="csrf"]') as HTMLInputElement | null)?.value ?? "";
      for (const [name, value] of Object.entries({ ...fields, csrf: token })) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    }, { action, fields, csrf }),
  ]);
}

/**
 * A sentence with a link or a bold word inside is several text nodes of one element: "⟦New
 * here?", the link, "with … come back.⟧". Joins the open and the closing parts again.
 */
function joinSentences(texts: VisibleText[]): VisibleText[] {
  const out: VisibleText[] = [];
  for (const text of texts) {
    const open = out.findLast((before) =>
      before.where === text.where &&
      before.text.split("⟦").length > before.text.split("⟧").length
    );
    if (open && text.text.includes("⟧")) open.text += ` ${text.text}`;
    else out.push({ ...text });
  }
  return out;
}

/** Starts a pairing as the Zendesk app does; the code the agent confirms. */
async function startPairing(service: PortalService): Promise<string> {
  const response = await fetch(`${service.url}/auth/pairing`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ description: "Zendesk app" }),
  });
  return String((await response.json()).userCode);
}

Deno.test("portal pages in the pseudo-locale: nothing left untranslated", async () => {
  await withService(async (service, browser) => {
    const context = await browser.newContext({ locale: "en-XA" });
    const page = await context.newPage();
    const { agent } = service;
    const data = [agent.email, "Padlock", "tests", "Zendesk app"];
    const checked: string[] = [];
    const check = async (state: string, extra: string[] = []) => {
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en-XA", state);
      const texts = await visibleTexts(page, "body");
      // The menu's options name each language in itself; a mail's own text is the mail's; the
      // state's icon ("!", "i", "✓") is hidden from screen readers and no word.
      const shown = texts.filter(({ where }) =>
        !where.startsWith("option") && !where.startsWith("pre") && where !== "strong" &&
        where !== "div.icon"
      );
      const left = untranslated(joinSentences(shown), [...data, ...extra]);
      assert.deepEqual(left, [], `untranslated on ${state}: ${JSON.stringify(left)}`);
      checked.push(state);
    };

    await page.goto(`${service.url}/signin`);
    await check("sign-in");
    await page.goto(`${service.url}/signin?mode=signup`);
    assert.equal(await page.locator('[data-role="signup-hint"] a').count(), 1);
    await check("sign-in for a new agent");
    await page.fill("#email", agent.email);
    await page.fill("#password", "not the password");
    await Promise.all([page.waitForEvent("load"), page.click('[data-role="signin-form"] button')]);
    assert.equal(await page.locator('[data-role="alert"]').count(), 1);
    await check("a wrong password");
    await postForm(page, "/signin", { email: agent.email, password: "x" }, "forged");
    assert.match(await page.locator("h1").innerText(), /^⟦/);
    await check("a refused form");
    await postForm(page, "/signin", { email: "x".repeat(20_000) });
    await check("a request the service refuses");

    await page.goto(`${service.url}/activate`);
    await check("asking for an activation link");
    await page.fill("#email", agent.email);
    await Promise.all([
      page.waitForEvent("load"),
      page.click('[data-role="activation-request-form"] button'),
    ]);
    await check("the activation link sent");
    const mail = await waitFor(
      async () => (await service.outbox()).find((mail) => mail.to === agent.email),
      "the activation mail",
    );
    const link = /https?:\/\/\S+\/activate\?token=[\w-]+/.exec(mail.text)?.[0];
    assert.ok(link, mail.text);
    await page.goto(`${service.url}/activate?token=${"A".repeat(43)}`);
    await check("an activation link used already");
    await page.goto(link);
    await check("choosing a password");
    await page.fill("#password", "short");
    await page.fill("#confirm", "short");
    await page.evaluate(() => document.querySelector("#password")?.removeAttribute("minlength"));
    await Promise.all([
      page.waitForEvent("load"),
      page.click('[data-role="set-password-form"] button'),
    ]);
    assert.equal(await page.locator('[data-role="alert"]').count(), 1);
    await check("a password too short");
    await page.fill("#password", "a new long password");
    await page.fill("#confirm", "another long password");
    await Promise.all([
      page.waitForEvent("load"),
      page.click('[data-role="set-password-form"] button'),
    ]);
    await check("two passwords that differ");
    await page.fill("#password", "a new long password");
    await page.fill("#confirm", "a new long password");
    await Promise.all([
      page.waitForURL(/\/account$/),
      page.click('[data-role="set-password-form"] button'),
    ]);

    const created = await page.locator('[data-role="api-key"] td').nth(1).innerText();
    await check("the account with a key", [created]);
    await postForm(page, "/account/keys/revoke", { apiKey: "no-such-key" });
    await check("revoking a key that does not exist");
    await page.goto(`${service.url}/account`);
    await Promise.all([
      page.waitForURL(/revoked=1/),
      page.click('[data-role="api-key"] button'),
    ]);
    await check("a key revoked, no key left");

    const code = await startPairing(service);
    await page.goto(`${service.url}/connect?code=${code}`);
    await check("allowing the Zendesk app", [code]);
    await Promise.all([page.waitForEvent("load"), page.click("#allow")]);
    await check("the Zendesk app connected");
    await page.goto(`${service.url}/connect?code=${await startPairing(service)}`);
    await Promise.all([page.waitForEvent("load"), page.click("#deny")]);
    await check("access denied");
    await page.goto(`${service.url}/connect?code=BCDF-GHJK`);
    await check("a code that does not work");

    await page.goto(`${service.url}/dev/outbox`);
    const dates = await page.locator('[data-role="mail"] div').allInnerTexts();
    await check("the outbox", dates.map((line) => line.split(" · ")[1].replace(/⟧$/, "")));
    assert.equal(checked.length, 19);
    await context.close();
  });
});

Deno.test("portal pages in German from Accept-Language, in Arabic from the remembered menu, mirrored", async () => {
  await withService(async (service, browser) => {
    const german = await browser.newContext({ locale: "de-DE" });
    const page = await german.newPage();
    await page.goto(`${service.url}/signin?next=%2Faccount`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "de");
    assert.equal(await page.locator("h1").innerText(), "Bei Padlock anmelden");
    assert.equal(await page.locator("label[for=password]").innerText(), "Passwort");
    await page.fill("#email", service.agent.email);
    await page.fill("#password", "falsch");
    await Promise.all([page.waitForEvent("load"), page.click('[data-role="signin-form"] button')]);
    assert.equal(
      await page.locator('[data-role="alert"]').innerText(),
      "Die E-Mail-Adresse oder das Passwort ist falsch.",
    );
    await german.close();

    const context = await browser.newContext({ locale: "en-US" });
    const arabic = await context.newPage();
    await arabic.goto(`${service.url}/signin?next=%2Faccount`);
    assert.equal(await arabic.locator("h1").innerText(), "Sign in to Padlock");
    const options = await arabic.locator('[data-role="language-menu"] option').evaluateAll(
      (nodes) => nodes.map((node) => (node as HTMLOptionElement).value),
    );
    assert.deepEqual(options, [
      "en",
      "de",
      "fr",
      "es",
      "it",
      "pt-BR",
      "nl",
      "pl",
      "ja",
      "zh-CN",
      "ko",
      "ar",
    ]);
    await arabic.selectOption('[data-role="language-menu"] select', "ar");
    await Promise.all([
      arabic.waitForEvent("load"),
      arabic.click('[data-role="language-menu"] button'),
    ]);
    assert.equal(arabic.url(), `${service.url}/signin?next=%2Faccount`, "back on the same page");
    assert.equal(await arabic.evaluate(() => document.documentElement.dir), "rtl");
    assert.equal(await arabic.locator("h1").innerText(), "تسجيل الدخول إلى Padlock");
    await arabic.fill("#email", service.agent.email);
    await arabic.fill("#password", service.agent.password);
    await Promise.all([
      arabic.waitForURL(/\/account$/),
      arabic.click('[data-role="signin-form"] button'),
    ]);
    assert.equal(await arabic.locator("h1").innerText(), "حسابك");
    assert.equal(await arabic.locator("th").first().innerText(), "الوصف");
    // Mirrored: the table's words start at the right edge of their cells, the revoke button
    // sits at the left, the heading's text at the right of the card.
    const layout = await arabic.evaluate(() => {
      const textBox = (element: Element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return range.getBoundingClientRect();
      };
      const th = document.querySelector("th")!;
      const card = document.querySelector(".card")!.getBoundingClientRect();
      const cell = document.querySelector('[data-role="api-key"] td:last-child')!;
      return {
        thTextRight: textBox(th).right,
        thRight: th.getBoundingClientRect().right,
        buttonLeft: cell.querySelector("button")!.getBoundingClientRect().left,
        cellLeft: cell.getBoundingClientRect().left,
        h1Right: textBox(document.querySelector("h1")!).right,
        cardRight: card.right,
      };
    });
    assert.ok(layout.thRight - layout.thTextRight <= 12, JSON.stringify(layout));
    assert.ok(layout.buttonLeft - layout.cellLeft <= 12, JSON.stringify(layout));
    assert.ok(layout.cardRight - layout.h1Right <= 40, JSON.stringify(layout));
    // Remembered: a new tab of the same browser speaks Arabic whatever the browser says.
    const again = await context.newPage();
    await again.goto(`${service.url}/activate`);
    assert.equal(await again.evaluate(() => document.documentElement.lang), "ar");
    assert.equal(await again.locator("h1").innerText(), "تفعيل حسابك");
    await context.close();
  });
});
