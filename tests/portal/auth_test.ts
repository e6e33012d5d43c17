/**
 * Sign-in, CSRF, lockout, the account page and activation, over raw HTTP (no browser): what a
 * forged or repeated request gets, and that sessions are HttpOnly SameSite cookies renewed on
 * sign-in.
 */
import assert from "node:assert/strict";
import { ApiError } from "../../src/api.ts";
import { type PortalService, startPortalService, Visitor, waitFor } from "./_helpers.ts";

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

Deno.test("sign-in refuses forged posts and renews the session cookie", async () => {
  await withService(async (service) => {
    const { email, password } = service.agent;
    const visitor = new Visitor(service.url);
    const { csrf } = await visitor.page("/signin");
    const anonymousId = visitor.cookies.get("padlock_session");
    assert.ok(anonymousId);
    const other = new Visitor(service.url);
    const { csrf: otherCsrf } = await other.page("/signin");

    const refused = async (fields: Record<string, string>, origin?: string, site?: string) => {
      const response = await visitor.fetch("/signin", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          ...(origin ? { Origin: origin } : {}),
          ...(site ? { "Sec-Fetch-Site": site } : {}),
        },
        body: new URLSearchParams(fields),
      });
      assert.equal(response.status, 403, JSON.stringify({ fields, origin, site }));
      assert.match(await response.text(), /refused|expired/);
    };
    await refused({ email, password }, service.url);
    await refused({ email, password, csrf: "forged" }, service.url);
    await refused({ email, password, csrf: otherCsrf }, service.url);
    await refused({ email, password, csrf }, "https://evil.example");
    await refused({ email, password, csrf }, "null");
    await refused({ email, password, csrf }, undefined, "cross-site");
    assert.equal(visitor.cookies.get("padlock_session"), anonymousId, "not signed in");

    const response = await visitor.form("/signin", { email, password, csrf, next: "/account" });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/account");
    const cookie = visitor.setCookies.at(-1)!;
    assert.match(cookie, /^padlock_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    assert.notEqual(visitor.cookies.get("padlock_session"), anonymousId, "a new session id");
    const account = await visitor.page("/account");
    assert.equal(account.response.status, 200);
    assert.match(account.html, /agent@example\.com/);
    assert.match(
      account.response.headers.get("content-security-policy") ?? "",
      /default-src 'self'; script-src 'self'; style-src 'self'.*frame-ancestors 'none'/,
    );
    assert.ok(!/<script(?![^>]*\bsrc=)/.test(account.html), "no inline script");

    // The old anonymous id is worth nothing now, and `next` never leaves the service.
    const again = new Visitor(service.url);
    const { csrf: againCsrf } = await again.page("/signin");
    const offsite = await again.form("/signin", {
      email,
      password,
      csrf: againCsrf,
      next: "//evil.example/",
    });
    assert.equal(offsite.headers.get("location"), "/account");
  });
});

Deno.test("repeated failures lock the account; unknown addresses answer alike", async () => {
  await withService(async (service) => {
    const visitor = new Visitor(service.url);
    const { csrf } = await visitor.page("/signin");
    const attempt = async (email: string, password: string) => {
      const response = await visitor.form("/signin", { csrf, email, password });
      return { status: response.status, text: await response.text() };
    };
    const unknown = await attempt("nobody@example.com", "whatever password");
    assert.equal(unknown.status, 401);
    for (let failure = 1; failure <= 5; failure++) {
      const wrong = await attempt(service.agent.email, `wrong password ${failure}`);
      assert.equal(wrong.status, 401);
      assert.match(wrong.text, /The email or the password is wrong/);
    }
    const locked = await attempt(service.agent.email, service.agent.password);
    assert.equal(locked.status, 429);
    assert.match(locked.text, /Too many failed sign-ins/);
    // Another account from the same client is not locked.
    await signIn(service, service.colleague.email, service.colleague.password);
    // The lock lifts after its time (1 minute for the first).
    service.clock.offsetMs = 61_000;
    await signIn(service, service.agent.email, service.agent.password);
  });
});

