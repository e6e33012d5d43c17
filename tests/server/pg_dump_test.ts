/**
 * Backups on PostgreSQL + S3, as docs/DEPLOY.md describes them: `pg_dump --format=custom` of the
 * database of a running service, restored with `pg_restore` (the binaries of the test cluster,
 * PostgreSQL from Debian) into a fresh, empty database; a service started on the restored database
 * with the same secret key and the same bucket serves every link byte-identical, the old API key
 * and dropzone still work, a package sent after the dump is unknown there, and the dump holds no
 * API secret in clear.
 */
import assert from "node:assert/strict";
import { type RunningServer, startServer } from "../../server/mod.ts";
import { SendSafelyClient } from "../../src/api.ts";
import { uploadFiles } from "../../src/upload.ts";
import { createTestDatabase, postgresBinDir, type TestDatabase } from "../_helpers/postgres.ts";
import { downloadAll } from "./_clients.ts";
import { backendTest, sha256, startTestService, testBytes } from "./_helpers.ts";

async function run(program: string, args: string[]): Promise<void> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error("PostgreSQL is not installed (no pg_dump): apt-get install -y postgresql");
  }
  const { code, stderr } = await new Deno.Command(`${bin}/${program}`, { args, stdin: "null" })
    .output();
  if (code !== 0) {
    throw new Error(`${program} failed (${code}): ${new TextDecoder().decode(stderr)}`);
  }
}

backendTest(
  "a pg_dump restored into a fresh database serves the same links byte-identical from the same bucket",
  async () => {
    const service = await startTestService({ backend: "postgres", partStore: "s3" });
    const folder = await Deno.makeTempDir({ prefix: "padlock-pg-dump-" });
    let restored: TestDatabase | undefined;
    let second: RunningServer | undefined;
    try {
      const agent = new SendSafelyClient({ host: service.server.url, credentials: service.agent });
      const dropzone = new SendSafelyClient({
        host: service.server.url,
        credentials: { dropzoneId: service.dropzoneId },
      });
      const sent: { link: string; files: Map<string, Uint8Array> }[] = [];
      for (
        const [client, files, recipients] of [
          [agent, { "big.bin": testBytes(3_000_000, 61), "small.txt": testBytes(20, 62) }, []],
          [agent, { "named.bin": testBytes(200_000, 63) }, ["r@example.com"]],
          [dropzone, { "dropped.bin": testBytes(400_000, 64) }, []],
        ] as const
      ) {
        const { link } = await uploadFiles(
          client,
          Object.entries(files).map(([name, bytes]) => ({ name, blob: new Blob([bytes]) })),
          { undisclosed: recipients.length === 0, recipients: [...recipients], message: "dumped" },
        );
        sent.push({ link, files: new Map(Object.entries(files)) });
      }

      // Online: pg_dump reads one consistent snapshot while the service keeps running.
      const dump = `${folder}/padlock.dump`;
      await run("pg_dump", [
        "--format=custom",
        "--no-owner",
        `--dbname=${service.databaseUrl}`,
        `--file=${dump}`,
      ]);
      const bytes = await Deno.readFile(dump);
      const text = new TextDecoder("latin1").decode(bytes);
      assert.ok(!text.includes(service.agent.apiSecret), "API secrets are sealed in the dump");

      // A package sent after the dump is not in it: the second service reads the restored copy.
      const later = await uploadFiles(agent, [{ name: "later.txt", blob: new Blob(["later"]) }], {
        undisclosed: true,
      });

      restored = await createTestDatabase();
      await run("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${restored.url}`, dump]);

      const bucket = service.bucket!.settings;
      const dataDir = `${folder}/instance`;
      second = await startServer({
        port: 0,
        hostname: "127.0.0.1",
        dataDir,
        databaseUrl: restored.url,
        secretKey: service.server.config.secretKey,
        s3Endpoint: bucket.endpoint,
        s3Bucket: bucket.bucket,
        s3Region: bucket.region,
        s3AccessKeyId: bucket.accessKeyId,
        s3SecretAccessKey: bucket.secretAccessKey,
        sweepIntervalMs: 0,
        log: () => {},
      });
      const again = new SendSafelyClient({ host: second.url, credentials: service.agent });
      for (const { link, files } of sent) {
        const received = await downloadAll(again, link);
        assert.equal(received.message, "dumped");
        for (const [name, bytes] of files) {
          assert.equal(await sha256(received.files.get(name)!), await sha256(bytes), name);
        }
      }
      await assert.rejects(downloadAll(again, later.link), /UNKNOWN_PACKAGE/);
      const verified = await fetch(`${second.url}/drop-zone/v2.0/config/verify-credentials/`, {
        headers: { "ss-api-key": service.dropzoneId },
      });
      assert.equal((await verified.json()).response, "SUCCESS");
    } finally {
      await second?.close();
      await restored?.drop();
      await service.close();
      await Deno.remove(folder, { recursive: true });
    }
  },
  ["postgres"],
);
