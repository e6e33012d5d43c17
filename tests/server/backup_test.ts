/**
 * `admin backup` and `admin restore` (the real CLI, as subprocesses) on a data directory the
 * service keeps writing to: a backup taken while an upload runs restores into a new folder where
 * every finished package downloads byte-identical and the unfinished upload resumes; a package
 * whose parts vanish while the backup runs is left out whole; restore refuses what it must.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { SendSafelyClient } from "../../src/api.ts";
import { createPackage, finalizePackage, uploadFile, uploadFiles } from "../../src/upload.ts";
import { startServer } from "../../server/mod.ts";
import { clientFor, downloadAll } from "./_clients.ts";
import { countRows, sha256, startTestService, testBytes } from "./_helpers.ts";
import { runAdmin } from "./_process.ts";

function partsOf(dataDir: string, fileId: string): number[] {
  const db = new DatabaseSync(`${dataDir}/padlock.db`, { readOnly: true });
  try {
    return (db.prepare("SELECT part FROM parts WHERE file_id = ? ORDER BY part").all(fileId) as {
      part: number;
    }[]).map((row) => row.part);
  } finally {
    db.close();
  }
}

async function adminFails(args: string[]): Promise<string> {
  const error = await runAdmin(args).then(() => undefined, (error: Error) => error);
  assert.ok(error, `admin ${args.join(" ")} should fail`);
  return error.message;
}

Deno.test("a backup taken during an upload restores: finished packages byte-identical, the upload resumes", async () => {
  const service = await startTestService();
  const root = await Deno.makeTempDir({ prefix: "padlock-backup-" });
  const backup = `${root}/backup`;
  const restored = `${root}/restored`;
  let second: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const client = clientFor(service, service.agent);
    const small = testBytes(1000, 61);
    const large = testBytes(6_000_000, 62); // three parts
    const first = await uploadFiles(client, [
      { blob: new Blob([small]), name: "small.txt" },
      { blob: new Blob([large]), name: "large.bin" },
    ], { undisclosed: true, message: "kept" });

    // The unfinished one: part 1 is stored, part 2 has started and holds until the backup is done.
    let releaseGate: () => void;
    const gate = new Promise<void>((resolve) => releaseGate = resolve);
    let secondStarted: () => void;
    const secondPut = new Promise<void>((resolve) => secondStarted = resolve);
    let puts = 0;
    const slowClient = new SendSafelyClient({
      host: service.server.url,
      credentials: { apiKey: service.agent.apiKey, apiSecret: service.agent.apiSecret },
      fetch: (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (init?.method !== "PUT" || !url.includes("/part/") || ++puts !== 2) {
          return fetch(input, init);
        }
        const bytes = init.body as Uint8Array;
        const held = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes.slice(0, 1000));
            secondStarted();
          },
          async pull(controller) {
            await gate;
            controller.enqueue(bytes.slice(1000));
            controller.close();
          },
        });
        return fetch(input, { ...init, body: held });
      },
    });
    const growing = testBytes(6_000_000, 63);
    const pkg = await createPackage(slowClient);
    const uploading = uploadFile(slowClient, pkg, new Blob([growing]), {
      name: "growing.bin",
      concurrency: 1,
    });
    await secondPut;
    const db = new DatabaseSync(`${service.dataDir}/padlock.db`, { readOnly: true });
    const fileId = (db.prepare("SELECT id FROM files WHERE package_id = ?").get(pkg.packageId) as {
      id: string;
    }).id;
    db.close();
    assert.deepEqual(partsOf(service.dataDir, fileId), [1]);
    const lines = await runAdmin(["backup", "--to", backup, "--data-dir", service.dataDir]);
    assert.match(lines[0], /^backed up: 2 packages, 5 parts, \d+ bytes$/);
    const manifest = JSON.parse(await Deno.readTextFile(`${backup}/backup.json`));
    assert.equal(manifest.droppedPackages, 0);
    assert.ok((await Deno.stat(`${backup}/secret.key`)).mode! & 0o600);
    assert.equal((await Deno.stat(`${backup}/secret.key`)).mode! & 0o077, 0);
    // The upload goes on and finishes on the live service.
    releaseGate!();
    await uploading;
    const finished = await finalizePackage(slowClient, pkg, { undisclosed: true });
    assert.equal(
      await sha256((await downloadAll(client, finished)).files.get("growing.bin")!),
      await sha256(growing),
    );

    // Restore refuses a folder that is not a backup, and a data directory in use.
    assert.match(
      await adminFails(["restore", "--from", root, "--data-dir", `${root}/other`]),
      /is not a finished backup/,
    );
    assert.match(
      await adminFails(["restore", "--from", backup, "--data-dir", service.dataDir]),
      /is not empty/,
    );
    await runAdmin(["restore", "--from", backup, "--data-dir", restored]);

    second = await startServer({ port: 0, dataDir: restored, log: () => {}, sweepIntervalMs: 0 });
    const restoredClient = new SendSafelyClient({
      host: second.url,
      credentials: { apiKey: service.agent.apiKey, apiSecret: service.agent.apiSecret },
    });
    // The API key still signs: the restored secret.key unseals its secret.
    const received = await downloadAll(restoredClient, first.link);
    assert.equal(await sha256(received.files.get("small.txt")!), await sha256(small));
    assert.equal(await sha256(received.files.get("large.bin")!), await sha256(large));
    assert.equal(received.message, "kept");

    // The unfinished package is there with the parts the snapshot had; the upload resumes.
    const had = partsOf(restored, fileId);
    assert.deepEqual(had, [1]);
    await uploadFile(restoredClient, pkg, new Blob([growing]), {
      name: "growing.bin",
      resume: { fileId, completedParts: had },
    });
    assert.deepEqual(partsOf(restored, fileId), [1, 2, 3]);
    const link = await finalizePackage(restoredClient, pkg, { undisclosed: true });
    assert.equal(
      await sha256((await downloadAll(restoredClient, link)).files.get("growing.bin")!),
      await sha256(growing),
    );
  } finally {
    await second?.close();
    await service.close();
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("a package whose parts vanish during the backup is left out whole", async () => {
  const service = await startTestService();
  const root = await Deno.makeTempDir({ prefix: "padlock-backup-" });
  let second: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const client = clientFor(service, service.agent);
    const kept = await uploadFiles(client, [{ blob: new Blob([testBytes(500, 71)]), name: "k" }], {
      undisclosed: true,
    });
    const gone = await uploadFiles(client, [{ blob: new Blob([testBytes(500, 72)]), name: "g" }], {
      undisclosed: true,
    });
    // As if the sweeper deleted the package's parts between the snapshot and their copy.
    await Deno.remove(`${service.dataDir}/parts/${gone.package.packageId}`, { recursive: true });
    const lines = await runAdmin(["backup", "--to", `${root}/b`, "--data-dir", service.dataDir]);
    assert.deepEqual(lines[0], "backed up: 1 packages, 1 parts, " + lines[0].split(", ")[2]);
    assert.equal(lines[2], "left out: 1 packages deleted while the backup ran");
    await runAdmin(["restore", "--from", `${root}/b`, "--data-dir", `${root}/r`]);
    second = await startServer({
      port: 0,
      dataDir: `${root}/r`,
      log: () => {},
      sweepIntervalMs: 0,
    });
    const restoredClient = new SendSafelyClient({
      host: second.url,
      credentials: { apiKey: service.agent.apiKey, apiSecret: service.agent.apiSecret },
    });
    assert.equal((await downloadAll(restoredClient, kept.link)).files.size, 1);
    await assert.rejects(downloadAll(restoredClient, gone.link));
    const db = new DatabaseSync(`${root}/r/padlock.db`, { readOnly: true });
    const rows = db.prepare("SELECT COUNT(*) AS n FROM files WHERE package_id = ?")
      .get(gone.package.packageId) as { n: number };
    db.close();
    assert.equal(rows.n, 0);
    assert.equal(await countRows(service, "packages"), 2);
  } finally {
    await second?.close();
    await service.close();
    await Deno.remove(root, { recursive: true });
  }
});
