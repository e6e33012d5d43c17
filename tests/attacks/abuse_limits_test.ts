/**
 * Abuse limits: a dropzone flooding uploads stops at its bytes per day while another dropzone
 * goes on; an address over its bytes per day likewise; calls beyond the per-key and per-address
 * rates, and parts beyond the storage quota, are refused with 429 / 507, `Retry-After` and the
 * SendSafely error envelope, which the client turns into an error the widget and app describe.
 * The counts are in the database: a second service on the same database counts on.
 */
import assert from "node:assert/strict";
import { ApiError, SendSafelyClient } from "../../src/api.ts";
import { AbuseLimits, abuseLimitSettings } from "../../server/limits.ts";
import { openSqlite } from "../../server/db/sqlite.ts";
import {
  agentCall,
  countRows,
  dropzoneCall,
  startTestService,
  testBytes,
  type TestService,
  type TestServiceConfig,
} from "../server/_helpers.ts";

const PART = 3_000;

async function withLimitedService(
  config: TestServiceConfig,
  test: (service: TestService) => Promise<void>,
): Promise<void> {
  const service = await startTestService(config);
  try {
    await test(service);
    // Refusals are answers, never failures of the service.
    const failures = service.logs.filter((entry) =>
      entry.event === "error" || entry.response === "SERVER_ERROR"
    );
    assert.deepEqual(failures, []);
  } finally {
    await service.close();
  }
}

/** A dropzone package with one file of `parts` parts of {@linkcode PART} bytes. */
async function openDropzoneFile(
  service: TestService,
  dropzoneId: string,
  parts: number,
): Promise<{ packageId: string; fileId: string }> {
  const pkg = await dropzoneCall(service, "PUT", "/package/", {}, dropzoneId);
  const packageId = pkg.body.packageId as string;
  assert.ok(packageId, JSON.stringify(pkg.body));
  const file = await dropzoneCall(service, "PUT", `/package/${packageId}/file/`, {
    filename: "flood.bin",
    parts,
    // Declared large enough for its parts; the test sends small ones (any size up to the part
    // limit is accepted).
    filesize: parts * 1_048_576,
  }, dropzoneId);
  const fileId = file.body.fileId as string;
  assert.ok(fileId, JSON.stringify(file.body));
  return { packageId, fileId };
}

/** Uploads the file's parts one by one until one is refused; returns the parts stored. */
async function floodParts(
  client: SendSafelyClient,
  file: { packageId: string; fileId: string },
  parts: number,
): Promise<{ stored: number; refusal?: ApiError }> {
  let stored = 0;
  for (let part = 1; part <= parts; part++) {
    try {
      const [url] = await client.getUploadUrls(file.packageId, file.fileId, part);
      await client.putPart(url.url, testBytes(PART, part));
      stored++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { stored, refusal: error };
    }
  }
  return { stored };
}

function dropzoneClient(service: TestService, dropzoneId: string): SendSafelyClient {
  return new SendSafelyClient({ host: service.server.url, credentials: { dropzoneId } });
}

Deno.test("a dropzone flood stops at its bytes per day while another dropzone goes on", async () => {
  await withLimitedService({
    uploadBytesPerDropzonePerDay: 10 * PART,
    uploadBytesPerAddressPerDay: 0,
  }, async (service) => {
    const flooded = service.dropzoneId;
    const user = await service.server.accounts.createUser({
      email: "other@example.com",
      password: "other password 1",
    });
    const other = (await service.server.accounts.createDropzone(user.id)).dropzoneId;

    // The flood: files of 4 parts, one after the other, until the service refuses.
    const client = dropzoneClient(service, flooded);
    let stored = 0;
    let refusal: ApiError | undefined;
    for (let round = 0; round < 5 && !refusal; round++) {
      const result = await floodParts(client, await openDropzoneFile(service, flooded, 4), 4);
      stored += result.stored;
      refusal = result.refusal;
    }
    assert.equal(stored, 10, "exactly the day's bytes were stored");
    assert.ok(refusal, "the flood was refused");
    assert.equal(refusal.code, "RATE_LIMITED");
    assert.equal(refusal.status, 429);
    assert.ok(refusal.retryAfter! > 23 * 3600 && refusal.retryAfter! <= 24 * 3600);
    assert.equal(await countRows(service, "parts"), 10);

    // New part URLs are refused too, with the SendSafely envelope and Retry-After.
    const next = await openDropzoneFile(service, flooded, 1);
    const refused = await fetch(
      `${service.server.url}/drop-zone/v2.0/package/${next.packageId}/file/${next.fileId}/upload-urls/`,
      {
        method: "POST",
        headers: { "ss-api-key": flooded, "Content-Type": "application/json" },
        body: JSON.stringify({ part: 1 }),
      },
    );
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) > 0);
    const envelope = await refused.json();
    assert.equal(envelope.response, "RATE_LIMITED");
    assert.equal(typeof envelope.message, "string");

    // The other dropzone, from the same address, goes on.
    const calm = await floodParts(
      dropzoneClient(service, other),
      await openDropzoneFile(service, other, 4),
      4,
    );
    assert.equal(calm.stored, 4);
    assert.equal(calm.refusal, undefined);

    // A day later the flooded dropzone may upload again.
    service.clock.offsetMs += 24 * 3600_000 + 1000;
    const later = await floodParts(client, await openDropzoneFile(service, flooded, 2), 2);
    assert.equal(later.stored, 2);
  });
});

