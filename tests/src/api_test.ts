/**
 * Wire-format tests of src/api.ts: the exact method, URL, headers and body of every call, the
 * signature vector of spec 1.4, and how failures map to ApiError.
 */
import assert from "node:assert/strict";
import { isAbortError } from "./_fake_service.ts";
import {
  ApiError,
  type Credentials,
  formatTimestamp,
  multipartBody,
  SendSafelyClient,
} from "../../src/api.ts";
import { randomBytes } from "../_helpers/bytes.ts";

const HOST = "https://acme.example";
const KEY = "testApiKey123";
const SECRET = "testApiSecret456";
const VECTOR_TIME = new Date("2026-11-25T01:24:09.750Z");

/** One request as the injected fetch saw it. */
interface Recorded {
  method: string;
  url: string;
  headers: Headers;
  /** The body exactly as passed to fetch (string, bytes or undefined). */
  body: unknown;
  credentials?: RequestCredentials;
  signal?: AbortSignal | null;
}

/** A fetch that records every request and answers from a queue of responders. */
function recorder(...answers: (Response | (() => Response | Promise<Response>) | Envelope)[]) {
  const requests: Recorded[] = [];
  const fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    requests.push({
      method: init.method ?? "GET",
      url: String(input),
      headers: new Headers(init.headers),
      body: init.body,
      credentials: init.credentials,
      signal: init.signal,
    });
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer instanceof Response) return Promise.resolve(answer.clone());
    if (typeof answer === "function") return Promise.resolve(answer());
    return Promise.resolve(json(answer ?? { response: "SUCCESS" }));
  };
  return { requests, fetch: fetch as typeof globalThis.fetch };
}

type Envelope = Record<string, unknown>;

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

function signedClient(fetch: typeof globalThis.fetch, now = () => VECTOR_TIME) {
  return new SendSafelyClient({
    host: HOST + "/",
    credentials: { apiKey: KEY, apiSecret: SECRET },
    fetch,
    now,
  });
}

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(message));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, "0")).join("");
}

Deno.test("api: the spec 1.4 signature vector on PUT /package/", async () => {
  const { requests, fetch } = recorder({
    response: "SUCCESS",
    packageId: "ABCD-1234",
    packageCode: "PkgCode_abc-123",
    serverSecret: "SrvSecret_xyz-789",
  });
  const client = signedClient(fetch);
  const created = await client.createPackage();
  assert.deepEqual(created, {
    packageId: "ABCD-1234",
    packageCode: "PkgCode_abc-123",
    serverSecret: "SrvSecret_xyz-789",
  });
  assert.equal(requests.length, 1);
  const [request] = requests;
  assert.equal(request.method, "PUT");
  assert.equal(request.url, "https://acme.example/api/v2.0/package/");
  assert.equal(request.body, '{"vdr":false}');
  assert.equal(request.headers.get("ss-api-key"), "testApiKey123");
  assert.equal(request.headers.get("ss-request-timestamp"), "2026-11-25T01:24:09+0000");
  assert.equal(
    request.headers.get("ss-request-signature"),
    "3c74fcd1473466ac367dd00cb6bcca16ed7086bbe79a0f5a8f2a3f793659652d",
  );
  assert.equal(request.headers.get("ss-request-api"), "JS_API");
  assert.equal(request.headers.get("content-type"), "application/json");
  assert.deepEqual([...request.headers.keys()].sort(), [
    "content-type",
    "ss-api-key",
    "ss-request-api",
    "ss-request-signature",
    "ss-request-timestamp",
  ]);
});

Deno.test("api: sign() reproduces the vector and ignores the query string", async () => {
  const client = signedClient(recorder().fetch);
  assert.equal(
    await client.sign("/api/v2.0/package/", "2026-11-25T01:24:09+0000", '{"vdr":false}'),
    "3c74fcd1473466ac367dd00cb6bcca16ed7086bbe79a0f5a8f2a3f793659652d",
  );
  assert.equal(
    await client.sign("/api/v2.0/package/?rowIndex=0", "2026-11-25T01:24:09+0000"),
    await hmacHex(SECRET, KEY + "/api/v2.0/package/2026-11-25T01:24:09+0000"),
  );
});

