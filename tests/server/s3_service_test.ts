/**
 * The service on a bucket: a bucket that is down gives 503 with `Retry-After` and records nothing;
 * in direct mode the part URLs are pre-signed bucket URLs (checked against AWS's published
 * example, and refused by the real S3 server when tampered with, used for another object or
 * replaced by an anonymous request), oversize parts uploaded behind the service's back are deleted
 * when the file is checked, and the portal's CSP lets pages reach the bucket.
 */
import assert from "node:assert/strict";
import { AwsClient } from "aws4fetch";
import { presignObjectUrl } from "../../server/storage/s3_part_store.ts";
import {
  agentCall,
  type Answer,
  countRows,
  startTestService,
  testBytes,
  type TestService,
} from "./_helpers.ts";

function ok(answer: Answer): Record<string, unknown> {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.response, "SUCCESS", JSON.stringify(answer.body));
  return answer.body;
}

async function newFile(
  service: TestService,
  parts: number,
  filesize: number,
): Promise<{ packageId: string; fileId: string }> {
  const { packageId } = ok(await agentCall(service, "PUT", "/package/", { vdr: false })) as {
    packageId: string;
  };
  const { fileId } = ok(
    await agentCall(service, "PUT", `/package/${packageId}/file/`, {
      filename: "a.bin",
      uploadType: "TEST_API",
      parts,
      filesize,
    }),
  ) as { fileId: string };
  return { packageId, fileId };
}

async function uploadUrls(
  service: TestService,
  packageId: string,
  fileId: string,
): Promise<{ part: number; url: string }[]> {
  return ok(
    await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/upload-urls/`, {
      part: 1,
    }),
  ).uploadUrls as { part: number; url: string }[];
}

Deno.test("the presigner reproduces AWS's published query-string signing example", async () => {
  // "Authenticating Requests: Using Query Parameters", example GET Object (AWS SigV4 docs).
  const client = new AwsClient({
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    region: "us-east-1",
    service: "s3",
  });
  const url = new URL(
    await presignObjectUrl(
      client,
      "GET",
      "https://examplebucket.s3.amazonaws.com/test.txt",
      86400,
      "20130524T000000Z",
      false,
    ),
  );
  assert.equal(
    url.searchParams.get("X-Amz-Signature"),
    "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
  );
  assert.equal(
    url.searchParams.get("X-Amz-Credential"),
    "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
  );
  assert.equal(url.searchParams.get("X-Amz-Expires"), "86400");
  assert.equal(url.searchParams.get("X-Amz-SignedHeaders"), "host");
});

Deno.test("a bucket that is down: part URL and proxy upload answer 503 with Retry-After, nothing recorded", async () => {
  const closed = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const deadPort = (closed.addr as Deno.NetAddr).port;
  closed.close();
  const service = await startTestService({
    s3Endpoint: `http://127.0.0.1:${deadPort}`,
    s3Bucket: "padlock-down",
    s3AccessKeyId: "AKIDEXAMPLE",
    s3SecretAccessKey: "never-logged-secret",
  });
  try {
    const { packageId, fileId } = await newFile(service, 1, 1000);
    const [{ url }] = await uploadUrls(service, packageId, fileId);
    const put = await fetch(url, { method: "PUT", body: testBytes(1000) });
    assert.equal(put.status, 503);
    assert.equal(put.headers.get("retry-after"), "5");
    assert.equal((await put.json()).response, "SERVICE_UNAVAILABLE");

    // The API answers a real 503 as well (the clients wait and retry on it).
    const form = new FormData();
    form.set("requestData", JSON.stringify({ filePart: 1, uploadType: "TEST_API" }));
    form.set("textFile", new Blob([testBytes(1000)]));
    const proxy = await agentCallMultipart(service, `/package/${packageId}/file/${fileId}/`, form);
    assert.equal(proxy.status, 503);
    assert.equal(proxy.headers.get("retry-after"), "5");
    const deleted = await agentCall(service, "DELETE", `/package/${packageId}/`);
    assert.equal(deleted.status, 503);
    assert.equal(await countRows(service, "parts"), 0);
    assert.equal(
      await countRows(service, "packages"),
      1,
      "the package is kept until its parts can go",
    );

    const errors = service.logs.filter((entry) => entry.event === "error");
    assert.equal(errors.length, 3);
    for (const entry of errors) {
      assert.equal(entry.errorName, "StorageUnavailableError");
      assert.equal(entry.stack, undefined, "no stack for an unavailable bucket");
      assert.deepEqual(entry.detail, { storage: "the bucket cannot be reached" });
    }
    assert.ok(!JSON.stringify(service.logs).includes("never-logged-secret"));
  } finally {
    await service.close();
  }
});

/** A multipart proxy upload signed over its requestData, built with the test helpers' signer. */
async function agentCallMultipart(
  service: TestService,
  path: string,
  form: FormData,
): Promise<Response> {
  const { formatTimestamp, signRequest } = await import("../../server/mod.ts");
  const fullPath = "/api/v2.0" + path;
  const timestamp = formatTimestamp(Date.now());
  const signature = signRequest(
    service.agent.apiSecret,
    service.agent.apiKey,
    fullPath,
    timestamp,
    new TextEncoder().encode(form.get("requestData") as string),
  );
  return await fetch(service.server.url + fullPath, {
    method: "POST",
    headers: {
      "ss-api-key": service.agent.apiKey,
      "ss-request-timestamp": timestamp,
      "ss-request-signature": signature,
    },
    body: form,
  });
}