Deno.test("an address over its bytes per day is refused while another address goes on", async () => {
  await withLimitedService({
    trustProxy: true,
    uploadBytesPerDropzonePerDay: 0,
    uploadBytesPerAddressPerDay: 2 * PART,
  }, async (service) => {
    const file = await openDropzoneFile(service, service.dropzoneId, 4);
    const client = dropzoneClient(service, service.dropzoneId);
    const urls = await client.getUploadUrls(file.packageId, file.fileId, 1);
    const put = (part: number, address: string) =>
      fetch(urls[part - 1].url, {
        method: "PUT",
        headers: { "X-Forwarded-For": address },
        body: testBytes(PART, part),
      });
    assert.equal((await put(1, "198.51.100.7")).status, 200);
    assert.equal((await put(2, "198.51.100.7")).status, 200);
    const refused = await put(3, "198.51.100.7");
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) > 0);
    assert.equal((await refused.json()).response, "RATE_LIMITED");
    assert.equal((await put(3, "203.0.113.9")).status, 200);
    assert.equal(await countRows(service, "parts"), 3);
  });
});

Deno.test("calls beyond the per-key and per-address rates are refused with 429", async () => {
  await withLimitedService({
    trustProxy: true,
    apiRequestsPerKeyPerMinute: 5,
    apiRequestsPerAddressPerMinute: 12,
  }, async (service) => {
    for (let call = 1; call <= 5; call++) {
      const answer = await agentCall(service, "GET", "/config/verify-credentials/");
      assert.equal(answer.body.response, "SUCCESS", `call ${call}`);
    }
    const over = await agentCall(service, "GET", "/config/verify-credentials/");
    assert.equal(over.status, 429);
    assert.equal(over.body.response, "RATE_LIMITED");
    assert.ok(Number(over.headers.get("retry-after")) > 0);
    assert.ok(Number(over.headers.get("retry-after")) <= 60);

    // Another key, from the same address, still works (the address allows 12 a minute)...
    const other = await service.server.accounts.createApiKey(service.agent.id, "second");
    const client = new SendSafelyClient({ host: service.server.url, credentials: other });
    await client.verifyCredentials();
    // ...and the client reports the refusal as RATE_LIMITED, not as a failure to retry.
    await assert.rejects(
      () =>
        new SendSafelyClient({ host: service.server.url, credentials: service.agent })
          .verifyCredentials(),
      (error) =>
        error instanceof ApiError && error.code === "RATE_LIMITED" && error.retryAfter! > 0,
    );

    // Forged calls from one address are counted before their signature is checked.
    const forged = (address: string) =>
      fetch(`${service.server.url}/api/v2.0/config/verify-credentials/`, {
        headers: {
          "ss-api-key": service.agent.apiKey,
          "ss-request-timestamp": "2020-01-01T00:00:00+0000",
          "ss-request-signature": "0".repeat(64),
          "X-Forwarded-For": address,
        },
      });
    let refusedAt = 0;
    for (let call = 1; call <= 14 && !refusedAt; call++) {
      const response = await forged("192.0.2.66");
      await response.body?.cancel();
      if (response.status === 429) refusedAt = call;
    }
    assert.equal(refusedAt, 13);
    // The flooding address does not use up the key's allowance (its calls were not signed).
    const elsewhere = await forged("192.0.2.67");
    assert.equal(elsewhere.status, 200);
    assert.equal((await elsewhere.json()).response, "AUTHENTICATION_FAILED");
  });
});

Deno.test("parts beyond the storage quota are refused with 507", async () => {
  await withLimitedService({ storageQuotaBytes: 5 * PART }, async (service) => {
    const client = dropzoneClient(service, service.dropzoneId);
    const result = await floodParts(
      client,
      await openDropzoneFile(service, service.dropzoneId, 8),
      8,
    );
    assert.equal(result.stored, 5);
    assert.equal(result.refusal?.code, "STORAGE_FULL");
    assert.equal(result.refusal?.status, 507);
    assert.ok(result.refusal!.retryAfter! > 0);
    assert.equal(await countRows(service, "parts"), 5);
  });
});

Deno.test("the counts are kept in the database: another instance on it counts on", async () => {
  const service = await startTestService({ uploadBytesPerDropzonePerDay: 3 * PART });
  try {
    const result = await floodParts(
      dropzoneClient(service, service.dropzoneId),
      await openDropzoneFile(service, service.dropzoneId, 2),
      2,
    );
    assert.equal(result.stored, 2);
  } finally {
    await service.server.close();
  }
  // A second instance's limits, on the same database file, see the first one's bytes.
  const db = await openSqlite(`${service.dataDir}/padlock.db`);
  try {
    const limits = new AbuseLimits(
      db,
      abuseLimitSettings({ uploadBytesPerDropzonePerDay: 3 * PART }),
    );
    const uploader = { address: "192.0.2.1", dropzoneId: service.dropzoneId };
    await limits.chargeUpload(uploader, PART);
    await assert.rejects(
      () => limits.chargeUpload(uploader, PART),
      (error) => error instanceof Error && error.name === "LimitError",
    );
  } finally {
    await db.close();
    await Deno.remove(service.dataDir, { recursive: true });
  }
});
