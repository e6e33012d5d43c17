/// <reference lib="dom" />
/**
 * Signing in from the sidebar through device pairing (against a fake of the pairing endpoints,
 * whose server side comes with the portal): the Log in button opens the service's connect page
 * in a new tab, both show the same code, allowing it signs the app in with no reload, and no
 * secret travels in a URL. Also: sign out, and roles that may not use the app.
 */
import assert from "node:assert/strict";
import { credentialsKey } from "../../agent/credentials.ts";
import { AGENT, dropFiles, openTicket, startStack } from "./_stack.ts";

Deno.test("Log in pairs the app through the service's page and signs in without a reload", async () => {
  const stack = await startStack();
  try {
    const link = await dropFiles(stack, [{ name: "scan.png", bytes: new Uint8Array([1, 2, 3]) }]);
    const ticket = await stack.tickets.createTicket({
      subject: "Scan",
      description: `See ${link}`,
      requester: { name: "Rita", email: "requester@example.com" },
    });
    const context = await stack.newContext({ signedIn: false });
    const { app } = await openTicket(context, stack, ticket.id);
    await app.waitForSelector('[data-role="login"]');
    assert.equal(await app.locator('[data-role="activate"]').count(), 1);
    const appDocument = await app.evaluate(() => performance.timeOrigin);

    const tabOpened = context.waitForEvent("page");
    await app.locator('[data-role="login"]').click();
    const tab = await tabOpened;
    await tab.waitForURL(/\/connect\?code=/);
    const shownInApp = await app.locator('[data-role="user-code"]').innerText();
    assert.equal(await tab.locator("#code").innerText(), shownInApp);
    assert.equal(new URL(tab.url()).origin, stack.serviceUrl);
    // The service page cannot reach back into the app.
    assert.equal(await tab.evaluate(() => globalThis.opener), null);

    await tab.locator("#allow").click();
    await app.waitForSelector('[data-role="account"]');
    assert.match(await app.locator('[data-role="account"]').innerText(), /agent@example\.com/);
    await app.waitForSelector('[data-role="file"]:has-text("scan.png")');
    assert.equal(await app.evaluate(() => performance.timeOrigin), appDocument, "no reload");

    // The key pair is stored for this service and installation only; no secret was in a URL.
    const stored = await app.evaluate(
      (key) => localStorage.getItem(key),
      credentialsKey(stack.serviceUrl, 1),
    );
    const { apiKey, apiSecret } = JSON.parse(stored ?? "{}");
    assert.ok(apiKey && apiSecret);
    const deviceCodes = [...stack.pairing.started.values()].map((entry) => entry.deviceCode);
    for (const { url } of stack.pairing.requests) {
      for (const secret of [...deviceCodes, apiKey, apiSecret]) {
        assert.ok(!url.includes(secret), url);
      }
    }

    // Sign out forgets the key and shows the sign-in view again.
    await app.locator('[data-role="sign-out"]').click();
    await app.waitForSelector('[data-role="login"]');
    assert.equal(
      await app.evaluate((key) => localStorage.getItem(key), credentialsKey(stack.serviceUrl, 1)),
      null,
    );
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("a revoked key signs the agent out with a notice; Activate asks for sign-up", async () => {
  const stack = await startStack();
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Hello",
      description: "No files",
      requester: { name: "Rita", email: "requester@example.com" },
    });
    const context = await stack.browser.newContext();
    await context.addInitScript(({ origin, key }) => {
      if (location.origin === origin && !sessionStorage.getItem("seeded")) {
        sessionStorage.setItem("seeded", "1");
        localStorage.setItem(
          key,
          JSON.stringify({ apiKey: "nope", apiSecret: "nope", email: "x@example.com" }),
        );
      }
    }, { origin: stack.appUrl, key: credentialsKey(stack.serviceUrl, 1) });
    const { app } = await openTicket(context, stack, ticket.id);
    await app.waitForSelector('[data-role="login"]');
    assert.match(await app.locator(".signin .message.error").innerText(), /revoked or has expired/);
    // "Activate a new account" opens the same connect page, asking it to offer sign-up.
    const tabOpened = context.waitForEvent("page");
    await app.locator('[data-role="activate"]').click();
    const tab = await tabOpened;
    await tab.waitForURL(/\/connect\?/);
    const opened = new URL(tab.url());
    assert.equal(opened.searchParams.get("mode"), "signup");
    assert.equal(
      opened.searchParams.get("code"),
      await app.locator('[data-role="user-code"]').innerText(),
    );
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("roles outside allowed_roles do not get the app's actions", async () => {
  const stack = await startStack();
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Roles",
      description: "text",
      requester: { name: "Rita", email: "requester@example.com" },
    });
    const context = await stack.newContext();
    const denied = await openTicket(
      context,
      stack,
      ticket.id,
      "?allowed_roles=admin,agent&role=light-agent",
    );
    await denied.app.waitForSelector('[data-role="role-denied"]');
    assert.equal(await denied.app.locator('[data-role="send"], [data-role="login"]').count(), 0);
    const allowed = await openTicket(
      context,
      stack,
      ticket.id,
      "?allowed_roles=Admin,%20agent&role=agent",
    );
    await allowed.app.waitForSelector('[data-role="send"]');
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("Log in against the service's own portal: sign in, allow, the tab closes, the app is signed in", async () => {
  const stack = await startStack({ fakePairing: false });
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Portal",
      description: "Hello",
      requester: { name: "Rita", email: "requester@example.com" },
    });
    const context = await stack.newContext({ signedIn: false });
    const { app } = await openTicket(context, stack, ticket.id);
    await app.waitForSelector('[data-role="login"]');
    const tabOpened = context.waitForEvent("page");
    await app.locator('[data-role="login"]').click();
    const tab = await tabOpened;
    await tab.waitForURL(/\/signin\?/);
    await tab.locator("#email").fill(AGENT.email);
    await tab.locator("#password").fill(AGENT.password);
    await tab.locator('[data-role="signin-form"] [type="submit"]').click();
    await tab.waitForURL(/\/connect\?/);
    assert.equal(
      await tab.locator("#code").innerText(),
      await app.locator('[data-role="user-code"]').innerText(),
    );
    const closed = tab.waitForEvent("close");
    await tab.locator("#allow").click();
    await closed;
    await app.waitForSelector('[data-role="account"]');
    assert.match(await app.locator('[data-role="account"]').innerText(), /agent@example\.com/);
    await app.waitForSelector('[data-role="send"]');
    await context.close();
  } finally {
    await stack.close();
  }
});
