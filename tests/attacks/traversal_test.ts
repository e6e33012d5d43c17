/**
 * Path traversal in every id of every path: each API route with each of its ids replaced by
 * `..%2F`, `%2e%2e`, encoded slashes and backslashes, double encoding, overlong UTF-8 and NUL, sent
 * byte for byte on a socket (no client-side normalisation) and correctly signed; the same in part
 * URLs (PUT and GET) and in the portal's asset path. Each is refused (or, where the URL parser
 * itself resolved the dots, lands on another route of the same caller), never a 500, and no file
 * outside the data directory is created, changed or removed — a canary beside the data directory
 * and its parts survive untouched.
 */
import assert from "node:assert/strict";
import { API_ROUTES } from "../../server/app.ts";
import { formatTimestamp, signRequest } from "../../server/mod.ts";
import { startAgentAppHost } from "../../sandbox/agent/routes.ts";
import { agentCall, startTestService, testBytes, type TestService } from "../server/_helpers.ts";
import { rawHttp } from "./_raw.ts";

const PAYLOADS = [
  "..%2F..%2F..%2Fcanary.txt",
  "..%2f..%2fcanary.txt",
  "%2e%2e",
  "%2e%2e%2f%2e%2e%2fcanary.txt",
  "%2E%2E%5C%2E%2E%5Ccanary.txt",
  "..%5C..%5Ccanary.txt",
  "%252e%252e%252fcanary.txt",
  "%c0%ae%c0%ae%c0%afcanary.txt",
  "a%00b",
  "%00",
  "..",
  ".%2e",
  "..;",
  "canary.txt%00.pgp",
  "%2Fetc%2Fpasswd",
];

interface Entry {
  size: number;
  mtime: number;
}

async function snapshot(
  root: string,
  skip: (path: string) => boolean,
): Promise<Map<string, Entry>> {
  const found = new Map<string, Entry>();
  const walk = async (directory: string) => {
    for await (const entry of Deno.readDir(directory)) {
      const path = `${directory}/${entry.name}`;
      if (skip(path)) continue;
      const info = await Deno.lstat(path);
      found.set(path, { size: info.size, mtime: info.mtime?.getTime() ?? 0 });
      if (entry.isDirectory) await walk(path);
    }
  };
  await walk(root);
  return found;
}

function signedHead(service: TestService, method: string, target: string): string {
  // The service verifies the path its URL parser produced; sign that one, as a client would.
  const pathname = new URL(target, service.server.url).pathname;
  const timestamp = formatTimestamp(Date.now());
  const { apiKey, apiSecret } = service.agent;
  return [
    `${method} ${target} HTTP/1.1`,
    "Host: 127.0.0.1",
    `ss-api-key: ${apiKey}`,
    `ss-request-timestamp: ${timestamp}`,
    `ss-request-signature: ${
      signRequest(apiSecret, apiKey, pathname, timestamp, new Uint8Array(0))
    }`,
    "Content-Length: 0",
  ].join("\r\n");
}

