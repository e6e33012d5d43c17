/// <reference lib="dom" />
/**
 * Leaving the company ends access: a user the provider deactivated loses the Zendesk app's key
 * (the provider refuses the account's refresh token at the next check) and the browser session,
 * and is refused at the next sign-in; an account deactivated in Padlock is refused by Padlock.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { refusal, signInWithProvider, withSso } from "./_sso.ts";

Deno.test("a user the provider deactivated is refused, and the app's key stops working", async () => {
  await withSso(async (service, idp) => {
    const browser = await launchBrowser();
    try {
      // Dana signs in once (account made for corp.test) and the app gets a key for her.
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${service.url}/signin`);
      const dana = { id: "newbie-1", email: "newbie@corp.test" };
      await signInWithProvider(page, dana.id);
      await page.waitForSelector('[data-role="account-email"]');
      const user = (await service.server.accounts.findUserByEmail(dana.email))!;
      const key = await service.server.accounts.createApiKey(user.id, "Zendesk app");
      const app = new SendSafelyClient({ host: service.url, credentials: key });
      await app.verifyCredentials();

      // She leaves: the provider deactivates her.
      idp.deactivate(dana.id);
      // Within the check interval (15 minutes) the key still works...
      await app.verifyCredentials();
      // ...after it, the provider refuses her refresh token: the account is deactivated.
      service.clock.offsetMs += 16 * 60_000;
      await assert.rejects(app.verifyCredentials(), /unknown or revoked/);
      const after = await service.server.accounts.findUserByEmail(dana.email);
      assert.ok(after?.deactivatedAt);
      // Her browser session ended with it.
      await page.goto(`${service.url}/account`);
      await page.waitForURL(/\/signin\?next=%2Faccount/);

      // Signing in again: the provider itself refuses her.
      await signInWithProvider(page, dana.id);
      assert.match(await refusal(page), /Corp ID did not sign you in/);

      // An account deactivated in Padlock only (the admin command) is refused by Padlock.
      const agent = (await service.server.accounts.findUserByEmail("agent@example.com"))!;
      await service.server.accounts.deactivate(agent.id);
      const other = await (await browser.newContext()).newPage();
      await other.goto(`${service.url}/signin`);
      await signInWithProvider(other, "agent-1");
      assert.match(
        await refusal(other),
        /The Padlock account of agent@example\.com is deactivated/,
      );
    } finally {
      await browser.close();
    }
    // The app signs requests with the real clock; the service's clock moves 16 minutes ahead.
  }, { clockSkewSeconds: 3600 });
});
