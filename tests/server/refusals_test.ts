/**
 * Bad input is refused with the right `response` code and changes nothing: wrong
 * signatures, stale timestamps, malformed JSON, wrong checksums, parts out of range
 * or too large, unknown and expired packages, path traversal, other users' packages.
 */
import assert from "node:assert/strict";
import { formatTimestamp } from "../../server/mod.ts";
import {
  addAgent,
  agentCall,
  type Answer,
  backendTest,
  countRows,
  dropzoneCall,
  PROXY_STORAGES,
  signedCall,
  storageTest,
  storedObjects,
  testBytes,
  type TestService,
  withService,
} from "./_helpers.ts";

const CHECKSUM = "876a101c058ef2f5ed7952ff54fae3d338d9b902d3a3aa84308059d5dbdb3ff3";
const WRONG_CHECKSUM = "0".repeat(64);

function refused(answer: Answer, code: string): void {
  assert.equal(answer.status, 200, `HTTP status for ${code}`);
  assert.equal(answer.headers.get("content-type"), "application/json");
  assert.equal(answer.body.response, code, JSON.stringify(answer.body));
  assert.equal(typeof answer.body.message, "string");
  assert.ok((answer.body.message as string).length > 10, "a readable message");
}

function success(answer: Answer): Record<string, unknown> {
  assert.equal(answer.body.response, "SUCCESS", JSON.stringify(answer.body));
  return answer.body;
}

/** A snapshot of every table, to show a refusal changed nothing. */
async function snapshot(service: TestService): Promise<Record<string, number>> {
  const tables = ["users", "api_keys", "packages", "recipients", "files", "parts", "part_urls"];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(service, table);
  return counts;
}

