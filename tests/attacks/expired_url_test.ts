/**
 * Expired part URLs: with the service's clock moved past `partUrlLifetimeSeconds` (injected through
 * its `now` option), an upload URL and a download URL are refused with 403 and store or return
 * nothing; a URL issued afterwards works. A package's expiry closes its part URLs too.
 */
import assert from "node:assert/strict";
import { agentCall, countRows, testBytes, withService } from "../server/_helpers.ts";

const LIFETIME_S = 60;

Deno.test("an expired upload or download URL is refused and changes nothing", async () => {
  await withService(async (service) => {
    const packageId = (await agentCall(service, "PUT", "/package/", {})).body.packageId as string;
    const fileId = (await agentCall(service, "PUT", `/package/${packageId}/file/`, {
      filename: "a.bin",
      parts: 2,
      filesize: 700_000,
    })).body.fileId as string;
    const uploadUrls = async () =>
      (await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/upload-urls/`, {
        part: 1,
      })).body.uploadUrls as { part: number; url: string }[];
    const [first, second] = await uploadUrls();
    const stored = await fetch(first.url, { method: "PUT", body: testBytes(1000, 1) });
    assert.equal(stored.status, 200);
    await stored.body?.cancel();

    // One second past the lifetime.
    service.clock.offsetMs = (LIFETIME_S + 1) * 1000;
    const late = await fetch(second.url, { method: "PUT", body: testBytes(1000, 2) });
    assert.equal(late.status, 403);
    const refusal = await late.json();
    assert.equal(refusal.response, "AUTHENTICATION_FAILED");
    assert.match(refusal.message, /expired/);
    assert.equal(await countRows(service, "parts"), 1, "the late part was not stored");
    // Re-using the expired URL of the part already stored cannot replace it either.
    const replace = await fetch(first.url, { method: "PUT", body: testBytes(1000, 3) });
    assert.equal(replace.status, 403);
    await replace.body?.cancel();

    // A URL issued now, by the new clock, works.
    const [, fresh] = await uploadUrls();
    const ok = await fetch(fresh.url, { method: "PUT", body: testBytes(1000, 4) });
    assert.equal(ok.status, 200);
    await ok.body?.cancel();

    // Download URLs expire the same way.
    const checksum = "a".repeat(64);
    const finalized = await agentCall(service, "POST", `/package/${packageId}/finalize/`, {
      checksum,
      undisclosedRecipients: true,
    });
    assert.equal(finalized.body.response, "SUCCESS");
    const [download] = (await agentCall(
      service,
      "POST",
      `/package/${packageId}/file/${fileId}/download-urls/`,
      { checksum, startSegment: 1, endSegment: 1 },
    )).body.downloadUrls as { url: string }[];
    const read = await fetch(download.url);
    assert.equal(read.status, 200);
    assert.deepEqual(new Uint8Array(await read.arrayBuffer()), testBytes(1000, 1));
    service.clock.offsetMs += (LIFETIME_S + 1) * 1000;
    const stale = await fetch(download.url);
    assert.equal(stale.status, 403);
    assert.equal((await stale.json()).response, "AUTHENTICATION_FAILED");

    // Past the package's own expiry (10 days), a URL issued just before is refused too.
    const [lastMinute] = (await agentCall(
      service,
      "POST",
      `/package/${packageId}/file/${fileId}/download-urls/`,
      { checksum, startSegment: 1, endSegment: 1 },
    )).body.downloadUrls as { url: string }[];
    service.clock.offsetMs += 10 * 86_400_000;
    const expired = await fetch(lastMinute.url);
    assert.ok(expired.status === 403 || expired.status === 404, `HTTP ${expired.status}`);
    await expired.body?.cancel();
  }, { partUrlLifetimeSeconds: LIFETIME_S });
});
