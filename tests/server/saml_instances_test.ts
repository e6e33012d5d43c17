/**
 * SAML sign-in over HTTP (no browser) on each metadata backend, against the test SAML provider:
 * on PostgreSQL with two instances sharing the database, the sign-in starts on one, the
 * provider's answer reaches the other while the same answer posted at once to the first is
 * refused, and so is a later replay (the request IDs and the assertion IDs live in the
 * database, not in one process); the ACS sets no cookie and its token works only in the
 * browser that started the sign-in; an unsolicited (IdP-initiated) answer is refused. And the
 * answers that fail the checks without a browser: unsigned, signed with another key, for
 * another service's ACS.
 */
import assert from "node:assert/strict";
import { type RunningServer, startServer } from "../../server/mod.ts";
import { backendSettings, backendTest } from "../_helpers/backends.ts";
import { startTestSamlIdp } from "../_helpers/saml_idp.ts";

/** The value of the hidden input `name` in an HTML page. */
function hiddenValue(page: string, name: string): string {
  const found = new RegExp(`name="${name}" value="([^"]*)"`).exec(page);
  assert.ok(found, `no ${name} in the page`);
  return found[1].replaceAll("&#34;", '"').replaceAll("&#38;", "&").replaceAll("&#39;", "'")
    .replaceAll("&#60;", "<").replaceAll("&#62;", ">");
}

/** Goes through the test provider from `toIdp` (the service's redirect) as `login`: its answer. */
async function idpAnswer(toIdp: string, login: string): Promise<string> {
  const entryPoint = toIdp.slice(0, toIdp.indexOf("?"));
  assert.ok(toIdp.startsWith(`${entryPoint}?SAMLRequest=`));
  const form = await (await fetch(toIdp)).text();
  const posted = await (await fetch(new URL("/sso/login", entryPoint), {
    method: "POST",
    body: new URLSearchParams({ request: hiddenValue(form, "request"), login }),
  })).text();
  return hiddenValue(posted, "SAMLResponse");
}

/** Starts a sign-in on `server` and signs in at the provider: the provider's answer. */
async function answerFor(server: RunningServer, login: string): Promise<string> {
  const started = await fetch(`${server.url}/signin/saml`, { redirect: "manual" });
  await started.body?.cancel();
  return await idpAnswer(started.headers.get("location")!, login);
}

