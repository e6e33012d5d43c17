/**
 * Moving up: `deno task admin migrate --to-database-url …` copies a populated SQLite data
 * directory into PostgreSQL and a new part store; a service started on the new backend (with
 * the key of the old directory as its shared secret key) serves every link byte-identical, the
 * old API key and dropzone still work, and a second migration into the same database is refused.
 */
import assert from "node:assert/strict";
import { runAdmin } from "../../server/admin.ts";
import { type RunningServer, startServer } from "../../server/mod.ts";
import { SendSafelyClient } from "../../src/api.ts";
import { uploadFiles } from "../../src/upload.ts";
import { createTestDatabase } from "../_helpers/postgres.ts";
import { downloadAll } from "./_clients.ts";
import { listFiles, sha256, startTestService, testBytes } from "./_helpers.ts";

Deno.test("a migrated data directory serves every link byte-identical from PostgreSQL", async () => {
  const database = await createTestDatabase();
  const source = await startTestService({ backend: "sqlite" });
  const target = await Deno.makeTempDir({ prefix: "padlock-moved-" });
  const sent: { link: string; files: Map<string, Uint8Array> }[] = [];
  let moved: RunningServer | undefined;
  try {
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
    for (const pkg of packages) {
      const { link } = await uploadFiles(
        pkg.client,
        Object.entries(pkg.files).map(([name, bytes]) => ({ name, blob: new Blob([bytes]) })),
        { undisclosed: pkg.undisclosed, recipients: pkg.recipients, message: "moving up" },
      );
      sent.push({ link, files: new Map(Object.entries(pkg.files)) });
    }
    // An agent who signed in through the identity provider: its refresh token is sealed too.
    const [firstUser] = await source.server.accounts.listUsers();
    await source.server.accounts.linkSubject(firstUser.id, "provider-subject-1", "refresh token 1");
    const key = (await Deno.readTextFile(`${source.dataDir}/secret.key`)).trim();
    await source.server.close();

    const lines = await runAdmin(
      [
        "migrate",
        "--data-dir",
        source.dataDir,
        "--to-database-url",
        database.url,
        "--to-data-dir",
        target,
      ],
      () => undefined,
    );
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
    // The old API key (its secret sealed under the old key) and the dropzone still work.
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
    assert.equal((await moved.accounts.findUserBySubject("provider-subject-1"))?.id, firstUser.id);
    assert.equal(
      await moved.accounts.claimProviderCheck(firstUser.id, Date.now()),
      "refresh token 1",
    );

    // A second run would mix two directories: refused, and nothing is changed.
    await assert.rejects(
      runAdmin(
        [
          "migrate",
          "--data-dir",
          source.dataDir,
          "--to-database-url",
          database.url,
          "--to-data-dir",
          target,
        ],
        () => undefined,
      ),
      /not empty/,
    );
  } finally {
    await moved?.close();
    await source.close();
    await database.drop();
    await Deno.remove(target, { recursive: true });
  }
});
