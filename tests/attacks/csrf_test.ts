/**
 * Cross-site request forgery on every state-changing portal request: the forms (sign-out, revoke
 * an API key, allow the Zendesk app, ask for and redeem an activation link) and the receive page's
 * JSON calls (code, verify, access). A post from another site without a token, with a token of
 * another session, with the victim's own token but a foreign `Origin`, or with no `Origin` and
 * `Sec-Fetch-Site: cross-site` is refused with 403 and changes nothing; the genuine request then
 * works, which shows the refusals were about the forgery.
 */
import assert from "node:assert/strict";
import {
  codeFromOutbox,
  linkProof,
  type PortalService,
  startPortalService,
  Visitor,
} from "../portal/_helpers.ts";

const EVIL = "https://evil.example";

async function withService(body: (service: PortalService) => Promise<void>): Promise<void> {
  const service = await startPortalService();
  try {
    await body(service);
  } finally {
    await service.close();
  }
}

async function signIn(service: PortalService, email: string, password: string): Promise<Visitor> {
  const visitor = new Visitor(service.url);
  const { csrf } = await visitor.page("/signin");
  const response = await visitor.form("/signin", { csrf, email, password });
  await response.body?.cancel();
  assert.equal(response.status, 303);
  return visitor;
}

/** The forged variants of one form post, each sent with the victim's cookies. */
async function forgeries(
  victim: Visitor,
  path: string,
  fields: Record<string, string>,
  tokens: { victim: string; attacker: string },
  base: string,
): Promise<void> {
  const variants: [string, Record<string, string>, Record<string, string>][] = [
    ["no token, other site", fields, { Origin: EVIL }],
    ["no token, same origin", fields, { Origin: base }],
    ["forged token", { ...fields, csrf: "A".repeat(43) }, { Origin: base }],
    ["another session's token", { ...fields, csrf: tokens.attacker }, { Origin: base }],
    ["the victim's token from another site", { ...fields, csrf: tokens.victim }, { Origin: EVIL }],
    ["the victim's token, Origin null", { ...fields, csrf: tokens.victim }, { Origin: "null" }],
    ["no Origin, cross-site fetch", { ...fields, csrf: tokens.victim }, {
      "Sec-Fetch-Site": "cross-site",
    }],
  ];
  for (const [what, body, headers] of variants) {
    const response = await victim.fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(body),
    });
    const text = await response.text();
    assert.equal(response.status, 403, `${path}, ${what}: HTTP ${response.status}`);
    assert.match(text, /refused|expired/, `${path}, ${what}`);
  }
}

Deno.test("forged portal forms are refused and change nothing", async () => {
  await withService(async (service) => {
    const { agent } = service;
    const victim = await signIn(service, agent.email, agent.password);
    const { csrf: victimToken } = await victim.page("/account");
    const attacker = new Visitor(service.url);
    const { csrf: attackerToken } = await attacker.page("/signin");
    const tokens = { victim: victimToken, attacker: attackerToken };
    const [key] = await service.server.accounts.listApiKeys(agent.id);
    const activeKeys = async () =>
      (await service.server.accounts.listApiKeys(agent.id)).filter((item) =>
        item.revokedAt === undefined
      ).length;
    const keysBefore = await activeKeys();

    // Revoke a key.
    await forgeries(victim, "/account/keys/revoke", { apiKey: key.apiKey }, tokens, service.url);
    assert.equal(await activeKeys(), keysBefore, "no key revoked");
    await agent.client.getUser(); // and it still works

    // Sign out.
    await forgeries(victim, "/signout", {}, tokens, service.url);
    assert.match((await victim.page("/account")).html, /agent@example\.com/, "still signed in");

    // Allow a pairing started by someone else's app: the attacker would get an API key.
    const started = await (await fetch(`${service.url}/auth/pairing`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ description: "Evil app" }),
    })).json();
    await forgeries(
      victim,
      "/connect",
      { code: started.userCode, decision: "allow" },
      tokens,
      service.url,
    );
    const poll = await (await fetch(`${service.url}/auth/pairing/poll`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ deviceCode: started.deviceCode }),
    })).json();
    assert.equal(poll.response, "PENDING", "the forged allow gave no key");
    assert.equal(await activeKeys(), keysBefore);

    // Ask for an activation link (a mail to the victim) and redeem one (set a password).
    await forgeries(victim, "/activate/request", { email: agent.email }, tokens, service.url);
    await forgeries(
      victim,
      "/activate",
      { token: "A".repeat(43), password: "attacker password", confirm: "attacker password" },
      tokens,
      service.url,
    );
    assert.equal((await service.outbox()).length, 0, "no mail was sent");

    // The genuine requests work.
    const revoked = await victim.form("/account/keys/revoke", {
      csrf: victimToken,
      apiKey: key.apiKey,
    });
    await revoked.body?.cancel();
    assert.equal(revoked.status, 303);
    assert.equal(await activeKeys(), keysBefore - 1);
    const out = await victim.form("/signout", { csrf: victimToken });
    await out.body?.cancel();
    assert.equal(out.status, 303);
    assert.match((await victim.page("/account")).response.headers.get("location") ?? "", /signin/);
  });
});