Deno.test("api: a query string is sent but not signed", async () => {
  const { requests, fetch } = recorder({ response: "SUCCESS", packages: [] });
  const client = signedClient(fetch);
  await client.request("GET", "/package/?rowIndex=0");
  const [request] = requests;
  assert.equal(request.url, "https://acme.example/api/v2.0/package/?rowIndex=0");
  assert.equal(request.body, undefined);
  assert.equal(request.headers.get("content-type"), "application/json");
  assert.equal(
    request.headers.get("ss-request-signature"),
    await hmacHex(SECRET, KEY + "/api/v2.0/package/2026-11-25T01:24:09+0000"),
  );
});

Deno.test("api: formatTimestamp uses +0000 and drops milliseconds", () => {
  assert.equal(formatTimestamp(new Date("2019-01-14T22:24:00.999Z")), "2019-01-14T22:24:00+0000");
});

/** Each call: what the client is asked to do, what it must send, what the server answers. */
const CALLS: {
  name: string;
  run: (client: SendSafelyClient) => Promise<unknown>;
  method: string;
  path: string;
  body?: string;
  answer: Envelope;
  result: unknown;
}[] = [
  {
    name: "verifyCredentials",
    run: (c) => c.verifyCredentials(),
    method: "GET",
    path: "/config/verify-credentials/",
    answer: { response: "SUCCESS", message: "agent@acme.example" },
    result: "agent@acme.example",
  },
  {
    name: "getUser",
    run: async (c) => (await c.getUser()).email,
    method: "GET",
    path: "/user/",
    answer: { response: "SUCCESS", email: "agent@acme.example", firstName: "A" },
    result: "agent@acme.example",
  },
  {
    name: "getEnterprise",
    run: async (c) => (await c.getEnterprise()).allowUndisclosedRecipients,
    method: "GET",
    path: "/enterprise/",
    answer: { response: "SUCCESS", allowUndisclosedRecipients: true },
    result: true,
  },
  {
    name: "getPackage",
    run: (c) => c.getPackage("PkgCode_abc-123"),
    method: "GET",
    path: "/package/PkgCode_abc-123/",
    answer: {
      response: "SUCCESS",
      packageId: "ABCD-1234",
      packageCode: "PkgCode_abc-123",
      serverSecret: "SrvSecret_xyz-789",
      rootDirectoryId: "root",
      recipients: [],
      files: [{ fileId: "file-1", fileName: "big.bin", fileSize: 6000000, parts: 3 }],
      directories: [],
      state: "ACTIVE",
      life: 10,
      label: "",
      isArchived: false,
    },
    result: {
      packageId: "ABCD-1234",
      packageCode: "PkgCode_abc-123",
      serverSecret: "SrvSecret_xyz-789",
      rootDirectoryId: "root",
      files: [{
        fileId: "file-1",
        fileName: "big.bin",
        fileSize: 6000000,
        parts: 3,
        createdByEmail: undefined,
        uploaded: undefined,
      }],
      recipients: [],
      state: "ACTIVE",
      life: 10,
      label: "",
      needsApproval: undefined,
      isArchived: false,
      expiration: undefined,
      padlockManage: undefined,
    },
  },
  {
    name: "updatePackage",
    run: (c) => c.updatePackage("ABCD-1234", { life: 15 }),
    method: "POST",
    path: "/package/ABCD-1234/",
    body: '{"life":15}',
    answer: { response: "SUCCESS" },
    result: undefined,
  },
  {
    name: "deletePackage",
    run: (c) => c.deletePackage("ABCD-1234"),
    method: "DELETE",
    path: "/package/ABCD-1234/",
    answer: { response: "SUCCESS" },
    result: undefined,
  },
  {
    name: "addRecipients",
    run: (c) => c.addRecipients("ABCD-1234", ["a@x.example", "b@x.example"]),
    method: "PUT",
    path: "/package/ABCD-1234/recipients/",
    body: '{"emails":["a@x.example","b@x.example"],"autoEnableSMS":false}',
    answer: {
      response: "SUCCESS",
      recipients: [{ recipientId: "r1", email: "a@x.example", response: "SUCCESS" }],
      approvalRequired: false,
      approvers: [],
    },
    result: {
      recipients: [{ recipientId: "r1", email: "a@x.example", response: "SUCCESS" }],
      approvalRequired: false,
      approvers: [],
    },
  },
  {
    name: "createFile",
    run: (c) =>
      c.createFile("ABCD-1234", { filename: "my file é#&?.txt", parts: 3, filesize: 6000000 }),
    method: "PUT",
    path: "/package/ABCD-1234/file/",
    body: '{"filename":"my%20file%20%C3%A9#&?.txt","uploadType":"JS_API","parts":3,' +
      '"filesize":6000000}',
    answer: { response: "SUCCESS", message: "file-1", fileId: "file-1" },
    result: "file-1",
  },
  {
    name: "getUploadUrls",
    run: (c) => c.getUploadUrls("ABCD-1234", "file-1", 26),
    method: "POST",
    path: "/package/ABCD-1234/file/file-1/upload-urls/",
    body: '{"part":26,"forceProxy":false}',
    answer: {
      response: "SUCCESS",
      uploadUrls: [{ part: 26, url: "https://s3.example/26" }, {
        part: 27,
        url: "https://s3.example/27",
      }],
    },
    result: [{ part: 26, url: "https://s3.example/26" }, {
      part: 27,
      url: "https://s3.example/27",
    }],
  },
  {
    name: "uploadComplete (done)",
    run: (c) => c.uploadComplete("ABCD-1234", "file-1"),
    method: "POST",
    path: "/package/ABCD-1234/file/file-1/upload-complete/",
    body: '{"complete":true,"directoryId":""}',
    answer: { response: "SUCCESS", message: "true" },
    result: true,
  },
  {
    name: "uploadComplete (not yet)",
    run: (c) => c.uploadComplete("ABCD-1234", "file-1"),
    method: "POST",
    path: "/package/ABCD-1234/file/file-1/upload-complete/",
    body: '{"complete":true,"directoryId":""}',
    answer: { response: "SUCCESS", message: "false" },
    result: false,
  },
  {
    name: "putMessage",
    run: (c) => c.putMessage("ABCD-1234", "wcBMA+/="),
    method: "PUT",
    path: "/package/ABCD-1234/message/",
    body: '{"message":"wcBMA+/=","uploadType":"JS_API"}',
    answer: { response: "SUCCESS" },
    result: undefined,
  },
  {
    name: "getMessage",
    run: (c) => c.getMessage("ABCD-1234", "ab".repeat(32)),
    method: "GET",
    path: `/package/ABCD-1234/message/${"ab".repeat(32)}`,
    answer: { response: "SUCCESS", message: "wcBMA+/=" },
    result: "wcBMA+/=",
  },
  {
    name: "getPublicKeys",
    run: (c) => c.getPublicKeys("ABCD-1234"),
    method: "GET",
    path: "/package/ABCD-1234/public-keys/",
    answer: { response: "SUCCESS", publicKeys: [{ id: "k1", key: "-----BEGIN PGP…" }] },
    result: [{ id: "k1", key: "-----BEGIN PGP…" }],
  },
  {
    name: "getRecipientPublicKeys",
    run: (c) => c.getRecipientPublicKeys("ABCD-1234", "r1"),
    method: "GET",
    path: "/package/ABCD-1234/r1/public-keys/",
    answer: { response: "SUCCESS", publicKeys: [] },
    result: [],
  },
  {
    name: "putKeycode",
    run: (c) => c.putKeycode("ABCD-1234", "k1", "-----BEGIN PGP MESSAGE-----"),
    method: "PUT",
    path: "/package/ABCD-1234/link/k1/",
    body: '{"keycode":"-----BEGIN PGP MESSAGE-----","notifyRecipients":true}',
    answer: { response: "SUCCESS" },
    result: undefined,
  },
  {
    name: "finalize (minimal)",
    run: (c) =>
      c.finalize("ABCD-1234", {
        checksum: "cd".repeat(32),
        undisclosedRecipients: false,
        notifyRecipients: false,
      }),
    method: "POST",
    path: "/package/ABCD-1234/finalize/",
    body: `{"checksum":"${
      "cd".repeat(32)
    }","undisclosedRecipients":false,"notifyRecipients":false}`,
    answer: {
      response: "SUCCESS",
      message: "https://acme.example/receive/?thread=ABCD-1234&packageCode=PkgCode_abc-123",
      recipients: [{ email: "a@x.example" }],
      approvers: [],
      needsLink: true,
    },
    result: {
      link: "https://acme.example/receive/?thread=ABCD-1234&packageCode=PkgCode_abc-123",
      recipients: [{ email: "a@x.example" }],
      approvers: [],
      needsApproval: false,
    },
  },
  {
    name: "finalize (all fields)",
    run: (c) =>
      c.finalize("ABCD-1234", {
        checksum: "cd".repeat(32),
        undisclosedRecipients: true,
        notifyRecipients: true,
        password: "pw",
        unconfirmedSender: "user@x.example",
      }),
    method: "POST",
    path: "/package/ABCD-1234/finalize/",
    body: `{"checksum":"${"cd".repeat(32)}","undisclosedRecipients":true,` +
      `"notifyRecipients":true,"password":"pw","unconfirmedSender":"user@x.example"}`,
    answer: { response: "SUCCESS", message: "https://acme.example/receive/?packageCode=P" },
    result: {
      link: "https://acme.example/receive/?packageCode=P",
      recipients: [],
      approvers: [],
      needsApproval: false,
    },
  },
  {
    name: "finalize (PACKAGE_NEEDS_APPROVAL)",
    run: (c) =>
      c.finalize("ABCD-1234", {
        checksum: "cd".repeat(32),
        undisclosedRecipients: false,
        notifyRecipients: false,
      }),
    method: "POST",
    path: "/package/ABCD-1234/finalize/",
    body: `{"checksum":"${
      "cd".repeat(32)
    }","undisclosedRecipients":false,"notifyRecipients":false}`,
    answer: {
      response: "PACKAGE_NEEDS_APPROVAL",
      message: "https://acme.example/receive/?packageCode=P",
      approvers: ["boss@x.example"],
    },
    result: {
      link: "https://acme.example/receive/?packageCode=P",
      recipients: [],
      approvers: ["boss@x.example"],
      needsApproval: true,
    },
  },
  {
    name: "getDownloadUrls",
    run: (c) => c.getDownloadUrls("ABCD-1234", "file-1", "ef".repeat(32), 26, 50),
    method: "POST",
    path: "/package/ABCD-1234/file/file-1/download-urls/",
    body: `{"checksum":"${"ef".repeat(32)}","startSegment":26,"endSegment":50}`,
    answer: { response: "SUCCESS", downloadUrls: [{ part: 26, url: "https://s3.example/d26" }] },
    result: [{ part: 26, url: "https://s3.example/d26" }],
  },
];

