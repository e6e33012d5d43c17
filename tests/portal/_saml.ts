/// <reference lib="dom" />
/**
 * What the SAML tests share: the steps through the test provider's pages in Chromium
 * (`tests/_helpers/saml_idp.ts`).
 *
 * @module
 */
import type { Page } from "playwright-core";

/**
 * Clicks "Sign in with …" and signs in at the test provider as `login`; returns the
 * `SAMLResponse` the provider posted to the service once the browser is back (or once the post
 * was sent, when the test stopped it on the way).
 */
export async function signInWithSaml(page: Page, login: string): Promise<string> {
  let posted = "";
  const onRequest = (request: { url(): string; method(): string; postData(): string | null }) => {
    if (request.method() === "POST" && request.url().endsWith("/saml/acs")) {
      posted = new URLSearchParams(request.postData() ?? "").get("SAMLResponse") ?? "";
    }
  };
  page.on("request", onRequest);
  try {
    await page.click('[data-role="sso-signin"]');
    await page.waitForSelector('input[name="login"]');
    await page.fill('input[name="login"]', login);
    await page.fill('input[name="password"]', "any password");
    await page.click('button[type="submit"]');
    const deadline = Date.now() + 15_000;
    while (!posted && Date.now() < deadline) await page.waitForTimeout(25);
    if (!posted) throw new Error(`the provider posted no answer: ${page.url()}`);
    await page.waitForLoadState().catch(() => {});
    return posted;
  } finally {
    page.off("request", onRequest);
  }
}

/** Posts `samlResponse` to the service's ACS from `page` (on the service), as a provider would. */
export async function postAnswer(page: Page, samlResponse: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation(),
    page.evaluate((value) => {
      const form = document.createElement("form");
      form.method = "POST";
      form.action = "/saml/acs";
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "SAMLResponse";
      input.value = value;
      form.append(input);
      document.body.append(form);
      form.submit();
    }, samlResponse),
  ]);
}
