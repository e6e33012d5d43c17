/**
 * The service's building blocks on their own: configuration from flags and
 * environment, the file-system part store, schema migrations, timestamps, file names.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import {
  ConfigError,
  configFromOutside,
  FileSystemPartStore,
  PartTooLargeError,
} from "../../server/mod.ts";
import { resolveConfig } from "../../server/config.ts";
import { migrate, SchemaError } from "../../server/db/database.ts";
import { listOutbox, OutboxMailer } from "../../server/mail/outbox.ts";
import { MIGRATIONS } from "../../server/db/migrations.ts";
import { SqliteDatabase } from "../../server/db/sqlite.ts";
import { decodeFileName } from "../../server/files/file_names.ts";
import { parseTimestamp } from "../../server/signing.ts";
import { InvalidPartKeyError } from "../../server/storage/part_store.ts";
import { listFiles, testBytes } from "./_helpers.ts";

Deno.test("flags win over environment variables, and bad values are refused", () => {
  const env: Record<string, string> = {
    PADLOCK_PORT: "9000",
    PADLOCK_DATA_DIR: "/srv/padlock",
    PADLOCK_MAX_FILE_BYTES: "1000",
    PADLOCK_ALLOW_UNDISCLOSED_RECIPIENTS: "false",
  };
  const config = configFromOutside(
    ["--port", "8443", "--public-url=https://files.example.com"],
    (name) => env[name],
  );
  assert.deepEqual(config, {
    port: 8443,
    publicUrl: "https://files.example.com",
    dataDir: "/srv/padlock",
    maxFileBytes: 1000,
    allowUndisclosedRecipients: false,
  });
  assert.throws(() => configFromOutside(["--prot", "1"], () => undefined), ConfigError);
  assert.throws(() => configFromOutside(["--port", "eighty"], () => undefined), ConfigError);
  assert.throws(
    () =>
      configFromOutside(
        [],
        (name) => name === "PADLOCK_ALLOW_UNDISCLOSED_RECIPIENTS" ? "yes" : undefined,
      ),
    ConfigError,
  );
  assert.throws(
    () => resolveConfig({ publicUrl: "https://files.example.com/padlock" }),
    ConfigError,
  );
  assert.throws(() => resolveConfig({ maxPartsPerFile: -1 }), ConfigError);
  assert.throws(
    () => resolveConfig({ maxPackageLifeDays: 5, defaultPackageLifeDays: 10 }),
    ConfigError,
  );
  const defaults = resolveConfig();
  assert.equal(defaults.port, 8080);
  assert.equal(defaults.dataDir, ".data");
  assert.equal(defaults.maxPartBytes, 2_621_440 + 65_536);
  assert.equal(
    resolveConfig({ publicUrl: "https://files.example.com/" }).publicUrl,
    "https://files.example.com",
  );
});

Deno.test("the Zendesk API settings come together, from flags or PADLOCK_ZENDESK_*", () => {
  const env: Record<string, string> = {
    PADLOCK_ZENDESK_SUBDOMAIN: "acme",
    PADLOCK_ZENDESK_EMAIL: "bot@acme.com",
    PADLOCK_ZENDESK_API_TOKEN: "token-1",
  };
  const config = configFromOutside(["--zendesk-api-token", "token-2"], (name) => env[name]);
  assert.equal(config.zendeskSubdomain, "acme");
  assert.equal(config.zendeskEmail, "bot@acme.com");
  assert.equal(config.zendeskApiToken, "token-2");
  resolveConfig(config);
  // Half a set, a made-up subdomain, or a token sent in clear text to another machine: refused.
  for (
    const bad of [
      { zendeskSubdomain: "acme", zendeskEmail: "bot@acme.com" },
      { zendeskApiToken: "t" },
      { zendeskSubdomain: "acme.zendesk.com", zendeskEmail: "b@a.com", zendeskApiToken: "t" },
      { zendeskBaseUrl: "http://zendesk.example", zendeskEmail: "b@a.com", zendeskApiToken: "t" },
      { zendeskBaseUrl: "https://x.example/api", zendeskEmail: "b@a.com", zendeskApiToken: "t" },
    ]
  ) assert.throws(() => resolveConfig(bad), ConfigError, JSON.stringify(bad));
  resolveConfig({
    zendeskBaseUrl: "http://127.0.0.1:8081",
    zendeskEmail: "b@a.com",
    zendeskApiToken: "t",
  });
});

Deno.test("the part store writes atomically, refuses oversized parts whole and unsafe keys", async () => {
  const root = await Deno.makeTempDir({ prefix: "padlock-store-" });
  try {
    const store = new FileSystemPartStore(root);
    const key = { packageId: "ABCD-2345", fileId: "file-1", part: 1 };
    assert.equal(await store.has(key), false);
    assert.equal(await store.get(key), undefined);
    const bytes = testBytes(100_000);
    assert.equal(await store.put(key, new Blob([bytes]).stream(), 100_000), 100_000);
    const stored = await store.get(key);
    assert.equal(stored?.size, 100_000);
    assert.deepEqual(new Uint8Array(await new Response(stored!.body).arrayBuffer()), bytes);
    // Too large: refused, and the stored copy stays as it was, with no temporary file left.
    await assert.rejects(
      store.put(key, new Blob([testBytes(100_001)]).stream(), 100_000),
      PartTooLargeError,
    );
    assert.equal(
      await store.get(key).then((part) => part!.body.cancel().then(() => part!.size)),
      100_000,
    );
    assert.deepEqual((await listFiles(root)).map((path) => path.slice(root.length)), [
      "/ABCD-2345/file-1/1.pgp",
    ]);
    for (
      const bad of [{ ...key, packageId: "../x" }, { ...key, fileId: "a/b" }, { ...key, part: 0 }, {
        ...key,
        part: 1.5,
      }]
    ) {
      await assert.rejects(store.put(bad, new Blob([]).stream(), 10), InvalidPartKeyError);
    }
    await store.delete(key);
    await store.delete(key);
    assert.equal(await store.has(key), false);
    await store.put({ ...key, part: 2 }, new Blob([bytes]).stream(), 100_000);
    await store.deletePackage("ABCD-2345");
    assert.deepEqual(await listFiles(root), []);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("the part store keeps a part of uneven chunks, over its write buffer, byte for byte", async () => {
  const root = await Deno.makeTempDir({ prefix: "padlock-store-" });
  try {
    const store = new FileSystemPartStore(root);
    const key = { packageId: "ABCD-2345", fileId: "file-1", part: 1 };
    // 2.5 MiB + 107 bytes, as a part of the clients, in chunks that straddle each MiB written.
    const bytes = testBytes(2_621_547);
    const sizes = [1, 65_536, 1_000_000, 7, 983_031, 65_536, 400_000];
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const size = sizes.shift() ?? bytes.byteLength - offset;
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
        if (offset === bytes.byteLength) controller.close();
      },
    });
    assert.equal(await store.put(key, body, 2_621_440 + 65_536), bytes.byteLength);
    const stored = await store.get(key);
    const read = new Uint8Array(await new Response(stored!.body).arrayBuffer());
    // Compared by length and digest: a diff of two 2.5 MiB arrays would take minutes to print.
    assert.equal(read.byteLength, bytes.byteLength);
    const digest = async (data: Uint8Array<ArrayBuffer>) =>
      new Uint8Array(await crypto.subtle.digest("SHA-256", data)).join(",");
    assert.equal(await digest(read), await digest(bytes));
    // One byte over the limit, past the first MiB written: refused, nothing left behind.
    await assert.rejects(
      store.put({ ...key, part: 2 }, new Blob([bytes]).stream(), bytes.byteLength - 1),
      PartTooLargeError,
    );
    assert.deepEqual((await listFiles(root)).map((path) => path.slice(root.length)), [
      "/ABCD-2345/file-1/1.pgp",
    ]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("migrations run once, in order, and a newer schema is refused", async () => {
  const db = new SqliteDatabase(new DatabaseSync(":memory:"));
  await migrate(db, MIGRATIONS);
  await migrate(db, MIGRATIONS);
  const versions = (await db.all<{ version: number }>(
    "SELECT version FROM schema_migrations ORDER BY version",
  )).map((row) => row.version);
  assert.deepEqual(versions, MIGRATIONS.map((migration) => migration.version));
  // A database migrated by a newer service (a version this code does not know) is refused.
  await assert.rejects(migrate(db, MIGRATIONS.slice(0, -1)), SchemaError);
  await db.close();
});

Deno.test("timestamps must be real instants in the SendSafely format", () => {
  assert.equal(parseTimestamp("2026-11-25T01:24:09+0000"), Date.UTC(2026, 10, 25, 1, 24, 9));
  for (
    const bad of [
      "2026-11-25T01:24:09Z",
      "2026-02-30T00:00:00+0000",
      "2026-11-25 01:24:09+0000",
      "",
    ]
  ) {
    assert.equal(parseTimestamp(bad), undefined, bad);
  }
});

Deno.test("file names are decoded from encodeURI form", () => {
  assert.equal(decodeFileName(encodeURI("my file é.txt")), "my file é.txt");
  assert.equal(decodeFileName(encodeURI("100% #1 & co?.pdf")), "100% #1 & co?.pdf");
  assert.equal(decodeFileName("x".repeat(255)), "x".repeat(255));
});

Deno.test("the outbox lists mails in the order they were written, even within one millisecond", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-outbox-" });
  try {
    // A clock that stands still, as it does for mails queued back to back.
    const mailer = new OutboxMailer(
      dataDir,
      "Padlock <no-reply@localhost>",
      () => 1_700_000_000_000,
    );
    for (let index = 1; index <= 20; index++) {
      await mailer.send({ to: "rita@example.com", subject: "Code", text: `mail ${index}` });
    }
    const mails = await listOutbox(dataDir);
    assert.deepEqual(
      mails.map((mail) => mail.text),
      Array.from({ length: 20 }, (_, index) => `mail ${index + 1}`),
    );
    assert.ok(mails.every((mail) => mail.createdAt === new Date(1_700_000_000_000).toISOString()));
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
