/**
 * Moving up: `deno task admin migrate --to-database-url …` copies a populated SQLite data
 * directory into PostgreSQL, and its parts into a new folder or (with `--to-s3-*`) a bucket; a
 * service started on the new backend (with the key of the old directory as its shared secret
 * key) serves every link byte-identical, the old API key and dropzone still work, and a second
 * migration into the same database is refused. Into a bucket, a run stopped half-way by a
 * missing part leaves only whole parts behind, and the run after it copies just the rest.
 */
import assert from "node:assert/strict";
import { runAdmin } from "../../server/admin.ts";
import { type RunningServer, startServer } from "../../server/mod.ts";
import { SendSafelyClient } from "../../src/api.ts";
import { uploadFiles } from "../../src/upload.ts";
import { queryRows } from "../_helpers/backends.ts";
import { createTestDatabase, type TestDatabase } from "../_helpers/postgres.ts";
import { freshBucket, type TestBucket } from "../_helpers/s3.ts";
import { downloadAll } from "./_clients.ts";
import { listFiles, sha256, startTestService, testBytes, type TestService } from "./_helpers.ts";

interface Sent {
  link: string;
  files: Map<string, Uint8Array>;
}

/** Three packages (agent, undisclosed and with a recipient; dropzone) in a SQLite + files service. */
async function populate(source: TestService): Promise<Sent[]> {
  const agent = new SendSafelyClient({ host: source.server.url, credentials: source.agent });
  const dropzone = new SendSafelyClient({
    host: source.server.url,
    credentials: { dropzoneId: source.dropzoneId },
  });
  const packages = [
    {
      client: agent,
      files: { "big.bin": testBytes(5_500_000, 51), "small.txt": testBytes(10, 52) },
      undisclosed: true,
    },
    {
      client: agent,
      files: { "named.bin": testBytes(300_000, 53) },
      undisclosed: false,
      recipients: ["r@example.com"],
    },
    { client: dropzone, files: { "dropped.bin": testBytes(800_000, 54) }, undisclosed: false },
  ];
  const sent: Sent[] = [];
  for (const pkg of packages) {
    const { link } = await uploadFiles(
      pkg.client,
      Object.entries(pkg.files).map(([name, bytes]) => ({ name, blob: new Blob([bytes]) })),
      { undisclosed: pkg.undisclosed, recipients: pkg.recipients, message: "moving up" },
    );
    sent.push({ link, files: new Map(Object.entries(pkg.files)) });
  }
  return sent;
}

/** Every link downloads byte-identical through `moved` with the source's old API key and dropzone. */
async function assertServesEverything(
  moved: RunningServer,
  source: TestService,
  sent: Sent[],
): Promise<void> {
  const movedAgent = new SendSafelyClient({ host: moved.url, credentials: source.agent });
  for (const { link, files } of sent) {
    const received = await downloadAll(movedAgent, link);
    assert.equal(received.message, "moving up");
    for (const [name, bytes] of files) {
      assert.equal(await sha256(received.files.get(name)!), await sha256(bytes), name);
    }
  }
  const verified = await fetch(`${moved.url}/drop-zone/v2.0/config/verify-credentials/`, {
    headers: { "ss-api-key": source.dropzoneId },
  });
  assert.equal((await verified.json()).response, "SUCCESS");
}

Deno.test("a migrated data directory serves every link byte-identical from PostgreSQL", async () => {
  const database = await createTestDatabase();
  const source = await startTestService({ backend: "sqlite" });
  const target = await Deno.makeTempDir({ prefix: "padlock-moved-" });
  let moved: RunningServer | undefined;
  try {
    const sent = await populate(source);
    // An agent who signed in through the identity provider: its refresh token is sealed too.
    const [firstUser] = await source.server.accounts.listUsers();
    await source.server.accounts.linkSubject(firstUser.id, "provider-subject-1", "refresh token 1");
    const key = (await Deno.readTextFile(`${source.dataDir}/secret.key`)).trim();
    await source.server.close();
    const args = [
      "migrate",
      "--data-dir",
      source.dataDir,
      "--to-database-url",
      database.url,
      "--to-data-dir",
      target,
    ];
    const lines = await runAdmin(args, () => undefined);
    assert.ok(lines.some((line) => /copied: \d+ parts, 3 packages/.test(line)), lines.join("\n"));
    assert.ok(lines.some((line) => line.includes("PADLOCK_SECRET_KEY")), "says which key to use");
    assert.ok((await listFiles(`${target}/parts`)).length >= 5, "the parts were copied");

    moved = await startServer({
      port: 0,
      hostname: "127.0.0.1",
      dataDir: target,
      databaseUrl: database.url,
      secretKey: key,
      sweepIntervalMs: 0,
      log: () => {},
    });
    await assertServesEverything(moved, source, sent);
    assert.equal((await moved.accounts.findUserBySubject("provider-subject-1"))?.id, firstUser.id);
    assert.equal(
      await moved.accounts.claimProviderCheck(firstUser.id, Date.now()),
      "refresh token 1",
    );

    // A second run would mix two directories: refused, and nothing is changed.
    await assert.rejects(runAdmin(args, () => undefined), /not empty/);
  } finally {
    await moved?.close();
    await source.close();
    await database.drop();
    await Deno.remove(target, { recursive: true });
  }
});

