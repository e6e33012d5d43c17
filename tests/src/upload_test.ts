/**
 * Tests of src/upload.ts against the in-memory fake service: round trips with real encryption,
 * URL batches, bounded memory, retries, the proxy fallback, cancel, resume, upload-complete
 * polling, and finalize.
 */
import assert from "node:assert/strict";
import { ApiError } from "../../src/api.ts";
import { downloadFile, openPackage } from "../../src/download.ts";
import { checksum } from "../../src/keys.ts";
import { parseLink } from "../../src/link.ts";
import {
  createPackage,
  finalizePackage,
  PackageNeedsApprovalError,
  PART_SIZE,
  partCount,
  UploadError,
  uploadFile,
  uploadFiles,
} from "../../src/upload.ts";
import {
  collectingSink,
  fakeClient,
  type FakeOptions,
  isAbortError,
  randomBytes,
  sha256,
  startFakeService,
  VirtualBlob,
} from "./_fake_service.ts";

const identity = (bytes: Uint8Array) => Promise.resolve(bytes.slice());
const FAST = { retryDelay: 1, completeInterval: 1 };

/** Runs `body` with a fresh fake service, closing it afterwards. */
async function withService(
  options: FakeOptions,
  body: (service: ReturnType<typeof startFakeService>) => Promise<void>,
) {
  const service = startFakeService(options);
  try {
    await body(service);
  } finally {
    await service.close();
  }
}

/** Downloads the only file behind `link` and returns its bytes. */
async function fetchBack(
  service: ReturnType<typeof startFakeService>,
  link: string,
  decrypt?: (c: Uint8Array, p: string) => Promise<Uint8Array>,
) {
  const client = fakeClient(service);
  const pkg = await openPackage(client, link);
  assert.equal(pkg.files.length, 1);
  const { stream, state } = collectingSink();
  await downloadFile(client, pkg, pkg.files[0], stream, { decrypt, ...FAST });
  assert.equal(state.closed, true);
  return state.bytes();
}

Deno.test("upload: partCount is ceil(size / PART_SIZE), at least 1", () => {
  assert.equal(PART_SIZE, 2_621_440);
  assert.equal(partCount(0), 1);
  assert.equal(partCount(1), 1);
  assert.equal(partCount(PART_SIZE), 1);
  assert.equal(partCount(PART_SIZE + 1), 2);
  assert.equal(partCount(6_000_000), 3);
  assert.throws(() => partCount(-1), RangeError);
  assert.throws(() => partCount(1.5), RangeError);
});

for (const size of [0, 1, PART_SIZE, 6_000_000]) {
  Deno.test(`upload: a ${size}-byte file round-trips encrypted (SHA-256 equal)`, async () => {
    await withService({}, async (service) => {
      const client = fakeClient(service);
      const plain = randomBytes(size);
      const pkg = await createPackage(client);
      assert.match(pkg.keyCode, /^[A-Za-z0-9_-]{43}$/);
      const progress: [number, number][] = [];
      const uploaded = await uploadFile(client, pkg, new Blob([plain]), {
        name: "report é.bin",
        onProgress: (done, total) => progress.push([done, total]),
        ...FAST,
      });
      assert.equal(uploaded.name, "report é.bin");
      assert.equal(uploaded.size, size);

      const parts = partCount(size);
      const create = service.requests.find((r) => r.path.endsWith("/file/"))!;
      assert.equal(
        create.body,
        `{"filename":"report%20%C3%A9.bin","uploadType":"JS_API","parts":${parts},` +
          `"filesize":${size}}`,
      );
      // Only ciphertext is stored: each part is an OpenPGP message a little larger than its plaintext.
      const stored = service.packages.get(pkg.packageId)!.files.get(uploaded.fileId)!.stored;
      assert.equal(stored.size, parts);
      for (let part = 1; part <= parts; part++) {
        const plainLength = Math.min(size, part * PART_SIZE) - (part - 1) * PART_SIZE;
        assert.ok(stored.get(part)!.length > plainLength);
        assert.ok(stored.get(part)!.length < plainLength + 200);
      }
      assert.deepEqual(progress[0], [0, size]);
      assert.deepEqual(progress.at(-1), [size, size]);
      assert.equal(progress.length, parts + 1);
      assert.ok(service.requests.some((r) => r.path.endsWith("/upload-complete/")));

      const link = await finalizePackage(client, pkg, { undisclosed: true });
      assert.equal(parseLink(link).keyCode, pkg.keyCode);
      assert.ok(link.startsWith(`${service.url}/receive/?thread=${pkg.packageId}&packageCode=`));
      // The keyCode reached no request.
      for (const request of service.requests) {
        assert.ok(!request.body.includes(pkg.keyCode) && !request.path.includes(pkg.keyCode));
      }
      assert.equal(await sha256(await fetchBack(service, link)), await sha256(plain));
    });
  });
}