for (const call of CALLS) {
  Deno.test(`api: ${call.name} sends ${call.method} ${call.path}`, async () => {
    const { requests, fetch } = recorder(call.answer);
    const client = signedClient(fetch);
    assert.deepEqual(await call.run(client), call.result);
    assert.equal(requests.length, 1);
    const [request] = requests;
    assert.equal(request.method, call.method);
    assert.equal(request.url, `${HOST}/api/v2.0${call.path}`);
    assert.equal(request.body, call.body);
    assert.equal(request.headers.get("content-type"), "application/json");
    assert.equal(request.headers.get("ss-api-key"), KEY);
    assert.equal(request.headers.get("ss-request-api"), "JS_API");
    const timestamp = "2026-11-25T01:24:09+0000";
    assert.equal(request.headers.get("ss-request-timestamp"), timestamp);
    assert.equal(
      request.headers.get("ss-request-signature"),
      await hmacHex(
        SECRET,
        `${KEY}/api/v2.0${call.path.split("?")[0]}${timestamp}${call.body ?? ""}`,
      ),
    );
    // The secret itself never travels.
    const everything = [request.url, String(request.body), ...request.headers.values()].join("\n");
    assert.ok(!everything.includes(SECRET));
  });
}

Deno.test("api: dropzone mode uses /drop-zone/v2.0, the dropzone id and no signature", async () => {
  const { requests, fetch } = recorder({
    response: "SUCCESS",
    packageId: "P",
    packageCode: "C",
    serverSecret: "S",
  });
  const client = new SendSafelyClient({
    host: HOST,
    credentials: { dropzoneId: "dz-42" },
    requestApi: "PADLOCK",
    fetch,
  });
  assert.equal(client.mode, "dropzone");
  await client.createPackage();
  const [request] = requests;
  assert.equal(request.method, "PUT");
  assert.equal(request.url, `${HOST}/drop-zone/v2.0/package/`);
  assert.equal(request.body, '{"vdr":false}');
  assert.deepEqual(Object.fromEntries(request.headers), {
    "content-type": "application/json",
    "ss-api-key": "dz-42",
    "ss-request-api": "PADLOCK",
  });
  await assert.rejects(() => client.sign("/x", "t"), TypeError);
});

