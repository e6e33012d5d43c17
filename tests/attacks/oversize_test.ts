/**
 * Oversized bodies and slow senders: JSON beyond the limit (declared, or streamed without a
 * length), parts beyond the part limit (part URL and proxy upload), portal forms beyond theirs —
 * each refused without reading on, nothing stored. Clients that trickle a body a byte at a time
 * are cut off once the body deadline passes, and meanwhile the service keeps answering everyone
 * else. Every socket of the test is bounded in time.
 */
import assert from "node:assert/strict";
import { formatTimestamp, signRequest } from "../../server/mod.ts";
import {
  agentCall,
  countRows,
  testBytes,
  type TestService,
  withService,
} from "../server/_helpers.ts";
import { rawHttp } from "./_raw.ts";

const MAX_JSON = 4096;
const MAX_PART = 50_000;
const BODY_TIMEOUT_MS = 800;
const PART_TIMEOUT_MS = 1200;
const CONFIG = {
  maxJsonBytes: MAX_JSON,
  maxPartBytes: MAX_PART,
  bodyTimeoutMs: BODY_TIMEOUT_MS,
  partTimeoutMs: PART_TIMEOUT_MS,
};

function signedHeaders(
  service: TestService,
  path: string,
  body: Uint8Array,
): Record<string, string> {
  const timestamp = formatTimestamp(Date.now());
  const { apiKey, apiSecret } = service.agent;
  return {
    "ss-api-key": apiKey,
    "ss-request-timestamp": timestamp,
    "ss-request-signature": signRequest(apiSecret, apiKey, path, timestamp, body),
  };
}

