/// <reference lib="dom" />
/**
 * What the single sign-on tests share: a real OpenID provider (`oidc-provider` on loopback) with
 * three users, the portal service set up to sign in through it, and the steps through the
 * provider's pages in Chromium.
 *
 * @module
 */
import type { Page } from "playwright-core";
import type { ServerConfig } from "../../server/mod.ts";
import { startTestProvider, type TestProvider } from "../_helpers/oidc_provider.ts";
import { type PortalService, startPortalService } from "./_helpers.ts";

/** The provider's users. */
export const USERS = [
  // Has a Padlock account (with a password) from the start: matched by verified email.
  { id: "agent-1", email: "agent@example.com", name: "Agent" },
  // No account; corp.test is an allowed domain: gets one at the first sign-in.
  { id: "newbie-1", email: "newbie@corp.test", name: "Newbie" },
  // No account, domain not allowed.
  { id: "bob-1", email: "bob@elsewhere.test", name: "Bob" },
];

/** Runs `body` with the provider and a service signing in through it as "Corp ID". */
export async function withSso(
  body: (service: PortalService, idp: TestProvider) => Promise<void>,
  config: Partial<ServerConfig> = {},
): Promise<void> {
  const idp = await startTestProvider({ users: USERS });
  const service = await startPortalService({
    oidcIssuer: idp.issuer,
    oidcClientId: idp.clientId,
    oidcClientSecret: idp.clientSecret,
    oidcName: "Corp ID",
    oidcAllowedDomains: "corp.test",
    ...config,
  });
  idp.register(`${service.url}/signin/oidc/callback`);
  try {
    await body(service, idp);
  } finally {
    await service.close();
    await idp.close();
  }
}

/**
 * Clicks "Sign in with Corp ID" and goes through the provider as `login`: its sign-in form (unless
 * its session remembers the user) and its consent to offline access (the refresh token), until
 * the browser is back on Padlock.
 */
export async function signInWithProvider(page: Page, login: string): Promise<void> {
  const padlock = new URL(page.url()).origin;
  let answeredAt = 0;
  const onRequest = (request: { url(): string }) => {
    if (request.url().startsWith(`${padlock}/signin/oidc/callback`)) answeredAt = Date.now();
  };
  page.on("request", onRequest);
  try {
    await page.click('[data-role="sso-signin"]');
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      // Back on Padlock (or the answer was sent and stopped on the way, as a test may do).
      if (
        answeredAt > 0 &&
        (new URL(page.url()).origin === padlock || Date.now() - answeredAt > 1000)
      ) {
        await page.waitForLoadState();
        return;
      }
      if (await page.locator('input[name="login"]').count() > 0) {
        await page.fill('input[name="login"]', login);
        await page.fill('input[name="password"]', "any password");
        await page.click('button[type="submit"]');
        await page.waitForLoadState();
      } else if (await page.locator('button:has-text("Continue")').count() > 0) {
        await page.click('button:has-text("Continue")');
        await page.waitForLoadState();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the sign-in did not come back from the provider: ${page.url()}`);
  } finally {
    page.off("request", onRequest);
  }
}

export { refusal } from "./_refusal.ts";
