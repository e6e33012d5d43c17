/// <reference lib="dom" />
/**
 * Single sign-on against a real OpenID provider (`oidc-provider` on loopback), in Chromium: an
 * agent signs in with the provider and opens a dropzone package, the sign-in ends with the ID
 * token; an agent of an allowed domain gets an account at the first sign-in.
 */
import assert from "node:assert/strict";
import { launchBrowser } from "../_helpers/browser.ts";
import { signInWithProvider, withSso } from "./_sso.ts";

Deno.test("signing in with the provider opens a dropzone package; an allowed domain gets an account", async () => {
  await withSso(async (service) => {
    const link = await service.drop([{ name: "scan.png", bytes: new Uint8Array([1, 2, 3]) }]);
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(link);
      await page.waitForSelector('[data-state="signin"]');
      await page.click('[data-role="signin"]');
      await page.waitForURL(/\/signin\?next=/);
      assert.equal(
        await page.locator('[data-role="sso-signin"]').innerText(),
        "Sign in with Corp ID",
      );
      assert.equal(await page.locator('[data-role="signin-form"]').count(), 1, "passwords too");
      await signInWithProvider(page, "agent-1");
      // Back on the package (its key in the fragment kept), signed in as the dropzone's owner.
      await page.waitForSelector('[data-state="files"]');
      assert.equal(await page.locator('[data-role="file-name"]').innerText(), "scan.png");
      assert.equal(new URL(page.url()).hash, new URL(link).hash);

      // The sign-in ends with the ID token (1 hour here), not after the usual 12 hours.
      service.clock.offsetMs += 61 * 60_000;
      await page.goto(`${service.url}/account`);
      await page.waitForURL(/\/signin\?next=%2Faccount/);

      // An agent of an allowed domain gets an account at the first sign-in.
      const other = await (await browser.newContext()).newPage();
      await other.goto(`${service.url}/account`);
      await signInWithProvider(other, "newbie-1");
      await other.waitForSelector('[data-role="account-email"]');
      assert.equal(
        await other.locator('[data-role="account-email"]').innerText(),
        "newbie@corp.test",
      );
      const created = await service.server.accounts.findUserByEmail("newbie@corp.test");
      assert.ok(created);
      // Such an account has no password: the password form does not let anyone in.
      assert.equal(
        await service.server.accounts.verifyPassword("newbie@corp.test", "none"),
        undefined,
      );
    } finally {
      await browser.close();
    }
  });
});