Deno.test("upload: Dropzone uploadFiles sends several files, a message and the sender", async () => {
  await withService({}, async (service) => {
    const client = fakeClient(service, "dropzone");
    const first = randomBytes(1000);
    const second = randomBytes(PART_SIZE + 10);
    const progress: number[] = [];
    const result = await uploadFiles(client, [
      { blob: new Blob([first]), name: "a.txt" },
      { blob: new Blob([second]), name: "b.bin" },
    ], {
      undisclosed: false,
      unconfirmedSender: "user@example.com",
      message: "Hello\nthere",
      onProgress: (done, total) => {
        assert.equal(total, first.length + second.length);
        progress.push(done);
      },
      ...FAST,
    });
    assert.deepEqual(result.files.map((f) => [f.name, f.size]), [
      ["a.txt", 1000],
      ["b.bin", PART_SIZE + 10],
    ]);
    // File by file; the parts of the second file may finish in any order.
    assert.deepEqual(progress.slice(0, 3), [0, 1000, 1000]);
    assert.equal(progress.length, 5);
    assert.ok([1010, 1000 + PART_SIZE].includes(progress[3]));
    assert.equal(progress[4], 1000 + PART_SIZE + 10);
    assert.ok(service.requests.every((r) => r.prefix === "/drop-zone/v2.0"));
    const pkg = service.packages.get(result.package.packageId)!;
    assert.deepEqual(pkg.finalizeBody, {
      checksum: await checksum(result.package.keyCode, pkg.packageCode),
      undisclosedRecipients: false,
      notifyRecipients: false,
      unconfirmedSender: "user@example.com",
    });
    const agent = fakeClient(service);
    const opened = await openPackage(agent, result.link);
    assert.deepEqual(opened.files.map((f) => f.fileName), ["a.txt", "b.bin"]);
    const { stream, state } = collectingSink();
    await downloadFile(agent, opened, opened.files[1], stream);
    assert.equal(await sha256(state.bytes()), await sha256(second));
  });
});

Deno.test("upload: URLs come in batches of 25, each part is read once, memory is bounded", async () => {
  await withService({}, async (service) => {
    const client = fakeClient(service);
    const blob = new VirtualBlob(60 * PART_SIZE - 5);
    const concurrency = 3;
    let held = 0;
    let maxHeld = 0;
    const pkg = await createPackage(client);
    await uploadFile(client, pkg, blob, {
      name: "big.bin",
      concurrency,
      encrypt: (bytes) => {
        maxHeld = Math.max(maxHeld, ++held);
        return identity(bytes);
      },
      onProgress: (done) => {
        if (done > 0) held--;
      },
      ...FAST,
    });
    assert.equal(blob.slices, 60);
    assert.ok(maxHeld <= concurrency, `${maxHeld} parts in memory`);
    const batches = service.requests.filter((r) => r.path.endsWith("/upload-urls/"));
    assert.deepEqual(batches.map((r) => r.body), [
      '{"part":1,"forceProxy":false}',
      '{"part":26,"forceProxy":false}',
      '{"part":51,"forceProxy":false}',
    ]);
    const puts = service.transfers.filter((t) => t.startsWith("PUT")).sort();
    assert.equal(puts.length, 60);
    assert.equal(new Set(puts).size, 60);
  });
});

Deno.test("upload: a part failing with a 5xx is retried with a fresh URL", async () => {
  await withService(
    { onPut: (part, attempt) => part === 2 && attempt === 1 ? 503 : undefined },
    async (service) => {
      const client = fakeClient(service);
      const plain = randomBytes(2 * PART_SIZE + 7);
      const pkg = await createPackage(client);
      await uploadFile(client, pkg, new Blob([plain]), { name: "f", concurrency: 1, ...FAST });
      assert.deepEqual(service.transfers, ["PUT 1", "PUT 2", "PUT 2", "PUT 3"]);
      const batches = service.requests.filter((r) => r.path.endsWith("/upload-urls/"));
      assert.deepEqual(batches.map((r) => JSON.parse(r.body).part), [1, 2]);
      const link = await finalizePackage(client, pkg, { undisclosed: true });
      assert.equal(await sha256(await fetchBack(service, link)), await sha256(plain));
    },
  );
});

