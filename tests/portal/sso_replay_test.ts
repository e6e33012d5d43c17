/// <reference lib="dom" />
/**
 * Single sign-on refusals against a real OpenID provider, in Chromium, and what the person sees:
 * a replayed answer, an answer planted in another browser (login CSRF), a user outside the
 * allowed domains.
 */
import assert from "node:assert/strict";
import { launchBrowser } from "../_helpers/browser.ts";
import { refusal, signInWithProvider, withSso } from "./_sso.ts";

Deno.test("refused: a replayed answer, an answer planted in another browser, a foreign domain", async () => {
  await withSso(async (service) => {
    const browser = await launchBrowser();
    try {
      const fresh = async () => {
        const page = await (await browser.newContext()).newPage();
        await page.goto(`${service.url}/signin`);
        return page;
      };
      let page;

      // A good sign-in; its answer (code and state) is kept and used again.
      page = await fresh();
      const answers: string[] = [];
      page.on("request", (request) => {
        if (request.url().includes("/signin/oidc/callback")) answers.push(request.url());
      });
      await signInWithProvider(page, "agent-1");
      await page.waitForSelector('[data-role="account-email"]');
      assert.equal(answers.length, 1);
      await page.goto(answers[0]);
      assert.match(await refusal(page), /used already, has expired, or was started in another/);

      // The answer to a sign-in started in one browser, opened in another (login CSRF).
      const attacker = await fresh();
      const planted: string[] = [];
      attacker.on("request", (request) => {
        if (request.url().includes("/signin/oidc/callback")) planted.push(request.url());
      });
      await attacker.route("**/signin/oidc/callback*", (route) => route.abort());
      await signInWithProvider(attacker, "bob-1").catch(() => {});
      assert.equal(planted.length, 1);
      const victim = await fresh();
      await victim.goto(planted[0]);
      assert.match(await refusal(victim), /started in another browser/);

      // A user of the provider whose domain is not allowed and who has no account.
      page = await fresh();
      await signInWithProvider(page, "bob-1");
      assert.match(await refusal(page), /bob@elsewhere\.test has no Padlock account/);
      assert.equal(await service.server.accounts.findUserByEmail("bob@elsewhere.test"), undefined);
      await page.click('[data-role="start-again"]');
      await page.waitForURL(/\/signin$/);
    } finally {
      await browser.close();
    }
  });
});