Deno.test("api: session mode sends no key and includes the cookie", async () => {
  const { requests, fetch } = recorder({ response: "SUCCESS", message: "me@x.example" });
  const client = new SendSafelyClient({ host: HOST, credentials: { session: true }, fetch });
  assert.equal(client.mode, "session");
  assert.equal(await client.verifyCredentials(), "me@x.example");
  const [request] = requests;
  assert.equal(request.url, `${HOST}/api/v2.0/config/verify-credentials/`);
  assert.equal(request.credentials, "include");
  assert.deepEqual(Object.fromEntries(request.headers), {
    "content-type": "application/json",
    "ss-request-api": "JS_API",
  });
});

Deno.test("api: path parameters are URI-encoded", async () => {
  const { requests, fetch } = recorder({ response: "SUCCESS" });
  await signedClient(fetch).deletePackage("a/b?c");
  assert.equal(requests[0].url, `${HOST}/api/v2.0/package/a%2Fb%3Fc/`);
});

Deno.test("api: a non-SUCCESS envelope becomes ApiError with the server's code and message", async () => {
  const { fetch } = recorder({ response: "LIMIT_EXCEEDED", message: "Too many files" });
  const client = signedClient(fetch);
  await assert.rejects(
    () => client.createFile("P", { filename: "a", parts: 1, filesize: 1 }),
    (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.name, "ApiError");
      assert.equal(error.code, "LIMIT_EXCEEDED");
      assert.match(error.message, /Too many files/);
      assert.ok(!error.message.includes(SECRET));
      return true;
    },
  );
});