Deno.test("upload: onRecovered comes when a failed part goes through, not when a part sent before lands", async () => {
  let serverPuts = 0;
  await withService(
    // The first PUT the service sees fails once; the part PUT before it is held back until then.
    { onPut: () => ++serverPuts === 1 ? 503 : undefined },
    async (service) => {
      const client = fakeClient(service);
      const put = client.putPart.bind(client);
      let calls = 0;
      let release!: () => void;
      const released = new Promise<void>((resolve) => release = resolve);
      let heldLanded!: () => void;
      const held = new Promise<void>((resolve) => heldLanded = resolve);
      client.putPart = async (url, bytes, signal) => {
        const call = ++calls;
        if (call === 1) {
          // Sent before the failure, answered after it (as across the start of an outage).
          await released;
          await put(url, bytes, signal);
          heldLanded();
          return;
        }
        if (call === 3) await held; // the retry goes through only after that late answer
        await put(url, bytes, signal);
      };
      const events: string[] = [];
      const pkg = await createPackage(client);
      await uploadFile(client, pkg, new Blob([randomBytes(2 * PART_SIZE)]), {
        name: "f",
        concurrency: 2,
        encrypt: identity,
        ...FAST,
        onRetry: () => {
          events.push("retry");
          release();
        },
        onProgress: (done) => events.push(done === 0 ? "start" : "progress"),
        onRecovered: () => events.push("recovered"),
      });
      assert.deepEqual(events, ["start", "retry", "progress", "recovered", "progress"]);
    },
  );
});

for (const mode of ["signed", "dropzone"] as const) {
  Deno.test(`upload: ${mode} mode falls back to the proxy when PUTs keep failing`, async () => {
    await withService({ onPut: () => 500 }, async (service) => {
      const client = fakeClient(service, mode);
      const plain = randomBytes(2 * PART_SIZE + 99);
      const pkg = await createPackage(client);
      await uploadFile(client, pkg, new Blob([plain]), {
        name: "f",
        concurrency: 1,
        retries: 2,
        ...FAST,
      });
      assert.deepEqual(service.transfers, [
        "PUT 1",
        "PUT 1",
        "PUT 1",
        "PROXY 1",
        "PROXY 2",
        "PROXY 3",
      ]);
      const prefix = mode === "signed" ? "/api/v2.0" : "/drop-zone/v2.0";
      const proxied = service.requests.filter((r) => /\/file\/[^/]+\/$/.test(r.path));
      assert.equal(proxied.length, 3);
      for (const [index, request] of proxied.entries()) {
        assert.equal(request.prefix, prefix);
        assert.equal(request.method, "POST");
        const fileId = request.path.split("/")[4];
        assert.equal(
          request.body,
          `{"fileId":"${fileId}","uploadType":"JS_API","filePart":${index + 1}}`,
        );
      }
      // The proxy completes the file: no upload-complete call (spec 2.4.3).
      assert.ok(!service.requests.some((r) => r.path.endsWith("/upload-complete/")));
      const link = await finalizePackage(client, pkg, { undisclosed: mode === "signed" });
      assert.equal(await sha256(await fetchBack(service, link)), await sha256(plain));
    });
  });
}

Deno.test("upload: an envelope error is not retried and becomes UploadError", async () => {
  await withService(
    { createFileAnswer: { response: "LIMIT_EXCEEDED", message: "Too big" } },
    async (service) => {
      const client = fakeClient(service);
      const pkg = await createPackage(client);
      await assert.rejects(
        () => uploadFile(client, pkg, new Blob(["x"]), { name: "x.txt", ...FAST }),
        (error: unknown) => {
          assert.ok(error instanceof UploadError);
          assert.equal(error.name, "UploadError");
          assert.equal(error.code, "LIMIT_EXCEEDED");
          assert.equal(error.fileId, undefined);
          assert.deepEqual(error.completedParts, []);
          assert.ok(error.cause instanceof ApiError);
          assert.match(error.message, /x\.txt.*Too big/);
          return true;
        },
      );
      assert.equal(service.requests.filter((r) => r.path.endsWith("/file/")).length, 1);
    },
  );
});

