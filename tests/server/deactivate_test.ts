/**
 * `deno task admin deactivate`: an agent who left the company signs in no more, with a password
 * or through the service's pages, the Zendesk app's API keys stop working at once, and the
 * browser sessions end; `reactivate` lets the agent sign in again without bringing the revoked
 * keys back.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import { startServer } from "../../server/mod.ts";
import { Visitor } from "../portal/_helpers.ts";
import { runAdmin } from "./_process.ts";

Deno.test("admin deactivate ends the agent's keys and sessions; reactivate allows sign-in again", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-deactivate-" });
  const server = await startServer({ port: 0, dataDir, sweepIntervalMs: 0, log: () => {} });
  try {
    const email = "leaver@example.com";
    const password = "leaver password 1";
    const user = await server.accounts.createUser({ email, password });
    const key = await server.accounts.createApiKey(user.id, "Zendesk app");
    const app = new SendSafelyClient({ host: server.url, credentials: key });
    await app.verifyCredentials();
    const browser = new Visitor(server.url);
    const signIn = async () => {
      const { csrf } = await browser.page("/signin");
      return await browser.form("/signin", { csrf, email, password, next: "/account" });
    };
    assert.equal((await signIn()).headers.get("location"), "/account");
    assert.equal((await browser.fetch("/account")).status, 200);

    // The service runs on while the admin deactivates the account in the same data directory.
    const out = await runAdmin(["deactivate", "--email", email, "--data-dir", dataDir]);
    assert.deepEqual(out, [`deactivated: ${email}`]);
    await assert.rejects(app.verifyCredentials(), /unknown or revoked/);
    const account = await browser.fetch("/account");
    await account.body?.cancel();
    assert.equal(account.status, 303, "the session ended");
    const refused = await signIn();
    assert.equal(refused.status, 401);
    assert.match(await refused.text(), /The email or the password is wrong/);
    assert.match((await runAdmin(["user", "list", "--data-dir", dataDir]))[0], /\tdeactivated$/);
    assert.deepEqual(
      await runAdmin(["deactivate", "--email", email, "--data-dir", dataDir]),
      [`already deactivated: ${email}`],
    );
    // No new key for a deactivated account (a pairing allowed just before cannot deliver one).
    await assert.rejects(server.accounts.createApiKey(user.id, "again"), /deactivated/);

    assert.deepEqual(
      await runAdmin(["reactivate", "--email", email, "--data-dir", dataDir]),
      [`reactivated: ${email}`],
    );
    assert.equal((await signIn()).headers.get("location"), "/account");
    await assert.rejects(app.verifyCredentials(), /unknown or revoked/, "revoked keys stay so");
  } finally {
    await server.close();
    await Deno.remove(dataDir, { recursive: true });
  }
});