Deno.test("api: HTTP, JSON, network and time-limit failures map to their codes", async () => {
  const cases: [string, typeof globalThis.fetch, number?][] = [
    ["HTTP_ERROR", recorder(json({ response: "SUCCESS" }, 502)).fetch, 502],
    ["HTTP_ERROR", recorder(json({ response: "AUTHENTICATION_FAILED" }, 401)).fetch, 401],
    ["BAD_RESPONSE", recorder(() => new Response("<html>oops</html>")).fetch, 200],
    ["BAD_RESPONSE", recorder(() => new Response("")).fetch, 200],
    ["BAD_RESPONSE", recorder(() => json([1, 2])).fetch, 200],
    ["BAD_RESPONSE", recorder(() => json({ message: "no code" })).fetch, 200],
    ["NETWORK_ERROR", (() => Promise.reject(new TypeError("connection refused"))) as typeof fetch],
    [
      "TIMEOUT",
      ((_: unknown, init: RequestInit) =>
        new Promise((_resolve, reject) => {
          init.signal!.addEventListener("abort", () => reject(init.signal!.reason));
        })) as typeof fetch,
    ],
  ];
  for (const [code, fetch, status] of cases) {
    const client = new SendSafelyClient({
      host: HOST,
      credentials: { apiKey: KEY, apiSecret: SECRET },
      fetch,
      timeout: 20,
    });
    await assert.rejects(() => client.verifyCredentials(), (error: unknown) => {
      assert.ok(error instanceof ApiError, String(error));
      assert.equal(error.code, code);
      assert.equal(error.status, status);
      assert.ok(!error.message.includes(SECRET));
      return true;
    });
  }
});

Deno.test("api: a caller's abort rejects with the signal's reason, not ApiError", async () => {
  const fetch = ((_: unknown, init: RequestInit) =>
    new Promise((_resolve, reject) => {
      init.signal!.addEventListener("abort", () => reject(init.signal!.reason));
    })) as typeof globalThis.fetch;
  const client = signedClient(fetch);
  const controller = new AbortController();
  const pending = client.verifyCredentials({ signal: controller.signal });
  controller.abort();
  await assert.rejects(pending, isAbortError);
  await assert.rejects(
    () => client.getPart("https://s3.example/1", AbortSignal.abort(new Error("stop"))),
    /stop/,
  );
});