Deno.test("ids that try path traversal are refused in every path and touch no file outside the data directory", async () => {
  const parent = await Deno.makeTempDir({ prefix: "padlock-traversal-" });
  const dataDir = `${parent}/data`;
  await Deno.writeTextFile(`${parent}/canary.txt`, "canary");
  await Deno.mkdir(`${parent}/other`);
  await Deno.writeTextFile(`${parent}/other/1.pgp`, "another tenant's part");
  const service = await startTestService({ dataDir });
  try {
    // A package with a stored part, so the parts folder exists and has something to lose.
    const packageId = (await agentCall(service, "PUT", "/package/", {})).body.packageId as string;
    const fileId = (await agentCall(service, "PUT", `/package/${packageId}/file/`, {
      filename: "a.bin",
      parts: 1,
      filesize: 10,
    })).body.fileId as string;
    const [{ url: uploadUrl }] = (await agentCall(
      service,
      "POST",
      `/package/${packageId}/file/${fileId}/upload-urls/`,
      { part: 1 },
    )).body.uploadUrls as { url: string }[];
    const put = await fetch(uploadUrl, { method: "PUT", body: testBytes(50) });
    assert.equal(put.status, 200);
    await put.body?.cancel();
    const outside = (path: string) => path.startsWith(dataDir);
    const database = (path: string) => /padlock\.db/.test(path);
    const before = await snapshot(parent, (path) => outside(path) && database(path));

    const valid: Record<string, string> = { packageId, packageIdOrCode: packageId, fileId };
    let requests = 0;
    const answers = new Map<string, number>();
    for (const route of API_ROUTES) {
      const names = [...route.pattern.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]);
      for (const name of names) {
        for (const payload of PAYLOADS) {
          const target = "/api/v2.0" + route.pattern.replace(
            /:([A-Za-z]+)/g,
            (_, param: string) => param === name ? payload : valid[param] ?? "x1",
          );
          const normalised = new URL(target, service.server.url).pathname;
          // Where the URL parser resolves the dots itself, a DELETE would name another of the
          // caller's own resources (`/file/../` is the package): a real delete, not a traversal.
          if (route.method === "DELETE" && normalised !== target) continue;
          const answer = await rawHttp(
            service.server.port,
            signedHead(service, route.method, target),
          );
          requests++;
          assert.ok(
            answer.status !== undefined && answer.status < 500,
            `${route.method} ${target}: ${answer.status}`,
          );
          const envelope = JSON.parse(answer.body || "{}");
          answers.set(
            envelope.response ?? answer.status,
            (answers.get(envelope.response ?? answer.status) ?? 0) + 1,
          );
          assert.notEqual(envelope.response, "SERVER_ERROR", target);
          if (envelope.response === "SUCCESS") {
            // Only when the URL parser resolved the dots itself, onto a path of plain ids.
            assert.notEqual(normalised, target, `${route.method} ${target} succeeded`);
            assert.ok(!/%|\.\./.test(normalised), `${target} -> ${normalised}`);
          }
        }
      }
    }
    // Part URLs and the portal's assets, read and written.
    for (const payload of PAYLOADS) {
      for (
        const head of [
          `PUT /part/${payload} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5`,
          `GET /part/${payload} HTTP/1.1\r\nHost: 127.0.0.1`,
          `GET /part/..%2F${payload} HTTP/1.1\r\nHost: 127.0.0.1`,
          `GET /assets/${payload} HTTP/1.1\r\nHost: 127.0.0.1`,
          `GET /assets/..%2F..%2Fserver%2Fmod.ts HTTP/1.1\r\nHost: 127.0.0.1`,
        ]
      ) {
        const answer = await rawHttp(
          service.server.port,
          head,
          head.startsWith("PUT") ? new TextEncoder().encode("evil!") : undefined,
        );
        requests++;
        assert.ok(answer.status !== undefined && answer.status < 500, `${head}: ${answer.status}`);
        assert.notEqual(answer.status, 200, `${head.split("\r\n")[0]} was served`);
        assert.ok(!answer.body.includes("canary") && !answer.body.includes("startServer"));
      }
    }
    const after = await snapshot(parent, (path) => outside(path) && database(path));
    assert.deepEqual([...after.entries()], [...before.entries()], "no file was touched");
    assert.equal(await Deno.readTextFile(`${parent}/canary.txt`), "canary");
    assert.equal(await Deno.readTextFile(`${parent}/other/1.pgp`), "another tenant's part");
    assert.ok(requests > 400, `${requests} requests`);
    // The stored part is still there and whole.
    const [{ url }] =
      (await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/upload-urls/`, {
        part: 1,
      })).body.uploadUrls as { url: string }[];
    assert.ok(url.includes("/part/"));
    const failures = service.logs.filter((entry) =>
      entry.event === "error" || (entry.status ?? 0) >= 500
    );
    assert.deepEqual(failures, [], "no unexpected error");
  } finally {
    await service.close();
    await Deno.remove(parent, { recursive: true });
  }
});

Deno.test("the sandbox's app host serves its own files only, and malformed paths get 404", async () => {
  const host = startAgentAppHost();
  try {
    const port = Number(new URL(host.url).port);
    const own = await rawHttp(port, "GET /assets/iframe.html HTTP/1.1\r\nHost: 127.0.0.1");
    assert.equal(own.status, 200);
    for (
      const payload of [...PAYLOADS, "%E0%A4%A", "..%2F..%2F..%2Fdeno.json", "%2e%2e/deno.json"]
    ) {
      const answer = await rawHttp(port, `GET /assets/${payload} HTTP/1.1\r\nHost: 127.0.0.1`);
      assert.equal(answer.status, 404, `/assets/${payload}: HTTP ${answer.status}`);
      assert.ok(!answer.body.includes('"imports"'), "deno.json was not served");
    }
  } finally {
    await host.close();
  }
});