Deno.test("a migration into PostgreSQL and a bucket, stopped half-way and run again, serves every link byte-identical", async () => {
  let database: TestDatabase | undefined;
  let bucket: TestBucket | undefined;
  const source = await startTestService({ backend: "sqlite" });
  let moved: RunningServer | undefined;
  try {
    database = await createTestDatabase();
    bucket = await freshBucket();
    const sent = await populate(source);
    const key = (await Deno.readTextFile(`${source.dataDir}/secret.key`)).trim();
    await source.server.close();
    const recorded = await queryRows<
      { package_id: string; file_id: string; part: number; size: number }
    >(
      { dataDir: source.dataDir },
      `SELECT files.package_id, parts.file_id, parts.part, parts.size FROM parts
       JOIN files ON files.id = parts.file_id ORDER BY files.package_id, parts.file_id, parts.part`,
    );
    assert.ok(recorded.length >= 5);
    const objectKey = (row: (typeof recorded)[number]) =>
      `${row.package_id}/${row.file_id}/${row.part}.pgp`;

    // The last part in copy order goes missing: the run stops after copying all the others.
    const last = recorded[recorded.length - 1];
    const lastPath = `${source.dataDir}/parts/${objectKey(last)}`;
    const lastBytes = await Deno.readFile(lastPath);
    await Deno.remove(lastPath);
    const settings = bucket.settings;
    const flags = [
      "--to-s3-endpoint",
      settings.endpoint,
      "--to-s3-bucket",
      settings.bucket,
      "--to-s3-region",
      settings.region,
      "--to-s3-access-key-id",
      settings.accessKeyId,
      "--to-s3-secret-access-key",
      settings.secretAccessKey,
    ];
    await assert.rejects(
      runAdmin(
        ["migrate", "--data-dir", source.dataDir, "--to-database-url", database.url, ...flags],
        () => undefined,
      ),
      /recorded but missing from the source store/,
    );
    // Every object in the bucket is a whole part; no metadata was written.
    const copied = recorded.slice(0, -1);
    assert.deepEqual(await bucket.keys(), copied.map(objectKey).sort());
    for (const row of copied) {
      const head: Response = await bucket.client.fetch(`${bucket.url}/${objectKey(row)}`, {
        method: "HEAD",
      });
      assert.equal(Number(head.headers.get("content-length")), row.size, objectKey(row));
    }
    const [{ n }] = await queryRows<{ n: number }>(
      { dataDir: "", databaseUrl: database.url },
      "SELECT COUNT(*) AS n FROM packages",
    );
    assert.equal(n, 0, "no metadata after a failed run");

    // The part is back; the second run, configured by variables this time, copies only it.
    await Deno.writeFile(lastPath, lastBytes);
    const variables: Record<string, string> = {
      PADLOCK_TO_DATABASE_URL: database.url,
      PADLOCK_TO_S3_ENDPOINT: settings.endpoint,
      PADLOCK_TO_S3_BUCKET: settings.bucket,
      PADLOCK_TO_S3_REGION: settings.region,
      PADLOCK_TO_S3_ACCESS_KEY_ID: settings.accessKeyId,
      PADLOCK_TO_S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
    };
    const lines = await runAdmin(
      ["migrate", "--data-dir", source.dataDir],
      (name) => variables[name],
    );
    assert.ok(
      lines.includes(`parts: 1 copied, ${copied.length} already in the target store`),
      lines.join("\n"),
    );
    assert.ok(lines.includes("copied: 1 parts, 3 packages"), lines.join("\n"));
    assert.deepEqual(await bucket.keys(), recorded.map(objectKey).sort());

    // A service on PostgreSQL and the bucket alone (its data directory is new and empty).
    const emptyDir = await Deno.makeTempDir({ prefix: "padlock-moved-s3-" });
    try {
      moved = await startServer({
        port: 0,
        hostname: "127.0.0.1",
        dataDir: emptyDir,
        databaseUrl: database.url,
        secretKey: key,
        s3Endpoint: settings.endpoint,
        s3Bucket: settings.bucket,
        s3Region: settings.region,
        s3AccessKeyId: settings.accessKeyId,
        s3SecretAccessKey: settings.secretAccessKey,
        sweepIntervalMs: 0,
        log: () => {},
      });
      await assertServesEverything(moved, source, sent);
      await moved.close();
      moved = undefined;
    } finally {
      await Deno.remove(emptyDir, { recursive: true });
    }

    // Run once more after success: refused, the bucket unchanged.
    await assert.rejects(
      runAdmin(["migrate", "--data-dir", source.dataDir], (name) => variables[name]),
      /not empty/,
    );
    assert.equal((await bucket.keys()).length, recorded.length);
    // Half the bucket options: a usage error naming the missing ones.
    await assert.rejects(
      runAdmin(
        [
          "migrate",
          "--data-dir",
          source.dataDir,
          "--to-database-url",
          database.url,
          "--to-s3-bucket",
          "b",
        ],
        () => undefined,
      ),
      /--to-s3-endpoint \(PADLOCK_TO_S3_ENDPOINT\).*--to-s3-secret-access-key/,
    );
  } finally {
    await moved?.close();
    await source.close();
    await database?.drop();
    await bucket?.close();
  }
});