Deno.test("api: constructor validates host, credentials and timeouts", () => {
  const fetch = recorder().fetch;
  assert.throws(
    () => new SendSafelyClient({ host: "ftp://x", credentials: { session: true }, fetch }),
    TypeError,
  );
  assert.throws(
    () => new SendSafelyClient({ host: "not a url", credentials: { session: true }, fetch }),
    TypeError,
  );
  assert.throws(
    () =>
      new SendSafelyClient({
        host: HOST,
        credentials: { apiKey: "k", apiSecret: "" },
        fetch,
      }),
    TypeError,
  );
  assert.throws(
    () => new SendSafelyClient({ host: HOST, credentials: {} as Credentials, fetch }),
    TypeError,
  );
  assert.throws(
    () => new SendSafelyClient({ host: HOST, credentials: { session: true }, fetch, timeout: 0 }),
    RangeError,
  );
});

/** Starts a real HTTP server on 127.0.0.1 that records what reaches it. */
function recordingServer(answer: (request: Request, body: Uint8Array) => Response) {
  const seen: { method: string; path: string; headers: Headers; body: Uint8Array }[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const body = new Uint8Array(await request.arrayBuffer());
    seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      headers: request.headers,
      body,
    });
    return answer(request, body);
  });
  const url = `http://127.0.0.1:${server.addr.port}`;
  return { seen, url, server };
}

Deno.test("api: putPart sends the raw bytes with no Content-Type and no ss-* headers", async () => {
  const { seen, url, server } = recordingServer(() => new Response(null, { status: 200 }));
  try {
    const client = signedClient((input, init) => fetch(input, init));
    const bytes = randomBytes(70_000);
    // A view into a bigger buffer: only the view may be sent.
    const padded = new Uint8Array(bytes.length + 10);
    padded.set(bytes, 5);
    await client.putPart(`${url}/parts/abc?sig=1`, padded.subarray(5, 5 + bytes.length));
    assert.equal(seen.length, 1);
    assert.equal(seen[0].method, "PUT");
    assert.equal(seen[0].path, "/parts/abc");
    assert.equal(seen[0].headers.get("content-type"), null);
    assert.equal(seen[0].headers.get("content-length"), String(bytes.length));
    assert.deepEqual([...seen[0].headers.keys()].filter((name) => name.startsWith("ss-")), []);
    assert.deepEqual(seen[0].body, bytes);
  } finally {
    await server.shutdown();
  }
});

Deno.test("api: putPart and getPart report HTTP failures; getPart returns the bytes", async () => {
  const stored = crypto.getRandomValues(new Uint8Array(1234));
  const { url, server } = recordingServer((request) =>
    request.method === "GET" && new URL(request.url).pathname === "/good"
      ? new Response(stored, { headers: { "Content-Type": "application/octet-stream" } })
      : new Response("denied", { status: 403 })
  );
  try {
    const client = signedClient((input, init) => fetch(input, init));
    assert.deepEqual(await client.getPart(`${url}/good`), stored);
    for (
      const attempt of [
        () => client.getPart(`${url}/bad`),
        () => client.putPart(`${url}/bad`, stored),
      ]
    ) {
      await assert.rejects(attempt, (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.code, "HTTP_ERROR");
        assert.equal(error.status, 403);
        return true;
      });
    }
  } finally {
    await server.shutdown();
  }
});

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

