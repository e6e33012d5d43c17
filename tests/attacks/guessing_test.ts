/**
 * Guessing secrets a person types: 6-digit verification codes, passwords and the Zendesk app's
 * pairing codes. Each is locked after its limit — and then the right value is refused too, from
 * any client address — and asking for fresh codes is limited per address, whoever asks.
 */
import assert from "node:assert/strict";
import {
  codeFromOutbox,
  linkProof,
  type PortalService,
  startPortalService,
  Visitor,
} from "../portal/_helpers.ts";

async function withService(body: (service: PortalService) => Promise<void>): Promise<void> {
  // Behind a (trusted) proxy, so the test can speak from many client addresses.
  const service = await startPortalService({ trustProxy: true });
  try {
    await body(service);
  } finally {
    await service.close();
  }
}

/** A visitor at a given client address, with its CSRF token for the receive page's calls. */
async function visitorAt(service: PortalService, address: string) {
  const visitor = new Visitor(service.url);
  const { csrf } = await visitor.page("/receive/");
  const call = async (path: string, body: Record<string, unknown>) => {
    const response = await visitor.fetch(path, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: service.url,
        "X-CSRF-Token": csrf,
        "X-Forwarded-For": address,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return { visitor, call };
}

Deno.test("guessing a verification code voids it; the right code is then refused too", async () => {
  await withService(async (service) => {
    const email = "rita@example.com";
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [email],
    });
    const proof = await linkProof(link);
    const { call } = await visitorAt(service, "10.0.0.1");
    assert.equal((await call("/portal/api/code", { ...proof, email })).body.response, "SUCCESS");
    const code = await codeFromOutbox(service, email);
    const wrong = (offset: number) => String((Number(code) + offset) % 1_000_000).padStart(6, "0");

    for (let attempt = 1; attempt <= 4; attempt++) {
      const answer = await call("/portal/api/verify", { ...proof, email, code: wrong(attempt) });
      assert.equal(answer.body.response, "INVALID_CODE", `attempt ${attempt}`);
    }
    const fifth = await call("/portal/api/verify", { ...proof, email, code: wrong(5) });
    assert.equal(fifth.body.response, "CODE_VOID");
    // Locked: the right code no longer works, from here or from another address.
    assert.equal(
      (await call("/portal/api/verify", { ...proof, email, code })).body.response,
      "CODE_VOID",
    );
    const elsewhere = await visitorAt(service, "10.9.9.9");
    assert.equal(
      (await elsewhere.call("/portal/api/verify", { ...proof, email, code })).body.response,
      "CODE_VOID",
    );
    assert.equal(
      (await call("/portal/api/access", proof)).body.access,
      "verify",
      "nothing was granted",
    );

    // A new code (the person asks again) works once, and only once.
    assert.equal((await call("/portal/api/code", { ...proof, email })).body.response, "SUCCESS");
    const fresh = await codeFromOutbox(service, email, 2);
    assert.equal(
      (await call("/portal/api/verify", { ...proof, email, code: fresh })).body.response,
      "SUCCESS",
    );
    const again = await elsewhere.call("/portal/api/verify", { ...proof, email, code: fresh });
    assert.equal(again.body.response, "CODE_MISSING", "a used code is spent");
  });
});

Deno.test("fresh codes are limited per address whoever asks, and checks per client", async () => {
  await withService(async (service) => {
    const email = "rita@example.com";
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [email],
    });
    const proof = await linkProof(link);
    // Five codes an address per 15 minutes, even when each comes from another client.
    for (let index = 1; index <= 5; index++) {
      const { call } = await visitorAt(service, `10.1.0.${index}`);
      assert.equal((await call("/portal/api/code", { ...proof, email })).body.response, "SUCCESS");
    }
    const sixth = await (await visitorAt(service, "10.1.0.99")).call("/portal/api/code", {
      ...proof,
      email,
    });
    assert.equal(sixth.status, 429);
    assert.equal(sixth.body.response, "LIMIT_EXCEEDED");
    const mails = (await service.outbox()).filter((mail) => mail.to === email);
    assert.ok(mails.length <= 5, `${mails.length} codes mailed`);

    // One client checking codes: 40 tries per 15 minutes, then refused even with the right one.
    // Mail is sent from a queue: wait for the fifth, the only code still valid.
    const latest = await codeFromOutbox(service, email, 5);
    const { call } = await visitorAt(service, "10.2.0.1");
    let limited = 0;
    for (let attempt = 0; attempt < 45; attempt++) {
      // Other addresses, so the per-code limit does not end the run first.
      const answer = await call("/portal/api/verify", {
        ...proof,
        email: `guess${attempt}@example.com`,
        code: "000000",
      });
      if (answer.status === 429) limited++;
    }
    assert.ok(limited >= 5, `${limited} tries were refused`);
    const right = await call("/portal/api/verify", { ...proof, email, code: latest });
    assert.equal(right.status, 429, "the right code is refused while the client is limited");
    // The limit is the client's: the recipient, elsewhere, still gets in.
    const recipient = await visitorAt(service, "10.3.0.1");
    assert.equal(
      (await recipient.call("/portal/api/verify", { ...proof, email, code: latest })).body.response,
      "SUCCESS",
    );
  });
});

