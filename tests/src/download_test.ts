/**
 * Tests of src/download.ts against the in-memory fake service: opening a link, URL batches,
 * in-order writing with parts fetched out of order, bounded memory, retries, tampered parts, a
 * wrong key, cancel, and the package message.
 */
import assert from "node:assert/strict";
import {
  DownloadError,
  downloadFile,
  type OpenedPackage,
  openPackage,
  readMessage,
} from "../../src/download.ts";
import { checksum } from "../../src/keys.ts";
import { formatLink, parseLink } from "../../src/link.ts";
import { decryptPart } from "../../src/pgp.ts";
import { createPackage, finalizePackage, PART_SIZE, uploadFile } from "../../src/upload.ts";
import {
  collectingSink,
  fakeClient,
  type FakeOptions,
  type FakeService,
  isAbortError,
  randomBytes,
  sha256,
  startFakeService,
  VirtualBlob,
} from "./_fake_service.ts";
import { gpgSymmetric } from "./_gpg.ts";

const identity = (bytes: Uint8Array) => Promise.resolve(bytes.slice());
const FAST = { retryDelay: 1, completeInterval: 1 };

async function withService(options: FakeOptions, body: (service: FakeService) => Promise<void>) {
  const service = startFakeService(options);
  try {
    await body(service);
  } finally {
    await service.close();
  }
}

/** Uploads one file (real encryption unless `plainParts`) and returns its Secure Link. */
async function send(
  service: FakeService,
  blob: Blob,
  options: { message?: string; plainParts?: boolean } = {},
) {
  const client = fakeClient(service);
  const pkg = await createPackage(client);
  const file = await uploadFile(client, pkg, blob, {
    name: "data.bin",
    encrypt: options.plainParts ? identity : undefined,
    ...FAST,
  });
  const link = await finalizePackage(client, pkg, { undisclosed: true, message: options.message });
  return { link, pkg, file };
}

Deno.test("download: openPackage reads the package by packageCode and derives the checksum", async () => {
  await withService({}, async (service) => {
    const { link, pkg } = await send(service, new Blob(["hello"]));
    const client = fakeClient(service);
    service.requests.length = 0;
    const opened = await openPackage(client, link);
    assert.deepEqual(service.requests.map((r) => `${r.method} ${r.prefix}${r.path}`), [
      `GET /api/v2.0/package/${pkg.packageCode}/`,
    ]);
    assert.equal(opened.packageId, pkg.packageId);
    assert.equal(opened.keyCode, pkg.keyCode);
    assert.equal(opened.checksum, await checksum(pkg.keyCode, pkg.packageCode));
    assert.equal(opened.link.packageCode, pkg.packageCode);
    assert.deepEqual(opened.files.map((f) => [f.fileName, f.fileSize, f.parts]), [[
      "data.bin",
      5,
      1,
    ]]);
    // A parsed link works as well as the text.
    assert.equal((await openPackage(client, parseLink(link))).packageId, pkg.packageId);
  });
});

Deno.test("download: URLs are asked for in inclusive batches of 25 and parts written in order", async () => {
  await withService({}, async (service) => {
    const blob = new VirtualBlob(60 * PART_SIZE - 3);
    const { link } = await send(service, blob, { plainParts: true });
    const client = fakeClient(service);
    const pkg = await openPackage(client, link);
    service.requests.length = 0;
    const { stream, state } = collectingSink();
    const progress: number[] = [];
    await downloadFile(client, pkg, pkg.files[0], stream, {
      decrypt: identity,
      onProgress: (done, total) => {
        assert.equal(total, blob.size);
        progress.push(done);
      },
    });
    const batches = service.requests.filter((r) => r.path.endsWith("/download-urls/"));
    assert.deepEqual(batches.map((r) => r.body), [
      `{"checksum":"${pkg.checksum}","startSegment":1,"endSegment":25}`,
      `{"checksum":"${pkg.checksum}","startSegment":26,"endSegment":50}`,
      `{"checksum":"${pkg.checksum}","startSegment":51,"endSegment":60}`,
    ]);
    assert.equal(state.closed, true);
    assert.equal(state.chunks.length, 60);
    assert.equal(progress.length, 60);
    assert.equal(progress.at(-1), blob.size);
    assert.equal(await sha256(state.bytes()), await sha256(blob.slice(0, blob.size)));
  });
});

