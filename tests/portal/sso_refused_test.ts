/// <reference lib="dom" />
/**
 * Single sign-on refusals against a real OpenID provider, in Chromium, and what the person sees:
 * an ID token for another audience, an expired one (both signed with the provider's own key), a
 * forged one (signed with another key).
 */
import assert from "node:assert/strict";
import { launchBrowser } from "../_helpers/browser.ts";
import type { LogEntry } from "../../server/mod.ts";
import { refusal, signInWithProvider, withSso } from "./_sso.ts";

/** The service's log entries about refused sign-ins. */
const refusals: LogEntry[] = [];

/** Why the service says it refused the last sign-in (its log, not the page). */
function lastReason(): string {
  return String(refusals.at(-1)?.detail?.message ?? "");
}

Deno.test("refused: an ID token for another audience, an expired one, a forged one", async () => {
  await withSso(async (service, idp) => {
    const browser = await launchBrowser();
    try {
      const fresh = async () => {
        const page = await (await browser.newContext()).newPage();
        await page.goto(`${service.url}/signin`);
        return page;
      };
      // An ID token signed by the provider's key, but for another application.
      idp.tamper = "wrong-audience";
      let page = await fresh();
      await signInWithProvider(page, "agent-1");
      assert.match(await refusal(page), /answer from Corp ID could not be verified/);
      assert.match(lastReason(), /"aud"/);
      assert.equal(await page.locator('[data-role="account-email"]').count(), 0);

      // An ID token that expired an hour ago.
      idp.tamper = "expired";
      page = await fresh();
      await signInWithProvider(page, "agent-1");
      assert.match(await refusal(page), /answer from Corp ID could not be verified/);
      assert.match(lastReason(), /"exp"/);

      // An ID token signed with a key the provider never published.
      idp.tamper = "forged";
      page = await fresh();
      await signInWithProvider(page, "agent-1");
      assert.match(await refusal(page), /answer from Corp ID could not be verified/);
      assert.match(lastReason(), /signature/i);
      idp.tamper = undefined;
    } finally {
      await browser.close();
    }
  }, { log: (entry) => entry.event === "sso" && refusals.push(entry) });
});
