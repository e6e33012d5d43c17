/**
 * Fuzzing of the two ways ciphertext reaches the service: the multipart proxy upload
 * (`POST /package/{id}/file/{fileId}/`: malformed and mismatched boundaries, truncated bodies,
 * huge part headers, missing or mangled `requestData` and `textFile`) and the part endpoint
 * (`/part/{token}`: random tokens, tokens used for the other direction, random methods and body
 * sizes around the limit, bodies cut off mid-stream on a raw socket). Every answer is a JSON
 * envelope (HTTP 200 on the API, a 4xx status on part URLs) and never a 500; the service logs no
 * unexpected error; a stored part is always one that was sent whole; and a whole upload and
 * download still works afterwards.
 */
import assert from "node:assert/strict";
import { formatTimestamp, signRequest } from "../../server/mod.ts";
import { agentCall, testBytes, type TestService, withService } from "../server/_helpers.ts";
import { fuzz, type Rng } from "../_helpers/fuzz.ts";
import { assertEnvelope, assertRoundTrip, hostileId, type RawAnswer, utf8 } from "./_service.ts";

const SEED = 0x9a27_f22;
const MULTIPART_CASES = 900;
const PART_CASES = 1200;
const RAW_CASES = 40;

async function openFile(
  service: TestService,
  parts: number,
  filesize: number,
): Promise<{ packageId: string; fileId: string }> {
  const created = (await agentCall(service, "PUT", "/package/", {})).body;
  const packageId = created.packageId as string;
  const file = (await agentCall(service, "PUT", `/package/${packageId}/file/`, {
    filename: "fuzz.bin",
    parts,
    filesize,
  })).body;
  assert.equal(file.response, "SUCCESS");
  return { packageId, fileId: file.fileId as string };
}