Deno.test("upload: cancel stops the request in flight and rejects with AbortError", async () => {
  let putTwoStarted!: () => void;
  const started = new Promise<void>((resolve) => putTwoStarted = resolve);
  let release!: () => void;
  const released = new Promise<undefined>((resolve) => release = () => resolve(undefined));
  await withService({
    onPut: (part) => {
      if (part !== 2) return undefined;
      putTwoStarted();
      // Hold the request until the test is over.
      return released;
    },
  }, async (service) => {
    // Record the signal of every part transfer to see that cancel reaches it.
    const transferSignals: AbortSignal[] = [];
    const client = fakeClient(service, "signed", (input, init) => {
      if (String(input).includes("/parts/")) transferSignals.push(init!.signal!);
      return fetch(input, init);
    });
    const pkg = await createPackage(client);
    const controller = new AbortController();
    const upload = uploadFile(client, pkg, new VirtualBlob(3 * PART_SIZE), {
      name: "f",
      concurrency: 1,
      encrypt: identity,
      signal: controller.signal,
      ...FAST,
    });
    try {
      await started;
      controller.abort();
      await assert.rejects(upload, isAbortError);
    } finally {
      release();
    }
    assert.equal(transferSignals.length, 2);
    assert.equal(transferSignals[1].aborted, true);
    assert.deepEqual(service.transfers, ["PUT 1", "PUT 2"]);
    assert.ok(!service.requests.some((r) => r.path.endsWith("/upload-complete/")));
  });
});

Deno.test("upload: resume after UploadError uploads only the missing parts", async () => {
  let broken = true;
  await withService(
    { onPut: (part) => broken && part === 3 ? 502 : undefined },
    async (service) => {
      const client = fakeClient(service);
      const blob = new VirtualBlob(4 * PART_SIZE - 1);
      const pkg = await createPackage(client);
      const options = { name: "f", encrypt: identity, retries: 1, proxyFallback: false, ...FAST };
      const failure = await uploadFile(client, pkg, blob, options).then(
        () => assert.fail("the upload should fail"),
        (error: unknown) => error,
      );
      assert.ok(failure instanceof UploadError);
      assert.equal(failure.code, "HTTP_ERROR");
      assert.ok(failure.fileId);
      assert.deepEqual(failure.completedParts, [1, 2, 4]);
      assert.ok(!service.requests.some((r) => r.path.endsWith("/upload-complete/")));

      broken = false;
      service.transfers.length = 0;
      const progress: number[] = [];
      const resumed = await uploadFile(client, pkg, blob, {
        ...options,
        resume: { fileId: failure.fileId, completedParts: failure.completedParts },
        onProgress: (done) => progress.push(done),
      });
      assert.equal(resumed.fileId, failure.fileId);
      assert.deepEqual(service.transfers, ["PUT 3"]);
      assert.deepEqual(progress, [3 * PART_SIZE - 1, 4 * PART_SIZE - 1]);
      assert.equal(service.requests.filter((r) => r.path.endsWith("/file/")).length, 1);
      const link = await finalizePackage(client, pkg, { undisclosed: true });
      const back = await fetchBack(service, link, identity);
      assert.equal(await sha256(back), await sha256(blob.slice(0, blob.size)));
    },
  );
});

Deno.test("upload: upload-complete is polled until confirmed, and the polls are bounded", async () => {
  await withService({ completeAfter: 2 }, async (service) => {
    const client = fakeClient(service);
    const pkg = await createPackage(client);
    await uploadFile(client, pkg, new Blob(["abc"]), { name: "f", ...FAST });
    const polls = service.requests.filter((r) => r.path.endsWith("/upload-complete/"));
    assert.equal(polls.length, 3);
    assert.ok(polls.every((r) => r.body === '{"complete":true,"directoryId":""}'));
  });
  await withService({ completeAfter: 100 }, async (service) => {
    const client = fakeClient(service);
    const pkg = await createPackage(client);
    await assert.rejects(
      () => uploadFile(client, pkg, new Blob(["abc"]), { name: "f", completePolls: 4, ...FAST }),
      (error: unknown) => {
        assert.ok(error instanceof UploadError);
        assert.equal(error.code, "FILE_INCOMPLETE");
        assert.deepEqual(error.completedParts, [1]);
        return true;
      },
    );
    assert.equal(service.requests.filter((r) => r.path.endsWith("/upload-complete/")).length, 4);
  });
});