/** A finalized package with one 1-part file, built through the API. */
async function finalizedPackage(service: TestService) {
  const created = success(await agentCall(service, "PUT", "/package/", {}));
  const packageId = created.packageId as string;
  const fileId = success(
    await agentCall(service, "PUT", `/package/${packageId}/file/`, {
      filename: "a.bin",
      parts: 1,
      filesize: 100,
    }),
  ).message as string;
  const [{ url }] = success(
    await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/upload-urls/`, {
      part: 1,
    }),
  ).uploadUrls as { url: string }[];
  const put = await fetch(url, { method: "PUT", body: testBytes(150) });
  assert.equal(put.status, 200);
  await put.body?.cancel();
  success(
    await agentCall(service, "POST", `/package/${packageId}/finalize/`, {
      checksum: CHECKSUM,
      undisclosedRecipients: true,
      notifyRecipients: false,
    }),
  );
  return { packageId, fileId, packageCode: created.packageCode as string, uploadUrl: url };
}

backendTest("wrong signatures, stale timestamps and revoked keys are refused", async (backend) => {
  await withService(
    async (service) => {
      const before = await snapshot(service);
      const body = { vdr: false };
      refused(
        await agentCall(service, "PUT", "/package/", body, { signature: "ab".repeat(32) }),
        "AUTHENTICATION_FAILED",
      );
      refused(
        await signedCall(
          service,
          { ...service.agent, apiSecret: "not the secret" },
          "PUT",
          "/package/",
          body,
        ),
        "AUTHENTICATION_FAILED",
      );
      // Signed over a different body than the one sent.
      refused(
        await agentCall(service, "PUT", "/package/", body, {
          signature: (await import("../../server/mod.ts")).signRequest(
            service.agent.apiSecret,
            service.agent.apiKey,
            "/api/v2.0/package/",
            formatTimestamp(Date.now()),
            new TextEncoder().encode('{"vdr":true}'),
          ),
        }),
        "AUTHENTICATION_FAILED",
      );
      for (const offsetMinutes of [-11, 11]) {
        refused(
          await agentCall(service, "PUT", "/package/", body, {
            timestamp: formatTimestamp(Date.now() + offsetMinutes * 60_000),
          }),
          "AUTHENTICATION_FAILED",
        );
      }
      for (
        const timestamp of ["2026-11-25T01:24:09Z", "2026-02-30T01:24:09+0000", "yesterday", ""]
      ) {
        refused(
          await agentCall(service, "PUT", "/package/", body, { timestamp }),
          "AUTHENTICATION_FAILED",
        );
      }
      refused(
        await signedCall(
          service,
          { apiKey: "no-such-key", apiSecret: "x" },
          "PUT",
          "/package/",
          body,
        ),
        "AUTHENTICATION_FAILED",
      );
      refused(
        await dropzoneCall(service, "PUT", "/package/", body, "no-such-dropzone"),
        "AUTHENTICATION_FAILED",
      );
      const other = await addAgent(service, "other@example.com");
      const afterAdding = await snapshot(service);
      assert.ok(await service.server.accounts.revokeApiKey(other.apiKey));
      refused(await signedCall(service, other, "PUT", "/package/", body), "AUTHENTICATION_FAILED");
      assert.deepEqual(await snapshot(service), afterAdding);
      assert.equal(before.packages, afterAdding.packages);
      // Within the window the same request works.
      service.clock.offsetMs = 9 * 60_000;
      success(
        await agentCall(service, "PUT", "/package/", body, {
          timestamp: formatTimestamp(Date.now()),
        }),
      );
    },
    { backend },
  );
});

backendTest(
  "malformed and oversized bodies are refused with INVALID_INPUT or LIMIT_EXCEEDED",
  async (backend) => {
    await withService(
      async (service) => {
        const { packageId } = {
          packageId: success(await agentCall(service, "PUT", "/package/", {})).packageId,
        };
        const before = await snapshot(service);
        const path = `/package/${packageId}/file/`;
        for (
          const rawBody of [
            '{"filename": "a.txt", "parts": 1,',
            "[1,2]",
            "null",
            '"text"',
            "\xff\xfe",
          ]
        ) {
          refused(await agentCall(service, "PUT", path, undefined, { rawBody }), "INVALID_INPUT");
        }
        const invalidFields = [
          { filename: "a.txt", parts: "abc", filesize: 1 },
          { filename: "a.txt", parts: 1, filesize: -1 },
          { filename: "a.txt", parts: 0, filesize: 1 },
          { filename: "a.txt", parts: 1.5, filesize: 1 },
          { filename: "a.txt", parts: 1 },
          { filename: "a.txt", parts: 50, filesize: 10 },
          { filename: "a.txt", parts: 1, filesize: 1, directoryId: "d" },
        ];
        for (const fields of invalidFields) {
          refused(await agentCall(service, "PUT", path, fields), "INVALID_INPUT");
        }
        refused(
          await agentCall(service, "PUT", path, { filename: "a.txt", parts: 1, filesize: 1 }, {
            rawBody: JSON.stringify({ filename: "x".repeat(300_000), parts: 1, filesize: 1 }),
          }),
          "LIMIT_EXCEEDED",
        );
        refused(
          await agentCall(service, "PUT", path, {
            filename: "big.iso",
            parts: 5000,
            filesize: 20 * 1024 ** 3,
          }),
          "LIMIT_EXCEEDED",
        );
        refused(
          await agentCall(service, "PUT", `/package/${packageId}/recipients/`, { emails: "a@b.c" }),
          "INVALID_INPUT",
        );
        refused(
          await agentCall(service, "PUT", `/package/${packageId}/recipients/`, {
            emails: ["not an email"],
          }),
          "INVALID_INPUT",
        );
        refused(
          await agentCall(service, "POST", `/package/${packageId}/`, { life: "forever" }),
          "INVALID_INPUT",
        );
        refused(
          await agentCall(service, "POST", `/package/${packageId}/`, { life: 0 }),
          "INVALID_INPUT",
        );
        refused(
          await agentCall(service, "POST", `/package/${packageId}/`, { life: 366 }),
          "INVALID_INPUT",
        );
        refused(await agentCall(service, "PUT", "/package/", { vdr: true }), "INVALID_INPUT");
        refused(
          await agentCall(service, "POST", `/package/${packageId}/finalize/`, {
            checksum: "short",
          }),
          "INVALID_INPUT",
        );
        assert.deepEqual(await snapshot(service), before);
      },
      { backend },
    );
  },
);

backendTest("file names that could mislead are refused with INVALID_FILE_NAME", async (backend) => {
  await withService(
    async (service) => {
      const packageId = success(await agentCall(service, "PUT", "/package/", {})).packageId;
      const before = await snapshot(service);
      const names = [
        encodeURI("../etc/passwd"),
        encodeURI("a\\b.txt"),
        encodeURI("line\nbreak.txt"),
        encodeURI("nul\u0000.txt"),
        encodeURI("invoice\u202Efdp.exe"),
        encodeURI("x".repeat(256)),
        "bad%E0%A4%A.txt",
        "%ZZ",
        "..",
        "",
        "%20",
      ];
      for (const filename of names) {
        refused(
          await agentCall(service, "PUT", `/package/${packageId}/file/`, {
            filename,
            parts: 1,
            filesize: 1,
          }),
          "INVALID_FILE_NAME",
        );
      }
      refused(
        await agentCall(service, "PUT", `/package/${packageId}/file/`, {
          filename: 42,
          parts: 1,
          filesize: 1,
        }),
        "INVALID_FILE_NAME",
      );
      assert.deepEqual(await snapshot(service), before);
      // The same characters are fine where they mislead nobody.
      const fileId = success(
        await agentCall(service, "PUT", `/package/${packageId}/file/`, {
          filename: encodeURI("résumé #2 & notes?.txt"),
          parts: 1,
          filesize: 1,
        }),
      ).fileId;
      const info = success(
        await agentCall(service, "GET", `/package/${packageId}/file/${fileId}/`),
      );
      assert.equal((info.file as Record<string, unknown>).fileName, "résumé #2 & notes?.txt");
    },
    { backend },
  );
});

backendTest(
  "wrong checksums and parts out of range are refused and issue no URL",
  async (backend) => {
    await withService(
      async (service) => {
        const { packageId, fileId } = await finalizedPackage(service);
        const before = await snapshot(service);
        const downloadPath = `/package/${packageId}/file/${fileId}/download-urls/`;
        for (const checksum of [WRONG_CHECKSUM, CHECKSUM.slice(0, 63), "", undefined, 42]) {
          refused(
            await agentCall(service, "POST", downloadPath, {
              checksum,
              startSegment: 1,
              endSegment: 1,
            }),
            "PERMISSION_DENIED",
          );
        }
        refused(
          await agentCall(service, "GET", `/package/${packageId}/message/${WRONG_CHECKSUM}`),
          "PERMISSION_DENIED",
        );
        for (const startSegment of [0, 2, -1, "x"]) {
          refused(
            await agentCall(service, "POST", downloadPath, {
              checksum: CHECKSUM,
              startSegment,
              endSegment: 3,
            }),
            "INVALID_INPUT",
          );
        }
        assert.deepEqual(await snapshot(service), before);

        const open = success(await agentCall(service, "PUT", "/package/", {})).packageId as string;
        const file = success(
          await agentCall(service, "PUT", `/package/${open}/file/`, {
            filename: "b",
            parts: 2,
            filesize: 700_000,
          }),
        ).fileId as string;
        const beforeUrls = await snapshot(service);
        // Part 3 of 2 is the SDK's trailing empty part (server/parts/trailing.ts); 4 is out of range.
        for (const part of [0, 4, -1, "two", null]) {
          refused(
            await agentCall(service, "POST", `/package/${open}/file/${file}/upload-urls/`, {
              part,
            }),
            "INVALID_INPUT",
          );
        }
        assert.deepEqual(await snapshot(service), beforeUrls);
      },
      { backend },
    );
  },
);

storageTest(
  "a part larger than allowed is refused with 413 and nothing is stored",
  async (storage) => {
    await withService(async (service) => {
      const packageId = success(await agentCall(service, "PUT", "/package/", {}))
        .packageId as string;
      const fileId = success(
        await agentCall(service, "PUT", `/package/${packageId}/file/`, {
          filename: "f",
          parts: 1,
          filesize: 100,
        }),
      ).fileId as string;
      const [{ url }] = success(
        await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/upload-urls/`, {
          part: 1,
        }),
      ).uploadUrls as { url: string }[];
      // Over the service's part limit (8 KiB here), announced by Content-Length.
      const tooLarge = await fetch(url, { method: "PUT", body: testBytes(9000) });
      assert.equal(tooLarge.status, 413);
      assert.equal((await tooLarge.json()).response, "LIMIT_EXCEEDED");
      // Streamed without a length: cut off while streaming.
      const stream = ReadableStream.from([testBytes(5000), testBytes(5000)]);
      const streamed = await fetch(url, { method: "PUT", body: stream });
      assert.equal(streamed.status, 413);
      await streamed.body?.cancel();
      assert.equal(await countRows(service, "parts"), 0);
      assert.deepEqual(await storedObjects(service), []);
      // A part within the limit is accepted.
      const fine = await fetch(url, { method: "PUT", body: testBytes(200) });
      assert.equal(fine.status, 200);
      await fine.body?.cancel();
      assert.equal(await countRows(service, "parts"), 1);
    }, { maxPartBytes: 8192, ...storage });
  },
  PROXY_STORAGES,
);