Deno.test("download: parts fetched out of order are still written in order", async () => {
  let releaseFirst!: () => void;
  const firstMayGo = new Promise<undefined>((resolve) => releaseFirst = () => resolve(undefined));
  // Part 1 is served only after parts 2 and 3 have been decrypted.
  await withService({ onGet: (part) => part === 1 ? firstMayGo : undefined }, async (service) => {
    const plain = randomBytes(3 * PART_SIZE - 1000);
    const { link, file } = await send(service, new Blob([plain]));
    const client = fakeClient(service);
    const pkg = await openPackage(client, link);
    // Which part a ciphertext is, from what the service stores.
    const partOf = new Map<string, number>();
    const stored = service.packages.get(pkg.packageId)!.files.get(file.fileId)!.stored;
    for (const [part, cipher] of stored) partOf.set(await sha256(cipher), part);
    const decrypted: number[] = [];
    const { stream, state } = collectingSink();
    await downloadFile(client, pkg, pkg.files[0], stream, {
      concurrency: 3,
      decrypt: async (cipher, key) => {
        const out = await decryptPart(cipher, key);
        decrypted.push(partOf.get(await sha256(cipher))!);
        if (decrypted.length === 2) releaseFirst();
        return out;
      },
    });
    assert.deepEqual([...decrypted].sort(), [1, 2, 3]);
    assert.equal(decrypted.at(-1), 1);
    assert.deepEqual(state.chunks.map((c) => c.length), [PART_SIZE, PART_SIZE, PART_SIZE - 1000]);
    assert.equal(await sha256(state.bytes()), await sha256(plain));
  });
});

Deno.test("download: fetching never runs more than `concurrency` parts ahead of the writer", async () => {
  const concurrency = 2;
  let written = 0;
  let worst = 0;
  await withService({
    onGet: (part) => {
      worst = Math.max(worst, part - written);
      return undefined;
    },
  }, async (service) => {
    const blob = new VirtualBlob(12 * PART_SIZE);
    const { link } = await send(service, blob, { plainParts: true });
    const client = fakeClient(service);
    const pkg = await openPackage(client, link);
    const { stream, state } = collectingSink({
      // A slow disk: each write takes a few milliseconds.
      slow: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        written++;
      },
    });
    await downloadFile(client, pkg, pkg.files[0], stream, { concurrency, decrypt: identity });
    assert.equal(state.chunks.length, 12);
    assert.ok(worst <= concurrency, `fetched part ${worst} ahead of the writer`);
  });
});

Deno.test("download: a part failing with a 5xx is fetched again with a fresh URL", async () => {
  await withService(
    { onGet: (part, attempt) => part === 2 && attempt < 3 ? 503 : undefined },
    async (service) => {
      const plain = randomBytes(2 * PART_SIZE + 5);
      const { link } = await send(service, new Blob([plain]));
      const client = fakeClient(service);
      const pkg = await openPackage(client, link);
      service.requests.length = 0;
      service.transfers.length = 0;
      const { stream, state } = collectingSink();
      await downloadFile(client, pkg, pkg.files[0], stream, { concurrency: 1, ...FAST });
      assert.deepEqual(service.transfers, ["GET 1", "GET 2", "GET 2", "GET 2", "GET 3"]);
      const batches = service.requests.filter((r) => r.path.endsWith("/download-urls/"));
      assert.deepEqual(batches.map((r) => JSON.parse(r.body).startSegment), [1, 2, 2]);
      assert.equal(await sha256(state.bytes()), await sha256(plain));
    },
  );
});

