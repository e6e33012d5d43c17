/**
 * The service over real HTTP with hand-built requests: the signing test vector,
 * CORS, and the whole package life cycle for agents, dropzones and anonymous sessions.
 */
import assert from "node:assert/strict";
import { formatTimestamp, signRequest } from "../../server/mod.ts";
import { clientFor } from "./_clients.ts";
import {
  addAgent,
  agentCall,
  type Answer,
  backendTest,
  countRows,
  dropzoneCall,
  sessionCall,
  sha256,
  signedCall,
  storageTest,
  testBytes,
  withService,
} from "./_helpers.ts";

const CHECKSUM = "876a101c058ef2f5ed7952ff54fae3d338d9b902d3a3aa84308059d5dbdb3ff3";

function ok(answer: Answer): Record<string, unknown> {
  assert.equal(answer.status, 200);
  assert.equal(answer.body.response, "SUCCESS", JSON.stringify(answer.body));
  return answer.body;
}

type Call = (method: string, path: string, body?: unknown) => Promise<Answer>;

/** Uploads `parts` (already "encrypted" bytes, opaque to the service) through upload URLs. */
async function uploadFile(
  call: Call,
  packageId: string,
  name: string,
  parts: Uint8Array<ArrayBuffer>[],
) {
  const size = parts.reduce((total, part) => total + part.length, 0);
  const created = ok(
    await call("PUT", `/package/${packageId}/file/`, {
      filename: encodeURI(name),
      uploadType: "TEST_API",
      parts: parts.length,
      filesize: size,
    }),
  );
  const fileId = created.message as string;
  assert.equal(created.fileId, fileId);
  const urls = ok(
    await call("POST", `/package/${packageId}/file/${fileId}/upload-urls/`, {
      part: 1,
      forceProxy: false,
    }),
  ).uploadUrls as { part: number; url: string }[];
  assert.deepEqual(urls.map((url) => url.part), parts.map((_, index) => index + 1));
  for (const { part, url } of urls) {
    const response = await fetch(url, { method: "PUT", body: parts[part - 1] });
    assert.equal(response.status, 200);
    await response.body?.cancel();
  }
  const complete = ok(
    await call("POST", `/package/${packageId}/file/${fileId}/upload-complete/`, {
      complete: true,
      directoryId: "",
    }),
  );
  assert.equal(complete.message, "true");
  return fileId;
}

async function downloadFile(
  call: Call,
  packageId: string,
  fileId: string,
  checksum: string,
  parts: number,
): Promise<Uint8Array[]> {
  const urls = ok(
    await call("POST", `/package/${packageId}/file/${fileId}/download-urls/`, {
      checksum,
      startSegment: 1,
      endSegment: 26,
    }),
  ).downloadUrls as { part: number; url: string }[];
  assert.equal(urls.length, parts);
  const result = [];
  for (const { url } of urls) {
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "application/octet-stream");
    result.push(new Uint8Array(await response.arrayBuffer()));
  }
  return result;
}

Deno.test("signatures follow the spec's test vector", () => {
  const signature = signRequest(
    "testApiSecret456",
    "testApiKey123",
    "/api/v2.0/package/",
    "2026-11-25T01:24:09+0000",
    new TextEncoder().encode('{"vdr":false}'),
  );
  assert.equal(signature, "3c74fcd1473466ac367dd00cb6bcca16ed7086bbe79a0f5a8f2a3f793659652d");
});

backendTest(
  "preflights and every API answer carry the CORS headers and a JSON type",
  async (backend) => {
    await withService(
      async (service) => {
        const preflight = await fetch(service.server.url + "/api/v2.0/package/", {
          method: "OPTIONS",
          headers: {
            Origin: "null",
            "Access-Control-Request-Method": "PUT",
            "Access-Control-Request-Headers":
              "ss-api-key, ss-request-timestamp, ss-request-signature",
          },
        });
        await preflight.body?.cancel();
        assert.ok(preflight.status >= 200 && preflight.status < 300);
        assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
        assert.equal(preflight.headers.get("access-control-allow-headers"), "*");
        assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /PUT/);
        const answers = [
          await agentCall(service, "GET", "/config/verify-credentials/"),
          await agentCall(service, "GET", "/no/such/call/"),
          await sessionCall(service, "GET", "/user/"),
        ];
        for (const answer of answers) {
          assert.equal(answer.status, 200);
          assert.equal(answer.headers.get("content-type"), "application/json");
          assert.equal(answer.headers.get("access-control-allow-origin"), "*");
        }
        assert.equal(answers[0].body.message, "agent@example.com");
        assert.equal(answers[1].body.response, "NOT_FOUND");
        assert.equal(answers[2].body.response, "AUTHENTICATION_FAILED");
      },
      { backend },
    );
  },
);