storageTest(
  "unknown and expired packages answer UNKNOWN_PACKAGE and the sweeper deletes them",
  async (storage) => {
    await withService(async (service) => {
      refused(await agentCall(service, "GET", "/package/ZZZZ-ZZZZ/"), "UNKNOWN_PACKAGE");
      refused(await agentCall(service, "GET", `/package/${"A".repeat(43)}/`), "UNKNOWN_PACKAGE");
      refused(
        await agentCall(service, "PUT", "/package/ZZZZ-ZZZZ/file/", {
          filename: "a",
          parts: 1,
          filesize: 1,
        }),
        "UNKNOWN_PACKAGE",
      );
      const { packageId, fileId, packageCode, uploadUrl } = await finalizedPackage(service);
      const [{ url: downloadUrl }] = success(
        await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/download-urls/`, {
          checksum: CHECKSUM,
          startSegment: 1,
          endSegment: 1,
        }),
      ).downloadUrls as { url: string }[];
      assert.equal((await storedObjects(service)).length, 1);

      service.clock.offsetMs = 11 * 86_400_000; // the default life is 10 days
      refused(await agentCall(service, "GET", `/package/${packageId}/`), "UNKNOWN_PACKAGE");
      refused(await agentCall(service, "GET", `/package/${packageCode}/`), "UNKNOWN_PACKAGE");
      const part = await fetch(downloadUrl);
      assert.ok(part.status === 403 || part.status === 404, `status ${part.status}`);
      await part.body?.cancel();
      const upload = await fetch(uploadUrl, { method: "PUT", body: testBytes(10) });
      assert.equal(upload.status, 403);
      await upload.body?.cancel();

      const swept = await service.server.sweep();
      assert.equal(swept.packages, 1);
      assert.equal(await countRows(service, "packages"), 0);
      assert.equal(await countRows(service, "parts"), 0);
      assert.equal(await countRows(service, "part_urls"), 0);
      assert.deepEqual(await storedObjects(service), []);
    }, storage);
  },
  PROXY_STORAGES,
);

backendTest("ids that try path traversal are refused and reach no file", async (backend) => {
  await withService(
    async (service) => {
      const { packageId } = await finalizedPackage(service);
      const before = await snapshot(service);
      const paths = [
        "/package/..%2F..%2Fpadlock.db/",
        "/package/%2e%2e%2fsecret.key/",
        `/package/${packageId}/file/..%2F..%2F..%2Fetc%2Fpasswd/`,
        `/package/${packageId}/file/..%5Cx/upload-urls/`,
        `/package/${packageId}/message/..%2F..%2Fsecret.key`,
      ];
      for (const path of paths) {
        const answer = await agentCall(
          service,
          path.includes("upload-urls") ? "POST" : "GET",
          path,
          undefined,
        );
        refused(answer, "INVALID_INPUT");
      }
      for (const token of ["..%2F..%2Fpadlock.db", "..%2Fsecret.key", "x".repeat(43)]) {
        const response = await fetch(`${service.server.url}/part/${token}`);
        assert.equal(response.status, 403);
        assert.equal((await response.json()).response, "AUTHENTICATION_FAILED");
      }
      assert.deepEqual(await snapshot(service), before);
    },
    { backend },
  );
});

backendTest("another user's package cannot be read or changed", async (backend) => {
  await withService(
    async (service) => {
      const { packageId, fileId } = await finalizedPackage(service);
      const draft = success(await agentCall(service, "PUT", "/package/", {})).packageId as string;
      const draftFile = success(
        await agentCall(service, "PUT", `/package/${draft}/file/`, {
          filename: "d",
          parts: 1,
          filesize: 1,
        }),
      ).fileId as string;
      success(
        await agentCall(service, "PUT", `/package/${draft}/recipients/`, {
          emails: ["r@example.com"],
        }),
      );
      const other = await addAgent(service, "mallory@example.com");
      const before = await snapshot(service);
      const call = (method: string, path: string, body?: unknown) =>
        signedCall(service, other, method, path, body);
      refused(await call("GET", `/package/${draft}/`), "PERMISSION_DENIED");
      refused(await call("POST", `/package/${packageId}/`, { life: 1 }), "PERMISSION_DENIED");
      refused(await call("DELETE", `/package/${packageId}/`), "PERMISSION_DENIED");
      refused(
        await call("PUT", `/package/${draft}/file/`, { filename: "x", parts: 1, filesize: 1 }),
        "PERMISSION_DENIED",
      );
      refused(
        await call("POST", `/package/${draft}/file/${draftFile}/upload-urls/`, { part: 1 }),
        "PERMISSION_DENIED",
      );
      refused(await call("DELETE", `/package/${draft}/file/${draftFile}/`), "PERMISSION_DENIED");
      refused(
        await call("PUT", `/package/${draft}/recipients/`, { emails: ["m@example.com"] }),
        "PERMISSION_DENIED",
      );
      refused(
        await call("PUT", `/package/${draft}/message/`, { message: "AAAA" }),
        "PERMISSION_DENIED",
      );
      refused(
        await call("POST", `/package/${draft}/finalize/`, {
          checksum: CHECKSUM,
          undisclosedRecipients: true,
        }),
        "PERMISSION_DENIED",
      );
      refused(
        await call("POST", `/package/${draft}/file/${draftFile}/download-urls/`, {
          checksum: CHECKSUM,
        }),
        "PERMISSION_DENIED",
      );
      // A dropzone cannot touch an agent's package either.
      refused(await dropzoneCall(service, "GET", `/package/${draft}/`), "PERMISSION_DENIED");
      // The finalized package is undisclosed: others need the link (its checksum) to read it.
      refused(await call("GET", `/package/${packageId}/file/${fileId}/`), "PERMISSION_DENIED");
      refused(
        await call("POST", `/package/${packageId}/file/${fileId}/download-urls/`, {
          checksum: WRONG_CHECKSUM,
        }),
        "PERMISSION_DENIED",
      );
      success(
        await call("POST", `/package/${packageId}/file/${fileId}/download-urls/`, {
          checksum: CHECKSUM,
          startSegment: 1,
          endSegment: 1,
        }),
      );
      const after = await snapshot(service);
      assert.deepEqual({ ...after, part_urls: before.part_urls }, before);
      assert.ok(success(await agentCall(service, "GET", `/package/${draft}/`)));
    },
    { backend },
  );
});

backendTest(
  "a finalized package cannot change and part URLs only do what they were issued for",
  async (backend) => {
    await withService(
      async (service) => {
        const { packageId, fileId, uploadUrl } = await finalizedPackage(service);
        refused(
          await agentCall(service, "PUT", `/package/${packageId}/file/`, {
            filename: "late",
            parts: 1,
            filesize: 1,
          }),
          "PERMISSION_DENIED",
        );
        refused(
          await agentCall(service, "PUT", `/package/${packageId}/message/`, { message: "AAAA" }),
          "PERMISSION_DENIED",
        );
        refused(
          await agentCall(service, "POST", `/package/${packageId}/finalize/`, {
            checksum: WRONG_CHECKSUM,
            undisclosedRecipients: true,
          }),
          "PERMISSION_DENIED",
        );
        const late = await fetch(uploadUrl, { method: "PUT", body: testBytes(10) });
        assert.equal(late.status, 403);
        await late.body?.cancel();
        const asDownload = await fetch(uploadUrl);
        assert.equal(asDownload.status, 403);
        await asDownload.body?.cancel();
        const [{ url }] = success(
          await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/download-urls/`, {
            checksum: CHECKSUM,
            startSegment: 1,
            endSegment: 1,
          }),
        ).downloadUrls as { url: string }[];
        const asUpload = await fetch(url, { method: "PUT", body: testBytes(10) });
        assert.equal(asUpload.status, 403);
        await asUpload.body?.cancel();
        service.clock.offsetMs = 2 * 3_600_000; // past the one-hour URL lifetime
        const expired = await fetch(url);
        assert.equal(expired.status, 403);
        await expired.body?.cancel();
      },
      { backend },
    );
  },
);