Deno.test("download: a part that keeps failing ends in a NETWORK DownloadError, sink aborted", async () => {
  await withService({ onGet: (part) => part === 2 ? 500 : undefined }, async (service) => {
    const { link } = await send(service, new VirtualBlob(3 * PART_SIZE), { plainParts: true });
    const client = fakeClient(service);
    const pkg = await openPackage(client, link);
    const { stream, state } = collectingSink();
    await assert.rejects(
      () =>
        downloadFile(client, pkg, pkg.files[0], stream, { decrypt: identity, retries: 2, ...FAST }),
      (error: unknown) => {
        assert.ok(error instanceof DownloadError);
        assert.equal(error.code, "NETWORK");
        assert.equal(error.part, 2);
        assert.match(error.message, /data\.bin/);
        return true;
      },
    );
    assert.equal(service.transfers.filter((t) => t === "GET 2").length, 3);
    assert.equal(state.closed, false);
    assert.ok(state.aborted);
  });
});

Deno.test("download: a tampered part is a TAMPERED DownloadError naming the part", async () => {
  await withService({}, async (service) => {
    const plain = randomBytes(2 * PART_SIZE + 1);
    const { link, file } = await send(service, new Blob([plain]));
    service.tamper(file.fileId, 2);
    const client = fakeClient(service);
    const pkg = await openPackage(client, link);
    const { stream, state } = collectingSink();
    await assert.rejects(
      () => downloadFile(client, pkg, pkg.files[0], stream, { concurrency: 1, ...FAST }),
      (error: unknown) => {
        assert.ok(error instanceof DownloadError);
        assert.equal(error.name, "DownloadError");
        assert.equal(error.code, "TAMPERED");
        assert.equal(error.part, 2);
        assert.equal(error.fileId, file.fileId);
        assert.match(error.message, /Part 2 of 3 of "data\.bin" failed its integrity check/);
        assert.ok(!error.message.includes(pkg.keyCode));
        return true;
      },
    );
    // Part 1 was written, then the sink was aborted so the partial file is not kept.
    assert.equal(state.chunks.length, 1);
    assert.equal(state.closed, false);
    assert.ok(state.aborted instanceof DownloadError);
  });
});

/** The keyCode with its last character changed. */
function otherKeyCode(keyCode: string): string {
  return keyCode.slice(0, -1) + (keyCode.endsWith("A") ? "B" : "A");
}

