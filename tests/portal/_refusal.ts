/// <reference lib="dom" />
/**
 * The refusal page of a sign-in through the identity provider, as the single sign-on tests
 * (OpenID, SAML) read it.
 *
 * @module
 */
import type { Page } from "playwright-core";

/** The refusal page's message once it shows. */
export async function refusal(page: Page): Promise<string> {
  await page.waitForSelector('[data-role="state"].error');
  return await page.locator('[data-role="message"]').innerText();
}
