/**
 * The official SendSafely Node SDK (`@sendsafely/sendsafely@3.1.0`, unchanged, run
 * under Node) works against the service: it uploads files the src/ client downloads
 * byte-identical, and it downloads what the src/ client uploaded.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { SendSafelyClient } from "../../src/api.ts";
import { uploadFiles } from "../../src/upload.ts";
import { openPackage } from "../../src/download.ts";
import { clientFor, downloadAll } from "./_clients.ts";
import {
  addAgent,
  countRows,
  sha256,
  storageTest,
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

storageTest(
  "the SDK uploads a multi-part file with a message that the src/ client downloads",
  async (storage) => {
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
    }, storage);
  },
);

storageTest(
  "the SDK uploads through a dropzone and the owner downloads with the src/ client",
  async (storage) => {
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
    }, storage);
  },
);

storageTest("the SDK downloads and reads a package the src/ client uploaded", async (storage) => {
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
  }, storage);
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

Deno.test("the SDK uploads a file of exactly one part through a dropzone, trailing empty part and all", async () => {
  await withService(async (service) => {
    await withFiles(async (directory) => {
      const bytes = testBytes(2_621_440, 25);
      const file = join(directory, "exact.bin");
      await Deno.writeFile(file, bytes);
      const uploaded = await runSdk({
        action: "upload",
        host: service.server.url,
        dropzoneId: service.dropzoneId,
        file,
      });
      const trailing = service.logs.filter((entry) =>
        entry.route === "/part/:token" && entry.part === 2 && entry.response === "SUCCESS"
      );
      assert.equal(trailing.length, 1, "the SDK sent its trailing empty part and it was accepted");
      const received = await downloadAll(
        clientFor(service, service.agent),
        uploaded.link as string,
      );
      assert.equal(await sha256(received.files.get("exact.bin")!), await sha256(bytes));
    });
  });
});

/** The SDK's part size (FileUtil.js `SEGMENT_SIZE`): 2.5 MiB of plaintext per part. */
const SDK_PART = 2_621_440;

/**
 * Sizes at the part boundaries. When the size is an exact multiple of the part size the SDK's
 * file reader emits one more, empty, segment after the last declared part, encrypts it and
 * uploads it as part `parts + 1` (FileUtil.js: the last full segment is not `complete` yet).
 */
const BOUNDARY_SIZES: { size: number; parts: number; trailing: boolean }[] = [
  { size: 0, parts: 1, trailing: false },
  { size: SDK_PART, parts: 1, trailing: true },
  { size: 2 * SDK_PART, parts: 2, trailing: true },
  { size: 2 * SDK_PART + 1, parts: 3, trailing: false },
];

for (const { size, parts, trailing } of BOUNDARY_SIZES) {
  Deno.test(`a file of ${size} bytes uploaded by the SDK reads back byte-identical through the SDK and src/`, async () => {
    await withService(async (service) => {
      await withFiles(async (directory) => {
        const bytes = testBytes(size, 30 + parts);
        const file = join(directory, `boundary-${size}.bin`);
        await Deno.writeFile(file, bytes);
        const uploaded = await runSdk({
          action: "upload",
          ...sdkAgent(service),
          file,
          undisclosed: true,
        });
        const link = uploaded.link as string;

        // The file keeps the parts it was created with; the trailing empty part, when the SDK
        // sent one, was answered with success and not kept.
        const client = clientFor(service, service.agent);
        const opened = await openPackage(client, link);
        assert.equal(opened.files.length, 1);
        assert.equal(opened.files[0].parts, parts);
        assert.equal(opened.files[0].fileSize, size);
        assert.equal(await countRows(service, "parts"), parts);
        const putParts = service.logs
          .filter((entry) => entry.route === "/part/:token" && entry.response === "SUCCESS")
          .map((entry) => entry.part);
        const expected = Array.from({ length: parts + (trailing ? 1 : 0) }, (_, i) => i + 1);
        assert.deepEqual(putParts.toSorted((a, b) => (a ?? 0) - (b ?? 0)), expected);

        const received = await downloadAll(client, link);
        const name = `boundary-${size}.bin`;
        assert.equal(received.files.get(name)?.length, size);
        assert.equal(await sha256(received.files.get(name)!), await sha256(bytes));

        const reader = await addAgent(service, "reader@example.com");
        const downloaded = await runSdk({
          action: "download",
          ...sdkAgent(service, reader),
          link,
          outDir: directory,
          fileName: "saved.bin",
        });
        assert.equal(downloaded.fileSize, size);
        assert.equal(
          await sha256(await Deno.readFile(join(directory, "saved.bin"))),
          await sha256(bytes),
        );
      });
    });
  });
}
