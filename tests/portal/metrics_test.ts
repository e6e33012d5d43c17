/**
 * The portal's events in the service's metrics: a sign-in refused because the account is locked
 * out, and a code mail the SMTP server could not take (a closed port on loopback).
 */
import assert from "node:assert/strict";
import { linkProof, startPortalService, Visitor, waitFor } from "./_helpers.ts";

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((line) => line.startsWith(series + " "));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

Deno.test("metrics count sign-in lockouts and mail failures", async () => {
  const service = await startPortalService({
    metricsAddress: "127.0.0.1:0",
    smtpHost: "127.0.0.1",
    smtpPort: closedPort(),
    smtpTls: "none",
  });
  const metrics = () => fetch(`${service.server.metricsUrl}/metrics`).then((r) => r.text());
  try {
    const before = await metrics();
    assert.equal(sample(before, "padlock_signin_lockouts_total"), 0);
    assert.equal(sample(before, "padlock_mail_failures_total"), 0);

    const visitor = new Visitor(service.url);
    const { csrf } = await visitor.page("/signin");
    const attempt = (password: string) =>
      visitor.form("/signin", { csrf, email: service.agent.email, password })
        .then(async (response) => (await response.body?.cancel(), response.status));
    for (let failure = 1; failure <= 5; failure++) {
      assert.equal(await attempt(`wrong password ${failure}`), 401);
    }
    assert.equal(await attempt(service.agent.password), 429);
    assert.equal(await attempt(service.agent.password), 429);

    const recipient = "requester@example.com";
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [recipient],
    });
    const receive = new Visitor(service.url);
    const page = await receive.page("/receive/");
    const asked = await receive.api(
      "/portal/api/code",
      { ...await linkProof(link), email: recipient },
      page.csrf,
    );
    assert.equal(asked.body.response, "SUCCESS");
    const after = await waitFor(
      async () => {
        const text = await metrics();
        return sample(text, "padlock_mail_failures_total") === 1 ? text : undefined;
      },
      "the mail failure in the metrics",
      20_000,
    );
    assert.equal(sample(after, "padlock_signin_lockouts_total"), 2);
    assert.equal(
      sample(after, 'padlock_http_requests_total{method="POST",route="/signin",status="401"}'),
      5,
    );
    assert.ok(!after.includes(recipient), "the metrics hold no address");
  } finally {
    await service.close();
  }
});
