/// <reference lib="dom" />
/**
 * The Zendesk app's Log in with single sign-on: the pairing works unchanged when the service
 * signs agents in only through the company's identity provider (a real `oidc-provider` on
 * loopback; the test SAML provider, with signed assertions): the Log in tab goes through the
 * provider, shows the app's code, closes itself after Allow, and the app is signed in without a
 * reload.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { startTestProvider } from "../_helpers/oidc_provider.ts";
import { startTestSamlIdp } from "../_helpers/saml_idp.ts";
import { signInWithSaml } from "../portal/_saml.ts";
import { signInWithProvider } from "../portal/_sso.ts";
import { AGENT, openTicket, type Stack, startStack } from "./_stack.ts";

/** Logs the app in through the Log in tab, where `signIn` goes through the provider. */
async function logInThroughProvider(
  stack: Stack,
  signIn: (tab: Page) => Promise<unknown>,
): Promise<void> {
  const ticket = await stack.tickets.createTicket({
    subject: "SSO",
    description: "Hello",
    requester: { name: "Rita", email: "requester@example.com" },
  });
  const context = await stack.newContext({ signedIn: false });
  const { app } = await openTicket(context, stack, ticket.id);
  await app.waitForSelector('[data-role="login"]');
  const appDocument = await app.evaluate(() => performance.timeOrigin);
  const tabOpened = context.waitForEvent("page");
  await app.locator('[data-role="login"]').click();
  const tab = await tabOpened;
  await tab.waitForURL(/\/signin\?/);
  assert.equal(await tab.locator('[data-role="signin-form"]').count(), 0, "no password form");
  await signIn(tab);
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
  assert.equal(await app.evaluate(() => performance.timeOrigin), appDocument, "no reload");
  await context.close();
}

Deno.test("Log in through the identity provider: allow, the tab closes, the app is signed in", async () => {
  const idp = await startTestProvider({ users: [{ id: "agent-7", email: AGENT.email }] });
  const stack = await startStack({
    fakePairing: false,
    service: {
      oidcIssuer: idp.issuer,
      oidcClientId: idp.clientId,
      oidcClientSecret: idp.clientSecret,
      oidcName: "Corp ID",
      oidcOnly: true,
    },
  });
  idp.register(`${stack.serviceUrl}/signin/oidc/callback`);
  try {
    await logInThroughProvider(stack, (tab) => signInWithProvider(tab, "agent-7"));
  } finally {
    await stack.close();
    await idp.close();
  }
});

Deno.test("Log in through a SAML provider: allow, the tab closes, the app is signed in", async () => {
  const idp = await startTestSamlIdp({ users: [{ id: "agent-7", email: AGENT.email }] });
  const stack = await startStack({
    fakePairing: false,
    service: {
      samlEntryPoint: idp.entryPoint,
      samlIdpCert: idp.certificate,
      samlIdpName: "Corp SAML",
      ssoOnly: true,
    },
  });
  try {
    await logInThroughProvider(stack, (tab) => signInWithSaml(tab, "agent-7"));
  } finally {
    await stack.close();
    await idp.close();
  }
});