backendTest(
  "SAML: started on one instance, answered on another; a replay is refused",
  async (backend) => {
    const idp = await startTestSamlIdp({ users: [{ id: "agent-1", email: "agent@example.com" }] });
    const settings = await backendSettings(backend);
    const dataDirs: string[] = [];
    const servers: RunningServer[] = [];
    const start = async (publicUrl?: string) => {
      const dataDir = await Deno.makeTempDir({ prefix: "padlock-saml-test-" });
      dataDirs.push(dataDir);
      const server = await startServer({
        port: 0,
        hostname: "127.0.0.1",
        dataDir,
        sweepIntervalMs: 0,
        log: () => {},
        ...(publicUrl ? { publicUrl } : {}),
        ...(settings.databaseUrl
          ? { databaseUrl: settings.databaseUrl, secretKey: settings.secretKey }
          : {}),
        samlEntryPoint: idp.entryPoint,
        samlIdpCert: idp.certificate,
        // Both instances are one service behind a load balancer: one entity id, one ACS.
        samlIssuer: "https://padlock.example.com",
      });
      servers.push(server);
      return server;
    };
    try {
      const first = await start();
      // On SQLite one instance plays both parts; on PostgreSQL a second one shares the database
      // (and the public URL: the answer names the ACS of the service, not of an instance).
      const second = backend === "postgres" ? await start(first.url) : first;
      await first.accounts.createUser({ email: "agent@example.com", password: "agent password 1" });

      const started = await fetch(`${first.url}/signin/saml`, { redirect: "manual" });
      assert.equal(started.status, 303);
      const cookie = started.headers.get("set-cookie")!.split(";")[0];
      const samlResponse = await idpAnswer(started.headers.get("location")!, "agent-1");

      // The provider's post reaches the other instance, without the session cookie; the same
      // answer posted at once to the first instance too (a replay racing it) is refused.
      const post = (server: RunningServer) =>
        fetch(`${server.url}/saml/acs`, {
          method: "POST",
          body: new URLSearchParams({ SAMLResponse: samlResponse }),
          redirect: "manual",
        });
      const answers = await Promise.all([post(second), post(first)]);
      const accepted = answers.find((answer) => answer.status === 303)!;
      const raced = answers.find((answer) => answer.status !== 303)!;
      assert.ok(accepted && raced, `statuses ${answers.map((answer) => answer.status)}`);
      assert.equal(raced.status, 400);
      assert.match(await raced.text(), /This sign-in was used already/);
      assert.equal(accepted.headers.get("set-cookie"), null, "the ACS sets no session cookie");
      const done = accepted.headers.get("location")!;
      assert.match(done, /^\/signin\/saml\/done\?handoff=[\w-]{43}$/);

      // The token alone (another browser) is refused; the browser that started goes in.
      const foreign = await fetch(`${second.url}${done}`, { redirect: "manual" });
      assert.equal(foreign.status, 400);
      await foreign.body?.cancel();
      const signedIn = await fetch(`${second.url}${done}`, {
        headers: { Cookie: cookie },
        redirect: "manual",
      });
      await signedIn.body?.cancel();
      assert.equal(signedIn.status, 303);
      assert.equal(signedIn.headers.get("location"), "/account");
      const account = await fetch(`${first.url}/account`, {
        headers: { Cookie: signedIn.headers.get("set-cookie")!.split(";")[0] },
      });
      assert.match(await account.text(), /agent@example\.com/);

      // The same answer posted again, to the first instance: refused.
      const replayed = await fetch(`${first.url}/saml/acs`, {
        method: "POST",
        body: new URLSearchParams({ SAMLResponse: samlResponse }),
        redirect: "manual",
      });
      assert.equal(replayed.status, 400);
      assert.match(await replayed.text(), /This sign-in was used already/);

      // An answer the provider sends on its own (IdP-initiated, no InResponseTo): refused alike.
      idp.tamper = "unsolicited";
      const unsolicited = await fetch(`${first.url}/saml/acs`, {
        method: "POST",
        body: new URLSearchParams({ SAMLResponse: await answerFor(first, "agent-1") }),
        redirect: "manual",
      });
      assert.equal(unsolicited.status, 400);
      assert.match(await unsolicited.text(), /This sign-in was used already/);
    } finally {
      for (const server of servers) await server.close();
      await settings.drop();
      await idp.close();
      for (const dir of dataDirs) await Deno.remove(dir, { recursive: true });
    }
  },
);

Deno.test("SAML answers that fail the checks are refused, with the page saying why", async () => {
  const idp = await startTestSamlIdp({ users: [{ id: "agent-1", email: "agent@example.com" }] });
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-saml-test-" });
  const reasons: string[] = [];
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    sweepIntervalMs: 0,
    log: (entry) => {
      if (entry.event === "sso") reasons.push(String(entry.detail?.message));
    },
    samlEntryPoint: idp.entryPoint,
    samlIdpCert: idp.certificate,
    samlIdpName: "Corp SAML",
  });
  try {
    await server.accounts.createUser({ email: "agent@example.com", password: "agent password 1" });
    const cases = [
      ["unsigned", /signature/i],
      ["forged", /signature/i],
      ["wrong-recipient", /another recipient/],
    ] as const;
    for (const [tamper, reason] of cases) {
      idp.tamper = tamper;
      const refused = await fetch(`${server.url}/saml/acs`, {
        method: "POST",
        body: new URLSearchParams({ SAMLResponse: await answerFor(server, "agent-1") }),
        redirect: "manual",
      });
      assert.equal(refused.status, 403, tamper);
      assert.match(
        await refused.text(),
        /The answer from Corp SAML could not be verified, so you were not signed in\./,
        tamper,
      );
      assert.match(reasons.at(-1) ?? "", reason, tamper);
    }
  } finally {
    await server.close();
    await idp.close();
    await Deno.remove(dataDir, { recursive: true });
  }
});
