/**
 * The `src/` upload and download through a bad network, with the real service behind the fault
 * proxy (every call and every part transfer goes through it): 5xx bursts, dropped connections,
 * resets in the middle of a request or response body, answers slower than the client's time
 * limits, refused and black-holed outages (a few seconds here; the widget test waits out a full
 * minute), and outages longer than the client waits. Files always arrive byte-identical, and a
 * part the client knows is stored is never sent again.
 */
import assert from "node:assert/strict";
import { DownloadError } from "../../src/download.ts";
import type { RetryInfo } from "../../src/upload.ts";
import {
  createPackage,
  finalizePackage,
  PART_SIZE,
  UploadError,
  uploadFile,
} from "../../src/upload.ts";
import {
  deliveredBefore,
  downloadLink,
  outageAfter,
  randomBytes,
  sha256,
  transfersAfter,
  transfersAround,
} from "./_helpers.ts";
import { startProxiedService } from "./_service.ts";

/** Short backoff: the policy is the same (the browser tests use the defaults), the test waits less. */
const QUICK = { retryDelay: 200, maxRetryDelay: 1000 };

Deno.test("5xx bursts, dropped connections and resets mid-body: files arrive byte-identical", async () => {
  const service = await startProxiedService();
  try {
    const { proxy } = service;
    const counters = new Map<string, number>();
    const nth = (name: string) => {
      const value = (counters.get(name) ?? 0) + 1;
      counters.set(name, value);
      return value;
    };
    proxy.addRule((request) => {
      if (request.path.endsWith("/upload-urls/")) {
        return nth("upload-urls") <= 2 ? { status: 503 } : undefined;
      }
      if (request.path.endsWith("/download-urls/")) {
        return nth("download-urls") === 1 ? { status: 504 } : undefined;
      }
      if (request.kind === "part-put") {
        const seq = nth("put");
        if (seq <= 3) return { status: 503 };
        if (seq === 5) return { resetRequestAfter: 1_000_000 };
        if (seq === 7) return { drop: true };
      }
      if (request.kind === "part-get") {
        const seq = nth("get");
        if (seq === 1) return { resetResponseAfter: 500_000 };
        if (seq === 3) return { status: 502 };
        if (seq === 4) return { drop: true };
      }
      return undefined;
    });
    const client = service.dropzoneClient();
    const bytes = randomBytes(5 * PART_SIZE + 777);
    const retries: RetryInfo[] = [];
    const pkg = await createPackage(client);
    await uploadFile(client, pkg, new Blob([bytes]), {
      name: "burst.bin",
      onRetry: (retry) => retries.push(retry),
      ...QUICK,
    });
    const link = await finalizePackage(client, pkg, {
      undisclosed: false,
      unconfirmedSender: "requester@example.com",
    });
    const received = await downloadLink(service.agentClient(), link, {
      onRetry: (retry) => retries.push(retry),
      ...QUICK,
    });
    assert.equal(await sha256(received.get("burst.bin")!), await sha256(bytes));

    // Every scripted fault happened and was answered with a retry.
    const faults = proxy.log.filter((exchange) => exchange.fault).map((exchange) => exchange.fault);
    for (
      const fault of [
        "status 503",
        "status 504",
        "status 502",
        "reset-request@1000000",
        "reset-response@500000",
        "drop",
      ]
    ) {
      assert.ok(faults.includes(fault), `${fault} in ${faults.join(", ")}`);
    }
    assert.ok(retries.length >= 6, `${retries.length} retries`);
    assert.ok(retries.some((retry) => retry.reconnecting));
    // A part cut in the middle was never taken for a whole one: the service holds each part once,
    // with exactly the bytes that decrypt (checked above), and logged no unexpected error.
    assert.ok(!service.logs.some((entry) => entry.event === "error"), "no error in the log");
  } finally {
    await service.close();
  }
});

Deno.test("answers slower than the client's time limits are retried; slow bodies arrive whole", async () => {
  const service = await startProxiedService();
  try {
    const { proxy } = service;
    let batches = 0;
    proxy.addRule((request) => {
      if (request.path.endsWith("/upload-urls/") && ++batches === 1) return { delayMs: 2500 };
      if (request.kind === "part-put" && request.seq === 2) return { delayMs: 4000 };
      if (request.kind === "part-get" && request.seq === 2) return { bytesPerSecond: 400_000 };
      if (request.kind === "part-get") return { bytesPerSecond: 8_000_000 };
      return undefined;
    });
    // Time limits far below the defaults (25 s, 120 s), so that the slow answers exceed them.
    const client = service.agentClient({ timeout: 1500, partTimeout: 3000 });
    const bytes = randomBytes(3 * PART_SIZE + 5);
    const retries: RetryInfo[] = [];
    const pkg = await createPackage(client);
    await uploadFile(client, pkg, new Blob([bytes]), {
      name: "slow.bin",
      onRetry: (retry) => retries.push(retry),
      ...QUICK,
    });
    const link = await finalizePackage(client, pkg, { undisclosed: true });
    const received = await downloadLink(client, link, {
      onRetry: (retry) => retries.push(retry),
      ...QUICK,
    });
    assert.equal(await sha256(received.get("slow.bin")!), await sha256(bytes));
    const timeouts = retries.filter((retry) => /within/.test(String(retry.error)));
    assert.ok(timeouts.length >= 3, retries.map((retry) => String(retry.error)).join("\n"));
    assert.ok(timeouts.every((retry) => retry.reconnecting));
    assert.ok(proxy.log.some((exchange) => exchange.fault === "slow 8000000B/s"));
  } finally {
    await service.close();
  }
});