Deno.test("direct mode: part URLs are pre-signed bucket URLs that radosgw honours for their object only", async () => {
  const service = await startTestService({ partStore: "s3-direct" });
  try {
    const bucket = service.bucket!;
    const { packageId, fileId } = await newFile(service, 2, 2000);
    const urls = await uploadUrls(service, packageId, fileId);
    assert.equal(urls.length, 2);
    for (const { url } of urls) {
      assert.ok(url.startsWith(`${bucket.url}/${packageId}/${fileId}/`), url);
      assert.match(url, /X-Amz-Signature=[0-9a-f]{64}/);
      assert.match(url, /X-Amz-Expires=3600/);
    }
    const [first, second] = urls;
    const bytes = testBytes(1000, 7);

    // Tampered: one digit of the signature changed.
    const tampered = first.url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_, digit: string) => `X-Amz-Signature=${digit === "0" ? "1" : "0"}`,
    );
    assert.equal((await fetchBody(tampered, "PUT", bytes)).status, 403);
    // Another object: the URL of part 1 pointed at part 2's key.
    const otherKey = first.url.replace(`/${fileId}/1.pgp`, `/${fileId}/2.pgp`);
    assert.equal((await fetchBody(otherKey, "PUT", bytes)).status, 403);
    // An upload URL used for a download (another method).
    assert.equal((await fetchBody(first.url, "GET")).status, 403);
    assert.deepEqual(await bucket.keys(), []);

    // The real URLs work; the service has not seen the bytes yet.
    assert.equal((await fetchBody(first.url, "PUT", bytes)).status, 200);
    assert.equal((await fetchBody(second.url, "PUT", testBytes(1000, 8))).status, 200);
    assert.equal(await countRows(service, "parts"), 0);
    // Anonymous: the object without a signature.
    assert.equal(
      (await fetchBody(`${bucket.url}/${packageId}/${fileId}/1.pgp`, "GET")).status,
      403,
    );

    // upload-complete asks the bucket, records both parts, and the file is whole.
    const complete = ok(
      await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/upload-complete/`, {}),
    );
    assert.equal(complete.message, "true");
    assert.equal(await countRows(service, "parts"), 2);
  } finally {
    await service.close();
  }
});

Deno.test("direct mode: parts past the limits, put straight in the bucket, are deleted and not counted", async () => {
  const service = await startTestService({ maxPartBytes: 5000, partStore: "s3-direct" });
  try {
    const bucket = service.bucket!;
    // One part over maxPartBytes.
    const big = await newFile(service, 1, 1000);
    const [bigUrl] = await uploadUrls(service, big.packageId, big.fileId);
    assert.equal((await fetchBody(bigUrl.url, "PUT", testBytes(5001))).status, 200);
    const refused = ok(
      await agentCall(
        service,
        "POST",
        `/package/${big.packageId}/file/${big.fileId}/upload-complete/`,
        {},
      ),
    );
    assert.equal(refused.message, "false");
    assert.deepEqual(await bucket.keys(), [], "the oversize part was deleted");
    assert.equal(await countRows(service, "parts"), 0);

    // The client can send the part again, within the limit, and the file completes.
    const [again] = await uploadUrls(service, big.packageId, big.fileId);
    assert.equal((await fetchBody(again.url, "PUT", testBytes(1000))).status, 200);
    const fits = ok(
      await agentCall(
        service,
        "POST",
        `/package/${big.packageId}/file/${big.fileId}/upload-complete/`,
        {},
      ),
    );
    assert.equal(fits.message, "true");
  } finally {
    await service.close();
  }
});

Deno.test("direct mode: the file allowance is enforced on parts the service did not see", async () => {
  // Parts may be large (1 MiB), but a file declared as 10 bytes in 2 parts may hold only
  // 10 + 2 × 16,384 bytes: the second part is deleted, the first one kept.
  const service = await startTestService({ maxPartBytes: 1_048_576, partStore: "s3-direct" });
  try {
    const bucket = service.bucket!;
    const { packageId, fileId } = await newFile(service, 2, 10);
    const urls = await uploadUrls(service, packageId, fileId);
    assert.equal((await fetchBody(urls[0].url, "PUT", testBytes(20_000, 1))).status, 200);
    assert.equal((await fetchBody(urls[1].url, "PUT", testBytes(20_000, 2))).status, 200);
    const answer = ok(
      await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/upload-complete/`, {}),
    );
    assert.equal(answer.message, "false");
    assert.deepEqual(await bucket.keys(), [`${packageId}/${fileId}/1.pgp`]);
    assert.equal(await countRows(service, "parts"), 1);
  } finally {
    await service.close();
  }
});

Deno.test("direct mode: portal pages allow the bucket's origin in connect-src, proxy mode does not", async () => {
  for (const kind of ["s3-direct", "s3"] as const) {
    const service = await startTestService({ partStore: kind });
    try {
      const response = await fetch(`${service.server.url}/signin`);
      await response.body?.cancel();
      const csp = response.headers.get("content-security-policy") ?? "";
      const connect = csp.split(";").map((directive) => directive.trim())
        .find((directive) => directive.startsWith("connect-src"));
      const origin = new URL(service.bucket!.url).origin;
      assert.equal(
        connect?.split(" ").includes(origin),
        kind === "s3-direct",
        `${kind}: ${connect}`,
      );
    } finally {
      await service.close();
    }
  }
});

async function fetchBody(url: string, method: string, body?: Uint8Array): Promise<Response> {
  const response = await fetch(url, { method, body: body as Uint8Array<ArrayBuffer> | undefined });
  await response.body?.cancel();
  return response;
}