Deno.test("forged receive-page calls are refused: no code is mailed, no session is granted", async () => {
  await withService(async (service) => {
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1, 2, 3]) }], {
      recipients: ["rita@example.com"],
    });
    const proof = await linkProof(link);
    const victim = new Visitor(service.url);
    const { csrf: victimToken } = await victim.page("/receive/");
    const attacker = new Visitor(service.url);
    const { csrf: attackerToken } = await attacker.page("/receive/");
    const call = async (
      path: string,
      body: Record<string, unknown>,
      headers: Record<string, string>,
    ) => {
      const response = await victim.fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const variants: [string, Record<string, string>][] = [
      ["no token, other site", { Origin: EVIL }],
      ["no token, same origin", { Origin: service.url }],
      ["another session's token", { Origin: service.url, "X-CSRF-Token": attackerToken }],
      ["the victim's token from another site", { Origin: EVIL, "X-CSRF-Token": victimToken }],
      ["no Origin, cross-site", { "Sec-Fetch-Site": "cross-site", "X-CSRF-Token": victimToken }],
    ];
    for (const path of ["/portal/api/access", "/portal/api/code", "/portal/api/verify"]) {
      for (const [what, headers] of variants) {
        const answer = await call(
          path,
          { ...proof, email: "rita@example.com", code: "123456" },
          headers,
        );
        assert.equal(answer.status, 403, `${path}, ${what}`);
        assert.equal(answer.body.response, "CSRF", `${path}, ${what}`);
      }
    }
    assert.equal((await service.outbox()).length, 0, "no code was mailed");

    // Genuine: the code is mailed; a forged verify with the right code grants nothing.
    const asked = await call("/portal/api/code", { ...proof, email: "rita@example.com" }, {
      Origin: service.url,
      "X-CSRF-Token": victimToken,
    });
    assert.equal(asked.body.response, "SUCCESS");
    const code = await codeFromOutbox(service, "rita@example.com");
    const forged = await call("/portal/api/verify", { ...proof, email: "rita@example.com", code }, {
      Origin: EVIL,
      "X-CSRF-Token": victimToken,
    });
    assert.equal(forged.body.response, "CSRF");
    const access = await call("/portal/api/access", proof, {
      Origin: service.url,
      "X-CSRF-Token": victimToken,
    });
    assert.equal(access.body.access, "verify", "the forged verify granted nothing");
    const genuine = await call(
      "/portal/api/verify",
      { ...proof, email: "rita@example.com", code },
      {
        Origin: service.url,
        "X-CSRF-Token": victimToken,
      },
    );
    assert.equal(genuine.body.response, "SUCCESS", "the code was still good");
  });
});