function concat(...chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A multipart body and the content type that announces it, mutated or not. */
function multipart(
  rng: Rng,
  fileId: string,
  parts: number,
): { body: Uint8Array<ArrayBuffer>; contentType: string; requestData: string; kind: string } {
  const boundary = rng.chance(0.7)
    ? `----padlock${rng.stringOf("abcdef0123456789", 16)}`
    : rng.pick([
      "",
      " ",
      "x".repeat(rng.int(71, 3000)),
      '"quoted boundary"',
      "semi;colon",
      "--",
      rng.hostileString(20).replace(/[^\x21-\x7e]/g, "") || "b",
    ]);
  let requestData = JSON.stringify({
    filePart: rng.chance(0.8) ? rng.int(1, parts) : rng.json(1),
    fileId: rng.chance(0.9) ? fileId : rng.hostileString(10),
    uploadType: "JS_API",
  });
  if (rng.chance(0.1)) requestData = rng.mutateString(requestData, 4);
  const payload = testBytes(rng.int(0, 20_000), rng.int(1, 1000));
  const hugeHeader = rng.chance(0.08)
    ? `X-Padding: ${"p".repeat(rng.int(10_000, 200_000))}\r\n`
    : "";
  const fields: Uint8Array[] = [];
  const field = (name: string, value: Uint8Array, filename?: string) => {
    fields.push(utf8(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"` +
        (filename === undefined ? "" : `; filename="${filename}"`) + "\r\n" +
        (filename === undefined ? "" : "Content-Type: application/octet-stream\r\n") +
        hugeHeader + "\r\n",
    ));
    fields.push(value, utf8("\r\n"));
  };
  const kind = rng.weighted<string>([
    [3, "valid"],
    [1, "no requestData"],
    [1, "no textFile"],
    [1, "textFile as text"],
    [1, "duplicate fields"],
    [1, "requestData as file"],
  ]);
  if (kind !== "no requestData") {
    if (kind === "requestData as file") field("requestData", utf8(requestData), "data.json");
    else field("requestData", utf8(requestData));
  }
  if (kind === "textFile as text") field("textFile", payload);
  else if (kind !== "no textFile") {
    field(
      "textFile",
      payload,
      rng.chance(0.9) ? "part" : rng.hostileString(30).replace(/["\r\n]/g, ""),
    );
  }
  if (kind === "duplicate fields") {
    field("textFile", testBytes(100, 3), "again");
    field("requestData", utf8("{}"));
  }
  fields.push(utf8(`--${boundary}--\r\n`));
  let body = concat(...fields);
  let mangled = kind;
  if (rng.chance(0.25)) {
    body = body.slice(0, rng.int(0, body.length - 1));
    mangled += ", truncated";
  } else if (rng.chance(0.15)) {
    body = rng.mutateBytes(body, 5);
    mangled += ", mutated";
  }
  let contentType = `multipart/form-data; boundary=${boundary}`;
  if (rng.chance(0.15)) {
    contentType = rng.pick([
      "multipart/form-data",
      `multipart/form-data; boundary=${boundary}x`,
      `multipart/form-data; boundary="${boundary}"`,
      "application/json",
      "multipart/mixed; boundary=" + boundary,
      `multipart/form-data; boundary=${boundary}; boundary=other`,
      "text/plain",
    ]);
    mangled += `, content type ${contentType.slice(0, 60)}`;
  }
  return { body, contentType, requestData, kind: mangled };
}

async function proxyUpload(
  service: TestService,
  packageId: string,
  fileId: string,
  body: Uint8Array<ArrayBuffer>,
  contentType: string,
  requestData: string,
): Promise<RawAnswer> {
  const path = `/api/v2.0/package/${packageId}/file/${fileId}/`;
  const timestamp = formatTimestamp(Date.now());
  const { apiKey, apiSecret } = service.agent;
  const response = await fetch(service.server.url + path, {
    method: "POST",
    headers: {
      "ss-api-key": apiKey,
      "ss-request-timestamp": timestamp,
      "ss-request-signature": signRequest(apiSecret, apiKey, path, timestamp, utf8(requestData)),
      "Content-Type": contentType,
    },
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type"), text, json };
}

/** Sends raw bytes on a socket (a request fetch cannot make) and returns the status, if any. */
async function rawRequest(service: TestService, request: Uint8Array): Promise<number | undefined> {
  const connection = await Deno.connect({ hostname: "127.0.0.1", port: service.server.port });
  try {
    await connection.write(request);
    await connection.closeWrite().catch(() => {});
    const chunks: Uint8Array[] = [];
    const buffer = new Uint8Array(4096);
    const deadline = setTimeout(() => connection.close(), 5_000);
    try {
      for (;;) {
        const read = await connection.read(buffer).catch(() => null);
        if (read === null) break;
        chunks.push(buffer.slice(0, read));
      }
    } finally {
      clearTimeout(deadline);
    }
    const head = new TextDecoder().decode(concat(...chunks)).split("\r\n")[0];
    const status = /^HTTP\/1\.1 (\d{3})/.exec(head)?.[1];
    return status === undefined ? undefined : Number(status);
  } finally {
    try {
      connection.close();
    } catch {
      // already closed by the deadline
    }
  }
}

Deno.test(`fuzz: the multipart proxy upload and the part endpoint never answer a 500 (${MULTIPART_CASES + PART_CASES + RAW_CASES} cases, seed ${SEED})`, async () => {
  await withService(async (service) => {
    const codes: Record<string, number> = {};
    const count = (key: string) => codes[key] = (codes[key] ?? 0) + 1;

    // 1. The multipart proxy upload.
    let target = await openFile(service, 2, 1_000_000);
    await fuzz(
      { name: "multipart proxy upload", seed: SEED, cases: MULTIPART_CASES },
      async (rng, index) => {
        if (index % 200 === 199) target = await openFile(service, 2, 1_000_000);
        const { body, contentType, requestData, kind } = multipart(rng, target.fileId, 2);
        const answer = await proxyUpload(
          service,
          target.packageId,
          target.fileId,
          body,
          contentType,
          requestData,
        );
        const code = assertEnvelope(answer, `multipart (${kind})`);
        count(`multipart ${code}`);
      },
    );
    assert.ok((codes["multipart SUCCESS"] ?? 0) > 20, "valid proxy uploads went through");

    // 2. The part endpoint.
    const small = await openFile(service, 2, 100);
    const limit = 100 + 2 * 16_384;
    const upload = (await agentCall(
      service,
      "POST",
      `/package/${small.packageId}/file/${small.fileId}/upload-urls/`,
      { part: 1 },
    )).body.uploadUrls as { part: number; url: string }[];
    const uploadTokens = upload.map(({ url }) => url.slice(url.lastIndexOf("/") + 1));
    const storedSizes = new Map<number, number>();
    await fuzz({ name: "part endpoint", seed: SEED + 1, cases: PART_CASES }, async (rng) => {
      const tokenIndex = rng.int(0, uploadTokens.length - 1);
      const token = rng.weighted<() => string>([
        [4, () => uploadTokens[tokenIndex]],
        [
          2,
          () =>
            rng.stringOf("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 43),
        ],
        [1, () => rng.stringOf("ABCDEFabcdef0123456789-_", rng.int(0, 120))],
        [2, () => hostileId(rng)],
        [1, () => uploadTokens[tokenIndex].slice(0, -1) + "%41"],
      ])();
      const method = rng.weighted<string>([
        [5, "PUT"],
        [3, "GET"],
        [1, "POST"],
        [1, "DELETE"],
        [1, "PATCH"],
        [1, "HEAD"],
        [1, "OPTIONS"],
        [1, "PROPFIND"],
      ]);
      const size = rng.weighted<() => number>([
        [3, () => rng.int(0, 2_000)],
        [2, () => rng.int(limit - 50, limit + 50)],
        [1, () => rng.int(limit, limit * 4)],
      ])();
      const body = method === "GET" || method === "HEAD"
        ? undefined
        : testBytes(size, rng.int(1, 99));
      const response = await fetch(`${service.server.url}/part/${token}`, { method, body });
      const text = method === "HEAD" ? "" : await response.text();
      assert.ok(response.status < 500, `${method} /part/${token}: HTTP ${response.status} ${text}`);
      count(`part ${method} ${response.status}`);
      if (response.status === 200 && method === "PUT") {
        const valid = uploadTokens.indexOf(token);
        assert.ok(valid >= 0, "only a real upload token stores a part");
        assert.ok(body!.length <= limit, `a part of ${body!.length} bytes was stored`);
        storedSizes.set(upload[valid].part, body!.length);
      }
      if (response.status >= 400 && method !== "HEAD") {
        const envelope = JSON.parse(text);
        assert.equal(typeof envelope.response, "string", text);
        assert.notEqual(envelope.response, "SERVER_ERROR");
      }
    });
    assert.ok((codes["part PUT 200"] ?? 0) > 20, "valid part uploads went through");

    // 3. Bodies cut off on a raw socket: the declared length is never reached.
    const [{ url: rawUrl }] = (await agentCall(
      service,
      "POST",
      `/package/${small.packageId}/file/${small.fileId}/upload-urls/`,
      { part: 2 },
    )).body.uploadUrls as { url: string }[];
    await fuzz({ name: "truncated raw bodies", seed: SEED + 2, cases: RAW_CASES }, async (rng) => {
      const declared = rng.int(10, 20_000);
      const sent = rng.int(0, declared - 1);
      const api = rng.chance(0.3);
      const path = api ? "/api/v2.0/package/" : new URL(rawUrl).pathname;
      const head = `${api ? "PUT" : "PUT"} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Content-Length: ${declared}\r\nContent-Type: application/octet-stream\r\n` +
        (rng.chance(0.2) ? `X-Big: ${"h".repeat(rng.int(1_000, 30_000))}\r\n` : "") + "\r\n";
      const status = await rawRequest(service, concat(utf8(head), testBytes(sent, 5)));
      assert.ok(status === undefined || status < 500, `a cut-off body got HTTP ${status}`);
      count(`raw ${status ?? "closed"}`);
    });

    // A part that was stored holds the whole body of one request, never a cut-off one.
    for (const [part, size] of storedSizes) {
      const [{ url }] = (await agentCall(
        service,
        "POST",
        `/package/${small.packageId}/file/${small.fileId}/upload-urls/`,
        { part },
      )).body.uploadUrls as { url: string }[];
      assert.ok(url.includes("/part/"));
      assert.ok(size <= limit);
    }
    console.log("answers:", codes);
    await assertRoundTrip(service, service.agent);
  });
});
