/// <reference lib="dom" />
/**
 * The agent app's sign-in by device pairing, against the real endpoints: start → poll PENDING →
 * the agent signs in and allows on `/connect` in a browser tab opened by script, which closes
 * itself → the poll hands out the key once and a second poll does not; denial and expiry; CORS
 * for the app's origin.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { type PortalService, startPortalService, Visitor } from "./_helpers.ts";

async function withService(body: (service: PortalService) => Promise<void>): Promise<void> {
  const service = await startPortalService();
  try {
    await body(service);
  } finally {
    await service.close();
  }
}

const APP_ORIGIN = "https://padlock.zdusercontent.com";

async function call(
  service: PortalService,
  path: string,
  body: unknown,
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: APP_ORIGIN },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Polls once, a little later on the service's clock (polls closer than 1 s are not evaluated). */
async function poll(service: PortalService, deviceCode: string): Promise<Record<string, unknown>> {
  service.clock.offsetMs += 1100;
  const answer = await call(service, "/auth/pairing/poll", { deviceCode });
  assert.equal(answer.headers.get("access-control-allow-origin"), "*");
  return answer.body;
}

Deno.test("allowing on the connect page hands the app its key once; the tab closes itself", async () => {
  await withService(async (service) => {
    const preflight = await fetch(`${service.url}/auth/pairing`, {
      method: "OPTIONS",
      headers: {
        Origin: APP_ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    await preflight.body?.cancel();
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /Content-Type/i);
    assert.equal(preflight.headers.get("access-control-allow-credentials"), null);

    const started = await call(service, "/auth/pairing", { description: "Zendesk app" });
    const { deviceCode, userCode, verificationUrl, interval, expiresIn } = started.body;
    assert.equal(started.body.response, "SUCCESS");
    assert.match(String(userCode), /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    assert.match(String(deviceCode), /^[A-Za-z0-9_-]{43}$/);
    assert.equal(verificationUrl, `${service.url}/connect?code=${userCode}`);
    assert.ok(!String(verificationUrl).includes(String(deviceCode)));
    assert.equal(interval, 2);
    assert.equal(expiresIn, 600);
    assert.deepEqual(await poll(service, String(deviceCode)), { response: "PENDING" });

    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const opener = await context.newPage();
      await opener.goto(`${service.url}/signin`);
      // Opened by script, as the app opens it, so that the tab may close itself.
      const [tab] = await Promise.all([
        context.waitForEvent("page"),
        opener.evaluate((url) => void globalThis.open(url, "_blank"), String(verificationUrl)),
      ]);
      await tab.waitForURL(/\/signin\?next=%2Fconnect%3Fcode%3D/);
      await tab.fill("#email", service.agent.email);
      await tab.fill("#password", service.agent.password);
      await tab.click('[data-role="signin-form"] button[type="submit"]');
      await tab.waitForURL(/\/connect\?code=/);
      assert.equal(await tab.locator("#code").innerText(), userCode);
      assert.match(await tab.locator("h1").innerText(), /Zendesk app/);
      assert.deepEqual(await poll(service, String(deviceCode)), { response: "PENDING" });
      const closed = tab.waitForEvent("close");
      await tab.click("#allow");
      await closed;
    } finally {
      await browser.close();
    }

    const success = await poll(service, String(deviceCode));
    assert.equal(success.response, "SUCCESS");
    assert.equal(success.email, service.agent.email);
    const client = new SendSafelyClient({
      host: service.url,
      credentials: { apiKey: String(success.apiKey), apiSecret: String(success.apiSecret) },
    });
    assert.equal(await client.verifyCredentials(), service.agent.email);
    assert.deepEqual(await poll(service, String(deviceCode)), { response: "EXPIRED" });
    const keys = (await service.server.accounts.listApiKeys(service.agent.id)).map((key) =>
      key.description
    );
    assert.deepEqual(keys.sort(), ["Zendesk app", "tests"]);
  });
});

Deno.test("a denied pairing answers DENIED, an old one EXPIRED, and codes cannot be reused", async () => {
  await withService(async (service) => {
    const visitor = new Visitor(service.url);
    const { csrf } = await visitor.page("/signin");
    const signedIn = await visitor.form("/signin", {
      csrf,
      email: service.agent.email,
      password: service.agent.password,
    });
    await signedIn.body?.cancel();

    const denied = (await call(service, "/auth/pairing", {})).body;
    const page = await visitor.page(`/connect?code=${denied.userCode}`);
    assert.match(page.html, /Allow “Zendesk app”/);
    const forged = await visitor.form("/connect", {
      code: String(denied.userCode),
      decision: "allow",
    });
    assert.equal(forged.status, 403);
    await forged.body?.cancel();
    const deny = await visitor.form("/connect", {
      csrf: page.csrf,
      code: String(denied.userCode).toLowerCase().replace("-", " "),
      decision: "deny",
    });
    assert.match(await deny.text(), /You denied access/);
    assert.deepEqual(await poll(service, String(denied.deviceCode)), { response: "DENIED" });
    // Decided already: the code no longer works.
    const reused = await visitor.page(`/connect?code=${denied.userCode}`);
    assert.equal(reused.response.status, 404);

    const old = (await call(service, "/auth/pairing", {})).body;
    service.clock.offsetMs += 10 * 60_000 + 1000;
    assert.deepEqual(await poll(service, String(old.deviceCode)), { response: "EXPIRED" });
    const late = await visitor.page(`/connect?code=${old.userCode}`);
    assert.equal(late.response.status, 404);
    assert.match(late.html, /expired/);

    assert.deepEqual(await poll(service, "A".repeat(43)), { response: "EXPIRED" });
    const malformed = await call(service, "/auth/pairing/poll", { deviceCode: "../x" });
    assert.equal(malformed.body.response, "INVALID_INPUT");

    // Polls closer together than half the interval are not evaluated.
    const quick = (await call(service, "/auth/pairing", {})).body;
    const first = await call(service, "/auth/pairing/poll", { deviceCode: quick.deviceCode });
    assert.equal(first.body.response, "PENDING");
    const allow = await visitor.page(`/connect?code=${quick.userCode}`);
    const allowed = await visitor.form("/connect", {
      csrf: allow.csrf,
      code: String(quick.userCode),
      decision: "allow",
    });
    await allowed.body?.cancel();
    const second = await call(service, "/auth/pairing/poll", { deviceCode: quick.deviceCode });
    assert.equal(second.body.response, "PENDING");
    assert.equal((await poll(service, String(quick.deviceCode))).response, "SUCCESS");
  });
});
