/**
 * Tests of src/worker_pool.ts in Deno (whose workers are Web Workers): parts encrypted and
 * decrypted in workers equal those of pgp.ts in this thread, many parts at once come back each
 * to its caller, buffers are transferred, a worker's failures reach the caller with the same
 * classes (DecryptError with its cause), a crashed worker fails only its part, cancel and close,
 * the in-thread fallback, and whole uploads and downloads through the pool.
 */
import assert from "node:assert/strict";
import { downloadFile, openPackage } from "../../src/download.ts";
import { DecryptError, decryptPart, encryptPart } from "../../src/pgp.ts";
import { gpgSymmetric } from "./_gpg.ts";
import { createPackage, finalizePackage, PART_SIZE, uploadFile } from "../../src/upload.ts";
import {
  CryptoPool,
  CryptoWorkerError,
  defaultPoolSize,
  MAX_POOL_SIZE,
} from "../../src/worker_pool.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { buildTestBundles, pageRoutes, serveOrigin } from "./_browser_pages.ts";
import {
  collectingSink,
  fakeClient,
  randomBytes,
  sha256,
  startFakeService,
} from "./_fake_service.ts";

const WORKER_URL = new URL("../../src/crypto_worker.ts", import.meta.url);
const SECRET = "server-secret-" + "k".repeat(43);

