/**
 * The S3 part store against a real S3 server (Ceph radosgw, see `tests/_helpers/s3.ts`), each test
 * on a fresh bucket: the object layout, whole-or-absent writes, the size limit, paginated package
 * deletion, and a bucket that is down, hangs or refuses the keys becoming `StorageUnavailableError`.
 */
import assert from "node:assert/strict";
import {
  ConfigError,
  configFromOutside,
  createPartStore,
  FileSystemPartStore,
  PartTooLargeError,
  S3PartStore,
  StorageUnavailableError,
} from "../../server/mod.ts";
import { resolveConfig } from "../../server/config.ts";
import type { PartKey } from "../../server/storage/part_store.ts";
import { freshBucket, type TestBucket } from "../_helpers/s3.ts";
import { randomBytes, sha256 } from "../_helpers/bytes.ts";

const KEY: PartKey = { packageId: "pkg_A1", fileId: "file-B2", part: 3 };

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function withBucket(test: (bucket: TestBucket) => Promise<void>): Promise<void> {
  const bucket = await freshBucket();
  try {
    await test(bucket);
  } finally {
    await bucket.close();
  }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

Deno.test("S3 store: put, get, has, delete, under <prefix><packageId>/<fileId>/<part>.pgp", async () => {
  await withBucket(async (bucket) => {
    const store = new S3PartStore({ ...bucket.settings, prefix: "padlock/" });
    const bytes = randomBytes(300_000);
    assert.equal(await store.has(KEY), false);
    assert.equal(await store.get(KEY), undefined);
    // Several chunks, as a request body arrives.
    const stored = await store.put(
      KEY,
      streamOf(bytes.subarray(0, 1000), bytes.subarray(1000, 200_000), bytes.subarray(200_000)),
      300_000,
    );
    assert.equal(stored, 300_000);
    assert.deepEqual(await bucket.keys(), ["padlock/pkg_A1/file-B2/3.pgp"]);
    assert.equal(await store.has(KEY), true);
    const got = await store.get(KEY);
    assert.ok(got);
    assert.equal(got.size, 300_000);
    assert.equal(await sha256(await readAll(got.body)), await sha256(bytes));

    // A new copy replaces the old one whole.
    const second = randomBytes(10);
    assert.equal(await store.put(KEY, streamOf(second), 300_000), 10);
    assert.deepEqual(await readAll((await store.get(KEY))!.body), second);

    await store.delete(KEY);
    assert.equal(await store.has(KEY), false);
    assert.deepEqual(await bucket.keys(), []);
    await store.delete(KEY); // deleting an absent part is not an error
  });
});

Deno.test("S3 store: a part over the limit is refused and nothing is stored, the old copy stays", async () => {
  await withBucket(async (bucket) => {
    const store = new S3PartStore(bucket.settings);
    await assert.rejects(
      store.put(KEY, streamOf(randomBytes(600), randomBytes(401)), 1000),
      PartTooLargeError,
    );
    assert.deepEqual(await bucket.keys(), []);
    const old = randomBytes(500);
    await store.put(KEY, streamOf(old), 1000);
    await assert.rejects(store.put(KEY, streamOf(randomBytes(1001)), 1000), PartTooLargeError);
    assert.deepEqual(await readAll((await store.get(KEY))!.body), old);
  });
});

Deno.test("S3 store: a body that fails half-way leaves nothing", async () => {
  await withBucket(async (bucket) => {
    const store = new S3PartStore(bucket.settings);
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(randomBytes(100_000));
        controller.error(new Error("the client went away"));
      },
    });
    await assert.rejects(store.put(KEY, failing, 1_000_000), /the client went away/);
    assert.deepEqual(await bucket.keys(), []);
    assert.equal(await store.has(KEY), false);
  });
});

Deno.test("S3 store: deletePackage deletes every object of the package past one listing page, and only those", async () => {
  await withBucket(async (bucket) => {
    const store = new S3PartStore({ ...bucket.settings, prefix: "p/" });
    // 1,003 parts: more than one ListObjectsV2 page and one DeleteObjects call (1,000 each).
    const parts: PartKey[] = [];
    for (let part = 1; part <= 1003; part++) {
      parts.push({ packageId: "doomed", fileId: part % 2 ? "f1" : "f2", part });
    }
    const tiny = new Uint8Array([1]);
    for (let start = 0; start < parts.length; start += 16) {
      await Promise.all(
        parts.slice(start, start + 16).map((key) => store.put(key, streamOf(tiny), 1)),
      );
    }
    const kept: PartKey = { packageId: "doomed2", fileId: "f1", part: 1 };
    await store.put(kept, streamOf(tiny), 1);
    assert.equal((await bucket.keys()).length, 1004);

    await store.deletePackage("doomed");
    assert.deepEqual(await bucket.keys(), ["p/doomed2/f1/1.pgp"]);
    await store.deletePackage("doomed"); // nothing left: not an error
  });
});