Deno.test("upload: finalize with recipients, a message and escrow to public keys", async () => {
  const publicKeys = [{ id: "key-1", key: "ARMORED-1" }, { id: "key-2", key: "ARMORED-2" }];
  await withService({ publicKeys }, async (service) => {
    const client = fakeClient(service);
    const pkg = await createPackage(client);
    await uploadFile(client, pkg, new Blob(["hi"]), { name: "hi.txt", ...FAST });
    service.requests.length = 0;
    const escrowCalls: [string, string][] = [];
    const link = await finalizePackage(client, pkg, {
      undisclosed: false,
      recipients: ["end.user@example.com"],
      notifyRecipients: true,
      message: "Here you are",
      encryptKeyCode: (keyCode, key) => {
        escrowCalls.push([keyCode, key]);
        return Promise.resolve(`PGP(${key})`);
      },
    });
    assert.deepEqual(service.requests.map((r) => `${r.method} ${r.path}`), [
      `PUT /package/${pkg.packageId}/recipients/`,
      `PUT /package/${pkg.packageId}/message/`,
      `GET /package/${pkg.packageId}/public-keys/`,
      `PUT /package/${pkg.packageId}/link/key-1/`,
      `PUT /package/${pkg.packageId}/link/key-2/`,
      `POST /package/${pkg.packageId}/finalize/`,
    ]);
    assert.equal(
      service.requests[0].body,
      '{"emails":["end.user@example.com"],"autoEnableSMS":false}',
    );
    assert.deepEqual(escrowCalls, [[pkg.keyCode, "ARMORED-1"], [pkg.keyCode, "ARMORED-2"]]);
    assert.equal(
      service.requests[3].body,
      '{"keycode":"PGP(ARMORED-1)","notifyRecipients":true}',
    );
    assert.equal(
      service.requests[5].body,
      `{"checksum":"${await checksum(pkg.keyCode, pkg.packageCode)}",` +
        `"undisclosedRecipients":false,"notifyRecipients":true}`,
    );
    const stored = service.packages.get(pkg.packageId)!;
    assert.ok(stored.message && !stored.message.includes("Here you are"));
    assert.equal(parseLink(link).keyCode, pkg.keyCode);
  });
});

Deno.test("upload: an undisclosed finalize skips escrow and sends the password", async () => {
  await withService({ publicKeys: [{ id: "k", key: "K" }] }, async (service) => {
    const client = fakeClient(service);
    const pkg = await createPackage(client);
    service.requests.length = 0;
    await finalizePackage(client, pkg, { undisclosed: true, password: "pw" });
    assert.deepEqual(service.requests.map((r) => r.path), [`/package/${pkg.packageId}/finalize/`]);
    assert.equal(
      service.requests[0].body,
      `{"checksum":"${await checksum(pkg.keyCode, pkg.packageCode)}",` +
        `"undisclosedRecipients":true,"notifyRecipients":false,"password":"pw"}`,
    );
  });
});

Deno.test("upload: PACKAGE_NEEDS_APPROVAL throws an error that carries the link", async () => {
  await withService({ needsApproval: true }, async (service) => {
    const client = fakeClient(service);
    const pkg = await createPackage(client);
    await assert.rejects(
      () => finalizePackage(client, pkg, { undisclosed: false }),
      (error: unknown) => {
        assert.ok(error instanceof PackageNeedsApprovalError);
        assert.equal(error.name, "PackageNeedsApprovalError");
        assert.equal(parseLink(error.link).keyCode, pkg.keyCode);
        assert.ok(!error.message.includes(pkg.keyCode));
        return true;
      },
    );
  });
});

Deno.test("upload: invalid options are refused before any request", async () => {
  await withService({}, async (service) => {
    const client = fakeClient(service);
    const pkg = await createPackage(client);
    service.requests.length = 0;
    const blob = new Blob(["x"]);
    await assert.rejects(() => uploadFile(client, pkg, blob, { name: "" }), TypeError);
    await assert.rejects(
      () => uploadFile(client, pkg, blob, { name: "x", concurrency: 0 }),
      RangeError,
    );
    await assert.rejects(
      () => uploadFile(client, pkg, blob, { name: "x", retries: -1 }),
      RangeError,
    );
    await assert.rejects(
      () =>
        uploadFile(client, pkg, blob, { name: "x", resume: { fileId: "F", completedParts: [2] } }),
      RangeError,
    );
    await assert.rejects(
      () => uploadFile(client, pkg, blob, { name: "x", signal: AbortSignal.abort() }),
      (error: unknown) => error instanceof DOMException && error.name === "AbortError",
    );
    assert.equal(service.requests.length, 0);
  });
});