Deno.test("api: proxyUpload sends the spec 2.4.3 multipart body, signed over requestData", async () => {
  const { seen, url, server } = recordingServer(() => json({ response: "SUCCESS" }));
  try {
    const client = new SendSafelyClient({
      host: url,
      credentials: { apiKey: KEY, apiSecret: SECRET },
      fetch: (input, init) => fetch(input, init),
      now: () => VECTOR_TIME,
    });
    const bytes = crypto.getRandomValues(new Uint8Array(5000));
    await client.proxyUpload("ABCD-1234", "file-1", 2, bytes);
    assert.equal(seen.length, 1);
    const [request] = seen;
    assert.equal(request.method, "POST");
    assert.equal(request.path, "/api/v2.0/package/ABCD-1234/file/file-1/");
    const contentType = request.headers.get("content-type")!;
    const match = /^multipart\/form-data; boundary=(------JSAPIFormDataBoundary0\.[0-9a-z]+)$/
      .exec(contentType);
    assert.ok(match, contentType);
    const boundary = match[1];
    const requestData = '{"fileId":"file-1","uploadType":"JS_API","filePart":2}';
    const expected = [
      latin1(
        `--${boundary}\r\nContent-Disposition: form-data; name="requestData"\r\n\r\n` +
          `${requestData}\r\n--${boundary}\r\n` +
          `Content-Disposition: form-data; name="textFile"; filename="file.txt"\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      latin1(`\r\n--${boundary}--\r\n`),
    ];
    const expectedBody = new Uint8Array(expected.reduce((n, a) => n + a.length, 0));
    expected.reduce((offset, a) => (expectedBody.set(a, offset), offset + a.length), 0);
    assert.deepEqual(request.body, expectedBody);
    assert.deepEqual(multipartBody(boundary, requestData, bytes), expectedBody);
    assert.equal(request.headers.get("content-length"), String(expectedBody.length));
    assert.equal(request.headers.get("ss-api-key"), KEY);
    assert.equal(request.headers.get("ss-request-api"), "JS_API");
    assert.equal(request.headers.get("ss-request-timestamp"), "2026-11-25T01:24:09+0000");
    assert.equal(
      request.headers.get("ss-request-signature"),
      await hmacHex(
        SECRET,
        `${KEY}/api/v2.0/package/ABCD-1234/file/file-1/2026-11-25T01:24:09+0000${requestData}`,
      ),
    );
    // A form parser reads the same two fields back.
    const form = await new Request("http://x/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: request.body,
    }).formData();
    assert.equal(form.get("requestData"), requestData);
    const file = form.get("textFile") as File;
    assert.equal(file.name, "file.txt");
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), bytes);
  } finally {
    await server.shutdown();
  }
});

Deno.test("api: dropzone proxyUpload is unsigned under /drop-zone/v2.0; errors are ApiError", async () => {
  const { requests, fetch } = recorder({ response: "AUTHENTICATION_FAILED", message: "No" });
  const client = new SendSafelyClient({ host: HOST, credentials: { dropzoneId: "dz" }, fetch });
  await assert.rejects(
    () => client.proxyUpload("P", "F", 1, new Uint8Array([1, 2, 3])),
    (error: unknown) => error instanceof ApiError && error.code === "AUTHENTICATION_FAILED",
  );
  const [request] = requests;
  assert.equal(request.url, `${HOST}/drop-zone/v2.0/package/P/file/F/`);
  assert.equal(request.headers.get("ss-api-key"), "dz");
  assert.equal(request.headers.get("ss-request-signature"), null);
  assert.equal(request.headers.get("ss-request-timestamp"), null);
  assert.match(request.headers.get("content-type")!, /^multipart\/form-data; boundary=/);
});

Deno.test("api: finalize without a link in the answer is BAD_RESPONSE", async () => {
  const { fetch } = recorder({ response: "SUCCESS" });
  await assert.rejects(
    () =>
      signedClient(fetch).finalize("P", {
        checksum: "c",
        undisclosedRecipients: true,
        notifyRecipients: false,
      }),
    (error: unknown) => error instanceof ApiError && error.code === "BAD_RESPONSE",
  );
});

Deno.test("api: invalid arguments are refused before any request", async () => {
  const { requests, fetch } = recorder({ response: "SUCCESS" });
  const client = signedClient(fetch);
  await assert.rejects(() => client.getUploadUrls("P", "F", 0), RangeError);
  await assert.rejects(() => client.updatePackage("P", { life: 366 }), RangeError);
  await assert.rejects(() => client.addRecipients("P", []), TypeError);
  await assert.rejects(() => client.getPackage(""), TypeError);
  await assert.rejects(() => client.request("GET", "package/"), TypeError);
  assert.equal(requests.length, 0);
});