Deno.test("S3 store: a bucket that is down, hangs or refuses the keys gives StorageUnavailableError", async () => {
  // Down: a port nobody listens on.
  const closed = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const deadPort = (closed.addr as Deno.NetAddr).port;
  closed.close();
  const down = new S3PartStore({
    endpoint: `http://127.0.0.1:${deadPort}`,
    bucket: "nowhere",
    region: "us-east-1",
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: "secret",
  });
  await assert.rejects(down.put(KEY, streamOf(randomBytes(10)), 100), StorageUnavailableError);
  await assert.rejects(down.get(KEY), StorageUnavailableError);
  await assert.rejects(down.has(KEY), StorageUnavailableError);
  await assert.rejects(down.delete(KEY), StorageUnavailableError);
  await assert.rejects(down.deletePackage(KEY.packageId), StorageUnavailableError);

  // Hangs: accepts connections and never answers.
  const silent = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const held: Deno.Conn[] = [];
  const accepting = (async () => {
    for await (const conn of silent) held.push(conn);
  })();
  try {
    const hung = new S3PartStore({
      endpoint: `http://127.0.0.1:${(silent.addr as Deno.NetAddr).port}`,
      bucket: "slow",
      region: "us-east-1",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret",
      requestTimeoutMs: 300,
    });
    const error = await hung.has(KEY).then(() => undefined, (caught) => caught);
    assert.ok(error instanceof StorageUnavailableError);
    assert.match(error.detail, /no answer within 0.3 s/);
  } finally {
    silent.close();
    await accepting.catch(() => {});
    for (const conn of held) conn.close();
  }

  // Refuses: the right server and bucket, a wrong secret.
  await withBucket(async (bucket) => {
    const wrong = new S3PartStore({ ...bucket.settings, secretAccessKey: "not the secret" });
    const refused = await wrong.put(KEY, streamOf(randomBytes(10)), 100).then(
      () => undefined,
      (caught) => caught,
    );
    assert.ok(refused instanceof StorageUnavailableError);
    assert.match(refused.detail, /HTTP 403 SignatureDoesNotMatch/);
    assert.ok(!refused.message.includes("not the secret"));
    assert.deepEqual(await bucket.keys(), []);
    // A bucket that does not exist is a failure too, not an absent part.
    const missing = new S3PartStore({ ...bucket.settings, bucket: "no-such-bucket-here" });
    await assert.rejects(missing.get(KEY), StorageUnavailableError);
  });
});

Deno.test("part store choice: --s3-* flags and variables, partial settings refused", () => {
  const env: Record<string, string> = {
    PADLOCK_S3_ENDPOINT: "http://127.0.0.1:7480",
    PADLOCK_S3_BUCKET: "padlock-parts",
    PADLOCK_S3_SECRET_ACCESS_KEY: "from-env",
  };
  const config = configFromOutside(
    ["--s3-access-key-id", "AKID", "--s3-prefix=pl/", "--s3-direct-parts", "true"],
    (name) => env[name],
  );
  assert.deepEqual(config, {
    s3Endpoint: "http://127.0.0.1:7480",
    s3Bucket: "padlock-parts",
    s3AccessKeyId: "AKID",
    s3SecretAccessKey: "from-env",
    s3Prefix: "pl/",
    s3DirectParts: true,
  });
  const store = createPartStore(resolveConfig(config));
  assert.ok(store instanceof S3PartStore);
  assert.equal(store.direct?.origin, "http://127.0.0.1:7480");
  const proxy = createPartStore(resolveConfig({ ...config, s3DirectParts: false }));
  assert.equal(proxy.direct, undefined);
  assert.ok(createPartStore(resolveConfig({})) instanceof FileSystemPartStore);

  const partial = (extra: Record<string, unknown>) => () =>
    createPartStore(resolveConfig({ ...config, ...extra }));
  assert.throws(
    partial({ s3Bucket: undefined, s3SecretAccessKey: undefined }),
    (error: Error) =>
      error instanceof ConfigError && /--s3-bucket \(PADLOCK_S3_BUCKET\)/.test(error.message) &&
      /--s3-secret-access-key/.test(error.message) && !/from-env/.test(error.message),
  );
  assert.throws(
    () => createPartStore(resolveConfig({ s3DirectParts: true })),
    /--s3-endpoint \(PADLOCK_S3_ENDPOINT\)/,
  );
  assert.throws(partial({ s3Endpoint: "http://127.0.0.1:7480/bucket" }), /origin without path/);
  assert.throws(partial({ s3Endpoint: "not a url" }), /not a URL/);
  assert.throws(partial({ s3Bucket: "Bad_Bucket" }), /not a valid bucket name/);
  assert.throws(partial({ s3Prefix: "../x/" }), /--s3-prefix/);
  assert.throws(partial({ s3Prefix: "no-slash" }), /--s3-prefix/);
  assert.throws(partial({ s3Region: "EU WEST" }), /--s3-region/);
});