Deno.test("download: a wrong keyCode in the link gives a readable WRONG_KEY error", async () => {
  await withService({}, async (service) => {
    const { link, pkg: sent } = await send(service, new Blob(["secret stuff"]));
    const wrongKey = otherKeyCode(sent.keyCode);
    const wrongLink = formatLink(link.split("#")[0], wrongKey);
    const client = fakeClient(service);
    const pkg = await openPackage(client, wrongLink);
    const { stream, state } = collectingSink();
    // The service refuses the checksum of the wrong key.
    await assert.rejects(
      () => downloadFile(client, pkg, pkg.files[0], stream, FAST),
      (error: unknown) => {
        assert.ok(error instanceof DownloadError);
        assert.equal(error.code, "WRONG_KEY");
        assert.match(error.message, /key in the link does not open it/);
        assert.match(error.message, /#keyCode=/);
        assert.ok(!error.message.includes(wrongKey) && !error.message.includes(sent.keyCode));
        return true;
      },
    );
    assert.ok(state.aborted);
    // A service that does not check the checksum: decryption itself tells the key is wrong.
    const unchecked: OpenedPackage = {
      ...pkg,
      checksum: await checksum(sent.keyCode, pkg.packageCode),
    };
    const second = collectingSink();
    await assert.rejects(
      () => downloadFile(client, unchecked, pkg.files[0], second.stream, FAST),
      (error: unknown) => {
        assert.ok(error instanceof DownloadError);
        assert.equal(error.code, "WRONG_KEY");
        assert.match(error.message, /Cannot decrypt "data\.bin": the key in the link/);
        return true;
      },
    );
  });
});

Deno.test("download: parts made by GnuPG: a wrong key is WRONG_KEY, a modified part TAMPERED", async () => {
  await withService({}, async (service) => {
    const plain = randomBytes(PART_SIZE + 5000);
    const client = fakeClient(service);
    const sent = await createPackage(client);
    const file = await uploadFile(client, sent, new Blob([plain]), {
      name: "data.bin",
      encrypt: (part, secret) => gpgSymmetric(part, secret),
      ...FAST,
    });
    const link = await finalizePackage(client, sent, { undisclosed: true });
    const pkg = await openPackage(client, link);
    const whole = collectingSink();
    await downloadFile(client, pkg, pkg.files[0], whole.stream, FAST);
    assert.equal(await sha256(whole.state.bytes()), await sha256(plain));

    // A wrong key (and a service that does not check the checksum): GnuPG's session-key packet
    // takes any passphrase, so it is the data's key check that refuses it.
    const wrong: OpenedPackage = {
      ...await openPackage(client, formatLink(link.split("#")[0], otherKeyCode(sent.keyCode))),
      checksum: pkg.checksum,
    };
    await assert.rejects(
      () => downloadFile(client, wrong, wrong.files[0], collectingSink().stream, FAST),
      (error: unknown) => error instanceof DownloadError && error.code === "WRONG_KEY",
    );
    // The right key and a modified first part: its integrity check fails.
    service.tamper(file.fileId, 1);
    await assert.rejects(
      () => downloadFile(client, pkg, pkg.files[0], collectingSink().stream, FAST),
      (error: unknown) =>
        error instanceof DownloadError && error.code === "TAMPERED" && error.part === 1,
    );
  });
});

Deno.test("download: cancel stops the download, aborts the sink and rejects with AbortError", async () => {
  let getTwoStarted!: () => void;
  const started = new Promise<void>((resolve) => getTwoStarted = resolve);
  let release!: () => void;
  const released = new Promise<undefined>((resolve) => release = () => resolve(undefined));
  await withService({
    onGet: (part) => {
      if (part !== 2) return undefined;
      getTwoStarted();
      return released;
    },
  }, async (service) => {
    const { link } = await send(service, new VirtualBlob(3 * PART_SIZE), { plainParts: true });
    const signals: AbortSignal[] = [];
    const client = fakeClient(service, "signed", (input, init) => {
      if (String(input).includes("/parts/")) signals.push(init!.signal!);
      return fetch(input, init);
    });
    const pkg = await openPackage(client, link);
    const controller = new AbortController();
    const { stream, state } = collectingSink();
    const download = downloadFile(client, pkg, pkg.files[0], stream, {
      concurrency: 1,
      decrypt: identity,
      signal: controller.signal,
    });
    try {
      await started;
      controller.abort();
      await assert.rejects(download, isAbortError);
    } finally {
      release();
    }
    assert.equal(signals.length, 2);
    assert.equal(signals[1].aborted, true);
    assert.ok(state.aborted instanceof DOMException);
    assert.equal(state.closed, false);
    assert.equal(state.chunks.length, 1);
  });
});

Deno.test("download: readMessage decrypts the message with \\n line endings", async () => {
  await withService({}, async (service) => {
    const { link } = await send(service, new Blob(["x"]), { message: "Hello,\nhere it is ✓" });
    const client = fakeClient(service);
    const pkg = await openPackage(client, link);
    service.requests.length = 0;
    assert.equal(await readMessage(client, pkg), "Hello,\nhere it is ✓");
    assert.deepEqual(service.requests.map((r) => `${r.method} ${r.path}`), [
      `GET /package/${pkg.packageId}/message/${pkg.checksum}`,
    ]);
    const { link: bare } = await send(service, new Blob(["y"]));
    assert.equal(await readMessage(client, await openPackage(client, bare)), undefined);
  });
});

Deno.test("download: invalid options are refused before any request", async () => {
  await withService({}, async (service) => {
    const { link } = await send(service, new Blob(["x"]));
    const client = fakeClient(service);
    const pkg = await openPackage(client, link);
    service.requests.length = 0;
    const { stream } = collectingSink();
    await assert.rejects(
      () => downloadFile(client, pkg, pkg.files[0], stream, { concurrency: 0 }),
      RangeError,
    );
    await assert.rejects(
      () => downloadFile(client, pkg, { ...pkg.files[0], parts: 0 }, stream),
      RangeError,
    );
    assert.equal(service.requests.length, 0);
  });
});
