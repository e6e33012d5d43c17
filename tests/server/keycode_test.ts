/**
 * The keyCode never reaches the service: after uploads and downloads by the src/
 * client and by the official SDK, neither the database (with its WAL), nor any file
 * in the data directory, nor the request log contains a keyCode, in URL-safe or
 * standard base64.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseLink } from "../../src/link.ts";
import { uploadFiles } from "../../src/upload.ts";
import { clientFor, downloadAll } from "./_clients.ts";
import { directoryContains, listFiles, testBytes, withService } from "./_helpers.ts";
import { runSdk } from "./_sdk.ts";

function forms(keyCode: string): string[] {
  return [keyCode, keyCode.replaceAll("-", "+").replaceAll("_", "/")];
}

Deno.test("no keyCode reaches the database, the data directory or the log", async () => {
  await withService(async (service) => {
    const keyCodes: string[] = [];
    const agent = clientFor(service, service.agent);
    const dropzone = clientFor(service, { dropzoneId: service.dropzoneId });
    const bytes = testBytes(3_000_000, 41);
    for (const [client, undisclosed] of [[agent, true], [dropzone, false]] as const) {
      const { link } = await uploadFiles(client, [{ blob: new Blob([bytes]), name: "f.bin" }], {
        undisclosed,
        message: "secret message",
      });
      keyCodes.push(parseLink(link).keyCode);
      const received = await downloadAll(agent, link);
      assert.equal(received.files.get("f.bin")?.length, bytes.length);
    }
    const directory = await Deno.makeTempDir({ prefix: "padlock-keycode-" });
    try {
      const file = join(directory, "sdk.bin");
      await Deno.writeFile(file, bytes);
      const sdk = { host: service.server.url, ...service.agent };
      const uploaded = await runSdk({
        action: "upload",
        ...sdk,
        file,
        undisclosed: true,
        message: "m",
      });
      keyCodes.push(uploaded.keyCode as string);
      await runSdk({
        action: "download",
        ...sdk,
        link: uploaded.link,
        outDir: directory,
        fileName: "out.bin",
      });
      await runSdk({ action: "message", ...sdk, link: uploaded.link });
    } finally {
      await Deno.remove(directory, { recursive: true });
    }

    assert.equal(keyCodes.length, 3);
    const stored = await listFiles(service.dataDir);
    assert.ok(stored.some((path) => path.endsWith("padlock.db")));
    assert.ok(stored.some((path) => path.endsWith(".pgp")));
    const log = service.logs.map((entry) => JSON.stringify(entry)).join("\n");
    assert.ok(log.includes('"route":"/part/:token"'), "the log covers part requests");
    for (const keyCode of keyCodes) {
      assert.match(keyCode, /^[A-Za-z0-9_-]{43}$/);
      for (const form of forms(keyCode)) {
        assert.deepEqual(await directoryContains(service.dataDir, form), []);
        assert.ok(!log.includes(form));
      }
    }
  });
});