async function withPool(
  options: ConstructorParameters<typeof CryptoPool>[0],
  body: (pool: CryptoPool) => Promise<void>,
): Promise<void> {
  const pool = new CryptoPool(options);
  try {
    await body(pool);
  } finally {
    pool.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected the promise to reject");
}

Deno.test("pool: the default size follows the cores, capped", () => {
  const size = defaultPoolSize();
  assert.equal(size, Math.max(1, Math.min(MAX_POOL_SIZE, navigator.hardwareConcurrency)));
  const pool = new CryptoPool({ workerUrl: WORKER_URL });
  assert.equal(pool.size, size);
  assert.equal(pool.concurrency, size + 2);
  assert.equal(pool.workerCount, 0, "no worker before the first part");
  pool.close();
  assert.throws(() => new CryptoPool({ size: 0 }), RangeError);
  assert.throws(() => new CryptoPool({ startTimeout: -1 }), RangeError);
});

Deno.test("pool: parts encrypted in a worker decrypt in this thread, and the reverse", async () => {
  await withPool({ workerUrl: WORKER_URL, size: 2 }, async (pool) => {
    assert.equal(await pool.ready(), "workers");
    const plain = randomBytes(PART_SIZE);
    const expected = await sha256(plain);
    const cipher = await pool.encrypt(plain.slice(), SECRET);
    assert.equal(cipher.length, PART_SIZE + 107, "the size of spec 3.5");
    assert.equal(await sha256(await decryptPart(cipher, SECRET)), expected);

    const threadCipher = await encryptPart(plain, SECRET);
    assert.equal(await sha256(await pool.decrypt(threadCipher, SECRET)), expected);
    // An empty part, as an empty file has.
    const empty = await pool.encrypt(new Uint8Array(0), SECRET);
    assert.equal((await pool.decrypt(empty, SECRET)).length, 0);
    assert.equal(pool.mode, "workers");
  });
});

Deno.test("pool: many parts at once run on every worker and each comes back to its caller", async () => {
  await withPool({ workerUrl: WORKER_URL, size: 3 }, async (pool) => {
    const parts = Array.from({ length: 9 }, (_, i) => randomBytes(100_000 + i * 1000));
    const hashes = await Promise.all(parts.map((part) => sha256(part)));
    const pending = parts.map((part) => pool.encrypt(part.slice(), SECRET));
    // Nine parts queued at once start every worker of the pool, and no more.
    assert.equal(pool.workerCount, 3);
    const ciphers = await Promise.all(pending);
    const plains = await Promise.all(ciphers.map((cipher) => pool.decrypt(cipher, SECRET)));
    assert.deepEqual(await Promise.all(plains.map((plain) => sha256(plain))), hashes);
    assert.equal(pool.workerCount, 3);
  });
});

Deno.test("pool: the input buffer is transferred, a view into a larger buffer is copied", async () => {
  await withPool({ workerUrl: WORKER_URL, size: 1 }, async (pool) => {
    const whole = randomBytes(4096);
    const cipher = await pool.encrypt(whole, SECRET);
    assert.equal(whole.byteLength, 0, "the buffer went to the worker");
    assert.equal(cipher.buffer.byteLength >= cipher.byteLength, true);

    const big = randomBytes(8192);
    const before = await sha256(big);
    const view = big.subarray(1000, 3000);
    const viewCipher = await pool.encrypt(view, SECRET);
    assert.equal(big.byteLength, 8192, "the larger buffer stays with its owner");
    assert.equal(await sha256(big), before);
    assert.deepEqual(await pool.decrypt(viewCipher, SECRET), big.subarray(1000, 3000));
  });
});

Deno.test("pool: a worker's decryption failures are the DecryptError of this thread", async () => {
  await withPool({ workerUrl: WORKER_URL, size: 1 }, async (pool) => {
    const cipher = await encryptPart(randomBytes(1000), SECRET);

    const wrongKey = await rejection(pool.decrypt(cipher.slice(), "another-secret"));
    const threadWrongKey = await rejection(decryptPart(cipher.slice(), "another-secret"));
    assert.ok(wrongKey instanceof DecryptError, String(wrongKey));
    assert.equal(wrongKey.name, "DecryptError");
    assert.equal(wrongKey.message, (threadWrongKey as Error).message);
    // download.ts tells a wrong key from a modified part by the check that failed: it crosses.
    // Whether there is a cause depends on the random session key: a wrong passphrase usually
    // makes OpenPGP.js throw on the session-key packet (the cause), but a few times in a hundred
    // it decrypts to a plausible cipher byte and the key check refuses it (no cause).
    const threadCause = (threadWrongKey as Error).cause;
    if (threadCause instanceof Error) {
      assert.ok(wrongKey.cause instanceof Error, "the cause crosses from the worker");
      assert.equal(wrongKey.cause.message, threadCause.message);
    } else {
      assert.equal(wrongKey.cause, undefined);
    }
    assert.equal(wrongKey.failure, (threadWrongKey as DecryptError).failure);
    assert.notEqual(wrongKey.failure, "integrity");

    const tampered = cipher.slice();
    tampered[tampered.length - 30] ^= 1;
    const modified = await rejection(pool.decrypt(tampered, SECRET));
    assert.ok(modified instanceof DecryptError);
    assert.equal(modified.failure, "integrity");

    const garbage = await rejection(pool.decrypt(new Uint8Array([1, 2, 3]), SECRET));
    assert.ok(garbage instanceof DecryptError);
    assert.match(garbage.message, /not a complete OpenPGP message/);
    assert.equal(garbage.failure, "format");

    assert.ok(await rejection(pool.encrypt(new Uint8Array(1), "")) instanceof TypeError);
    // The worker is still there and well after all that.
    assert.equal((await pool.decrypt(cipher, SECRET)).length, 1000);
    assert.equal(pool.workerCount, 1);
  });
});

Deno.test("pool: a worker that crashes fails its part only; the next part gets a new worker", async () => {
  // Says it is ready, then dies on its first part: what an out-of-memory crash looks like.
  const crashing = "data:text/javascript," +
    encodeURIComponent(
      'postMessage({ ready: true }); addEventListener("message", () => { throw new Error("boom"); });',
    );
  await withPool({ workerUrl: crashing, size: 1 }, async (pool) => {
    const error = await rejection(pool.encrypt(new Uint8Array(10), SECRET));
    assert.ok(error instanceof CryptoWorkerError, String(error));
    assert.equal(error.name, "CryptoWorkerError");
    assert.equal(pool.workerCount, 0, "the crashed worker is gone");
    assert.ok(
      await rejection(pool.encrypt(new Uint8Array(10), SECRET)) instanceof CryptoWorkerError,
    );
  });
});

Deno.test("pool: close rejects waiting and running parts and later calls with an AbortError", async () => {
  const pool = new CryptoPool({ workerUrl: WORKER_URL, size: 1 });
  const pending = [1, 2, 3].map(() => pool.encrypt(randomBytes(PART_SIZE), SECRET));
  pool.close();
  for (const promise of pending) {
    const error = await rejection(promise);
    assert.ok(error instanceof DOMException && error.name === "AbortError", String(error));
  }
  assert.equal(pool.workerCount, 0);
  const later = await rejection(pool.decrypt(new Uint8Array(1), SECRET));
  assert.ok(later instanceof DOMException && later.name === "AbortError");
});

Deno.test("pool: a cancelled part leaves the queue with the signal's reason; others go on", async () => {
  await withPool({ workerUrl: WORKER_URL, size: 1 }, async (pool) => {
    const controller = new AbortController();
    const first = pool.encrypt(randomBytes(PART_SIZE), SECRET);
    const second = pool.encrypt(randomBytes(PART_SIZE), SECRET, { signal: controller.signal });
    const third = pool.encrypt(randomBytes(1000), SECRET);
    const reason = new Error("stop that part");
    controller.abort(reason);
    assert.equal(await rejection(second), reason);
    assert.equal((await first).length, PART_SIZE + 107);
    assert.equal((await decryptPart(await third, SECRET)).length, 1000);
    const already = new AbortController();
    already.abort();
    const refused = await rejection(pool.encrypt(new Uint8Array(1), SECRET, already));
    assert.ok(refused instanceof DOMException && refused.name === "AbortError");
  });
});

Deno.test("pool: without workers the same calls run in this thread", async () => {
  await withPool({}, async (pool) => {
    assert.equal(pool.mode, "in-thread");
    const cipher = await pool.encrypt(new Uint8Array([1, 2, 3]), SECRET);
    assert.deepEqual(await pool.decrypt(cipher, SECRET), new Uint8Array([1, 2, 3]));
    assert.ok(await rejection(pool.decrypt(cipher, "wrong")) instanceof DecryptError);
  });
  // A worker script that cannot be loaded: the pool notices and falls back.
  const missing = new URL("./no_such_worker.ts", import.meta.url);
  await withPool({ workerUrl: missing, size: 2 }, async (pool) => {
    const cipher = await pool.encrypt(new Uint8Array([4, 5, 6]), SECRET);
    assert.equal(pool.mode, "in-thread");
    assert.equal(pool.workerCount, 0);
    assert.deepEqual(await decryptPart(cipher, SECRET), new Uint8Array([4, 5, 6]));
  });
});

Deno.test("pool: a file uploaded and downloaded through the pool comes back byte-identical", async () => {
  const service = startFakeService();
  try {
    await withPool({ workerUrl: WORKER_URL, size: 2 }, async (pool) => {
      const client = fakeClient(service);
      const bytes = randomBytes(PART_SIZE * 4 + 12_345);
      const pkg = await createPackage(client);
      const progress: number[] = [];
      await uploadFile(client, pkg, new Blob([bytes]), {
        name: "pooled.bin",
        encrypt: pool.encrypt,
        concurrency: pool.concurrency,
        completeInterval: 1,
        onProgress: (done) => progress.push(done),
      });
      // Progress still counts plaintext bytes although the pool took each part's buffer.
      assert.equal(progress.at(-1), bytes.length);
      const link = await finalizePackage(client, pkg, { undisclosed: true });
      const opened = await openPackage(client, link);
      const { stream, state } = collectingSink();
      await downloadFile(client, opened, opened.files[0], stream, {
        decrypt: pool.decrypt,
        concurrency: pool.concurrency,
      });
      assert.equal(state.closed, true);
      assert.equal(await sha256(state.bytes()), await sha256(bytes));
      assert.equal(pool.workerCount, 2);
    });
  } finally {
    await service.close();
  }
});

// The same pool in headless Chromium, with the bundles built as build.ts builds them.

type Padlock =
  & typeof import("../../src/worker_pool.ts")
  & typeof import("../../src/pgp.ts");

interface BrowserRun {
  mode: string;
  workers: number;
  identical: boolean;
  transferred: boolean;
  errorName: string;
  isDecryptError: boolean;
  cause: string;
  /** The check that refused a GnuPG-made part opened with a wrong key, in a worker. */
  gpgFailure: string;
}

/** Encrypts four parts in the pool, decrypts them in the page and in the pool, and a wrong key. */
function browserRun(
  { workerUrl, gpgPart }: { workerUrl: string; gpgPart: number[] },
): Promise<BrowserRun> {
  return (async (workerUrl: string, gpgPart: number[]) => {
    const { CryptoPool, DecryptError, decryptPart } =
      (globalThis as unknown as { padlock: Padlock }).padlock;
    const hex = async (bytes: Uint8Array) =>
      Array.from(
        new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>)),
        (b) => b.toString(16).padStart(2, "0"),
      ).join("");
    const part = new Uint8Array(2_621_440);
    for (let i = 0; i < part.length; i += 65536) {
      crypto.getRandomValues(part.subarray(i, i + 65536));
    }
    const expected = await hex(part);
    const pool = new CryptoPool({ workerUrl, size: 2 });
    const mode = await pool.ready();
    const input = part.slice();
    const ciphers = await Promise.all([
      pool.encrypt(input, "secret"),
      ...[1, 2, 3].map(() => pool.encrypt(part.slice(), "secret")),
    ]);
    const workers = pool.workerCount;
    const plains = [
      ...await Promise.all(ciphers.map((cipher) => decryptPart(cipher, "secret"))),
      ...await Promise.all(ciphers.map((cipher) => pool.decrypt(cipher.slice(), "secret"))),
    ];
    const hashes = await Promise.all(plains.map(hex));
    let error: unknown;
    try {
      await pool.decrypt(ciphers[0].slice(), "wrong");
    } catch (caught) {
      error = caught;
    }
    // GnuPG's session-key packet takes any passphrase: only the data's key check (WebCrypto)
    // tells that the key is wrong.
    const gpgFailure = await pool.decrypt(new Uint8Array(gpgPart), "wrong").then(
      () => "decrypted",
      (caught) => (caught as InstanceType<typeof DecryptError>).failure,
    );
    pool.close();
    return {
      gpgFailure,
      mode,
      workers,
      identical: hashes.length === 8 && hashes.every((hash) => hash === expected),
      transferred: mode === "in-thread" || input.byteLength === 0,
      errorName: (error as Error).name,
      isDecryptError: error instanceof DecryptError,
      cause: ((error as Error).cause as Error)?.message ?? "",
    };
  })(workerUrl, gpgPart);
}

