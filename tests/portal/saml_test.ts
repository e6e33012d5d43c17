/// <reference lib="dom" />
/**
 * SAML 2.0 sign-in against a real SAML provider on loopback (signed assertions,
 * `tests/_helpers/saml_idp.ts`), in Chromium, with one provider and one service (SSO only) for
 * every step: an agent signs in and opens a dropzone package, the sign-in ends with the
 * provider's session, an allowed domain gets an account, the Zendesk app's pairing works; and
 * each refused case with what the person sees.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import type { LogEntry } from "../../server/mod.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { startTestSamlIdp } from "../_helpers/saml_idp.ts";
import { startPortalService } from "./_helpers.ts";
import { postAnswer, signInWithSaml } from "./_saml.ts";
import { refusal } from "./_refusal.ts";

const USERS = [
  // Has a Padlock account (with a password) from the start: matched by email.
  { id: "agent-1", email: "agent@example.com", name: "Agent" },
  // No account; corp.test is an allowed domain: gets one at the first sign-in.
  { id: "newbie-1", email: "newbie@corp.test", name: "Newbie" },
  // No account, domain not allowed.
  { id: "bob-1", email: "bob@elsewhere.test", name: "Bob" },
  // Gets an account, then the provider deactivates her.
  { id: "dana-1", email: "dana@corp.test", name: "Dana" },
];

Deno.test("SAML: sign in, open a package, pair the app; every refused case says why", async (t) => {
  const refusals: LogEntry[] = [];
  const lastReason = () => String(refusals.at(-1)?.detail?.message ?? "");
  const idp = await startTestSamlIdp({ users: USERS });
  const service = await startPortalService({
    samlEntryPoint: idp.entryPoint,
    samlIdpCert: idp.certificateFile,
    samlIdpName: "Corp SAML",
    ssoAllowedDomains: "corp.test",
    ssoOnly: true,
    log: (entry) => entry.event === "sso" && refusals.push(entry),
  });
  const browser = await launchBrowser();
  // One browser profile per sign-in (closed at the end of each step).
  const contexts: { close(): Promise<void> }[] = [];
  const newPage = async () => {
    const context = await browser.newContext();
    contexts.push(context);
    return await context.newPage();
  };
  const fresh = async () => {
    const page = await newPage();
    await page.goto(`${service.url}/signin`);
    return page;
  };
  const step = (name: string, body: () => Promise<void>) =>
    t.step(name, async () => {
      try {
        await body();
      } finally {
        await Promise.all(contexts.splice(0).map((context) => context.close()));
      }
    });
  try {
    await step("metadata names the entity id and the ACS", async () => {
      const response = await fetch(`${service.url}/saml/metadata`);
      assert.equal(response.status, 200);
      const xml = await response.text();
      assert.match(xml, new RegExp(`entityID="${service.url}"`));
      assert.match(xml, new RegExp(`Location="${service.url}/saml/acs"`));
      assert.match(xml, /WantAssertionsSigned="true"/);
    });

    await step(
      "sign in opens a dropzone package; the session ends with the provider's",
      async () => {
        const link = await service.drop([{ name: "scan.png", bytes: new Uint8Array([1, 2, 3]) }]);
        const page = await newPage();
        await page.goto(link);
        await page.waitForSelector('[data-state="signin"]');
        await page.click('[data-role="signin"]');
        await page.waitForURL(/\/signin\?next=/);
        assert.equal(
          await page.locator('[data-role="sso-signin"]').innerText(),
          "Sign in with Corp SAML",
        );
        assert.equal(await page.locator('[data-role="signin-form"]').count(), 0, "SSO only");
        await signInWithSaml(page, "agent-1");
        await page.waitForSelector('[data-state="files"]');
        assert.equal(await page.locator('[data-role="file-name"]').innerText(), "scan.png");
        assert.equal(new URL(page.url()).hash, new URL(link).hash);
        // Linked to the provider's persistent NameID.
        const agent = (await service.server.accounts.findUserByEmail("agent@example.com"))!;
        assert.equal(await service.server.accounts.subjectOf(agent.id), "saml:agent-1");
        // SessionNotOnOrAfter (1 hour here) ends the sign-in, not the usual 12 hours.
        service.clock.offsetMs += 61 * 60_000;
        await page.goto(`${service.url}/account`);
        await page.waitForURL(/\/signin\?next=%2Faccount/);
        service.clock.offsetMs = 0;
      },
    );

    await step("an allowed domain gets an account; the Zendesk app pairs", async () => {
      const started = await fetch(`${service.url}/auth/pairing`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ description: "Zendesk app" }),
      }).then((response) => response.json());
      const page = await newPage();
      await page.goto(started.verificationUrl);
      await page.waitForURL(/\/signin\?next=/);
      await signInWithSaml(page, "newbie-1");
      await page.waitForURL(/\/connect\?/);
      assert.equal(await page.locator("#code").innerText(), started.userCode);
      await page.click("#allow");
      await page.waitForSelector('[data-role="state"]');
      service.clock.offsetMs += 1100;
      const polled = await fetch(`${service.url}/auth/pairing/poll`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ deviceCode: started.deviceCode }),
      }).then((response) => response.json());
      assert.equal(polled.response, "SUCCESS");
      assert.equal(polled.email, "newbie@corp.test");
      const app = new SendSafelyClient({
        host: service.url,
        credentials: { apiKey: polled.apiKey, apiSecret: polled.apiSecret },
      });
      await app.verifyCredentials();
      const created = (await service.server.accounts.findUserByEmail("newbie@corp.test"))!;
      assert.equal(created.name, "Newbie");
      // No password: the password form (gone anyway) would not let anyone in.
      assert.equal(
        await service.server.accounts.verifyPassword("newbie@corp.test", "x"),
        undefined,
      );
    });

    await step("refused: wrong audience, expired, tampered", async () => {
      // (Unsigned, signed with another key, for another ACS: tests/server/saml_instances_test.ts.)
      const cases = [
        ["wrong-audience", /audience mismatch/],
        // The bearer confirmation's NotOnOrAfter is checked first (then the Conditions').
        ["expired", /expired|no valid subject confirmation/i],
        ["tampered", /signature/i],
      ] as const;
      const page = await fresh();
      for (const [tamper, reason] of cases) {
        idp.tamper = tamper;
        await signInWithSaml(page, "agent-1");
        assert.equal(
          await refusal(page),
          "The answer from Corp SAML could not be verified, so you were not signed in. " +
            "Try again; if it keeps failing, tell your administrator.",
          tamper,
        );
        assert.match(lastReason(), reason, tamper);
        assert.equal(await page.locator('[data-role="account-email"]').count(), 0);
        await page.click('[data-role="start-again"]');
        await page.waitForURL(/\/signin$/);
      }
      idp.tamper = undefined;
      // The tampered answer named a colleague: nobody was signed in as them either.
      const colleague = (await service.server.accounts.findUserByEmail("colleague@example.com"))!;
      assert.equal(await service.server.accounts.subjectOf(colleague.id), undefined);
    });

    await step("refused: an answer to another request, a replay, a planted answer", async () => {
      const used = "This sign-in was used already, has expired, or was started in another " +
        "browser. Start again.";
      idp.tamper = "wrong-in-response-to";
      let page = await fresh();
      await signInWithSaml(page, "agent-1");
      assert.equal(await refusal(page), used);
      assert.match(lastReason(), /InResponseTo/);
      idp.tamper = undefined;

      // A good answer, posted again.
      page = await fresh();
      const answer = await signInWithSaml(page, "agent-1");
      await page.waitForSelector('[data-role="account-email"]');
      await postAnswer(page, answer);
      assert.equal(await refusal(page), used);

      // The answer to a sign-in started in one browser, posted from another (login CSRF).
      const attacker = await fresh();
      await attacker.route("**/saml/acs", (route) => route.abort());
      const planted = await signInWithSaml(attacker, "bob-1");
      const victim = await fresh();
      await postAnswer(victim, planted);
      assert.equal(await refusal(victim), used);
      assert.match(lastReason(), /matches no sign-in of this browser/);
    });

    await step(
      "refused: a foreign domain, a user the provider or Padlock deactivated",
      async () => {
        let page = await fresh();
        await signInWithSaml(page, "bob-1");
        assert.equal(
          await refusal(page),
          "bob@elsewhere.test has no Padlock account. Ask your administrator to add you.",
        );
        assert.equal(
          await service.server.accounts.findUserByEmail("bob@elsewhere.test"),
          undefined,
        );

        await page.click('[data-role="start-again"]');
        await page.waitForURL(/\/signin$/);
        await signInWithSaml(page, "dana-1");
        await page.waitForSelector('[data-role="account-email"]');
        idp.deactivate("dana-1");
        page = await fresh();
        await signInWithSaml(page, "dana-1");
        assert.equal(
          await refusal(page),
          "Corp SAML did not sign you in. If your company account was disabled, you no longer " +
            "have access to Padlock.",
        );
        assert.match(lastReason(), /RequestDenied|Responder/);

        const agent = (await service.server.accounts.findUserByEmail("agent@example.com"))!;
        await service.server.accounts.deactivate(agent.id);
        await page.click('[data-role="start-again"]');
        await page.waitForURL(/\/signin$/);
        await signInWithSaml(page, "agent-1");
        assert.equal(
          await refusal(page),
          "The Padlock account of agent@example.com is deactivated. Ask your administrator.",
        );
      },
    );

    await step("SSO only: a posted password is refused", async () => {
      const page = await fresh();
      assert.equal(await page.locator('[data-role="signin-form"]').count(), 0);
      await page.goto(`${service.url}/activate`);
      const refused = await page.evaluate(async () => {
        const csrf = document.querySelector<HTMLInputElement>('input[name="csrf"]')?.value ?? "";
        const response = await fetch("/signin", {
          method: "POST",
          body: new URLSearchParams({
            csrf,
            email: "colleague@example.com",
            password: "colleague password 1",
          }),
        });
        return { status: response.status, text: await response.text() };
      });
      assert.equal(refused.status, 403);
      assert.match(
        refused.text,
        /Passwords are turned off for this service: sign in with Corp SAML/,
      );
    });
  } finally {
    await browser.close();
    await service.close();
    await idp.close();
  }
});