backendTest("user and enterprise info describe the agent and the service", async (backend) => {
  await withService(
    async (service) => {
      const user = ok(await agentCall(service, "GET", "/user/"));
      assert.equal(user.email, "agent@example.com");
      assert.equal(user.firstName, "Ann");
      assert.equal(user.lastName, "Agent");
      const enterprise = ok(await agentCall(service, "GET", "/enterprise/"));
      assert.equal(enterprise.allowUndisclosedRecipients, true);
      assert.equal(enterprise.host, service.server.url);
    },
    { backend },
  );
});

storageTest("an agent sends a package to a named recipient who downloads it", async (storage) => {
  await withService(async (service) => {
    const agent: Call = (method, path, body) => agentCall(service, method, path, body);
    const created = ok(await agent("PUT", "/package/", { vdr: false }));
    const packageId = created.packageId as string;
    assert.match(packageId, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.match(created.packageCode as string, /^[A-Za-z0-9_-]{43}$/);
    assert.match(created.serverSecret as string, /^[A-Za-z0-9_-]{43}$/);

    const recipients = ok(
      await agent("PUT", `/package/${packageId}/recipients/`, {
        emails: ["Reader@Example.com"],
        autoEnableSMS: false,
      }),
    );
    const [recipient] = recipients.recipients as Record<string, unknown>[];
    assert.equal(recipient.email, "reader@example.com");
    assert.equal(recipient.response, "SUCCESS");

    const parts = [testBytes(700_000, 1), testBytes(700_000, 2), testBytes(10, 3)];
    const fileId = await uploadFile(agent, packageId, "report é #1.pdf", parts);
    ok(
      await agent("PUT", `/package/${packageId}/message/`, {
        message: "aGVsbG8=",
        uploadType: "X",
      }),
    );
    const finalized = ok(
      await agent("POST", `/package/${packageId}/finalize/`, {
        checksum: CHECKSUM,
        undisclosedRecipients: false,
        notifyRecipients: false,
      }),
    );
    assert.equal(
      finalized.message,
      `${service.server.url}/receive/?thread=${packageId}&packageCode=${created.packageCode}`,
    );
    assert.equal(finalized.needsLink, true);
    assert.deepEqual(finalized.approvers, []);
    assert.equal((finalized.recipients as unknown[]).length, 1);

    const reader = await addAgent(service, "reader@example.com");
    const readerCall: Call = (method, path, body) =>
      signedCall(service, reader, method, path, body);
    const info = ok(await readerCall("GET", `/package/${created.packageCode}/`));
    assert.equal(info.packageId, packageId);
    assert.equal(info.serverSecret, created.serverSecret);
    const [file] = info.files as Record<string, unknown>[];
    assert.equal(file.fileName, "report é #1.pdf");
    assert.equal(file.parts, 3);
    assert.equal(file.fileSize, 1_400_010);
    const downloaded = await downloadFile(readerCall, packageId, fileId, CHECKSUM, 3);
    for (let index = 0; index < parts.length; index++) {
      assert.equal(await sha256(downloaded[index]), await sha256(parts[index]));
    }
    const message = ok(await readerCall("GET", `/package/${packageId}/message/${CHECKSUM}`));
    assert.equal(message.message, "aGVsbG8=");

    // A retried finalize with the same checksum gets the same link.
    const again = ok(
      await agent("POST", `/package/${packageId}/finalize/`, {
        checksum: CHECKSUM,
        undisclosedRecipients: false,
        notifyRecipients: false,
      }),
    );
    assert.equal(again.message, finalized.message);

    const sent = ok(await agent("GET", "/package/?rowIndex=0"));
    assert.deepEqual((sent.packages as Record<string, unknown>[]).map((p) => p.packageId), [
      packageId,
    ]);
    const received = ok(await readerCall("GET", "/package/received/?rowIndex=0"));
    assert.deepEqual(
      (received.packages as Record<string, unknown>[]).map((p) => p.packageId),
      [packageId],
    );
  }, storage);
});

storageTest("a dropzone upload is read by the dropzone's users only", async (storage) => {
  await withService(async (service) => {
    const dropzone: Call = (method, path, body) => dropzoneCall(service, method, path, body);
    const created = ok(await dropzone("PUT", "/package/", { vdr: false }));
    const packageId = created.packageId as string;
    const parts = [testBytes(5000, 9)];
    const fileId = await uploadFile(dropzone, packageId, "scan.png", parts);
    assert.deepEqual(
      ok(await dropzone("GET", `/package/${packageId}/public-keys/`)).publicKeys,
      [],
    );
    const finalized = ok(
      await dropzone("POST", `/package/${packageId}/finalize/`, {
        checksum: CHECKSUM,
        undisclosedRecipients: false,
        notifyRecipients: false,
        unconfirmedSender: "customer@example.org",
      }),
    );
    assert.match(finalized.message as string, /\/receive\/\?thread=/);

    // Once finalized, the public dropzone id no longer opens the package.
    const anonymous = await dropzone("GET", `/package/${packageId}/`);
    assert.equal(anonymous.body.response, "PERMISSION_DENIED");

    const owner: Call = (method, path, body) => agentCall(service, method, path, body);
    const info = ok(await owner("GET", `/package/${created.packageCode}/`));
    assert.equal(info.packageSender, "customer@example.org");
    const downloaded = await downloadFile(owner, packageId, fileId, CHECKSUM, 1);
    assert.equal(await sha256(downloaded[0]), await sha256(parts[0]));

    const stranger = await addAgent(service, "stranger@example.com");
    const refused = await signedCall(service, stranger, "GET", `/package/${created.packageCode}/`);
    assert.equal(refused.body.response, "PERMISSION_DENIED");
  }, storage);
});

backendTest(
  "anonymous sessions read undisclosed packages by code, others through the hook",
  async (backend) => {
    let allowed = "";
    await withService(async (service) => {
      const agent: Call = (method, path, body) => agentCall(service, method, path, body);
      const openPackage = ok(await agent("PUT", "/package/", {}));
      const namedPackage = ok(await agent("PUT", "/package/", {}));
      const files: Record<string, string> = {};
      for (const created of [openPackage, namedPackage]) {
        const id = created.packageId as string;
        files[id] = await uploadFile(agent, id, "a.txt", [testBytes(100)]);
      }
      ok(
        await agent("POST", `/package/${openPackage.packageId}/finalize/`, {
          checksum: CHECKSUM,
          undisclosedRecipients: true,
          notifyRecipients: false,
        }),
      );
      ok(
        await agent("PUT", `/package/${namedPackage.packageId}/recipients/`, {
          emails: ["someone@example.com"],
        }),
      );
      ok(
        await agent("POST", `/package/${namedPackage.packageId}/finalize/`, {
          checksum: CHECKSUM,
          undisclosedRecipients: false,
          notifyRecipients: false,
        }),
      );
      const session: Call = (method, path, body) => sessionCall(service, method, path, body);
      const info = ok(await session("GET", `/package/${openPackage.packageCode}/`));
      assert.equal(info.packageId, openPackage.packageId);
      const openId = openPackage.packageId as string;
      await downloadFile(session, openId, files[openId], CHECKSUM, 1);
      ok(await session("GET", `/package/${openId}/message/${CHECKSUM}`));
      // By id instead of code: refused for anonymous callers.
      assert.equal(
        (await session("GET", `/package/${openId}/`)).body.response,
        "AUTHENTICATION_FAILED",
      );

      const namedId = namedPackage.packageId as string;
      assert.equal(
        (await session("GET", `/package/${namedPackage.packageCode}/`)).body.response,
        "PERMISSION_DENIED",
      );
      const refused = await session(
        "POST",
        `/package/${namedId}/file/${files[namedId]}/download-urls/`,
        {
          checksum: CHECKSUM,
          startSegment: 1,
          endSegment: 1,
        },
      );
      assert.equal(refused.body.response, "PERMISSION_DENIED");
      allowed = namedId;
      await downloadFile(session, namedId, files[namedId], CHECKSUM, 1);
      // Sessions may not create packages.
      assert.equal((await session("PUT", "/package/", {})).body.response, "AUTHENTICATION_FAILED");
    }, {
      authorizeSession: (_req: Request, packageId: string) => packageId === allowed,
      backend,
    });
  },
);

storageTest("the multipart proxy upload stores parts and completes the file", async (storage) => {
  await withService(async (service) => {
    const created = ok(await agentCall(service, "PUT", "/package/", {}));
    const packageId = created.packageId as string;
    const file = ok(
      await agentCall(service, "PUT", `/package/${packageId}/file/`, {
        filename: "p.bin",
        uploadType: "NODE_API",
        parts: 2,
        filesize: 3000,
      }),
    );
    const fileId = file.message as string;
    const parts = [testBytes(2000, 4), testBytes(1000, 5)];
    for (const [index, bytes] of parts.entries()) {
      const requestData = JSON.stringify({ fileId, uploadType: "NODE_API", filePart: index + 1 });
      const boundary = "------JSAPIFormDataBoundary0.bzwvnosllv6";
      const path = `/api/v2.0/package/${packageId}/file/${fileId}/`;
      const timestamp = formatTimestamp(Date.now());
      const response = await fetch(service.server.url + path, {
        method: "POST",
        headers: {
          "ss-api-key": service.agent.apiKey,
          "ss-request-timestamp": timestamp,
          "ss-request-signature": signRequest(
            service.agent.apiSecret,
            service.agent.apiKey,
            path,
            timestamp,
            new TextEncoder().encode(requestData),
          ),
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
        },
        body: multipartBody(boundary, requestData, bytes),
      });
      const body = await response.json();
      assert.equal(body.response, "SUCCESS", JSON.stringify(body));
    }
    const info = ok(await agentCall(service, "GET", `/package/${packageId}/file/${fileId}/`));
    assert.equal((info.file as Record<string, unknown>).complete, true);
  }, storage);
});

backendTest(
  "the dropzone proxy upload is unsigned; a signed one with a bad signature stores nothing",
  async (backend) => {
    await withService(
      async (service) => {
        const dropzone = clientFor(service, { dropzoneId: service.dropzoneId });
        const { packageId } = await dropzone.createPackage();
        const fileId = await dropzone.createFile(packageId, {
          filename: "d.bin",
          parts: 2,
          filesize: 700_000,
        });
        await dropzone.proxyUpload(packageId, fileId, 1, testBytes(400_000, 6));
        await dropzone.proxyUpload(packageId, fileId, 2, testBytes(300_100, 7));
        const [file] = (await dropzone.getPackage(packageId)).files;
        assert.equal(file.parts, 2);
        assert.equal(await countRows(service, "parts"), 2);

        const created = ok(await agentCall(service, "PUT", "/package/", {}));
        const signedFile = ok(
          await agentCall(service, "PUT", `/package/${created.packageId}/file/`, {
            filename: "s.bin",
            parts: 1,
            filesize: 10,
          }),
        ).fileId as string;
        const path = `/api/v2.0/package/${created.packageId}/file/${signedFile}/`;
        const requestData = JSON.stringify({
          fileId: signedFile,
          uploadType: "JS_API",
          filePart: 1,
        });
        const timestamp = formatTimestamp(Date.now());
        const boundary = "------JSAPIFormDataBoundary0.abc";
        const response = await fetch(service.server.url + path, {
          method: "POST",
          headers: {
            "ss-api-key": service.agent.apiKey,
            "ss-request-timestamp": timestamp,
            // Signed over other requestData (part 2), so the signature does not match.
            "ss-request-signature": signRequest(
              service.agent.apiSecret,
              service.agent.apiKey,
              path,
              timestamp,
              new TextEncoder().encode(requestData.replace('"filePart":1', '"filePart":2')),
            ),
            "Content-Type": `multipart/form-data; boundary=${boundary}`,
          },
          body: multipartBody(boundary, requestData, testBytes(100)),
        });
        assert.equal((await response.json()).response, "AUTHENTICATION_FAILED");
        assert.equal(await countRows(service, "parts"), 2);
      },
      { backend },
    );
  },
);

backendTest(
  "the request log holds no secret: codes, server secrets, checksums, tokens, API secrets",
  async (backend) => {
    await withService(
      async (service) => {
        const agent: Call = (method, path, body) => agentCall(service, method, path, body);
        const created = ok(await agent("PUT", "/package/", {}));
        const packageId = created.packageId as string;
        await uploadFile(agent, packageId, "x.bin", [testBytes(500)]);
        ok(
          await agent("POST", `/package/${packageId}/finalize/`, {
            checksum: CHECKSUM,
            undisclosedRecipients: true,
          }),
        );
        const session: Call = (method, path, body) => sessionCall(service, method, path, body);
        const info = ok(
          await session(
            "GET",
            `/package/${created.packageCode}/?packageCode=${created.packageCode}`,
          ),
        );
        const fileId = (info.files as { fileId: string }[])[0].fileId;
        const urls = ok(
          await session("POST", `/package/${packageId}/file/${fileId}/download-urls/`, {
            checksum: CHECKSUM,
          }),
        ).downloadUrls as { url: string }[];
        await (await fetch(urls[0].url)).body?.cancel();
        await session("GET", `/package/${packageId}/message/${CHECKSUM}`);
        const log = service.logs.map((entry) => JSON.stringify(entry)).join("\n");
        assert.ok(log.includes(packageId), "ids are logged");
        const secrets = [
          created.packageCode as string,
          created.serverSecret as string,
          CHECKSUM,
          service.agent.apiSecret,
          new URL(urls[0].url).pathname.split("/").at(-1)!,
        ];
        for (const secret of secrets) assert.ok(!log.includes(secret), "a secret reached the log");
      },
      { backend },
    );
  },
);

/** The multipart body exactly as the SDK builds it (spec 2.4.3). */
function multipartBody(
  boundary: string,
  requestData: string,
  bytes: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="requestData"\r\n\r\n` +
      `${requestData}\r\n--${boundary}\r\n` +
      `Content-Disposition: form-data; name="textFile"; filename="file.txt"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const body = new Uint8Array(head.length + bytes.length + tail.length);
  body.set(head);
  body.set(bytes, head.length);
  body.set(tail, head.length + bytes.length);
  return body;
}