Deno.test("pool in Chromium: workers, a worker on another origin, and the fallback under a CSP", async () => {
  const bundles = await buildTestBundles();
  const plain = serveOrigin(pageRoutes(bundles));
  // The scripts of another site, with CORS, as a CDN would serve them.
  const other = serveOrigin(pageRoutes(bundles, { cors: true }), "localhost");
  const strict = serveOrigin(
    pageRoutes(bundles, { csp: "default-src 'self'; script-src 'self'; worker-src 'none'" }),
  );
  const gpgPart = await gpgSymmetric(randomBytes(5000), "secret");
  const browser = await launchBrowser();
  try {
    const run = async (pageUrl: string, workerUrl: string) => {
      const page = await browser.newPage();
      await page.goto(pageUrl);
      await page.waitForFunction(() => "padlock" in globalThis);
      const result = await page.evaluate(browserRun, { workerUrl, gpgPart: [...gpgPart] });
      await page.close();
      return result;
    };
    const same = await run(`${plain.url}/t/`, "/t/crypto_worker.js");
    assert.deepEqual(same, {
      mode: "workers",
      workers: 2,
      identical: true,
      transferred: true,
      errorName: "DecryptError",
      isDecryptError: true,
      cause: same.cause,
      gpgFailure: "key",
    });
    assert.notEqual(same.cause, "", "the cause crosses from the worker");

    const crossOrigin = await run(`${plain.url}/t/`, `${other.url}/t/crypto_worker.js`);
    assert.equal(crossOrigin.mode, "workers");
    assert.equal(crossOrigin.identical, true);
    assert.equal(crossOrigin.isDecryptError, true);

    const forbidden = await run(`${strict.url}/t/`, "/t/crypto_worker.js");
    assert.equal(forbidden.mode, "in-thread");
    assert.equal(forbidden.workers, 0);
    assert.equal(forbidden.identical, true);
    assert.equal(forbidden.isDecryptError, true);
    assert.equal(forbidden.gpgFailure, "key", "in the page thread as well");
  } finally {
    await browser.close();
    await Promise.all([plain.close(), other.close(), strict.close()]);
  }
});