Deno.test("outages mid-upload (refused) and mid-download (black hole) are waited out; nothing is sent twice", async () => {
  const service = await startProxiedService();
  try {
    const { proxy } = service;
    const client = service.agentClient();
    const bytes = randomBytes(8 * PART_SIZE - 1);
    const retries: RetryInfo[] = [];
    const pkg = await createPackage(client);
    // The network goes away right after the second part is stored, for 6 seconds.
    const outage = outageAfter(proxy, { kind: "part-put", count: 2, mode: "refuse", ms: 6000 });
    await uploadFile(client, pkg, new Blob([bytes]), {
      name: "outage.bin",
      onRetry: (retry) => retries.push(retry),
      ...QUICK,
    });
    await outage;
    const upOutage = proxy.outages[0];
    assert.ok(upOutage.endedAt !== undefined);
    assert.ok(retries.some((retry) => retry.reconnecting), "it waited for the network");
    const stored = transfersAround(proxy, "part-put", upOutage.startedAt);
    assert.ok(stored.before.size >= 2, `${stored.before.size} parts stored before the outage`);
    assert.deepEqual(stored.repeated, [], "no stored part sent again");
    assert.equal(new Set([...stored.before, ...stored.after]).size, 8, "every part was sent");

    const link = await finalizePackage(client, pkg, { undisclosed: true });
    retries.length = 0;
    const downOutage = outageAfter(proxy, { kind: "part-get", count: 2, mode: "hang", ms: 6000 });
    const received = await downloadLink(client, link, {
      onRetry: (retry) => retries.push(retry),
      ...QUICK,
    });
    await downOutage;
    assert.equal(await sha256(received.get("outage.bin")!), await sha256(bytes));
    const hang = proxy.outages[1];
    assert.equal(hang.mode, "hang");
    assert.ok(retries.some((retry) => retry.reconnecting));
    const fetched = transfersAround(proxy, "part-get", hang.startedAt);
    assert.ok(fetched.before.size >= 2);
    assert.deepEqual(fetched.repeated, [], "no part fetched twice");
  } finally {
    await service.close();
  }
});

Deno.test("an outage longer than the client waits: a typed error, then a resume that sends only what is missing", async () => {
  const service = await startProxiedService();
  try {
    const { proxy } = service;
    const client = service.dropzoneClient();
    const bytes = randomBytes(6 * PART_SIZE + 3);
    const pkg = await createPackage(client);
    const options = { name: "long.bin", reconnectFor: 1500, ...QUICK };
    // The outage lasts until the test ends it.
    void outageAfter(proxy, { kind: "part-put", count: 2, mode: "refuse" });
    const failure = await uploadFile(client, pkg, new Blob([bytes]), options).then(
      () => assert.fail("the upload should give up"),
      (error: unknown) => error,
    );
    assert.ok(failure instanceof UploadError, String(failure));
    assert.equal(failure.code, "NETWORK_ERROR");
    assert.match(failure.message, /Could not upload "long\.bin": Could not reach/);
    assert.ok(failure.fileId);
    const outage = proxy.outages[0];
    const stored = deliveredBefore(proxy, "part-put", outage.startedAt);
    const known = new Set(failure.completedParts.map((part) => `${failure.fileId}:${part}`));
    assert.deepEqual([...stored].filter((key) => !known.has(key)), [], "it knows what is stored");

    proxy.endOutage();
    const resumedAt = performance.now();
    await uploadFile(client, pkg, new Blob([bytes]), {
      ...options,
      resume: { fileId: failure.fileId, completedParts: failure.completedParts },
    });
    const sent = transfersAfter(proxy, "part-put", resumedAt);
    assert.deepEqual(sent.filter((key) => known.has(key)), [], "stored parts are not sent again");
    assert.equal(sent.length + known.size, 7, "every part is stored once");
    const link = await finalizePackage(client, pkg, {
      undisclosed: false,
      unconfirmedSender: "requester@example.com",
    });

    // A download gives up the same way, and works once the network is back.
    const agent = service.agentClient();
    void outageAfter(proxy, { kind: "part-get", count: 1, mode: "refuse" });
    const downloadFailure = await downloadLink(agent, link, { reconnectFor: 1500, ...QUICK }).then(
      () => assert.fail("the download should give up"),
      (error: unknown) => error,
    );
    assert.ok(downloadFailure instanceof DownloadError, String(downloadFailure));
    assert.equal(downloadFailure.code, "NETWORK");
    assert.match(downloadFailure.message, /Could not download "long\.bin"/);
    proxy.endOutage();
    const received = await downloadLink(agent, link);
    assert.equal(await sha256(received.get("long.bin")!), await sha256(bytes));
  } finally {
    await service.close();
  }
});