async function signInAttempt(
  service: PortalService,
  email: string,
  password: string,
  address: string,
): Promise<number> {
  const visitor = new Visitor(service.url);
  const { csrf } = await visitor.page("/signin");
  const response = await visitor.fetch("/signin", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: service.url,
      "X-Forwarded-For": address,
    },
    body: new URLSearchParams({ csrf, email, password }),
  });
  await response.body?.cancel();
  return response.status;
}

Deno.test("guessing a password locks the account from every address; the right one is refused while locked", async () => {
  await withService(async (service) => {
    const { email, password } = service.agent;
    // Five failures, each from another address (a botnet gains nothing).
    for (let attempt = 1; attempt <= 5; attempt++) {
      assert.equal(
        await signInAttempt(service, email, `guess ${attempt}`, `10.4.0.${attempt}`),
        401,
      );
    }
    assert.equal(await signInAttempt(service, email, password, "10.4.1.1"), 429, "locked");
    assert.equal(await signInAttempt(service, email, password, "10.4.1.2"), 429, "locked anywhere");
    // The first lock lasts a minute; one more failure then locks for two.
    service.clock.offsetMs = 61_000;
    assert.equal(await signInAttempt(service, email, "guess 6", "10.4.0.6"), 401);
    service.clock.offsetMs = 61_000 + 61_000;
    assert.equal(await signInAttempt(service, email, password, "10.4.1.3"), 429, "doubled");
    service.clock.offsetMs = 61_000 + 121_000;
    assert.equal(await signInAttempt(service, email, password, "10.4.1.4"), 303, "lifted");
  });
});

Deno.test("one address guessing many accounts is locked out, the accounts elsewhere are not", async () => {
  await withService(async (service) => {
    const attacker = "10.5.0.1";
    for (let attempt = 0; attempt < 30; attempt++) {
      const status = await signInAttempt(service, `user${attempt}@example.com`, "guess", attacker);
      assert.equal(status, 401, `attempt ${attempt}`);
    }
    // The address is done for this window, even with a right password of a real account.
    const { email, password } = service.colleague;
    assert.equal(await signInAttempt(service, email, password, attacker), 429);
    assert.equal(await signInAttempt(service, email, password, "10.5.0.2"), 303);
  });
});

Deno.test("guessing pairing codes is cut off; a pending pairing is not allowed by a late right code", async () => {
  await withService(async (service) => {
    const started = await (await fetch(`${service.url}/auth/pairing`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ description: "Zendesk app" }),
    })).json();
    const visitor = new Visitor(service.url);
    const { csrf } = await visitor.page("/signin");
    const signedIn = await visitor.form("/signin", {
      csrf,
      email: service.outsider.email,
      password: service.outsider.password,
    });
    await signedIn.body?.cancel();
    const { csrf: token } = await visitor.page("/account");
    const allow = async (code: string) => {
      const response = await visitor.form("/connect", { csrf: token, code, decision: "allow" });
      await response.body?.cancel();
      return response.status;
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      assert.equal(
        await allow(`BCDF-${"GHJK".slice(0, 3)}${"LMNPQRSTVWXZBCDFGHJK"[attempt]}`),
        404,
      );
    }
    assert.equal(await allow(started.userCode), 429, "the right code is refused while limited");
    const poll = await (await fetch(`${service.url}/auth/pairing/poll`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ deviceCode: started.deviceCode }),
    })).json();
    assert.equal(poll.response, "PENDING");
  });
});