Deno.test("the account page lists API keys, revokes one, and sign-out ends the session", async () => {
  await withService(async (service) => {
    const visitor = await signIn(service, service.agent.email, service.agent.password);
    const { html, csrf } = await visitor.page("/account");
    assert.match(html, /data-role="key-description">tests</);
    const apiKey = html.match(/name="apiKey" value="([^"]+)"/)?.[1];
    assert.ok(apiKey);
    assert.equal(await service.agent.client.verifyCredentials(), service.agent.email);

    const forged = await visitor.form("/account/keys/revoke", { apiKey, csrf: "x" });
    assert.equal(forged.status, 403);
    await forged.body?.cancel();
    const revoked = await visitor.form("/account/keys/revoke", { apiKey, csrf });
    await revoked.body?.cancel();
    assert.equal(revoked.headers.get("location"), "/account?revoked=1");
    await assert.rejects(service.agent.client.verifyCredentials(), ApiError);
    assert.match((await visitor.page("/account")).html, /data-role="no-keys"/);

    // Another agent cannot revoke a key that is not theirs.
    const colleague = await signIn(service, service.colleague.email, service.colleague.password);
    const colleaguePage = await colleague.page("/account");
    const theirKey = colleaguePage.html.match(/name="apiKey" value="([^"]+)"/)?.[1]!;
    const stolen = await visitor.form("/account/keys/revoke", { apiKey: theirKey, csrf });
    assert.equal(stolen.status, 404);
    await stolen.body?.cancel();

    const out = await visitor.form("/signout", { csrf });
    await out.body?.cancel();
    assert.equal(out.headers.get("location"), "/signin");
    const after = await visitor.fetch("/account");
    await after.body?.cancel();
    assert.equal(after.headers.get("location"), "/signin?next=%2Faccount");
  });
});

Deno.test("an activation link sets the password once; unknown addresses get the same answer", async () => {
  await withService(async (service) => {
    const visitor = new Visitor(service.url);
    const { csrf } = await visitor.page("/activate");
    const ask = async (email: string) => {
      const response = await visitor.form("/activate/request", { csrf, email });
      return (await response.text()).replace(email, "X");
    };
    const forUnknown = await ask("nobody@example.com");
    const forAgent = await ask(service.agent.email);
    assert.equal(forUnknown, forAgent);
    assert.match(forAgent, /a link to choose its password is on its way/);
    const mail = await waitFor(async () => (await service.outbox())[0], "the activation mail");
    assert.equal(mail.to, service.agent.email);
    assert.equal((await service.outbox()).length, 1, "no mail for an unknown address");
    const link = mail.text.match(/http:\/\/\S+\/activate\?token=[A-Za-z0-9_-]+/)?.[0];
    assert.ok(link);
    const token = new URL(link).searchParams.get("token")!;

    const form = await visitor.page(new URL(link).pathname + new URL(link).search);
    assert.match(form.html, /Choose your password/);
    const set = (password: string, confirm = password) =>
      visitor.form("/activate", { csrf: form.csrf, token, password, confirm });
    const mismatch = await set("a new long password", "another long password");
    assert.equal(mismatch.status, 400);
    assert.match(await mismatch.text(), /differ/);
    const short = await set("short");
    assert.equal(short.status, 400);
    assert.match(await short.text(), /at least 10 characters/);
    const done = await set("a new long password");
    await done.body?.cancel();
    assert.equal(done.status, 303);
    assert.equal(done.headers.get("location"), "/account");
    assert.match((await visitor.page("/account")).html, /agent@example\.com/);

    await signIn(service, service.agent.email, "a new long password");
    const used = await visitor.page(`/activate?token=${token}`);
    assert.equal(used.response.status, 410);
  });
});

Deno.test("the outbox is served at /dev/outbox only when devOutbox is on", async () => {
  await withService(async (service) => {
    const visitor = new Visitor(service.url);
    const { csrf } = await visitor.page("/activate");
    const asked = await visitor.form("/activate/request", { csrf, email: service.agent.email });
    await asked.body?.cancel();
    const mails = await waitFor(async () => {
      const response = await visitor.fetch("/dev/outbox.json");
      const body = await response.json();
      return body.messages.length > 0 ? body.messages : undefined;
    }, "the mail in /dev/outbox.json");
    assert.equal(mails[0].to, service.agent.email);
    const page = await visitor.page("/dev/outbox");
    assert.match(page.html, /Activate your Padlock account/);
  });
  const closed = await startPortalService({ devOutbox: false });
  try {
    for (const path of ["/dev/outbox", "/dev/outbox.json"]) {
      const response = await fetch(`${closed.url}${path}`);
      await response.body?.cancel();
      assert.equal(response.status, 404, path);
    }
  } finally {
    await closed.close();
  }
});

Deno.test("behind an https public URL the session cookie is Secure and __Host- prefixed", async () => {
  const service = await startPortalService({ publicUrl: "https://padlock.example.com" });
  try {
    const visitor = new Visitor(service.url);
    const { response } = await visitor.page("/signin");
    assert.match(
      visitor.setCookies[0],
      /^__Host-padlock_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/,
    );
    assert.equal(response.headers.get("strict-transport-security"), "max-age=31536000");
    const started = await (await fetch(`${service.url}/auth/pairing`, { method: "POST" })).json();
    assert.match(started.verificationUrl, /^https:\/\/padlock\.example\.com\/connect\?code=/);
  } finally {
    await service.close();
  }
});
