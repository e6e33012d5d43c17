/**
 * The official SendSafely Node SDK (`@sendsafely/sendsafely@3.1.0`, unchanged, run
 * under Node) works against the service: it uploads files the src/ client downloads
 * byte-identical, and it downloads what the src/ client uploaded.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { SendSafelyClient } from "../../src/api.ts";
import { uploadFiles } from "../../src/upload.ts";
import { clientFor, downloadAll } from "./_clients.ts";
import {
  addAgent,
  partStores,
  sha256,
  testBytes,
  type TestService,
  withService,
} from "./_helpers.ts";
import { runSdk } from "./_sdk.ts";
import { freePort } from "./_process.ts";
import { type LogEntry, startServer } from "../../server/mod.ts";

async function withFiles(test: (directory: string) => Promise<void>): Promise<void> {
  const directory = await Deno.makeTempDir({ prefix: "padlock-sdk-files-" });
  try {
    await test(directory);
  } finally {
    await Deno.remove(directory, { recursive: true });
  }
}

function sdkAgent(service: TestService, agent = service.agent) {
  return { host: service.server.url, apiKey: agent.apiKey, apiSecret: agent.apiSecret };
}

partStores.test("the SDK uploads a multi-part file with a message that the src/ client downloads", async (partStore) => {
  await withService(async (service) => {
    await withFiles(async (directory) => {
      const bytes = testBytes(6_000_000, 21);
      const file = join(directory, "report 2024 é.bin");
      await Deno.writeFile(file, bytes);
      const uploaded = await runSdk({
        action: "upload",
        ...sdkAgent(service),
        file,
        recipients: ["customer@example.org"],
        message: "From the SDK\nline two",
      });
      const link = uploaded.link as string;
      assert.match(link, /\/receive\/\?thread=.+&packageCode=.+#keyCode=/);

      const recipient = clientFor(service, await addAgent(service, "customer@example.org"));
      const received = await downloadAll(recipient, link);
      assert.deepEqual([...received.files.keys()], ["report 2024 é.bin"]);
      assert.equal(await sha256(received.files.get("report 2024 é.bin")!), await sha256(bytes));
      assert.equal(received.message, "From the SDK\nline two");
    });
  }, { partStore });
});

partStores.test("the SDK uploads through a dropzone and the owner downloads with the src/ client", async (partStore) => {
  await withService(async (service) => {
    await withFiles(async (directory) => {
      const bytes = testBytes(2_621_441, 22);
      const file = join(directory, "scan.pdf");
      await Deno.writeFile(file, bytes);
      const uploaded = await runSdk({
        action: "upload",
        host: service.server.url,
        dropzoneId: service.dropzoneId,
        file,
      });
      const received = await downloadAll(
        clientFor(service, service.agent),
        uploaded.link as string,
      );
      assert.equal(await sha256(received.files.get("scan.pdf")!), await sha256(bytes));
    });
  }, { partStore });
});

partStores.test("the SDK downloads and reads a package the src/ client uploaded", async (partStore) => {
  await withService(async (service) => {
    await withFiles(async (directory) => {
      const bytes = testBytes(6_000_000, 23);
      const { link } = await uploadFiles(
        clientFor(service, service.agent),
        [{ blob: new Blob([bytes]), name: "from src.bin" }],
        { undisclosed: true, message: "From src/\nbye" },
      );
      const reader = await addAgent(service, "reader@example.com");
      const downloaded = await runSdk({
        action: "download",
        ...sdkAgent(service, reader),
        link,
        outDir: directory,
        fileName: "saved.bin",
      });
      assert.equal(downloaded.fileName, "from src.bin");
      assert.equal(downloaded.fileSize, 6_000_000);
      assert.equal(
        await sha256(await Deno.readFile(join(directory, "saved.bin"))),
        await sha256(bytes),
      );
      const message = await runSdk({ action: "message", ...sdkAgent(service, reader), link });
      // openpgp stores text with CRLF line endings; the SDK hands them back as stored (spec 3.6).
      assert.equal(message.message, "From src/\r\nbye");
    });
  }, { partStore });
});

Deno.test("when part URLs are unreachable the SDK falls back to the signed proxy upload", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-sdk-proxy-" });
  const logs: LogEntry[] = [];
  // Part URLs (and links) point at a closed port, so every PUT fails and the SDK switches to
  // POST /package/{p}/file/{f}/ after five attempts (about 10 s of its own backoff).
  const unreachable = `http://127.0.0.1:${freePort()}`;
  let server = await startServer({
    port: 0,
    dataDir,
    publicUrl: unreachable,
    sweepIntervalMs: 0,
    log: (entry) => logs.push(entry),
  });
  try {
    const user = await server.accounts.createUser({
      email: "a@example.com",
      password: "a password 1",
    });
    const key = await server.accounts.createApiKey(user.id, "sdk");
    await withFiles(async (directory) => {
      const bytes = testBytes(6_000_000, 24);
      const file = join(directory, "proxied.bin");
      await Deno.writeFile(file, bytes);
      const uploaded = await runSdk({
        action: "upload",
        host: server.url,
        apiKey: key.apiKey,
        apiSecret: key.apiSecret,
        file,
        undisclosed: true,
      });
      const proxied = logs.filter((entry) =>
        entry.route === "/api/v2.0/package/:packageId/file/:fileId/"
      );
      assert.deepEqual(proxied.map((entry) => [entry.part, entry.response]), [
        [1, "SUCCESS"],
        [2, "SUCCESS"],
        [3, "SUCCESS"],
      ]);
      // Restarted with a reachable public URL, the same data serves the download.
      await server.close();
      server = await startServer({ port: 0, dataDir, sweepIntervalMs: 0, log: () => {} });
      const link = (uploaded.link as string).replace(unreachable, server.url);
      const client = new SendSafelyClient({ host: server.url, credentials: key });
      const received = await downloadAll(client, link);
      assert.equal(await sha256(received.files.get("proxied.bin")!), await sha256(bytes));
    });
  } finally {
    await server.close();
    await Deno.remove(dataDir, { recursive: true });
  }
});
