/// <reference lib="dom" />
/**
 * Single sign-on against a real OpenID provider (`oidc-provider` on loopback), in Chromium: an
 * agent signs in with the provider and opens a dropzone package, the sign-in ends with the ID
 * token; an agent of an allowed domain gets an account at the first sign-in; with `oidcOnly` the
 * password form is gone and a posted password is refused, while a session signed in before
 * keeps working.
 */
import assert from "node:assert/strict";
import { startServer } from "../../server/mod.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { startTestProvider } from "../_helpers/oidc_provider.ts";
import { signInWithProvider, USERS, withSso } from "./_sso.ts";

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
