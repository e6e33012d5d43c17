/// <reference lib="dom" />
/**
 * `oidcOnly`, in Chromium against a real OpenID provider: the password form is gone and a posted
 * password is refused with a page saying why, while a session signed in with a password before
 * the switch keeps working until it expires.
 */
import assert from "node:assert/strict";
import { startServer } from "../../server/mod.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { startTestProvider } from "../_helpers/oidc_provider.ts";
import { signInWithProvider, USERS } from "./_sso.ts";

Deno.test("with oidcOnly the password form is gone and passwords are refused; a session from before lasts", async () => {
  const idp = await startTestProvider({ users: USERS });
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-sso-test-" });
  const common = {
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    sweepIntervalMs: 0,
    log: () => {},
    oidcIssuer: idp.issuer,
    oidcClientId: idp.clientId,
    oidcClientSecret: idp.clientSecret,
    oidcName: "Corp ID",
  };
  const browser = await launchBrowser();
  let server = await startServer(common);
  try {
    const email = "agent@example.com";
    const password = "agent password 1";
    await server.accounts.createUser({ email, password });
    // Before the switch: a colleague signs in with a password.
    const before = await (await browser.newContext()).newPage();
    await before.goto(`${server.url}/signin`);
    await before.fill("#email", email);
    await before.fill("#password", password);
    await before.click('[data-role="signin-form"] button[type="submit"]');
    await before.waitForSelector('[data-role="account-email"]');
    await server.close();

    server = await startServer({ ...common, oidcOnly: true });
    idp.register(`${server.url}/signin/oidc/callback`);
    // Cookies do not depend on the port: the earlier session still works until it expires.
    await before.goto(`${server.url}/account`);
    assert.equal(await before.locator('[data-role="account-email"]').innerText(), email);

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/signin`);
    assert.equal(await page.locator('[data-role="signin-form"]').count(), 0);
    assert.match(
      await page.locator('[data-role="sso"]').innerText(),
      /Your company signs you in through Corp ID/,
    );
    // A password posted anyway (an old form, a script) is refused with a page saying why.
    // (The token of this browser's forms, from the activation page's form.)
    await page.goto(`${server.url}/activate`);
    const refused = await page.evaluate(async ({ email, password }) => {
      const csrf = document.querySelector<HTMLInputElement>('input[name="csrf"]')?.value ?? "";
      const response = await fetch("/signin", {
        method: "POST",
        body: new URLSearchParams({ csrf, email, password }),
      });
      return { status: response.status, text: await response.text() };
    }, { email, password });
    assert.equal(refused.status, 403);
    assert.match(refused.text, /Passwords are turned off for this service: sign in with Corp ID/);
    await page.goto(`${server.url}/account`);
    await page.waitForURL(/\/signin\?next=/);
    await signInWithProvider(page, "agent-1");
    await page.waitForSelector('[data-role="account-email"]');
    assert.equal(await page.locator('[data-role="account-email"]').innerText(), email);
  } finally {
    await browser.close();
    await server.close();
    await idp.close();
    await Deno.remove(dataDir, { recursive: true });
  }
});