async function openFile(
  service: TestService,
): Promise<{ packageId: string; fileId: string; urls: { url: string }[] }> {
  const packageId = (await agentCall(service, "PUT", "/package/", {})).body.packageId as string;
  const fileId = (await agentCall(service, "PUT", `/package/${packageId}/file/`, {
    filename: "big.bin",
    parts: 2,
    filesize: 1_000_000,
  })).body.fileId as string;
  const urls =
    (await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/upload-urls/`, {
      part: 1,
    })).body.uploadUrls as { url: string }[];
  return { packageId, fileId, urls };
}

Deno.test("bodies beyond the limits are refused without being read to the end", async () => {
  await withService(async (service) => {
    const path = "/api/v2.0/package/";
    // Declared too large: refused at once.
    const big = new TextEncoder().encode(JSON.stringify({ vdr: false, pad: "x".repeat(MAX_JSON) }));
    const declared = await fetch(service.server.url + path, {
      method: "PUT",
      headers: { ...signedHeaders(service, path, big), "Content-Type": "application/json" },
      body: big,
    });
    assert.equal(declared.status, 200);
    assert.equal((await declared.json()).response, "LIMIT_EXCEEDED");

    // No length, an endless stream: the service stops reading soon after the limit.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
        if (pulled > 50 * MAX_JSON) controller.close();
      },
    });
    const streamed = await fetch(service.server.url + path, {
      method: "PUT",
      headers: {
        ...signedHeaders(service, path, new Uint8Array(0)),
        "Content-Type": "application/json",
      },
      body: endless,
    });
    assert.equal((await streamed.json()).response, "LIMIT_EXCEEDED");
    const packagesBefore = await countRows(service, "packages");

    // A part beyond the part limit, on a part URL and through the proxy upload.
    const { packageId, fileId, urls } = await openFile(service);
    const tooBig = await fetch(urls[0].url, { method: "PUT", body: testBytes(MAX_PART + 1) });
    assert.equal(tooBig.status, 413);
    assert.equal((await tooBig.json()).response, "LIMIT_EXCEEDED");
    const proxyPath = `/api/v2.0/package/${packageId}/file/${fileId}/`;
    const requestData = JSON.stringify({ filePart: 2, fileId });
    const form = new FormData();
    form.set("requestData", requestData);
    form.set("textFile", new Blob([testBytes(MAX_PART + 70_000)]), "part");
    const proxied = await fetch(service.server.url + proxyPath, {
      method: "POST",
      headers: signedHeaders(service, proxyPath, new TextEncoder().encode(requestData)),
      body: form,
    });
    assert.equal((await proxied.json()).response, "LIMIT_EXCEEDED");
    assert.equal(await countRows(service, "parts"), 0, "nothing was stored");

    // A portal form beyond its 16 KiB.
    const signin = await fetch(service.server.url + "/signin", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: service.server.url },
      body: "email=" + "a".repeat(20_000),
    });
    assert.ok(signin.status === 413 || signin.status === 400, `HTTP ${signin.status}`);
    await signin.body?.cancel();
    assert.equal(
      await countRows(service, "packages"),
      packagesBefore + 1,
      "only the test's own package",
    );
  }, CONFIG);
});

Deno.test("a client trickling a body byte by byte is timed out, and others are served meanwhile", async () => {
  await withService(async (service) => {
    const { urls } = await openFile(service);
    const json = new TextEncoder().encode(JSON.stringify({ vdr: false, pad: "x".repeat(300) }));
    const apiHead = (body: Uint8Array) =>
      [
        "PUT /api/v2.0/package/ HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        `Content-Length: ${body.length}`,
        ...Object.entries(signedHeaders(service, "/api/v2.0/package/", body)).map(([name, value]) =>
          `${name}: ${value}`
        ),
      ].join("\r\n");
    const partBody = testBytes(20_000);
    const partHead = [
      `PUT ${new URL(urls[0].url).pathname} HTTP/1.1`,
      "Host: 127.0.0.1",
      `Content-Length: ${partBody.length}`,
    ].join("\r\n");
    const formBody = new TextEncoder().encode("email=a%40example.com&password=" + "p".repeat(500));
    const formHead = [
      "POST /signin HTTP/1.1",
      "Host: 127.0.0.1",
      `Origin: ${service.server.url}`,
      "Content-Type: application/x-www-form-urlencoded",
      `Content-Length: ${formBody.length}`,
    ].join("\r\n");
    const packagesBefore = await countRows(service, "packages");

    // One byte every 40 ms: the JSON body alone would take ~14 s, the part ~13 minutes. The
    // sockets give up after 20 s, so a service that never times out fails the test, not CI.
    const trickle = { chunkSize: 1, pauseMs: 40, timeoutMs: 20_000 };
    const slow = [
      rawHttp(service.server.port, apiHead(json), json, trickle),
      rawHttp(service.server.port, apiHead(json), json, trickle),
      rawHttp(service.server.port, partHead, partBody, trickle),
      rawHttp(service.server.port, formHead, formBody, trickle),
    ];
    // Meanwhile, others are served as usual.
    for (let i = 0; i < 10; i++) {
      const answer = await agentCall(service, "GET", "/user/");
      assert.equal(answer.body.response, "SUCCESS");
    }
    const [api1, api2, part, signin] = await Promise.all(slow);
    for (
      const [what, answer, limit] of [["api", api1, json.length], ["api", api2, json.length], [
        "part",
        part,
        partBody.length,
      ]] as const
    ) {
      assert.ok(
        answer.status !== undefined,
        `${what}: the service answered before the socket gave up`,
      );
      assert.ok(
        answer.sentBytes < limit,
        `${what}: cut off before the end (${answer.sentBytes} bytes)`,
      );
    }
    assert.equal(api1.status, 200);
    assert.equal(JSON.parse(api1.body).response, "LIMIT_EXCEEDED");
    assert.match(JSON.parse(api1.body).message, /did not arrive/);
    assert.equal(part.status, 408);
    assert.equal(JSON.parse(part.body).response, "LIMIT_EXCEEDED");
    assert.ok(
      signin.status === 408 || signin.status === 400,
      `sign-in form: HTTP ${signin.status}`,
    );
    assert.ok(signin.sentBeforeAnswer < formBody.length);
    assert.equal(
      await countRows(service, "packages"),
      packagesBefore,
      "no package from a timed-out body",
    );
    assert.equal(await countRows(service, "parts"), 0, "no part from a timed-out body");
    // And the service is still itself.
    assert.equal((await agentCall(service, "PUT", "/package/", {})).body.response, "SUCCESS");
  }, CONFIG);
});
