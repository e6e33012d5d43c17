/**
 * Replayed and re-signed requests: a signed request replayed once the timestamp window has
 * passed, a body altered under an old signature, a signature moved to another path, a timestamp
 * from the future, a request signed with another agent's secret under this agent's key, and
 * another agent's correctly signed request on this agent's package are all refused and change
 * nothing.
 */
import assert from "node:assert/strict";
import { formatTimestamp, signRequest } from "../../server/mod.ts";
import {
  addAgent,
  agentCall,
  countRows,
  type TestService,
  withService,
} from "../server/_helpers.ts";

interface Captured {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Signs a request now, as a client would, without sending it. */
function sign(
  service: TestService,
  credentials: { apiKey: string; apiSecret: string },
  method: string,
  path: string,
  body: unknown,
  at = Date.now() + service.clock.offsetMs,
): Captured {
  const fullPath = `/api/v2.0${path}`;
  const text = JSON.stringify(body);
  const timestamp = formatTimestamp(at);
  return {
    method,
    path: fullPath,
    body: text,
    headers: {
      "ss-api-key": credentials.apiKey,
      "ss-request-timestamp": timestamp,
      "ss-request-signature": signRequest(
        credentials.apiSecret,
        credentials.apiKey,
        fullPath,
        timestamp,
        new TextEncoder().encode(text),
      ),
      "Content-Type": "application/json",
    },
  };
}

async function replay(
  service: TestService,
  request: Captured,
  changes: Partial<Captured> = {},
): Promise<Record<string, unknown>> {
  const { method, path, headers, body } = { ...request, ...changes };
  const response = await fetch(service.server.url + path, { method, headers, body });
  assert.equal(response.status, 200);
  return await response.json();
}

async function lifeOf(service: TestService, packageId: string): Promise<number> {
  const answer = await agentCall(service, "GET", `/package/${packageId}/`);
  assert.equal(answer.body.response, "SUCCESS");
  return answer.body.life as number;
}

Deno.test("a signed request replayed after the timestamp window is refused", async () => {
  await withService(async (service) => {
    const create = sign(service, service.agent, "PUT", "/package/", { vdr: false });
    // Within the window the request is good (the protocol has no nonce; see docs/SECURITY.md).
    assert.equal((await replay(service, create)).response, "SUCCESS");
    const packages = await countRows(service, "packages");
    // 601 s later (the window is 600 s), the very same bytes are refused.
    service.clock.offsetMs = 601_000;
    const late = await replay(service, create);
    assert.equal(late.response, "AUTHENTICATION_FAILED");
    assert.match(late.message as string, /too far from the service's clock/);
    assert.equal(await countRows(service, "packages"), packages, "nothing was created");
    // A timestamp from the future beyond the window is refused too.
    service.clock.offsetMs = 0;
    const future = sign(service, service.agent, "PUT", "/package/", {}, Date.now() + 601_000);
    assert.equal((await replay(service, future)).response, "AUTHENTICATION_FAILED");
    assert.equal(await countRows(service, "packages"), packages);
  });
});

Deno.test("a body altered under an old signature, or the signature moved to another path, is refused", async () => {
  await withService(async (service) => {
    const created = await agentCall(service, "PUT", "/package/", {});
    const packageId = created.body.packageId as string;
    const before = await lifeOf(service, packageId);
    const signed = sign(service, service.agent, "POST", `/package/${packageId}/`, { life: 5 });

    // The same headers over another body: the life the attacker wants is not set.
    const altered = await replay(service, signed, { body: JSON.stringify({ life: 365 }) });
    assert.equal(altered.response, "AUTHENTICATION_FAILED");
    // Same JSON value, other bytes (whitespace): the signature covers the exact bytes.
    const spaced = await replay(service, signed, { body: JSON.stringify({ life: 5 }, null, 1) });
    assert.equal(spaced.response, "AUTHENTICATION_FAILED");
    assert.equal(await lifeOf(service, packageId), before);

    // The signature of one package's call used on another package's path.
    const other = (await agentCall(service, "PUT", "/package/", {})).body.packageId as string;
    const moved = await replay(service, signed, { path: `/api/v2.0/package/${other}/` });
    assert.equal(moved.response, "AUTHENTICATION_FAILED");
    // A fresh signature for the other package works: the refusals were about the changes.
    const fresh = sign(service, service.agent, "POST", `/package/${other}/`, { life: 5 });
    assert.equal((await replay(service, fresh)).response, "SUCCESS");
  });
});

Deno.test("another agent's secret under this agent's key, or its own key on this agent's package, is refused", async () => {
  await withService(async (service) => {
    const mallory = await addAgent(service, "mallory@example.com");
    const created = await agentCall(service, "PUT", "/package/", {});
    const packageId = created.body.packageId as string;
    const before = await lifeOf(service, packageId);

    // Mallory's secret, the agent's key: the signature does not verify.
    const forged = sign(
      service,
      { apiKey: service.agent.apiKey, apiSecret: mallory.apiSecret },
      "POST",
      `/package/${packageId}/`,
      { life: 100 },
    );
    const answer = await replay(service, forged);
    assert.equal(answer.response, "AUTHENTICATION_FAILED");

    // Mallory's own, valid signature on the agent's package: authenticated, not allowed.
    for (
      const [method, path, body] of [
        ["POST", `/package/${packageId}/`, { life: 100 }],
        ["DELETE", `/package/${packageId}/`, undefined],
        ["PUT", `/package/${packageId}/file/`, { filename: "x.bin", parts: 1, filesize: 1 }],
        ["PUT", `/package/${packageId}/recipient/`, { email: "mallory@example.com" }],
        ["PUT", `/package/${packageId}/message/`, { message: "AAAA" }],
        ["POST", `/package/${packageId}/finalize/`, {
          checksum: "a".repeat(64),
          undisclosedRecipients: true,
        }],
      ] as const
    ) {
      const own = sign(service, mallory, method, path, body);
      const refused = await replay(service, own);
      assert.equal(
        refused.response,
        "PERMISSION_DENIED",
        `${method} ${path}: ${JSON.stringify(refused)}`,
      );
    }
    assert.equal(await lifeOf(service, packageId), before);
    assert.equal(await countRows(service, "recipients"), 0);
    assert.equal(await countRows(service, "files"), 0);
  });
});
