/**
 * Killing the service with SIGKILL in the middle of an upload loses no stored part:
 * after a restart on the same data directory the upload continues from the parts
 * already stored, and the file downloads byte-identical. Runs the real CLI entries
 * (`server/main.ts`, `server/admin.ts`) as subprocesses, on each metadata backend.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import { encryptPart } from "../../src/pgp.ts";
import { createPackage, finalizePackage, UploadError, uploadFile } from "../../src/upload.ts";
import { downloadAll } from "./_clients.ts";
import { backendTest, sha256, testBytes } from "./_helpers.ts";
import { backendSettings, queryRows } from "../_helpers/backends.ts";
import { fields, freePort, runAdmin, ServiceProcess } from "./_process.ts";

async function storedParts(where: { dataDir: string; databaseUrl?: string }): Promise<number[]> {
  const rows = await queryRows<{ part: number }>(where, "SELECT part FROM parts ORDER BY part");
  return rows.map((row) => row.part);
}

backendTest(
  "a SIGKILL mid-upload loses no stored part; the upload resumes after a restart",
  async (backend) => {
    const dataDir = await Deno.makeTempDir({ prefix: "padlock-crash-" });
    const settings = await backendSettings(backend);
    const where = { dataDir, databaseUrl: settings.databaseUrl };
    // The same metadata flags for the service and the admin CLI.
    const metadata = [
      "--data-dir",
      dataDir,
      ...(settings.databaseUrl
        ? ["--database-url", settings.databaseUrl, "--secret-key", settings.secretKey!]
        : []),
    ];
    const port = freePort();
    const flags = ["--port", String(port), "--hostname", "127.0.0.1", ...metadata];
    let service: ServiceProcess | undefined;
    try {
      await runAdmin(
        ["user", "add", "--email", "agent@example.com", "--create", ...metadata],
        "agent password 1\n",
      );
      const key = fields(
        await runAdmin([
          "key",
          "add",
          "--email",
          "agent@example.com",
          "--description",
          "crash test",
          ...metadata,
        ]),
      );
      service = await ServiceProcess.start(flags);
      const client = new SendSafelyClient({
        host: service.url,
        credentials: { apiKey: key.apiKey, apiSecret: key.apiSecret },
      });
      const bytes = testBytes(6_000_000, 31); // three parts
      const pkg = await createPackage(client);

      // Encrypting part 3 kills the service: parts 1 and 2 were acknowledged before.
      let encrypted = 0;
      const running = service;
      const killingEncrypt = async (plain: Uint8Array, passphrase: string) => {
        encrypted++;
        if (encrypted === 3) await running.kill("SIGKILL");
        return await encryptPart(plain, passphrase);
      };
      const failure = await uploadFile(client, pkg, new Blob([bytes]), {
        name: "large.bin",
        concurrency: 1,
        retries: 0,
        proxyFallback: false,
        encrypt: killingEncrypt,
      }).then(() => undefined, (error) => error);
      assert.ok(failure instanceof UploadError, String(failure));
      assert.ok(failure.fileId);
      assert.deepEqual(failure.completedParts, [1, 2]);
      // Every acknowledged part is on disk and recorded, even though the process died.
      assert.deepEqual(await storedParts(where), [1, 2]);

      // Restarted on the same folder, this time configured through the environment.
      service = await ServiceProcess.start([], {
        PADLOCK_PORT: String(port),
        PADLOCK_HOSTNAME: "127.0.0.1",
        PADLOCK_DATA_DIR: dataDir,
        ...(settings.databaseUrl
          ? { PADLOCK_DATABASE_URL: settings.databaseUrl, PADLOCK_SECRET_KEY: settings.secretKey! }
          : {}),
      });
      assert.equal(service.url, running.url);
      const outputBefore = service.output.length;
      const resumed = await uploadFile(client, pkg, new Blob([bytes]), {
        name: "large.bin",
        concurrency: 1,
        resume: { fileId: failure.fileId, completedParts: failure.completedParts },
      });
      assert.equal(resumed.fileId, failure.fileId);
      assert.deepEqual(await storedParts(where), [1, 2, 3]);
      // Only the missing part went over the wire again.
      const partPuts = service.output.slice(outputBefore).split("\n").filter((line) =>
        line.includes('"route":"/part/:token"') && line.includes('"method":"PUT"')
      );
      assert.equal(partPuts.length, 1);

      const link = await finalizePackage(client, pkg, { undisclosed: true });
      const received = await downloadAll(client, link);
      assert.equal(await sha256(received.files.get("large.bin")!), await sha256(bytes));
      // Neither run printed the keyCode (the request log never holds it).
      assert.ok(!running.output.includes(pkg.keyCode) && !service.output.includes(pkg.keyCode));
      assert.ok(service.output.includes('"event":"request"'));
    } finally {
      await service?.kill("SIGTERM").catch(() => {});
      await settings.drop();
      await Deno.remove(dataDir, { recursive: true });
    }
  },
);
